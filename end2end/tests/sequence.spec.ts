import { expect, Page, test } from "@playwright/test";
import { callApi, verifyEmail } from "./api";
import { hydrated } from "./hydrated";
import { mailTo, uniqueEmail } from "./mail";

const PASSWORD = "a perfectly long passphrase";
const MAILDEV = process.env.MAILDEV_URL ?? "http://127.0.0.1:1080";

const post = (page: Page, fn: string, form: Record<string, string>) => callApi(page.request, fn, form);

/** Writes the email of the sequence's step `n` on its own page: subject, footer, and a button when given. */
async function writeEmail(page: Page, n: number, subject: string, button?: [string, string]) {
  await page.getByRole("group", { name: `Step ${n}` }).getByRole("link", { name: "Write the email" }).click();
  await expect(page.getByRole("heading", { name: "Untitled email", level: 1 })).toBeVisible();
  await hydrated(page);
  await page.getByRole("textbox", { name: "Subject" }).fill(subject);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: subject, level: 1 })).toBeVisible();
  if (button) {
    await page.getByRole("group", { name: "Add a block" }).getByRole("button", { name: "Button" }).click();
    await page.getByRole("textbox", { name: "Label" }).fill(button[0]);
    await page.getByRole("textbox", { name: "Opens" }).fill(button[1]);
  }
  await page.getByRole("list", { name: "Email blocks" }).getByRole("button", { name: "Edit footer block, unfinished" }).click();
  await page.getByRole("textbox", { name: "Postal address" }).fill("2 Quay Road, Leith");
  await expect(page.getByRole("region", { name: "Email" }).getByRole("status")).toHaveText("Saved");
  await page.getByRole("link", { name: "← Back to the sequence" }).click();
  await hydrated(page);
}

test("a drip sequence welcomes each new subscriber and, after the wait, follows up only with those who did not click", async ({ page, browser, baseURL }, info) => {
  const handle = `drip-${info.project.name}-${Date.now() % 1_000_000}`;
  const owner = uniqueEmail("tom");
  expect((await post(page, "register", { name: "Tom Drip", email: owner, password: PASSWORD })).ok()).toBeTruthy();
  await verifyEmail(page.request, owner);
  expect((await post(page, "create_workspace", { name: "Tom's Guides", handle, time_zone: "UTC", currency: "USD" })).ok()).toBeTruthy();
  const ws = await post(page, "get_workspace", { handle });
  const list = await post(page, "save_email_list", { workspace_id: (await ws.json()).id, name: "Guides" });
  const listId = (await list.json()).id as string;

  await page.goto(`/app/${handle}/email/sequences`);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "No sequences yet" })).toBeVisible();
  await page.getByRole("textbox", { name: "Name" }).fill("Welcome");
  await page.getByRole("button", { name: "Create and add steps" }).click();
  await expect(page.getByRole("heading", { name: "Welcome", level: 1 })).toBeVisible();
  await hydrated(page);

  // Welcome; an hour later (ten seconds in this test), if they did not click it, a follow-up.
  const add = page.getByRole("group", { name: "Add a step" });
  for (const kind of ["+ Email", "+ Wait", "+ Condition", "+ Email"]) await add.getByRole("button", { name: kind, exact: true }).click();
  await page.getByLabel("Unit of step 2").selectOption("hours");
  await expect(page.getByRole("group", { name: "Step 3" }).getByLabel("If they")).toHaveValue("3");
  await page.getByRole("button", { name: "Save steps" }).click();
  await expect(page.getByText("Unsaved changes")).toHaveCount(0);
  // Starting before the emails are written says which one needs finishing.
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByText("Step 1: Finish this email")).toBeVisible();
  await writeEmail(page, 1, "Welcome aboard", ["Read the guide", "https://example.com/guide"]);
  await writeEmail(page, 4, "Still with us?");
  await expect(page.getByRole("group", { name: "Step 4" })).toContainText("“Still with us?”");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  // Two readers sign up on the list's form with JavaScript off; one clicks the welcome.
  const visitor = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const form = await visitor.newPage();
  const signUp = async (email: string) => {
    await form.goto(`/subscribe/${listId}`);
    await form.getByRole("textbox", { name: "Email" }).fill(email);
    await form.getByRole("button", { name: "Subscribe" }).click();
    await expect(form.getByRole("heading", { name: "You're subscribed" })).toBeVisible();
  };
  const clicker = uniqueEmail("clicker");
  const quiet = uniqueEmail("quiet");
  await signUp(clicker);
  const welcome = await mailTo(page.request, clicker, 1, "Welcome aboard");
  const link = new URL(welcome.html.match(/https?:\/\/[^"]*\/e\/c\/[^"]*/)![0]).pathname;
  expect((await page.request.get(link, { maxRedirects: 0 })).headers()["location"]).toBe("https://example.com/guide");
  await signUp(quiet);
  await visitor.close();
  await mailTo(page.request, quiet, 1, "Welcome aboard");
  await mailTo(page.request, quiet, 1, "Still with us?");

  // The page shows who finished and who left, and why; the clicker got nothing more.
  const people = page.getByRole("table", { name: "People on the sequence" });
  await expect(async () => {
    await page.reload();
    await expect(people.getByRole("row").filter({ hasText: clicker })).toContainText("Step 3: they clicked in the email", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(people.getByRole("row").filter({ hasText: quiet })).toContainText("Finished");
  const all = (await (await page.request.get(`${MAILDEV}/api/email`)).json()) as any[];
  expect(all.filter((m) => m.to.some((t: any) => t.address === clicker)).map((m) => m.subject)).toEqual(["Welcome aboard"]);
});
