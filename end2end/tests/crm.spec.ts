import { expect, Locator, Page, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { callApi } from "./api";
import { uniqueEmail } from "./mail";
import { hydrated } from "./hydrated";

const PASSWORD = "a perfectly long passphrase";

const post = (page: Page, fn: string, form: Record<string, string>) => callApi(page.request, fn, form);

/** A signed-in account with a workspace; returns its handle and id. */
async function workspace(page: Page, tag: string): Promise<{ handle: string; id: string }> {
  const handle = `crm-${tag}-${Date.now() % 1_000_000}`;
  expect((await post(page, "register", { name: "Cora Closer", email: uniqueEmail(tag), password: PASSWORD })).ok()).toBeTruthy();
  const res = await post(page, "create_workspace", { name: "Cora's Shop", handle, time_zone: "UTC", currency: "USD" });
  expect(res.ok()).toBeTruthy();
  const ws = await post(page, "get_workspace", { handle });
  return { handle, id: (await ws.json()).id };
}

const contactNames = (page: Page) => page.getByRole("list", { name: "Contacts" }).getByRole("link");

test("create, edit, search and filter contacts with a custom field", { tag: "@desktop" }, async ({ page }, info) => {
  const { handle, id } = await workspace(page, `c${info.project.name}`);
  await page.goto(`/app/${handle}/crm`);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "No contacts yet" })).toBeVisible();

  // A custom field, defined once and offered on every contact.
  await page.getByRole("navigation", { name: "CRM" }).getByRole("link", { name: "Fields" }).click();
  await page.getByRole("textbox", { name: "Field name" }).fill("Tier");
  await page.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Single select" });
  await page.getByRole("textbox", { name: "Choices" }).fill("Gold\nSilver");
  await page.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByRole("list", { name: "Custom fields" })).toContainText("Tier");

  // A new contact; a bad email is refused next to its field, what was typed stays.
  await page.getByRole("navigation", { name: "CRM" }).getByRole("link", { name: "Contacts" }).click();
  if (info.project.name === "mobile") {
    // On phones, the bottom bar's Create sheet goes straight to the form.
    await page.getByRole("navigation", { name: "Main", exact: true }).getByRole("button", { name: "Create" }).click();
    await page.getByRole("dialog", { name: "Create" }).getByRole("link", { name: "Contact" }).click();
    await expect(page.getByRole("heading", { name: "New contact" })).toBeVisible();
  } else {
    await page.getByRole("link", { name: "New contact" }).first().click();
  }
  await page.getByRole("textbox", { name: "Name" }).fill("Ada Lovelace");
  await page.getByRole("textbox", { name: "Emails" }).fill("ada(at)engines");
  await page.getByRole("combobox", { name: "Tier" }).selectOption("Gold");
  await page.getByRole("textbox", { name: "Tags" }).fill("vip, speaker");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("Ada Lovelace");
  await page.getByRole("textbox", { name: "Emails" }).fill("ada@engines.io");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { name: "Ada Lovelace", level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Contact created");

  // Edit: the change and a note land on the timeline.
  await page.getByRole("textbox", { name: "Name" }).fill("Ada King");
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByRole("heading", { name: "Ada King", level: 1 })).toBeVisible();
  await page.getByRole("textbox", { name: "Note" }).fill("Met at the expo");
  await page.getByRole("button", { name: "Add note" }).click();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("Met at the expo");
  await expect(timeline).toContainText("Changed name");

  // A deal started from the contact, then moved without the board.
  await page.getByText("Add a deal").click();
  await page.getByRole("textbox", { name: "Deal name" }).fill("Consulting");
  await page.getByRole("textbox", { name: "Value" }).fill("500");
  await page.getByRole("button", { name: "Add deal" }).click();
  await expect(timeline).toContainText("Consulting (USD 500.00)");
  await page.getByRole("link", { name: "Consulting" }).click();
  await expect(page.getByText("USD 500.00 · Open · New")).toBeVisible();
  await page.getByRole("combobox", { name: "Stage" }).selectOption({ label: "Proposal" });
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByText("USD 500.00 · Open · Proposal")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ada King" })).toBeVisible();

  // Others, then search, tag filter and custom-field filter.
  for (const [name, email, tier] of [["Grace Hopper", "grace@navy.mil", "Silver"], ["Alan Turing", "a.turing@bletchley-park.uk", ""]]) {
    const form: Record<string, string> = { workspace_id: id, name, emails: email };
    if (tier) form["custom[tier][]"] = tier;
    expect((await post(page, "save_contact", form)).ok()).toBeTruthy();
  }
  await page.goto(`/app/${handle}/crm`);
  await hydrated(page);
  await expect(contactNames(page)).toHaveCount(3);
  // A fragment pasted from the middle of an address finds its owner.
  await page.getByRole("searchbox", { name: "Search" }).fill("turing@bletchley");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(contactNames(page)).toHaveText(["Alan Turing"]);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/app/${handle}/crm$`));
  await expect(contactNames(page)).toHaveCount(3);
  await expect(page.getByRole("link", { name: "Clear filters" })).toHaveCount(0);
  await page.getByText("Filters and sort").click();
  await page.getByRole("combobox", { name: "Custom field" }).selectOption({ label: "Tier" });
  await page.getByRole("textbox", { name: "Field value" }).fill("gold");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(contactNames(page)).toHaveText(["Ada King"]);
  await page.goto(`/app/${handle}/crm?tag=speaker`);
  await expect(contactNames(page)).toHaveText(["Ada King"]);
  await page.goto(`/app/${handle}/crm?q=nobody`);
  await expect(page.getByRole("heading", { name: "No matches" })).toBeVisible();
});

/** Drags `handle` into `column`, with the mouse or a finger. */
async function drag(page: Page, handle: Locator, column: Locator, touch: boolean) {
  // Pointer events reach only what is on screen: bring the card into view as a person would.
  await handle.scrollIntoViewIfNeeded();
  const a = (await handle.boundingBox())!;
  const b = (await column.boundingBox())!;
  const width = page.viewportSize()!.width;
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const end = { x: Math.min(b.x + Math.min(b.width / 2, 40), width - 4), y: b.y + 60 };
  if (touch) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
    for (let i = 1; i <= 10; i++) {
      const p = { x: start.x + ((end.x - start.x) * i) / 10, y: start.y + ((end.y - start.y) * i) / 10 };
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [p] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  } else {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(end.x, end.y, { steps: 10 });
    await page.mouse.up();
  }
}

test("move a deal across stages by dragging and by keyboard, then close it", { tag: "@desktop" }, async ({ page }, info) => {
  const { handle, id } = await workspace(page, `d${info.project.name}`);
  expect((await post(page, "save_contact", { workspace_id: id, name: "Buyer Bee", emails: "buyer@example.com" })).ok()).toBeTruthy();
  await page.goto(`/app/${handle}/crm/deals`);
  await hydrated(page);
  await page.getByText("New deal").click();
  await page.getByRole("textbox", { name: "Deal name" }).fill("Website");
  await page.getByRole("textbox", { name: "Value" }).fill("1200");
  await page.getByRole("combobox", { name: "Contact" }).fill("buyer@example.com");
  await page.getByRole("button", { name: "Add deal" }).click();
  const column = (name: string) => page.getByRole("list", { name, exact: true });
  await expect(column("New").getByRole("link", { name: "Website" })).toBeVisible();
  await expect(column("New")).toContainText("Buyer Bee");
  await expect(page.getByRole("region", { name: /^New/ })).toContainText("USD 1200.00");

  // Dragged into "Qualified": by mouse on desktop, by finger on the phone.
  const handleButton = page.getByRole("button", { name: "Move Website" });
  await drag(page, handleButton, page.getByRole("region", { name: /^Qualified/ }), info.project.name.includes("mobile"));
  await expect(column("Qualified").getByRole("link", { name: "Website" })).toBeVisible();
  await expect(page.getByText("Website moved to Qualified, position 1 of 1.")).toBeAttached();

  // The arrow keys move it on, and focus stays on its handle.
  await handleButton.focus();
  await page.keyboard.press("ArrowRight");
  await expect(column("Proposal").getByRole("link", { name: "Website" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Move Website" })).toBeFocused();
  for (const key of ["ArrowLeft", "ArrowRight", "ArrowRight"]) {
    await page.keyboard.press(key);
    await expect(page.getByRole("button", { name: "Move Website" })).toBeFocused();
  }
  await expect(column("Negotiation").getByRole("link", { name: "Website" })).toBeVisible();

  // Saved: a reload shows it where it was left, with the stage's total.
  await expect(page.getByRole("status").filter({ hasText: "All moves saved" })).toBeVisible();
  await page.reload();
  await hydrated(page);
  await expect(column("Negotiation").getByRole("link", { name: "Website" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Negotiation/ })).toContainText("USD 1200.00");

  // Lost needs a reason.
  await column("Negotiation").getByRole("link", { name: "Website" }).click();
  await page.getByRole("button", { name: "Mark lost" }).click();
  await expect(page.getByText("Say why it was lost")).toBeVisible();
  await page.getByRole("textbox", { name: "Reason" }).fill("Budget cut");
  await page.getByRole("button", { name: "Mark lost" }).click();
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Budget cut");
});

test("import a CSV with a duplicate and a malformed row, then export and re-import it", async ({ page }, info) => {
  const { handle, id } = await workspace(page, `i${info.project.name}`);
  expect((await post(page, "save_contact", { workspace_id: id, name: "Ada Lovelace", emails: "ada@engines.io" })).ok()).toBeTruthy();
  await page.goto(`/app/${handle}/crm/import`);
  await hydrated(page);
  // Headers as Google Contacts exports them map by themselves.
  const csv = "Name,E-mail 1 - Value,Company\nGrace Hopper,grace@navy.mil,US Navy\nAda Again,ADA@engines.io,\nBroken,not-an-email,\n";
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { name: "2. Map the columns of people.csv (3 rows)" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "E-mail 1 - Value" })).toHaveValue("email");
  await expect(page.getByRole("row", { name: /Company/ })).toContainText("US Navy");
  await hydrated(page);
  await page.getByRole("button", { name: "Import contacts" }).click();
  const report = page.getByRole("status").filter({ hasText: "Import finished" });
  await expect(report).toBeVisible();
  await expect(report.getByRole("definition")).toHaveText(["1", "0", "1", "1"]);
  await expect(page.getByRole("table", { name: "Rows not imported" })).toContainText("4");
  await expect(page.getByRole("table", { name: "Rows not imported" })).toContainText("not-an-email");
  const dupes = page.getByRole("table", { name: "Rows matching existing contacts" });
  await expect(dupes.getByRole("row").nth(1)).toHaveText(/^3\s*ada@engines\.io\s*Ada Lovelace$/);
  await expect(dupes.getByRole("link", { name: "Ada Lovelace" })).toHaveAttribute("href", new RegExp(`/app/${handle}/crm/contacts/`));

  // Export the list, delete everyone, import the export: the same people come back.
  await page.getByRole("link", { name: "See contacts" }).click();
  await hydrated(page);
  await expect(contactNames(page)).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const exported = readFileSync((await download.path())!, "utf8");
  expect(exported).toContain("Grace Hopper,grace@navy.mil,,US Navy");
  await page.getByLabel("Select all shown").check();
  await page.getByRole("button", { name: "Delete…" }).click();
  await page.getByRole("button", { name: "Delete contacts" }).click();
  await expect(page.getByRole("heading", { name: "No contacts yet" })).toBeVisible();

  await page.goto(`/app/${handle}/crm/import`);
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(exported) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await hydrated(page);
  await page.getByRole("button", { name: "Import contacts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Import finished" }).getByRole("definition").first()).toHaveText("2");
  await page.getByRole("link", { name: "See contacts" }).click();
  await expect(contactNames(page)).toHaveText(["Ada Lovelace", "Grace Hopper"]);
});
