import { APIRequestContext, expect } from "@playwright/test";

// MailDev, started by `make test`: every email the server sends over SMTP lands there.
const MAILDEV = process.env.MAILDEV_URL ?? "http://127.0.0.1:1080";

export type Mail = { id: string; subject: string; text: string; html: string; attachments: { filename: string; generatedFileName: string }[] };

/** Waits for the `count`-th email to `to` (with `subject`, if given) and returns it. */
export async function mailTo(request: APIRequestContext, to: string, count = 1, subject?: string): Promise<Mail> {
  let found: Mail[] = [];
  await expect(async () => {
    const res = await request.get(`${MAILDEV}/api/email`);
    const all = (await res.json()) as any[];
    found = all
      .filter((m) => m.to.some((t: any) => t.address === to))
      .filter((m) => subject === undefined || m.subject === subject)
      .map((m) => ({ id: m.id, subject: m.subject, text: m.text, html: m.html ?? "", attachments: m.attachments ?? [] }));
    expect(found.length).toBeGreaterThanOrEqual(count);
  }).toPass({ timeout: 15_000 });
  return found[count - 1];
}

/** The attachment `filename` of `mail`, as text. */
export async function attachmentOf(request: APIRequestContext, mail: Mail, filename: string): Promise<string> {
  const file = mail.attachments.find((a) => a.filename === filename);
  if (!file) throw new Error(`no attachment ${filename} in: ${mail.subject}`);
  return (await request.get(`${MAILDEV}/api/email/${mail.id}/attachment/${file.generatedFileName}`)).text();
}

/** The first link in an email. */
export function linkIn(mail: Mail): string {
  const match = mail.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return match[0];
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
