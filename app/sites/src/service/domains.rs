//! Sites' custom domains: the owner adds `www.example.com`, is shown a TXT record that proves
//! ownership and a CNAME (or, for an apex, an A record) that points it at the platform's proxy,
//! and the app checks both in DNS. Only active domains are served, and only they may have a
//! certificate issued (the proxy asks [`may_issue`]).

use super::store::{domains, rfc3339, DomainDoc};
use crate::model::domain::clean_domain;
use crate::model::{DnsRecord, DomainView, DomainsPanel};
use app_core::error::AppError;
use app_core::ids::new_id;
use futures_util::future::BoxFuture;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, Document};
use platform::jobs::{JobKind, Schedule};
use platform::{dns, AppState};
use workspaces::WorkspaceScope;

/// Most domains one site may have.
pub const MAX_PER_SITE: usize = 5;
/// How long a new domain stays pending before a failed check marks it failed.
const PENDING_HOURS: i64 = 72;

/// The name the ownership TXT record goes at.
pub fn txt_host(domain: &str) -> String {
    format!("_mewayz.{domain}")
}

/// The value the ownership TXT record holds.
pub fn txt_value(token: &str) -> String {
    format!("mewayz-verify={token}")
}

/// An apex domain (`example.com`) cannot have a CNAME; it points with an A record.
fn is_apex(domain: &str) -> bool {
    domain.matches('.').count() == 1
}

fn view(state: &AppState, d: &DomainDoc) -> DomainView {
    let sites = &state.config.sites;
    let mut records = vec![DnsRecord {
        kind: "TXT".into(),
        host: txt_host(&d.domain),
        value: txt_value(&d.token),
        found: d.found[0],
    }];
    match (is_apex(&d.domain), &sites.ipv4, &sites.cname_target) {
        (true, Some(ip), _) => records.push(DnsRecord {
            kind: "A".into(),
            host: d.domain.clone(),
            value: ip.to_string(),
            found: d.found[1],
        }),
        (_, _, Some(target)) => records.push(DnsRecord {
            kind: "CNAME".into(),
            host: d.domain.clone(),
            value: target.clone(),
            found: d.found[1],
        }),
        _ => {}
    }
    DomainView {
        domain: d.domain.clone(),
        status: d.status.clone(),
        reason: d.reason.clone(),
        records,
        checked_at: d.checked_at.map(rfc3339),
    }
}

/// The active custom domain of site `site_id`, if it has one.
pub async fn active_of(state: &AppState, site_id: &str) -> Option<String> {
    domains(&state.db)
        .find_one(doc! { "site_id": site_id, "status": "active" })
        .await
        .ok()
        .flatten()
        .map(|d| d.domain)
}

/// The active domain of each of the workspace's sites that has one, by site id.
pub async fn active_in(
    state: &AppState,
    scope: &WorkspaceScope,
) -> Result<std::collections::HashMap<String, String>, AppError> {
    let docs: Vec<DomainDoc> = domains(&state.db)
        .find(scope.filter_with(doc! { "status": "active" }))
        .await?
        .try_collect()
        .await?;
    Ok(docs.into_iter().map(|d| (d.site_id, d.domain)).collect())
}

/// The active domain `host` (lowercased, without port), if one is: which site it serves.
pub async fn active(state: &AppState, host: &str) -> Result<Option<DomainDoc>, AppError> {
    Ok(domains(&state.db)
        .find_one(doc! { "domain": host, "status": "active" })
        .await?)
}

/// Whether the proxy may get a certificate for `domain`: only when a site serves it.
pub async fn may_issue(state: &AppState, domain: &str) -> bool {
    match clean_domain(domain) {
        Some(d) => active(state, &d).await.ok().flatten().is_some(),
        None => false,
    }
}

/// Why domains cannot be added, if they cannot: the platform has no proxy to point them at,
/// or the plan does not include them.
async fn unavailable(state: &AppState, scope: &WorkspaceScope) -> Option<String> {
    if state.config.sites.cname_target.is_none() {
        return Some(
            "Custom domains need the platform's proxy address (SITES_CNAME_TARGET); ask your administrator to set it.".into(),
        );
    }
    scope
        .require_feature(state, "custom_domain")
        .await
        .err()
        .map(|e| e.to_string())
}

/// The domain settings of site `site_id`.
pub async fn panel(
    state: &AppState,
    scope: &WorkspaceScope,
    site_id: &str,
) -> Result<DomainsPanel, AppError> {
    super::sites::get(state, scope, site_id).await?;
    let docs: Vec<DomainDoc> = domains(&state.db)
        .find(scope.filter_with(doc! { "site_id": site_id }))
        .sort(doc! { "created_at": 1 })
        .await?
        .try_collect()
        .await?;
    Ok(DomainsPanel {
        domains: docs.iter().map(|d| view(state, d)).collect(),
        unavailable: unavailable(state, scope).await,
    })
}

/// Adds `domain` to site `site_id` and checks it at once.
pub async fn add(
    state: &AppState,
    scope: &WorkspaceScope,
    site_id: &str,
    domain: &str,
) -> Result<DomainsPanel, AppError> {
    let site = super::sites::get(state, scope, site_id).await?;
    if let Some(why) = unavailable(state, scope).await {
        return Err(AppError::invalid("domain", why));
    }
    let Some(domain) = clean_domain(domain) else {
        return Err(AppError::invalid(
            "domain",
            "Enter a domain name, like www.example.com.",
        ));
    };
    let app_host = &state.config.base_host;
    if domain == *app_host || domain.ends_with(&format!(".{app_host}")) {
        return Err(AppError::invalid("domain", "Use a domain of your own."));
    }
    let mine = domains(&state.db)
        .find(scope.filter_with(doc! { "site_id": site_id }))
        .await?
        .try_collect::<Vec<_>>()
        .await?;
    if mine.iter().any(|d| d.domain == domain) {
        return Err(AppError::invalid(
            "domain",
            "This site has that domain already.",
        ));
    }
    if mine.len() >= MAX_PER_SITE {
        return Err(AppError::invalid(
            "domain",
            format!("A site can have {MAX_PER_SITE} domains."),
        ));
    }
    if active(state, &domain).await?.is_some() {
        return Err(AppError::invalid(
            "domain",
            "That domain is connected to another site. Remove it there first.",
        ));
    }
    let mut d = DomainDoc {
        id: new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        site_id: site.id.clone(),
        domain,
        token: identity::service::secrets::random_token()[..24].to_owned(),
        status: "pending".into(),
        reason: String::new(),
        found: [false, false],
        checked_at: None,
        created_at: state.clock.now(),
    };
    verify(state, &mut d).await?;
    domains(&state.db).insert_one(&d).await?;
    // A visit before it was added may have cached the host's 404.
    super::cache::forget_host(state, &d.domain).await;
    panel(state, scope, site_id).await
}

/// Checks every domain of site `site_id` again.
pub async fn check(
    state: &AppState,
    scope: &WorkspaceScope,
    site_id: &str,
) -> Result<DomainsPanel, AppError> {
    let docs: Vec<DomainDoc> = domains(&state.db)
        .find(scope.filter_with(doc! { "site_id": site_id }))
        .await?
        .try_collect()
        .await?;
    for d in docs {
        recheck(state, scope, d).await?;
    }
    panel(state, scope, site_id).await
}

/// Looks domain `d` up again and stores what was found.
async fn recheck(
    state: &AppState,
    scope: &WorkspaceScope,
    mut d: DomainDoc,
) -> Result<(), AppError> {
    let was = d.status.clone();
    verify(state, &mut d).await?;
    domains(&state.db)
        .update_one(
            scope.filter_with(doc! { "_id": &d.id }),
            doc! { "$set": {
                "status": &d.status, "reason": &d.reason,
                "found": [d.found[0], d.found[1]], "checked_at": d.checked_at,
            }},
        )
        .await?;
    if was != d.status {
        super::cache::forget_host(state, &d.domain).await;
    }
    Ok(())
}

/// Checks every pending and active domain again, every hour: a pending one turns active once its
/// records show, an active one fails when they go.
pub const RECHECK: JobKind = JobKind {
    name: "sites.check_domains",
    run: run_recheck,
    max_attempts: 3,
};

/// When [`RECHECK`] runs.
pub const RECHECK_HOURLY: Schedule = Schedule {
    kind: "sites.check_domains",
    cron: "17 * * * *",
    time_zone: "UTC",
};

fn run_recheck<'a>(state: &'a AppState, _: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        let docs: Vec<DomainDoc> = domains(&state.db)
            .find(doc! { "status": { "$in": ["pending", "active"] } })
            .await
            .map_err(|e| e.to_string())?
            .try_collect()
            .await
            .map_err(|e| e.to_string())?;
        for d in docs {
            let scope = WorkspaceScope::system(&d.workspace_id);
            recheck(state, &scope, d).await.map_err(|e| e.to_string())?;
        }
        Ok(())
    })
}

/// Removes `domain` from site `site_id`: it is no longer served.
pub async fn remove(
    state: &AppState,
    scope: &WorkspaceScope,
    site_id: &str,
    domain: &str,
) -> Result<DomainsPanel, AppError> {
    let gone = domains(&state.db)
        .delete_one(scope.filter_with(doc! { "site_id": site_id, "domain": domain }))
        .await?;
    if gone.deleted_count == 0 {
        return Err(AppError::NotFound {
            what: "That domain".into(),
        });
    }
    super::cache::forget_host(state, domain).await;
    panel(state, scope, site_id).await
}

/// Looks the domain's records up and sets its status and reason.
async fn verify(state: &AppState, d: &mut DomainDoc) -> Result<(), AppError> {
    let sites = &state.config.sites;
    let want = txt_value(&d.token);
    let owned = dns::txt(state, &txt_host(&d.domain))
        .await?
        .iter()
        .any(|t| t.trim() == want);
    let cname = dns::cname(state, &d.domain).await?;
    let points = match (&sites.cname_target, cname) {
        (Some(target), Some(c)) if &c == target => true,
        _ => match sites.ipv4 {
            Some(ip) => dns::ipv4(state, &d.domain).await?.contains(&ip),
            None => false,
        },
    };
    d.found = [owned, points];
    d.checked_at = Some(state.clock.now());
    let taken = match active(state, &d.domain).await? {
        Some(other) => other.id != d.id,
        None => false,
    };
    let mut missing = Vec::new();
    if !owned {
        missing.push(format!("the TXT record at {}", txt_host(&d.domain)));
    }
    if !points {
        missing.push(format!("the record pointing {} at us", d.domain));
    }
    let age_hours =
        (state.clock.now().timestamp_millis() - d.created_at.timestamp_millis()) / 3_600_000;
    (d.status, d.reason) = if taken {
        ("failed".into(), "Another site uses this domain.".into())
    } else if missing.is_empty() {
        ("active".into(), String::new())
    } else {
        let why = format!(
            "We could not find {} yet. DNS changes can take a few hours to show.",
            missing.join(" or ")
        );
        if d.status == "active" {
            ("failed".into(), format!("The records were removed: {why}"))
        } else if age_hours >= PENDING_HOURS {
            ("failed".into(), why)
        } else {
            ("pending".into(), why)
        }
    };
    Ok(())
}
