import { request } from "@playwright/test";
import { callApi, verifyEmail } from "./tests/api";
import { totp } from "./tests/totp";

// Before any test: the platform admin named in ADMIN_EMAILS by `make test` signs up, confirms
// the address from the mailbox, turns on two-step verification and creates the paid plans the
// billing tests buy, through the same server functions the admin screens call.
export const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? "platform-admin@example.com";

export const PAID_PLANS = [
  { key: "pro", name: "Pro", monthly: "12", yearly: "120", seats: "10" },
  { key: "max", name: "Max", monthly: "30", yearly: "300", seats: "50" },
];

export default async function globalSetup() {
  const api = await request.newContext({ baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000" });
  const call = async (name: string, form: Record<string, string>) => {
    const res = await callApi(api, name, form);
    if (!res.ok()) throw new Error(`${name}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  await call("register", { name: "Platform Admin", email: ADMIN_EMAIL, password: "a perfectly long passphrase" });
  await verifyEmail(api, ADMIN_EMAIL);
  const setup = await call("start_mfa", {});
  await call("confirm_mfa", { code: totp(setup.manual_key) });
  for (const p of PAID_PLANS) {
    await call("save_plan", {
      key: p.key, name: p.name, description: `The ${p.name} plan`, monthly_price: p.monthly,
      yearly_price: p.yearly, trial_days: "0", visible: "on", bio_pages: "-1", sites: "-1", contacts: "-1",
      emails_per_month: "-1", team_members: p.seats, storage_mb: "-1", ai_credits: "-1",
    });
  }
  await api.dispose();
}
