import { expect, Locator, Page, test } from "@playwright/test";
import { callApi } from "./api";
import { uniqueEmail } from "./mail";
import { hydrated } from "./hydrated";

const PASSWORD = "a perfectly long passphrase";

async function workspace(page: Page, tag: string): Promise<string> {
  const handle = `site-${tag}-${Date.now() % 1_000_000}`;
  const post = (fn: string, form: Record<string, string>) => callApi(page.request, fn, form);
  expect((await post("register", { name: "Lee Coach", email: uniqueEmail(tag), password: PASSWORD })).ok()).toBeTruthy();
  expect((await post("create_workspace", { name: "Lee Coaching", handle, time_zone: "UTC", currency: "USD" })).ok()).toBeTruthy();
  return handle;
}

const sections = (page: Page) => page.getByRole("list", { name: "Sections" }).locator(":scope > li");
const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

/** Drags `from` onto `to`'s upper half, with the mouse or with a finger. */
async function drag(page: Page, from: Locator, to: Locator, touch: boolean) {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const end = { x: start.x, y: b.y + b.height * 0.25 };
  if (touch) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
    for (let i = 1; i <= 8; i++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: start.x, y: start.y + ((end.y - start.y) * i) / 8 }] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  } else {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(end.x, end.y, { steps: 8 });
    await page.mouse.up();
  }
}

test("build a site from a template, reorder, add a page with its SEO title, publish, restore a version, and a visitor's message becomes a contact", { tag: "@desktop" }, async ({ page, browser, baseURL }, info) => {
  const handle = await workspace(page, info.project.name);
  const slug = `lee-${info.project.name}-${Date.now() % 1_000_000}`;
  await page.goto(`/app/${handle}/sites`);
  await hydrated(page);
  await expect(page.getByText("No website yet")).toBeVisible();
  await page.getByRole("radio", { name: /Coach/ }).check();
  await page.getByLabel("Site name *").fill("Lee Coaching");
  await page.getByLabel("Address *").fill(slug);
  await page.getByRole("button", { name: "Create site" }).click();
  await expect(page).toHaveURL(new RegExp(`/app/${handle}/sites/`));
  await hydrated(page);
  await expect(sections(page)).toHaveCount(7);

  // Keyboard: the arrow keys on a handle move "How it works" below "Programmes".
  await page.getByRole("button", { name: "Reorder How it works" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(sections(page).nth(1)).toContainText("Programmes");
  await expect(sections(page).nth(2)).toContainText("How it works");
  // Mouse or finger: "Clients" goes above "Programmes".
  await drag(page, page.getByRole("button", { name: "Reorder Clients" }), page.getByRole("button", { name: "Reorder Programmes" }), info.project.name === "mobile");
  await expect(sections(page).nth(1)).toContainText("Clients");
  // Undo takes the drag back, redo does it again.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(sections(page).nth(1)).toContainText("Programmes");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(sections(page).nth(1)).toContainText("Clients");
  await saved(page);

  // A new page joins the menu; its SEO title and headline.
  await page.getByRole("button", { name: "New page" }).click();
  await page.getByRole("textbox", { name: "Page name", exact: true }).fill("About");
  await page.getByRole("textbox", { name: "Address", exact: true }).fill("about");
  await page.getByRole("button", { name: "Add page" }).click();
  await page.getByRole("tab", { name: "Menu" }).click();
  await expect(page.getByRole("group", { name: "Menu item 3" }).getByLabel("Label")).toHaveValue("About");
  await page.getByRole("tab", { name: "Page & SEO" }).click();
  await page.getByRole("textbox", { name: "SEO title" }).fill("About Lee, coach for new managers");
  await page.getByRole("tab", { name: "Sections" }).click();
  await page.getByRole("button", { name: /^Edit Say what you do/ }).click();
  await page.getByRole("textbox", { name: "Heading", exact: true }).fill("About Lee");
  await saved(page);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("button", { name: "Published" })).toBeDisabled();

  // A second version of the home headline, published; then the first restored and published.
  await page.getByRole("combobox", { name: "Page", exact: true }).selectOption({ label: "Home (home)" });
  await page.getByRole("button", { name: /^Edit Become the manager/ }).click();
  await page.getByRole("textbox", { name: "Heading", exact: true }).fill("A headline to regret");
  await saved(page);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("button", { name: "Published" })).toBeDisabled();
  await page.getByRole("tab", { name: "History" }).click();
  const versions = page.getByRole("list", { name: "Versions" }).getByRole("listitem");
  await expect(versions).toHaveCount(2);
  await versions.nth(1).getByRole("button", { name: "Restore this version" }).click();
  await expect(page.getByText("Restored into your draft.")).toBeVisible();
  await page.getByRole("tab", { name: "Sections" }).click();
  await expect(page.getByRole("textbox", { name: "Heading", exact: true })).toHaveValue("Become the manager you wanted to have");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("button", { name: "Published" })).toBeDisabled();
  // A page can start as a copy of the one on screen (a blank one has a single hero).
  await page.getByRole("button", { name: "New page" }).click();
  await page.getByRole("textbox", { name: "Page name", exact: true }).fill("For engineering leads");
  await page.getByRole("textbox", { name: "Address", exact: true }).fill("leads");
  await page.getByRole("checkbox", { name: "Start from a copy of “Home”" }).check();
  await page.getByRole("button", { name: "Add page" }).click();
  await expect(page.getByRole("combobox", { name: "Page" })).toContainText("For engineering leads · /leads");
  await expect(sections(page)).toHaveCount(7);
  await expect(sections(page).first()).toContainText("Become the manager you wanted to have");

  // A visitor without JavaScript.
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const v = await visitor.newPage();
  await v.goto(`${baseURL}/s/${slug}`);
  await expect(v.getByRole("heading", { level: 1 })).toHaveText("Become the manager you wanted to have");
  await expect(v.locator("script:not([type='application/ld+json'])")).toHaveCount(0);
  // Phones fold the menu behind a button that opens without script.
  const mobile = info.project.name === "mobile";
  if (mobile) await v.getByText("Menu", { exact: true }).click();
  await v.getByRole("navigation", { name: mobile ? "Menu" : "Main" }).getByRole("link", { name: "About" }).click();
  await expect(v).toHaveTitle("About Lee, coach for new managers");
  await expect(v.getByRole("heading", { level: 1 })).toHaveText("About Lee");
  await v.goto(`${baseURL}/s/${slug}/contact`);
  await v.getByLabel("Name *").fill("Ada Visitor");
  await v.getByLabel("Email *").fill(`ada-${info.project.name}@example.com`);
  await v.getByLabel("Message").fill("Do you coach engineering leads?");
  // People take longer than two seconds; the timing check turns away faster posts.
  await v.waitForTimeout(2100);
  await v.getByRole("button", { name: "Send" }).click();
  await expect(v.getByRole("status")).toHaveText(/Thank you! Your message was sent./);
  await visitor.close();

  // The message, and its sender in the CRM.
  await page.getByRole("link", { name: "Messages" }).click();
  await expect(page.getByText("Do you coach engineering leads?")).toBeVisible();
  await page.goto(`/app/${handle}/crm`);
  await expect(page.getByRole("link", { name: "Ada Visitor" })).toBeVisible();
});
