//! Every service and HTTP test in one binary: each area is a module, so the server is linked once
//! rather than once per area. `common` holds the harness they share.

mod account;
mod admin_subscriptions;
mod billing;
mod billing_cards;
mod billing_webhooks;
mod bio;
mod bio_analytics;
mod bio_images;
mod common;
mod crm_contacts;
mod crm_deals;
mod crm_intake;
mod drain;
mod email;
mod email_campaigns;
mod email_templates;
mod events;
mod google;
mod health;
mod home;
mod identity;
mod indexes;
mod isolation;
mod jobs;
mod lifecycle;
mod mfa;
mod onboarding;
mod pages;
mod plan_impact;
mod plans;
mod security;
mod sessions;
mod tiers;
mod workspace_logo;
mod workspaces;
