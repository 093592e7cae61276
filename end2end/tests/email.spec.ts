import { expect, Page, test } from "@playwright/test";
import { callApi, verifyEmail } from "./api";
import { hydrated } from "./hydrated";
import { linkIn, mailTo, uniqueEmail } from "./mail";

const PASSWORD = "a perfectly long passphrase";

const post = (page: Page, fn: string, form: Record<string, string>) => callApi(page.request, fn, form);

test("a list collects a confirmed subscriber with JavaScript off; a campaign built from blocks is tested, scheduled, sent, opened, clicked and unsubscribed from", async ({ page, browser, baseURL }, info) => {
  const handle = `mail-${info.project.name}-${Date.now() % 1_000_000}`;
  const owner = uniqueEmail("lena");
  expect((await post(page, "register", { name: "Lena Letters", email: owner, password: PASSWORD })).ok()).toBeTruthy();
  await verifyEmail(page.request, owner);
  expect((await post(page, "create_workspace", { name: "Lena's Letters", handle, time_zone: "UTC", currency: "USD" })).ok()).toBeTruthy();

  await page.goto(`/app/${handle}/email`);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "No lists yet" })).toBeVisible();
  await page.getByRole("textbox", { name: "List name" }).fill("   ");
  await page.getByRole("button", { name: "Create list" }).click();
  await expect(page.getByText("Give the list a name.")).toBeVisible();
  await page.getByRole("textbox", { name: "List name" }).fill("Weekly letter");
  await page.getByRole("button", { name: "Create list" }).click();
  const lists = page.getByRole("list", { name: "Lists" });
  await expect(lists).toContainText("0 subscribed");
  await lists.getByRole("link", { name: "Weekly letter" }).click();
  await expect(page.getByRole("heading", { name: "Weekly letter", level: 1 })).toBeVisible();
  const listPage = page.url();
  const formUrl = new URL(await page.getByRole("region", { name: "Signup form" }).getByRole("link").innerText());

  // A visitor signs up with JavaScript off and confirms from the email.
  const visitor = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const form = await visitor.newPage();
  await form.goto(formUrl.pathname);
  const fan = uniqueEmail("fan");
  await form.getByRole("textbox", { name: "Email" }).fill(fan);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(form.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const mail = await mailTo(page.request, fan, 1, "Confirm your subscription to Weekly letter");
  await form.goto(new URL(linkIn(mail)).pathname);
  await form.getByRole("button", { name: "Yes, subscribe me" }).click();
  await expect(form.getByRole("heading", { name: "You're subscribed" })).toBeVisible();
  await visitor.close();

  // The owner sees them subscribed, with how and when they agreed; removing asks nothing more
  // of them and keeps the record.
  await page.reload();
  await hydrated(page);
  const row = page.getByRole("list", { name: "Subscribers" }).getByRole("listitem").filter({ hasText: fan });
  await expect(row).toContainText("Subscribed");
  await expect(row).toContainText("Signed up and confirmed by email");
  // A segment, counted as its conditions are chosen.
  const segments = page.getByRole("group", { name: "New segment" });
  await segments.getByLabel("Activity").selectOption("not_opened");
  await expect(segments.getByRole("status")).toHaveText("1 subscriber matches now.");
  await segments.getByLabel("Segment name").fill("Quiet ones");
  await segments.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("list", { name: "Saved segments" })).toContainText("Quiet ones · 1 subscriber");

  // A campaign to the list, built from blocks: the starter heading changed, a button added and
  // moved up with the keyboard, the footer's address written; every edit saved as it happens.
  await page.getByRole("navigation", { name: "Email" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { name: "No campaigns yet" })).toBeVisible();
  await page.getByRole("textbox", { name: "Subject" }).fill("Hello {{first_name|friend}}");
  await page.getByRole("button", { name: "Create and write the email" }).click();
  await expect(page.getByRole("heading", { name: "Hello {{first_name|friend}}", level: 1 })).toBeVisible();
  await hydrated(page);
  const blocks = page.getByRole("list", { name: "Email blocks" });
  await blocks.getByRole("button", { name: "Edit heading block" }).click();
  await page.getByRole("textbox", { name: "Heading" }).fill("Workshop news");
  await page.getByRole("group", { name: "Add a block" }).getByRole("button", { name: "Button" }).click();
  await page.getByRole("textbox", { name: "Label" }).fill("Book a seat");
  await page.getByRole("textbox", { name: "Opens" }).fill("https://example.com/workshop");
  await blocks.getByRole("button", { name: "Reorder Button" }).focus();
  await page.keyboard.press("ArrowUp");
  await expect(blocks.getByRole("listitem").nth(2)).toContainText("Book a seat");
  await expect(page.getByText("Blocks marked with a message need finishing")).toBeVisible();
  await blocks.getByRole("button", { name: "Edit footer block, unfinished" }).click();
  await page.getByRole("textbox", { name: "Postal address" }).fill("1 Harbour Street, Leith");
  await expect(page.getByText("Blocks marked with a message need finishing")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Email" }).getByRole("status")).toHaveText("Saved");
  const preview = page.frameLocator('iframe[title="Preview of the email"]');
  await expect(preview.getByRole("heading", { name: "Workshop news" })).toBeVisible();
  await expect(preview.getByRole("link", { name: "Book a seat" })).toHaveAttribute("href", "https://example.com/workshop");
  await page.getByRole("button", { name: "Desktop" }).click();
  await expect(page.getByRole("button", { name: "Desktop" })).toHaveAttribute("aria-pressed", "true");

  // A test to the member's own address, merged with their name.
  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByText(`Test sent to ${owner}.`)).toBeVisible();
  const test = await mailTo(page.request, owner, 1, "[Test] Hello Lena");
  expect(test.text).toContain("Book a seat: https://example.com/workshop");

  // Scheduled a few seconds ahead in the workspace's zone (UTC here): a time gone by is refused
  // next to the field; at its time the page moves on by itself, the progress to the end.
  await page.getByRole("button", { name: "Schedule…" }).click();
  const at = page.getByLabel("Send at");
  await expect(page.getByText("Time zone: UTC (the workspace's).")).toBeVisible();
  await at.fill("2020-01-01T09:00");
  await page.getByRole("group", { name: "Schedule" }).getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByText("Pick a time in the future.")).toBeVisible();
  await at.fill(new Date(Date.now() + 5_000).toISOString().slice(0, 19));
  await page.getByRole("group", { name: "Schedule" }).getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { name: "Scheduled", level: 2 })).toBeVisible();
  await expect(page.getByText("1 of 1 sent")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Sent", { exact: true })).toBeVisible();
  const letter = await mailTo(page.request, fan, 1, "Hello friend");
  expect(letter.text).toContain("Workshop news");
  const tracked = (marker: string) => new URL(letter.html.match(new RegExp(`https?://[^"]*${marker}[^"]*`))![0]).pathname;
  expect((await page.request.get(tracked("/e/o/"))).headers()["content-type"]).toBe("image/gif");
  const click = await page.request.get(tracked("/e/c/"), { maxRedirects: 0 });
  expect(click.headers()["location"]).toBe("https://example.com/workshop");
  await page.reload();
  await hydrated(page);
  const report = page.getByRole("region", { name: "Report" });
  await expect(report.getByRole("definition").nth(1)).toHaveText("1");
  await expect(report.getByRole("definition").nth(3)).toHaveText("1");
  await expect(report.getByRole("row", { name: "https://example.com/workshop 1" })).toBeVisible();

  // The reader leaves from the link in the letter, with JavaScript off.
  const reader = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const leave = await reader.newPage();
  await leave.goto(new URL(letter.text.match(/Unsubscribe: (\S+)/)![1]).pathname);
  await leave.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(leave.getByRole("heading", { name: "You're unsubscribed" })).toBeVisible();
  await reader.close();
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  await page.goto(listPage);
  await hydrated(page);
  await expect(row).toContainText("Unsubscribed");
  await expect(page.getByRole("definition").first()).toHaveText("0");
  // No bounce webhook is configured here, and the screen says what it needs.
  await page.getByRole("navigation", { name: "Email" }).getByRole("link", { name: "Suppressed" }).click();
  await expect(page.getByRole("heading", { name: "Nothing suppressed" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("EMAIL_WEBHOOK_TOKEN");

  // A sending domain: the records to publish, not found yet, mail from the platform meanwhile.
  await page.getByRole("navigation", { name: "Email" }).getByRole("link", { name: "Domain" }).click();
  await page.getByRole("textbox", { name: "Domain" }).fill("letters.example");
  await page.getByRole("textbox", { name: "From address" }).fill("news@elsewhere.example");
  await page.getByRole("textbox", { name: "From name" }).fill("Lena's Letters");
  // A refused save leaves the page's data alone: refetching it rebuilt the form being corrected.
  let fetched = 0;
  page.on("request", (r) => { if (r.url().endsWith("/api/get_email_domain")) fetched++; });
  await page.getByRole("button", { name: "Save domain" }).click();
  await expect(page.getByText("Give an address at letters.example, like news@letters.example.")).toBeVisible();
  await page.getByRole("textbox", { name: "From address" }).fill("news@letters.example");
  await page.getByRole("button", { name: "Save domain" }).click();
  const records = page.getByRole("list", { name: "DNS records" });
  await expect(records.getByRole("listitem")).toHaveCount(3);
  await expect(records).toContainText("mewayz._domainkey.letters.example");
  expect(fetched).toBe(1);
  await expect(page.getByText("Not verified")).toBeVisible();
});
