import { expect, Page, test } from "@playwright/test";
import { callApi, verifyEmail } from "./api";
import { hydrated } from "./hydrated";
import { attachmentOf, linkIn, mailTo, uniqueEmail } from "./mail";

const PASSWORD = "a perfectly long passphrase";

const post = (page: Page, fn: string, form: Record<string, string>) => callApi(page.request, fn, form);

test("an owner sets up a service; a visitor books it on the public page with JavaScript off; the owner sees and cancels it", { tag: "@desktop" }, async ({ page, browser, baseURL }, info) => {
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
  // The visitor is a contact now, with the booking on their timeline.
  await page.goto(`/app/${handle}/crm`);
  await hydrated(page);
  await page.getByRole("list", { name: "Contacts" }).getByRole("link", { name: "Gus Guest" }).click();
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Booked Intro call for");
  await page.goto(`/app/${handle}/booking`);
  await hydrated(page);
  await row.getByRole("button", { name: "Cancel booking…" }).click();
  await row.getByRole("button", { name: "Cancel booking", exact: true }).click();
  await expect(row).toContainText("Cancelled");
});

test("with JavaScript off, a visitor moves and cancels by the links in their email, the freed time goes to the waitlist, and a paid session is booked once paid", async ({ page, browser, baseURL }, info) => {
  const handle = `bk2-${info.project.name}-${Date.now() % 1_000_000}`;
  const owner = uniqueEmail("bo");
  expect((await post(page, "register", { name: "Bo Owner", email: owner, password: PASSWORD })).ok()).toBeTruthy();
  await verifyEmail(page.request, owner);
  expect((await post(page, "create_workspace", { name: "Bo's Studio", handle, time_zone: "UTC", currency: "USD" })).ok()).toBeTruthy();
  const ws = await (await post(page, "get_workspace", { handle })).json();
  expect((await post(page, "update_workspace_modules", { workspace_id: ws.id, "modules[0]": "booking" })).ok()).toBeTruthy();
  for (const [name, price] of [["Lesson", "0"], ["Masterclass", "40"]]) {
    const saved = await post(page, "save_booking_service", { workspace_id: ws.id, name, durations: "60", price, notice_hours: "0", active: "on" });
    expect(saved.ok()).toBeTruthy();
  }
  const device = { javaScriptEnabled: false, baseURL, viewport: info.project.use.viewport, isMobile: info.project.use.isMobile };

  // Ann books, moves it to a later time by the link in her email, whose calendar file parses.
  const ann = await (await browser.newContext(device)).newPage();
  await ann.goto(`/@${handle}/book/lesson`);
  await ann.locator("button[name=start]").first().click();
  const annEmail = uniqueEmail("ann");
  await ann.getByRole("textbox", { name: "Your name" }).fill("Ann");
  await ann.getByRole("textbox", { name: "Email" }).fill(annEmail);
  await ann.getByRole("button", { name: "Confirm booking" }).click();
  await expect(ann.getByRole("heading", { name: "You're booked" })).toBeVisible();
  const booked = await mailTo(page.request, annEmail, 1, "Booked: Lesson");
  const ics = await attachmentOf(page.request, booked, "invite.ics");
  expect(ics).toMatch(/BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T\d{6}Z[\s\S]*END:VCALENDAR/);
  const manage = new URL(booked.text.match(/Need to cancel or move it\? (\S+)/)![1]).pathname;
  await ann.goto(manage);
  await ann.getByRole("link", { name: "Move to another time" }).click();
  await ann.locator("button[name=start]").nth(1).click();
  await expect(ann.getByRole("heading", { name: "Moved: Lesson" })).toBeVisible();
  const moved = await mailTo(page.request, annEmail, 1, "Moved: Lesson");
  const day = (await attachmentOf(page.request, moved, "invite.ics")).match(/DTSTART:(\d{4})(\d{2})(\d{2})T/)!;

  // Ben waits for that day; Ann cancels by her newest link; the time is held for Ben.
  const ben = await (await browser.newContext(device)).newPage();
  await ben.goto(`/@${handle}/book/lesson`);
  const benEmail = uniqueEmail("ben");
  await ben.getByLabel("Day *", { exact: true }).fill(`${day[1]}-${day[2]}-${day[3]}`);
  await ben.getByRole("textbox", { name: "Your name" }).fill("Ben");
  await ben.getByRole("textbox", { name: "Email" }).fill(benEmail);
  await ben.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(ben.getByRole("heading", { name: "You're on the waitlist" })).toBeVisible();
  await ann.goto(new URL(moved.text.match(/Need to cancel or move it\? (\S+)/)![1]).pathname);
  await ann.getByRole("button", { name: "Cancel booking" }).click();
  await expect(ann.getByRole("heading", { name: "Booking cancelled" })).toBeVisible();
  const offer = await mailTo(page.request, benEmail, 1, "A time opened up: Lesson");
  await ben.goto(new URL(linkIn(offer)).pathname);
  await expect(ben.getByRole("textbox", { name: "Your name" })).toHaveValue("Ben");
  await ben.getByRole("button", { name: "Confirm booking" }).click();
  await expect(ben.getByRole("heading", { name: "You're booked" })).toBeVisible();

  // Cleo pays for the masterclass on Stripe's page; she is booked only once it is paid.
  const cleo = await (await browser.newContext(device)).newPage();
  await cleo.goto(`/@${handle}/book/masterclass`);
  await expect(cleo.getByText("USD 40.00")).toBeVisible();
  await cleo.locator("button[name=start]").first().click();
  await cleo.getByRole("textbox", { name: "Your name" }).fill("Cleo");
  await cleo.getByRole("textbox", { name: "Email" }).fill(uniqueEmail("cleo"));
  await cleo.getByRole("button", { name: "Confirm booking" }).click();
  await expect(cleo.getByText("USD 40.00")).toBeVisible();
  let list = await (await post(page, "get_bookings", { workspace_id: ws.id })).json();
  expect(list.bookings.filter((b: any) => b.name === "Cleo")).toHaveLength(0);
  await cleo.getByRole("button", { name: "Pay" }).click();
  await expect(cleo.getByRole("heading", { name: "You're booked" })).toBeVisible();
  list = await (await post(page, "get_bookings", { workspace_id: ws.id })).json();
  expect(list.bookings.find((b: any) => b.name === "Cleo").paid).toBe("USD 40.00");
});
