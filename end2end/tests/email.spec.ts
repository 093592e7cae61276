import { expect, Page, test } from "@playwright/test";
import { callApi } from "./api";
import { hydrated } from "./hydrated";
import { linkIn, mailTo, uniqueEmail } from "./mail";

const PASSWORD = "a perfectly long passphrase";

const post = (page: Page, fn: string, form: Record<string, string>) => callApi(page.request, fn, form);

test("a list collects a confirmed subscriber from its form with JavaScript off, and a campaign reaches them", async ({ page, browser, baseURL }, info) => {
  const handle = `mail-${info.project.name}-${Date.now() % 1_000_000}`;
  expect((await post(page, "register", { name: "Lena Letters", email: uniqueEmail("lena"), password: PASSWORD })).ok()).toBeTruthy();
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

  // A campaign to the list: written, sent after a confirmation, its progress to the end.
  await page.getByRole("navigation", { name: "Email" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { name: "No campaigns yet" })).toBeVisible();
  await page.getByRole("textbox", { name: "Subject" }).fill("Hello {{first_name|friend}}");
  await page.getByRole("textbox", { name: "Message" }).fill("The workshop opens on Monday.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Hello {{first_name|friend}}", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Send now…" }).click();
  await page.getByRole("alertdialog", { name: "Confirm send" }).getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("1 of 1 sent")).toBeVisible();
  await expect(page.getByText("Sent", { exact: true })).toBeVisible();
  const letter = await mailTo(page.request, fan, 1, "Hello friend");
  expect(letter.text).toContain("The workshop opens on Monday.");
  await page.goBack();
  await page.goBack();
  await hydrated(page);
  await row.getByRole("button", { name: `Remove ${fan} from the list` }).click();
  await expect(row).toContainText("Unsubscribed");
  await expect(page.getByRole("definition").first()).toHaveText("0");
});
