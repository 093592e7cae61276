import { Browser, expect, Page, test } from "@playwright/test";
import { callApi } from "./api";
import { linkIn, mailTo, uniqueEmail } from "./mail";
import { hydrated } from "./hydrated";

const PASSWORD = "a perfectly long passphrase";

async function signUp(page: Page, email: string, name: string, path = "/register") {
  await page.goto(path);
  await hydrated(page);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  return context.newPage();
}

test("set up a workspace, invite a viewer who joins from the mailbox, and read the audit log", async ({ page, browser, request }) => {
  const owner = uniqueEmail("owner");
  await signUp(page, owner, "Olive Owner");
  await expect(page).toHaveURL(/\/onboarding$/);

  // Step 1: the handle follows the name.
  const name = `Olive Studio ${Date.now()}`;
  await hydrated(page);
  await page.getByLabel("Workspace name").fill(name);
  const handle = await page.getByLabel("Handle").inputValue();
  expect(handle).toMatch(/^olive-studio-\d+$/);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "What do you want to do first?" })).toBeVisible();

  // A reload resumes the same step.
  await page.reload();
  await expect(page.getByRole("heading", { name: "What do you want to do first?" })).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Teach a course").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Choose your modules" })).toBeVisible();
  await page.getByRole("checkbox", { name: /Courses & community/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Continue with Free" }).click();
  await expect(page).toHaveURL(new RegExp(`/app/${handle}$`));
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Modules" }).getByRole("heading", { name: "Courses & community" })).toBeVisible();
  // A new workspace's home: the first steps, none done yet.
  const steps = page.getByRole("list", { name: "Getting started" });
  await expect(page.getByRole("region", { name: "Get started" })).toContainText("0 of 3 done");
  await expect(steps.getByRole("link", { name: "Invite a teammate" })).toHaveAttribute("href", `/app/${handle}/members`);

  // A logo, uploaded as a plain form.
  await page.getByRole("link", { name: "Workspace settings" }).click();
  await page.getByLabel("Logo image").setInputFiles(`${__dirname}/../../public/icons/icon-192.png`);
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("img", { name: "Current logo" })).toBeVisible();
  await page.goto(`/app/${handle}`);
  // The top bar's workspace menu is labelled with this workspace and its logo.
  const menu = page.locator("details.switcher > summary");
  await expect(menu).toHaveText(name);
  await expect(menu.locator("img.switcher-logo")).toHaveJSProperty("naturalWidth", 192);

  // Invite a viewer.
  await page.getByRole("link", { name: "Members" }).click();
  await hydrated(page);
  const viewer = uniqueEmail("viewer");
  const inviteForm = page.getByRole("region", { name: "Invite someone" });
  await inviteForm.getByRole("textbox", { name: "Email" }).fill(viewer);
  await inviteForm.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("list", { name: "Pending invitations" }).getByText(viewer, { exact: true })).toBeVisible();

  // The invitee signs up on the way and accepts.
  const mail = await mailTo(request, viewer);
  expect(mail.subject).toBe(`Join ${name} on Mewayz`);
  const guest = await newPage(browser);
  await guest.goto(linkIn(mail));
  await expect(guest.getByText(`Join ${name} as viewer.`)).toBeVisible();
  await guest.getByRole("link", { name: "Create an account to join" }).click();
  await hydrated(guest);
  await guest.getByLabel("Name").fill("Vera Viewer");
  await guest.getByRole("textbox", { name: "Email", exact: true }).fill(viewer);
  await guest.getByLabel("Password").fill(PASSWORD);
  await guest.getByRole("button", { name: "Create account" }).click();
  await expect(guest).toHaveURL(/\/invite\?token=/);
  // Holding the link is not owning the address: it is confirmed first, and the confirmation
  // link leads back here.
  await expect(guest.getByText(`open the link we sent to ${viewer}`)).toBeVisible();
  // Someone else's workspace is not found, as an unknown address is.
  expect((await guest.goto(`/app/${handle}`))?.status()).toBe(404);
  await expect(guest.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const confirm = await mailTo(request, viewer, 1, "Confirm your email for Mewayz");
  await guest.goto(linkIn(confirm));
  await hydrated(guest);
  await guest.getByRole("button", { name: "Confirm my email" }).click();
  await expect(guest).toHaveURL(/\/invite\?token=/);
  await hydrated(guest);
  await guest.getByRole("button", { name: "Accept invitation" }).click();
  await expect(guest).toHaveURL(new RegExp(`/app/${handle}$`));
  await expect(guest.getByText(`@${handle} · you are viewer`)).toBeVisible();

  // A viewer sees no controls they cannot use, and the server refuses them anyway.
  await guest.getByRole("link", { name: "Members" }).click();
  await expect(guest.getByRole("list", { name: "Members" }).getByText("Olive Owner")).toBeVisible();
  await expect(guest.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(guest.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  const workspaceId = await (await callApi(guest.request, "get_workspace", { handle })).json();
  const refused = await callApi(guest.request, "invite_member", {
    workspace_id: workspaceId.id, email: "sneaky@example.com", role: "admin",
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain(name);

  // The invitation ticked its step off.
  await page.goto(`/app/${handle}`);
  await expect(steps).toContainText("Invite a teammate (done)");

  // The owner's audit log shows the invitation and the acceptance.
  await page.goto(`/app/${handle}/audit`);
  const entries = page.getByRole("list", { name: "Audit entries" });
  await expect(entries.getByText(`Invited ${viewer} as Viewer`)).toBeVisible();
  await expect(entries.getByText("Joined as Viewer")).toBeVisible();
  await page.getByLabel("Show").selectOption("invitation.");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(entries.getByText("Created")).toHaveCount(0);
  await guest.context().close();
});
