import { expect, Locator, Page, test } from "@playwright/test";
import path from "node:path";
import { callApi } from "./api";
import { uniqueEmail } from "./mail";
import { hydrated } from "./hydrated";

const PASSWORD = "a perfectly long passphrase";

/** A signed-in account with a workspace, through the same server functions the forms post to. */
async function workspace(page: Page, tag: string): Promise<string> {
  const handle = `bio-${tag}-${Date.now() % 1_000_000}`;
  const post = (fn: string, form: Record<string, string>) => callApi(page.request, fn, form);
  expect((await post("register", { name: "Bea Builder", email: uniqueEmail(tag), password: PASSWORD })).ok()).toBeTruthy();
  const ws = { name: "Bea's Studio", handle, time_zone: "UTC", currency: "USD" };
  expect((await post("create_workspace", ws)).ok()).toBeTruthy();
  return handle;
}

const blocks = (page: Page) => page.getByRole("list", { name: "Blocks" }).getByRole("listitem");
const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

/** Adds a link block and fills it in. */
async function addLink(page: Page, title: string, url: string) {
  await page.getByRole("button", { name: "Add block" }).click();
  await page.getByRole("button", { name: /^Link A button/ }).click();
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: "Address", exact: true }).fill(url);
}

/** Drags `from` onto `to`'s lower half, with the mouse or with a finger. */
async function drag(page: Page, from: Locator, to: Locator, touch: boolean) {
  // Pointer events reach only what is on screen.
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const end = { x: start.x, y: b.y + b.height * 0.75 };
  if (touch) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
    for (let i = 1; i <= 8; i++) {
      const y = start.y + ((end.y - start.y) * i) / 8;
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: start.x, y }] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  } else {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(end.x, end.y, { steps: 8 });
    await page.mouse.up();
  }
}

test("build a page, reorder it three ways, theme and publish it, and count a click on the page without JavaScript", { tag: "@desktop" }, async ({ page, browser, baseURL }, info) => {
  const handle = await workspace(page, info.project.name);
  await page.goto(`/app/${handle}/bio`);
  await hydrated(page);
  await expect(blocks(page)).toHaveCount(2);

  // The header's photo, uploaded from the device: its address fills in and it shows.
  await page.getByRole("button", { name: "Edit Bea's Studio (profile header)" }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Upload photo" }).click();
  await (await chooser).setFiles(path.resolve("../public/icons/icon-192.png"));
  await expect(page.getByRole("textbox", { name: "Photo address" })).toHaveValue(/^\/media\/.+\.png$/);
  await expect(page.locator(".image-field-preview")).toHaveJSProperty("naturalWidth", 192);
  await page.getByRole("button", { name: "Edit Bea's Studio (profile header)" }).click();

  // The starter link becomes "First".
  await page.getByRole("button", { name: "Edit New link (link)" }).click();
  await page.getByRole("textbox", { name: "Title" }).fill("First");
  await page.getByRole("textbox", { name: "Address", exact: true }).fill(`${baseURL}/login`);
  await page.getByRole("button", { name: "Edit First (link)" }).click();

  // A javascript: address is refused next to its field and nothing is saved.
  await addLink(page, "Second <script>alert(1)</script>", "javascript:alert(1)");
  await expect(page.getByText("Use a web address (https://…), an email (mailto:…) or a phone number (tel:…).")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Not saved: fix the highlighted fields" })).toBeVisible();
  await page.getByRole("textbox", { name: "Address", exact: true }).fill(`${baseURL}/register`);
  await saved(page);

  // A link scheduled for the future.
  await addLink(page, "Later", `${baseURL}/`);
  await page.getByLabel("Show from").fill("2099-01-01T10:00");
  await page.getByRole("button", { name: /^Edit Later \(link\)/ }).click();

  await page.getByRole("button", { name: "Add block" }).click();
  await page.getByRole("button", { name: /^Text A paragraph/ }).click();
  await page.getByRole("textbox", { name: "Text", exact: true }).fill("Thanks for visiting");
  await page.getByRole("button", { name: "Edit Thanks for visiting (text)" }).click();
  await saved(page);
  await expect(blocks(page)).toContainText(["Bea's Studio", "First", "Second", "Later", "Thanks for visiting"]);

  // Mouse (desktop) or finger (phone): the text goes above "First".
  await drag(page, page.getByRole("button", { name: "Reorder Thanks for visiting" }), page.getByRole("button", { name: "Reorder Bea's Studio" }), info.project.name === "mobile");
  await expect(blocks(page)).toContainText(["Bea's Studio", "Thanks for visiting", "First", "Second", "Later"]);
  await expect(page.getByText(/Moved Thanks for visiting to position 2 of 5/)).toBeAttached();

  // Keyboard: arrow keys on a handle, and the "Move up" button.
  await page.getByRole("button", { name: /^Reorder Second/ }).focus();
  await page.keyboard.press("ArrowUp");
  await expect(blocks(page)).toContainText(["Bea's Studio", "Thanks for visiting", "Second", "First", "Later"]);
  await blocks(page).filter({ hasText: "Second" }).getByRole("button", { name: "Move up" }).press("Enter");
  await expect(blocks(page)).toContainText(["Bea's Studio", "Second", "Thanks for visiting", "First", "Later"]);

  // Theme: the preview follows the pick.
  await page.getByRole("tab", { name: "Design" }).click();
  await page.getByRole("button", { name: "Midnight" }).click();
  await expect(page.getByRole("button", { name: "Midnight" })).toHaveAttribute("aria-pressed", "true");
  if (info.project.name === "mobile") await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTitle("Preview of your page").contentFrame();
  await expect(preview.getByRole("link", { name: "Second <script>alert(1)</script>" })).toBeVisible();
  await expect(preview.getByText("Later")).toHaveCount(0);
  if (info.project.name === "mobile") await page.getByRole("button", { name: "Edit" }).click();

  await saved(page);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("button", { name: "Published" })).toBeDisabled();

  // The public page with JavaScript off: the new order, text not markup, no future link.
  const visitor = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const pub = await visitor.newPage();
  await pub.goto(`/@${handle}`);
  await expect(pub.getByRole("heading", { name: "Bea's Studio" })).toBeVisible();
  const photo = await pub.locator("img.avatar").getAttribute("src");
  const served = await pub.request.get(photo!);
  expect([served.status(), served.headers()["content-type"]]).toEqual([200, "image/png"]);
  const links = pub.getByRole("link");
  await expect(links).toHaveText(["Second <script>alert(1)</script>", "First", "Made with Mewayz"]);
  await expect(pub.getByText("Thanks for visiting")).toBeVisible();
  await expect(pub.getByText("Later")).toHaveCount(0);
  const order = await pub.locator("main").innerText();
  expect(order.indexOf("Second")).toBeLessThan(order.indexOf("Thanks for visiting"));
  await pub.getByRole("link", { name: "First" }).click();
  await expect(pub).toHaveURL(/\/login$/);
  await visitor.close();

  // The click is counted against the link, within seconds (events are written in batches).
  await page.getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Bio analytics" })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row", { name: /First/ })).toContainText("1", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const clicks = page.getByRole("definition").nth(2);
  await expect(clicks).toHaveText("1");

  // The workspace's home tells the week: the visit counted, the page published.
  await page.goto(`/app/${handle}`);
  const week = page.getByRole("list", { name: "Last 7 days" });
  await expect(week.getByRole("link", { name: /^Bio views/ })).toHaveText(/^Bio views\s*1$/);
  await expect(page.getByRole("list", { name: "Getting started" })).toContainText("Publish your bio page (done)");
});

test("a deleted block comes back with undo", async ({ page }, info) => {
  const handle = await workspace(page, `undo-${info.project.name}`);
  // Opened from the Create sheet's "Bio link": one new link block, and an address that does
  // not add another on reload.
  await page.goto(`/app/${handle}/bio?new=link`);
  await hydrated(page);
  await expect(blocks(page)).toHaveCount(3);
  await expect(page).toHaveURL(new RegExp(`/app/${handle}/bio$`));
  await page.getByRole("button", { name: "Edit New link (link)" }).first().click();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(blocks(page)).toHaveCount(2);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(blocks(page)).toHaveCount(3);
  await saved(page);
  await page.reload();
  await hydrated(page);
  await expect(blocks(page)).toHaveCount(3);
});
