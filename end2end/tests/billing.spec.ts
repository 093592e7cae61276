import { expect, Page, test } from "@playwright/test";
import { callApi, verifyEmail } from "./api";
import { uniqueEmail } from "./mail";
import { totp } from "./totp";
import { hydrated } from "./hydrated";

// The local Stripe that `make test` starts (end2end/fakes/stripe.mjs).
const STRIPE = process.env.STRIPE_URL ?? "http://127.0.0.1:12111";
const PASSWORD = "a perfectly long passphrase";

/** Signs up and walks the wizard to its plan step; returns the workspace handle. */
async function toPlanStep(page: Page, tag: string): Promise<string> {
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("Name").fill("Paula Payer");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(uniqueEmail(tag));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await hydrated(page);
  await page.getByLabel("Workspace name").fill(`Paula ${tag} ${Date.now()}`);
  const handle = await page.getByLabel("Handle").inputValue();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Skip" }).click();
  await expect(page.getByRole("heading", { name: "Choose your modules" })).toBeVisible();
  await page.getByRole("button", { name: "Skip" }).click();
  await expect(page.getByRole("heading", { name: "Choose a plan" })).toBeVisible();
  return handle;
}

/** Pays on the fake Stripe Checkout page and waits to be back on the billing screen. */
async function payAtStripe(page: Page, handle: string) {
  await expect(page.getByRole("heading", { name: /^Subscribe to/ })).toBeVisible();
  await page.getByRole("button", { name: "Pay and subscribe" }).click();
  await expect(page).toHaveURL(new RegExp(`/app/${handle}/billing\\?checkout=success`));
  await hydrated(page);
}

/** The Stripe subscription the workspace `handle` bought, from the fake's event log. */
async function subscriptionOf(page: Page, handle: string): Promise<string> {
  const events = (await (await page.request.get(`${STRIPE}/_test/events`)).json()) as any[];
  const completed = events
    .filter((e) => e.type === "checkout.session.completed")
    .map((e) => JSON.parse(e.payload).data.object)
    .find((s) => String(s.success_url).includes(`/app/${handle}/billing`));
  expect(completed, `a checkout for ${handle}`).toBeTruthy();
  return completed.subscription;
}

const currentPlan = (page: Page) => page.getByRole("region", { name: "Current plan" });

test("choose a paid plan in the wizard, pay at Stripe and come back with the plan active", async ({ page }) => {
  const handle = await toPlanStep(page, "wizard");
  const plans = page.getByRole("list", { name: "Plans" });
  await expect(plans.getByRole("heading", { name: "Pro" })).toBeVisible();
  await page.getByText("Yearly", { exact: true }).click();
  await expect(plans.getByRole("listitem").filter({ hasText: "Pro" }).getByText("USD 120.00 / year")).toBeVisible();
  await plans.getByRole("button", { name: "Choose Pro" }).click();
  await expect(page.getByText("USD 120.00 / year")).toBeVisible();
  await payAtStripe(page, handle);

  await expect(currentPlan(page).getByText("Pro", { exact: true })).toBeVisible();
  await expect(currentPlan(page).getByText(/Renews on \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Plans" }).getByText("Current plan")).toBeVisible();

  // The first invoice is listed with a link to Stripe's page.
  const invoices = page.getByRole("region", { name: "Invoices" });
  await expect(invoices.getByText(/USD 120\.00/)).toBeVisible();
  await expect(invoices.getByText("Paid", { exact: true })).toBeVisible();
  await expect(invoices.getByRole("link", { name: /^View invoice MW-/ })).toHaveAttribute("href", /\/invoices\/in_/);

  // The card paid with is saved; another one is added on Stripe's page and becomes the default.
  const cards = page.getByRole("region", { name: "Payment methods" });
  await expect(cards.getByText("Visa •••• 4242")).toBeVisible();
  await cards.getByRole("button", { name: "Add a card" }).click();
  await expect(page.getByRole("heading", { name: "Save a card" })).toBeVisible();
  await page.getByRole("button", { name: "Save card" }).click();
  await expect(page).toHaveURL(/card=added/);
  await expect(page.getByText("Card saved. It is now your default card.")).toBeVisible();
  const master = page.getByRole("region", { name: "Payment methods" }).getByRole("listitem").filter({ hasText: "Mastercard •••• 4444" });
  await expect(master.getByText("Default", { exact: true })).toBeVisible();
  // Removing a card asks first.
  const visa = page.getByRole("region", { name: "Payment methods" }).getByRole("listitem").filter({ hasText: "Visa •••• 4242" });
  await visa.getByRole("button", { name: "Remove Visa •••• 4242" }).click();
  await visa.getByRole("button", { name: "Yes, remove Visa •••• 4242" }).click();
  await expect(page.getByText("Card removed.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Payment methods" }).getByText("Visa •••• 4242")).toBeHidden();

  // The wizard is finished: the app opens the workspace.
  await page.goto("/app");
  await expect(page).toHaveURL(new RegExp(`/app/${handle}$`));
});

test("a downgrade shows the prorated preview first and changes nothing until confirmed", async ({ page }) => {
  const handle = await toPlanStep(page, "downgrade");
  await page.getByRole("list", { name: "Plans" }).getByRole("button", { name: "Choose Max" }).click();
  await payAtStripe(page, handle);
  await expect(currentPlan(page).getByText("Max", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Preview switch to Pro" }).click();
  const preview = page.getByRole("region", { name: /Switch to Pro/ });
  await expect(preview.getByText("Credit for unused time")).toBeVisible();
  await expect(preview.getByText("USD 12.00")).toBeVisible();
  await expect(currentPlan(page).getByText("Max", { exact: true })).toBeVisible();

  // Changing one's mind leaves the plan alone.
  await preview.getByRole("button", { name: "Keep current plan" }).click();
  await expect(preview).toBeHidden();
  await page.getByRole("button", { name: "Preview switch to Pro" }).click();
  await page.getByRole("button", { name: "Confirm change" }).click();
  await expect(page.getByText("Plan changed.")).toBeVisible();
  await expect(currentPlan(page).getByText("Pro", { exact: true })).toBeVisible();

  // Cancel asks first, then says when the plan ends; resume takes it back.
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByRole("button", { name: "Yes, cancel at period end" }).click();
  await expect(currentPlan(page).getByText(/Cancels on \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await page.getByRole("button", { name: "Resume subscription" }).click();
  await expect(currentPlan(page).getByText(/Renews on/)).toBeVisible();
});

test("a failed payment puts the workspace in its grace period with a banner", async ({ page }) => {
  const handle = await toPlanStep(page, "grace");
  await page.getByRole("list", { name: "Plans" }).getByRole("button", { name: "Choose Pro" }).click();
  await payAtStripe(page, handle);
  await expect(currentPlan(page).getByText("Pro", { exact: true })).toBeVisible();

  const sub = await subscriptionOf(page, handle);
  const failed = await page.request.post(`${STRIPE}/_test/subscriptions/${sub}/fail_payment`, { data: {} });
  expect(failed.ok()).toBeTruthy();

  await page.goto(`/app/${handle}`);
  const banner = page.getByRole("region", { name: "Payment overdue" });
  await expect(banner).toContainText("The last payment for Pro failed");
  await banner.getByRole("link", { name: "Open billing" }).click();
  await expect(currentPlan(page).getByText("Payment overdue")).toBeVisible();
  await expect(page.getByRole("region", { name: "Payment overdue" })).toBeVisible();

  // Paid: the banner goes away.
  await page.request.post(`${STRIPE}/_test/subscriptions/${sub}/pay_invoice`, { data: {} });
  await page.reload();
  await expect(currentPlan(page).getByText(/Renews on/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Payment overdue" })).toBeHidden();
});

test("an admin sees the impact of a plan change before saving it, then gives a workspace a plan for free", { tag: "@desktop" }, async ({ page, browser }) => {
  // A platform admin (listed in ADMIN_EMAILS by `make test`), address confirmed, with two-step
  // verification on.
  const project = test.info().project.name;
  const call = async (name: string, form: Record<string, string>) => {
    const res = await callApi(page.request, name, form);
    expect(res.ok(), `${name}: ${await res.text()}`).toBeTruthy();
    return res.json();
  };
  const admin = `admin-${project}@example.com`;
  await call("register", { name: "Ada Admin", email: admin, password: PASSWORD });
  await verifyEmail(page.request, admin);
  const { manual_key } = await call("start_mfa", {});
  await call("confirm_mfa", { code: totp(manual_key) });

  // A new plan: reviewing it says nobody is on it yet.
  const key = `team-${project}`;
  const name = `Team ${project}`;
  await page.goto("/admin/plans");
  await hydrated(page);
  const create = page.getByRole("region", { name: "New plan" });
  await create.getByLabel("Key").fill(key);
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Monthly price (USD)").fill("20");
  await create.getByLabel("Yearly price (USD)").fill("200");
  await create.getByLabel("Team members").fill("5");
  await create.getByRole("button", { name: "Review changes" }).click();
  await expect(create.getByText("A new plan: no workspace is on it yet.")).toBeVisible();
  await create.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText(`Saved ${name}.`)).toBeVisible();

  // A customer subscribes to it.
  const owner = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  const handle = await toPlanStep(owner, "impact");
  await owner.getByRole("list", { name: "Plans" }).getByRole("button", { name: `Choose ${name}` }).click();
  await payAtStripe(owner, handle);
  await expect(currentPlan(owner).getByText(name, { exact: true })).toBeVisible();

  // The admin raises the price and cuts the seats: the impact shows before anything is saved.
  await page.reload();
  await hydrated(page);
  const edit = page.getByRole("region", { name: `${name} (${key})` });
  await edit.getByLabel("Monthly price (USD)").fill("25");
  await edit.getByLabel("Team members").fill("3");
  await edit.getByRole("button", { name: "Review changes" }).click();
  const impact = edit.getByRole("region", { name: "Before you save" });
  await expect(impact.getByText("1 workspace is subscribed to this plan.")).toBeVisible();
  await expect(impact.getByText("USD 20.00", { exact: true })).toBeVisible();
  await expect(impact.getByText("USD 25.00 (+USD 5.00)")).toBeVisible();
  await expect(impact.getByText("No subscriber uses more than the new limits allow.")).toBeVisible();
  await impact.getByRole("button", { name: "New subscribers only" }).click();
  await expect(page.getByText(`Saved ${name}.`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: `${name} (${key})` }).getByLabel("Monthly price (USD)")).toHaveValue("25.00");

  // On the subscriptions screen the admin finds the workspace and gives it Max for a month.
  await page.goto("/admin/subscriptions");
  await hydrated(page);
  await page.getByLabel("Search").fill(handle);
  await page.getByRole("button", { name: "Search" }).click();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`@${handle}`) }) });
  await expect(card.getByText(`Plan in force: ${name}`)).toBeVisible();
  await card.getByText("Complimentary plan").click();
  await card.getByLabel("Plan", { exact: true }).selectOption("max");
  await card.getByLabel("Days free").fill("30");
  await card.getByRole("button", { name: "Give for free" }).click();
  await expect(card.getByText(/^Complimentary max until \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await expect(card.getByText("Plan in force: Max")).toBeVisible();
  // The workspace's owner sees it in the audit log.
  await owner.goto(`/app/${handle}/audit`);
  await expect(owner.getByText(/Platform admin: Gave Max for free for 30 days/)).toBeVisible();

  // The job queue: every email so far went out through a send_email job, none died.
  await page.goto("/admin/jobs");
  const queue = page.getByRole("table", { name: "Jobs by kind and status" });
  await expect(queue.getByRole("rowheader", { name: "send_email" })).toBeVisible();
  await expect(page.getByText("None: every job finished or is still being retried.")).toBeVisible();
});

test("the free plan's seat limit is explained where it is hit, with the way to upgrade", async ({ page }) => {
  const handle = await toPlanStep(page, "seats");
  await page.getByRole("button", { name: "Continue with Free" }).click();
  await expect(page).toHaveURL(new RegExp(`/app/${handle}$`));
  await page.getByRole("link", { name: "Members" }).click();
  await hydrated(page);
  const invite = page.getByRole("region", { name: "Invite someone" });
  for (const n of [1, 2]) {
    await invite.getByRole("textbox", { name: "Email" }).fill(`seat${n}-${Date.now()}@example.com`);
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("list", { name: "Pending invitations" }).getByRole("listitem")).toHaveCount(n);
  }
  await invite.getByRole("textbox", { name: "Email" }).fill(`seat3-${Date.now()}@example.com`);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  const alert = invite.getByRole("alert");
  await expect(alert).toContainText("Your plan allows 3 team members.");
  await alert.getByRole("link", { name: "See plans" }).click();
  await expect(page).toHaveURL(new RegExp(`/app/${handle}/billing$`));
});
