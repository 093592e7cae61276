import { expect, Page, test } from "@playwright/test";
import { callApi, verifyEmail } from "./api";
import { hydrated } from "./hydrated";
import { mailTo, uniqueEmail } from "./mail";

const PASSWORD = "a perfectly long passphrase";

const post = (page: Page, fn: string, form: Record<string, string>) => callApi(page.request, fn, form);

test("an owner sets up a service; a visitor books it on the public page with JavaScript off; the owner sees and cancels it", async ({ page, browser, baseURL }, info) => {
  const handle = `book-${info.project.name}-${Date.now() % 1_000_000}`;
  const owner = uniqueEmail("bea");
  expect((await post(page, "register", { name: "Bea Booker", email: owner, password: PASSWORD })).ok()).toBeTruthy();
  await verifyEmail(page.request, owner);
  expect((await post(page, "create_workspace", { name: "Bea's Studio", handle, time_zone: "UTC", currency: "USD" })).ok()).toBeTruthy();
  const ws = await (await post(page, "get_workspace", { handle })).json();
  expect((await post(page, "update_workspace_modules", { workspace_id: ws.id, "modules[0]": "booking" })).ok()).toBeTruthy();

  await page.goto(`/app/${handle}/booking/services`);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "No services yet" })).toBeVisible();
  await page.getByRole("textbox", { name: "Name" }).fill("   ");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByText("Give the service a name.")).toBeVisible();
  await page.getByRole("textbox", { name: "Name" }).fill("Intro call");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByRole("heading", { name: "Intro call", level: 1 })).toBeVisible();
  await hydrated(page);
  await page.getByRole("spinbutton", { name: "Minimum notice (hours)" }).fill("0");
  await page.getByRole("textbox", { name: "Questions" }).fill("What would you like to talk about? *");
  await page.getByRole("button", { name: "Save service" }).click();
  await expect(page.getByText("Intro call saved.")).toBeVisible();

  // A visitor on this device books with JavaScript off: the times are in the host's zone then.
  const visitor = await browser.newContext({ javaScriptEnabled: false, baseURL, viewport: info.project.use.viewport, isMobile: info.project.use.isMobile });
  const v = await visitor.newPage();
  await v.goto(`/@${handle}/book`);
  await v.getByRole("link", { name: "Intro call" }).click();
  await expect(v.getByRole("combobox", { name: "Time zone" })).toHaveValue("UTC");
  const first = v.locator("button[name=start]").first();
  const time = (await first.innerText()).trim();
  await first.click();
  await expect(v.getByText("We are keeping this time for you")).toBeVisible();
  const guest = uniqueEmail("guest");
  await v.getByRole("textbox", { name: "Your name" }).fill("Gus Guest");
  await v.getByRole("textbox", { name: "Email" }).fill(guest);
  await v.getByRole("textbox", { name: "What would you like to talk about?" }).fill("  ");
  await v.getByRole("button", { name: "Confirm booking" }).click();
  await expect(v.getByText("Please answer this question.")).toBeVisible();
  await v.getByRole("textbox", { name: "What would you like to talk about?" }).fill("Pricing");
  await v.getByRole("button", { name: "Confirm booking" }).click();
  await expect(v.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await expect(v.getByText(time)).toBeVisible();
  const mail = await mailTo(page.request, guest, 1, "Booked: Intro call");
  expect(mail.text).toContain(time);
  await visitor.close();

  await page.goto(`/app/${handle}/booking`);
  await hydrated(page);
  const row = page.getByRole("list", { name: "Bookings" }).getByRole("listitem").filter({ hasText: "Gus Guest" });
  await expect(row).toContainText("Confirmed");
  await expect(row).toContainText("Pricing");
  await row.getByRole("link", { name: "See the day" }).click();
  await expect(page.getByRole("list", { name: "Days" })).toContainText(`${time} Gus Guest`);
  await page.getByRole("link", { name: "Month" }).click();
  await expect(page.getByRole("list", { name: "Days" }).getByRole("listitem").filter({ hasText: "Gus Guest" }).first()).toBeVisible();
  await page.getByRole("navigation", { name: "Bookings" }).getByRole("link", { name: "Bookings", exact: true }).click();
  await row.getByRole("button", { name: "Cancel booking…" }).click();
  await row.getByRole("button", { name: "Cancel booking", exact: true }).click();
  await expect(row).toContainText("Cancelled");
});
