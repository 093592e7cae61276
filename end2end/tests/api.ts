import { APIRequestContext } from "@playwright/test";
import { mailTo } from "./mail";

// The app's origin. Browsers send it as `Origin` on every form post; API calls made from the
// test runner must say it too, or the server refuses them as cross-site.
export const ORIGIN = process.env.BASE_URL ?? "http://127.0.0.1:3000";

/** Calls server function `fn` with form fields, as the app's forms do. */
export function callApi(request: APIRequestContext, fn: string, form: Record<string, string>) {
  return request.post(`/api/${fn}`, { form, headers: { accept: "application/json", origin: ORIGIN } });
}

/** Confirms `email` through the link of its latest verification email. */
export async function verifyEmail(request: APIRequestContext, email: string) {
  const mail = await mailTo(request, email, 1, "Confirm your email for Mewayz");
  const token = new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get("token")!;
  const res = await callApi(request, "verify_email", { token });
  if (!res.ok()) throw new Error(`verify_email: ${res.status()} ${await res.text()}`);
}
