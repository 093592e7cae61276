// A local Stripe speaking the parts of Stripe's HTTP API that Mewayz uses (customers, products,
// prices, Checkout Sessions, subscriptions, invoice previews), a hosted checkout page that "pays"
// and webhooks signed exactly as Stripe signs them (Stripe-Signature: t=…,v1=HMAC-SHA256 of
// "t.body" with the endpoint secret). Objects carry every field Stripe's own clients require.
//
// Usage: node stripe.mjs PORT WEBHOOK_URL WEBHOOK_SECRET
//
// Test controls (not Stripe's): POST /_test/config {"hold": true} keeps events instead of sending
// them; GET /_test/events lists them; POST /_test/events/ID/deliver sends one now;
// POST /_test/subscriptions/ID/fail_payment and /pay_invoice move a subscription in and out of
// arrears; POST /_test/subscriptions/ID/update {"cancel_at_period_end": true} changes it as the
// dashboard would; POST /_test/subscriptions/ID/end ends it (as at the end of a cancelled period).
import { createHmac, randomBytes } from "node:crypto";
import { createServer, request as httpRequest } from "node:http";

const [port, webhookUrl, webhookSecret] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const API_VERSION = "2026-09-30.endive";
const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);
const id = (prefix) => `${prefix}_${randomBytes(12).toString("hex")}`;
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (cents) => `USD ${(cents / 100).toFixed(2)}`;

const customers = new Map();
const products = new Map();
const prices = new Map();
const sessions = new Map();
const subscriptions = new Map();
const invoices = new Map();
const paymentMethods = new Map();
const setupIntents = new Map();
const coupons = new Map();
const events = [];
let hold = false;

// --- Stripe's form encoding: a[b][0][c]=v ------------------------------------------------------

function setPath(target, keys, value) {
  let node = target;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(keys[i + 1]);
    if (last) node[key] = value;
    else node = node[key] ??= nextIsIndex ? [] : {};
  });
}

function parseForm(text) {
  const out = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const [head, ...rest] = name.split("[");
    setPath(out, [head, ...rest.map((k) => k.replace(/\]$/, ""))], value);
  }
  return out;
}

async function readBody(req) {
  let data = "";
  for await (const chunk of req) data += chunk;
  return data;
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "request-id": id("req"),
  });
  res.end(text);
}

function stripeError(res, status, message, param) {
  send(res, status, { error: { type: "invalid_request_error", message, param } });
}

// --- Objects -----------------------------------------------------------------------------------

function planOf(price) {
  return {
    id: price.id, object: "plan", active: true, amount: price.unit_amount, billing_scheme: "per_unit",
    created: price.created, currency: "usd", interval: price.recurring.interval, interval_count: 1,
    livemode: false, metadata: price.metadata, product: price.product, usage_type: "licensed",
  };
}

function periodEnd(start, interval) {
  return start + (interval === "year" ? 365 : 30) * DAY;
}

function subscriptionItem(sub, price, start) {
  return {
    id: id("si"), object: "subscription_item", created: start, current_period_start: start,
    current_period_end: periodEnd(start, price.recurring.interval), discounts: [], metadata: {},
    plan: planOf(price), price, quantity: 1, subscription: sub.id, tax_rates: [],
  };
}

function invoiceFor(sub, lines, { paid, preview = false }) {
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const due = Math.max(total, 0);
  const t = now();
  const invoice = {
    id: preview ? undefined : id("in"), object: "invoice", amount_due: due, amount_overpaid: 0,
    amount_paid: paid ? due : 0, amount_remaining: paid ? 0 : due, amount_shipping: 0,
    attempt_count: paid ? 1 : 0, attempted: !preview, automatic_tax: { enabled: false },
    collection_method: "charge_automatically", created: t, currency: "usd", customer: sub.customer,
    default_tax_rates: [], discounts: [], issuer: { type: "self" },
    lines: { object: "list", data: lines, has_more: false, url: "/v1/invoices/lines" },
    livemode: false, metadata: {},
    parent: { type: "subscription_details", subscription_details: { subscription: sub.id, metadata: sub.metadata } },
    payment_settings: {}, period_end: t, period_start: t, post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0, starting_balance: 0,
    status: preview ? "draft" : paid ? "paid" : "open",
    status_transitions: paid ? { paid_at: t, finalized_at: t } : { finalized_at: t },
    subtotal: total, total,
    number: preview ? null : `MW-${String(invoices.size + 1).padStart(4, "0")}`,
  };
  if (!preview) {
    invoice.hosted_invoice_url = `${base}/invoices/${invoice.id}`;
    invoice.invoice_pdf = `${base}/invoices/${invoice.id}/pdf`;
    invoices.set(invoice.id, invoice);
  }
  return invoice;
}

function line(amount, description, start, end) {
  return {
    id: id("il"), object: "line_item", amount, currency: "usd", description, discountable: true,
    discounts: [], livemode: false, metadata: {}, period: { start, end }, subtotal: amount,
  };
}

// Prorates a switch from the item's price to `newPrice` at time `at`, as Stripe does by seconds.
function prorationLines(item, newPrice, at) {
  const start = item.current_period_start;
  const end = item.current_period_end;
  const left = Math.max(0, Math.min(1, (end - at) / (end - start)));
  if (item.price.recurring.interval !== newPrice.recurring.interval) {
    // A new interval starts a new period now: credit the unused time, charge the new period.
    return [
      line(-Math.round(item.price.unit_amount * left), `Unused time on ${item.price.id}`, at, end),
      line(newPrice.unit_amount, `${newPrice.id} from now`, at, periodEnd(at, newPrice.recurring.interval)),
    ];
  }
  return [
    line(-Math.round(item.price.unit_amount * left), `Unused time on ${item.price.id}`, at, end),
    line(Math.round(newPrice.unit_amount * left), `Remaining time on ${newPrice.id}`, at, end),
  ];
}

// --- Events ------------------------------------------------------------------------------------

function sign(payload, t = now()) {
  const v1 = createHmac("sha256", webhookSecret).update(`${t}.${payload}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

function deliver(event) {
  return new Promise((resolve) => {
    const payload = event.payload;
    const url = new URL(webhookUrl);
    const req = httpRequest(
      {
        hostname: url.hostname, port: url.port, path: url.pathname, method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(payload),
          "stripe-signature": sign(payload),
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      },
    );
    req.on("error", () => resolve(0));
    req.end(payload);
  });
}

// Stripe retries failed deliveries for days; a few quick retries keep tests honest and short.
async function deliverWithRetries(event) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const status = await deliver(event);
    event.deliveries.push(status);
    if (status >= 200 && status < 300) return status;
    await new Promise((r) => setTimeout(r, 300 * 2 ** attempt));
  }
  return event.deliveries.at(-1);
}

let queue = Promise.resolve();
function emit(type, object) {
  const eventId = id("evt");
  const payload = JSON.stringify({
    id: eventId, object: "event", api_version: API_VERSION, created: now(), data: { object },
    livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type,
  });
  const event = { id: eventId, type, payload, deliveries: [] };
  events.push(event);
  // Delivered one after another, in the order they happened, unless tests hold them.
  if (!hold) queue = queue.then(() => deliverWithRetries(event));
  return event;
}

function newCard(customer, brand, last4) {
  const pm = {
    id: id("pm"), object: "payment_method", created: now(), livemode: false, metadata: {}, type: "card", customer,
    billing_details: { address: null, email: null, name: null, phone: null },
    card: { brand, exp_month: 12, exp_year: new Date().getFullYear() + 3, funding: "credit", last4, country: "US" },
  };
  paymentMethods.set(pm.id, pm);
  const c = customers.get(customer);
  if (c && !c.invoice_settings.default_payment_method) c.invoice_settings.default_payment_method = pm.id;
  return pm;
}

// --- Flows -------------------------------------------------------------------------------------

function pay(session) {
  if (session.mode === "payment") {
    Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: id("pi") });
    emit("checkout.session.completed", publicSession(session));
    return null;
  }
  if (session.mode === "setup") {
    const pm = newCard(session.customer, "mastercard", "4444");
    const intent = {
      id: id("seti"), object: "setup_intent", created: now(), livemode: false, payment_method_types: ["card"],
      status: "succeeded", usage: "off_session", payment_method: pm.id, customer: session.customer,
    };
    setupIntents.set(intent.id, intent);
    Object.assign(session, { status: "complete", payment_status: "no_payment_required", setup_intent: intent.id });
    emit("checkout.session.completed", publicSession(session));
    return null;
  }
  const card = newCard(session.customer, "visa", "4242");
  const price = prices.get(session.line_items[0].price);
  const t = now();
  const trialDays = Number(session.subscription_data?.trial_period_days ?? 0);
  const sub = {
    id: id("sub"), object: "subscription", automatic_tax: { enabled: false }, billing_cycle_anchor: t,
    billing_mode: { type: "classic" }, billing_schedules: [], cancel_at: null, cancel_at_period_end: false,
    canceled_at: null, collection_method: "charge_automatically", created: t, currency: "usd",
    customer: session.customer, discounts: [], ended_at: null, invoice_settings: { issuer: { type: "self" } },
    livemode: false, metadata: session.subscription_data?.metadata ?? {}, start_date: t, default_payment_method: card.id,
    status: trialDays > 0 ? "trialing" : "active",
    trial_start: trialDays > 0 ? t : null, trial_end: trialDays > 0 ? t + trialDays * DAY : null,
  };
  sub.items = { object: "list", data: [subscriptionItem(sub, price, t)], has_more: false, url: `/v1/subscription_items?subscription=${sub.id}` };
  const amount = trialDays > 0 ? 0 : price.unit_amount;
  const invoice = invoiceFor(sub, [line(amount, price.id, t, periodEnd(t, price.recurring.interval))], { paid: true });
  sub.latest_invoice = invoice.id;
  subscriptions.set(sub.id, sub);
  Object.assign(session, { status: "complete", payment_status: trialDays > 0 ? "no_payment_required" : "paid", subscription: sub.id });
  emit("checkout.session.completed", publicSession(session));
  emit("customer.subscription.created", sub);
  emit("invoice.paid", invoice);
  return sub;
}

function updateSubscription(sub, params) {
  if (params.cancel_at_period_end !== undefined) {
    sub.cancel_at_period_end = params.cancel_at_period_end === "true" || params.cancel_at_period_end === true;
    sub.cancel_at = sub.cancel_at_period_end ? sub.items.data[0].current_period_end : null;
  }
  if (params.metadata) Object.assign(sub.metadata, params.metadata);
  if (params.default_payment_method) sub.default_payment_method = params.default_payment_method;
  if (params.trial_end) sub.trial_end = params.trial_end === "now" ? now() : Number(params.trial_end);
  if (params.discounts?.[0]?.coupon) {
    if (!coupons.has(params.discounts[0].coupon)) return "No such coupon";
    sub.discounts = [id("di")];
  }
  const change = params.items?.[0];
  if (change?.price) {
    const price = prices.get(change.price);
    if (!price) return "No such price";
    const item = sub.items.data[0];
    const at = Number(params.proration_date ?? now());
    const lines = prorationLines(item, price, at);
    const newItem = subscriptionItem(sub, price, item.price.recurring.interval === price.recurring.interval ? item.current_period_start : at);
    newItem.id = item.id;
    if (item.price.recurring.interval === price.recurring.interval) newItem.current_period_end = item.current_period_end;
    sub.items.data[0] = newItem;
    if (params.proration_behavior === "always_invoice") {
      const invoice = invoiceFor(sub, lines, { paid: true });
      sub.latest_invoice = invoice.id;
      emit("invoice.paid", invoice);
    }
  }
  emit("customer.subscription.updated", sub);
  return null;
}

function endSubscription(sub) {
  Object.assign(sub, { status: "canceled", canceled_at: now(), ended_at: now() });
  emit("customer.subscription.deleted", sub);
  return sub;
}

// --- Pages -------------------------------------------------------------------------------------

function checkoutPage(session) {
  if (session.mode === "payment") {
    const data = session.line_items[0].price_data;
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Pay · Stripe (test)</title></head><body>
<main><h1>${escape(data.product_data?.name ?? "Payment")}</h1><p><strong>${escape(String(data.currency).toUpperCase())} ${(Number(data.unit_amount) / 100).toFixed(2)}</strong></p>
<p>Test card 4242 4242 4242 4242</p>
<form method="post" action="/checkout/${escape(session.id)}/pay"><button type="submit">Pay</button></form>
<a href="${escape(session.cancel_url)}">Cancel and go back</a></main></body></html>`;
  }
  if (session.mode === "setup") {
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Save a card · Stripe (test)</title></head><body>
<main><h1>Save a card</h1><p>Test card 5555 5555 5555 4444</p>
<form method="post" action="/checkout/${escape(session.id)}/pay"><button type="submit">Save card</button></form>
<a href="${escape(session.cancel_url)}">Cancel and go back</a></main></body></html>`;
  }
  const price = prices.get(session.line_items[0].price);
  const product = products.get(price.product);
  const trial = Number(session.subscription_data?.trial_period_days ?? 0);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Checkout · Stripe (test)</title>
<style>body{font-family:system-ui,sans-serif;max-width:420px;margin:48px auto;padding:0 16px;color:#1b1a22}
button,a.cancel{display:block;width:100%;padding:14px;margin-top:12px;border-radius:8px;font-size:16px;text-align:center}
button{background:#635bff;color:#fff;border:0}a.cancel{color:#5c5a6b}</style></head><body>
<main><h1>Subscribe to ${escape(product?.name ?? "a plan")}</h1>
<p><strong>${money(price.unit_amount)} / ${escape(price.recurring.interval)}</strong>${trial ? ` after a ${trial}-day free trial` : ""}</p>
<p>Test card 4242 4242 4242 4242</p>
<form method="post" action="/checkout/${escape(session.id)}/pay"><button type="submit">Pay and subscribe</button></form>
<a class="cancel" href="${escape(session.cancel_url)}">Cancel and go back</a></main></body></html>`;
}

// --- Router ------------------------------------------------------------------------------------

async function api(req, res, url) {
  if (req.headers.authorization?.startsWith("Bearer ") !== true) {
    return send(res, 401, { error: { type: "invalid_request_error", message: "You did not provide an API key." } });
  }
  const params = req.method === "POST" ? parseForm(await readBody(req)) : Object.fromEntries(url.searchParams);
  const path = url.pathname.replace(/^\/v1/, "");
  const t = now();
  let m;
  if (req.method === "POST" && path === "/customers") {
    const c = {
      id: id("cus"), object: "customer", created: t, livemode: false, email: params.email ?? null, name: params.name ?? null,
      metadata: params.metadata ?? {}, invoice_settings: { default_payment_method: null },
    };
    customers.set(c.id, c);
    return send(res, 200, c);
  }
  if ((m = path.match(/^\/customers\/([^/]+)(\/payment_methods)?$/))) {
    const c = customers.get(m[1]);
    if (!c) return stripeError(res, 404, `No such customer: '${m[1]}'`);
    if (m[2]) {
      const data = [...paymentMethods.values()].filter((pm) => pm.customer === c.id).reverse();
      return send(res, 200, { object: "list", data, has_more: false, url: `/v1/customers/${c.id}/payment_methods` });
    }
    if (req.method === "POST") {
      const wanted = params.invoice_settings?.default_payment_method;
      if (wanted !== undefined) {
        if (paymentMethods.get(wanted)?.customer !== c.id) return stripeError(res, 400, `No such PaymentMethod: '${wanted}'`);
        c.invoice_settings.default_payment_method = wanted;
      }
      emit("customer.updated", c);
    }
    return send(res, 200, c);
  }
  if (req.method === "POST" && (m = path.match(/^\/payment_methods\/([^/]+)\/detach$/))) {
    const pm = paymentMethods.get(m[1]);
    if (!pm || !pm.customer) return stripeError(res, 400, `The payment method ${m[1]} is not attached to a customer.`);
    const c = customers.get(pm.customer);
    if (c?.invoice_settings.default_payment_method === pm.id) c.invoice_settings.default_payment_method = null;
    pm.customer = null;
    return send(res, 200, pm);
  }
  if (req.method === "GET" && (m = path.match(/^\/setup_intents\/([^/]+)$/))) {
    const intent = setupIntents.get(m[1]);
    return intent ? send(res, 200, intent) : stripeError(res, 404, `No such setupintent: '${m[1]}'`);
  }
  if (req.method === "POST" && path === "/coupons") {
    const c = {
      id: id("coupon"), object: "coupon", created: t, duration: params.duration ?? "once",
      duration_in_months: params.duration_in_months ? Number(params.duration_in_months) : null, livemode: false,
      times_redeemed: 0, valid: true, name: params.name ?? null, metadata: {},
      percent_off: params.percent_off ? Number(params.percent_off) : null,
      amount_off: params.amount_off ? Number(params.amount_off) : null, currency: params.currency ?? null,
    };
    coupons.set(c.id, c);
    return send(res, 200, c);
  }
  if (req.method === "POST" && path === "/products") {
    const p = { id: id("prod"), object: "product", active: true, created: t, images: [], livemode: false, marketing_features: [], metadata: params.metadata ?? {}, name: params.name, type: "service", updated: t };
    products.set(p.id, p);
    return send(res, 200, p);
  }
  if (req.method === "POST" && path === "/prices") {
    if (!products.has(params.product)) return stripeError(res, 400, `No such product: '${params.product}'`, "product");
    const p = {
      id: id("price"), object: "price", active: true, billing_scheme: "per_unit", created: t, currency: params.currency ?? "usd",
      livemode: false, metadata: params.metadata ?? {}, product: params.product, type: "recurring",
      recurring: { interval: params.recurring?.interval ?? "month", interval_count: 1, usage_type: "licensed" },
      unit_amount: Number(params.unit_amount),
    };
    prices.set(p.id, p);
    return send(res, 200, p);
  }
  if (req.method === "POST" && path === "/refunds") {
    // A full refund of a one-off payment, found by its payment intent.
    const s = [...sessions.values()].find((x) => x.payment_intent && x.payment_intent === params.payment_intent);
    if (!s || s.payment_status !== "paid") return stripeError(res, 400, `No such payment_intent: '${params.payment_intent}'`, "payment_intent");
    if (s.refunded) return stripeError(res, 400, "This charge has already been refunded", "payment_intent");
    s.refunded = true;
    return send(res, 200, {
      id: id("re"), object: "refund", amount: s.amount_total, balance_transaction: null, charge: null, created: t,
      currency: s.currency, customer: null, description: null, failure_reason: null, metadata: {}, payment_intent: s.payment_intent,
      reason: null, receipt_number: null, source_transfer_reversal: null, status: "succeeded", transfer_reversal: null,
    });
  }
  if (req.method === "POST" && path === "/checkout/sessions" && params.mode === "payment") {
    // A one-off payment for an amount given inline (price_data), as a paid booking opens it.
    const item = params.line_items?.[0];
    if (!item?.price_data?.unit_amount || !item.price_data.product_data?.name) return stripeError(res, 400, "Missing price_data", "line_items[0][price_data]");
    const expires = Number(params.expires_at ?? t + DAY);
    if (expires < t + 1800 || expires > t + DAY) return stripeError(res, 400, "expires_at must be 30 minutes to 24 hours ahead", "expires_at");
    const s = {
      id: id("cs_test"), object: "checkout.session", automatic_tax: { enabled: false }, created: t, custom_fields: [], custom_text: {},
      expires_at: expires, livemode: false, mode: "payment", payment_method_types: ["card"], payment_status: "unpaid",
      shipping_options: [], status: "open", client_reference_id: null, customer: null, customer_email: params.customer_email ?? null,
      metadata: params.metadata ?? {}, success_url: params.success_url, cancel_url: params.cancel_url, subscription: null,
      currency: item.price_data.currency, amount_total: Number(item.price_data.unit_amount), setup_intent: null, payment_intent: null,
      line_items: params.line_items,
    };
    s.url = `${base}/checkout/${s.id}`;
    sessions.set(s.id, s);
    return send(res, 200, publicSession(s));
  }
  if (req.method === "POST" && (m = path.match(/^\/checkout\/sessions\/([^/]+)\/expire$/))) {
    const s = sessions.get(m[1]);
    if (!s) return stripeError(res, 404, `No such checkout.session: '${m[1]}'`);
    if (s.status !== "open") return stripeError(res, 400, "Only open sessions can be expired");
    s.status = "expired";
    emit("checkout.session.expired", publicSession(s));
    return send(res, 200, publicSession(s));
  }
  if (req.method === "POST" && path === "/checkout/sessions") {
    const item = params.line_items?.[0];
    if (params.mode !== "setup" && (!item || !prices.has(item.price))) return stripeError(res, 400, "No such price", "line_items[0][price]");
    if (!customers.has(params.customer)) return stripeError(res, 400, `No such customer: '${params.customer}'`, "customer");
    const s = {
      id: id("cs_test"), object: "checkout.session", automatic_tax: { enabled: false }, created: t, custom_fields: [], custom_text: {},
      expires_at: t + DAY, livemode: false, mode: params.mode, payment_method_types: ["card"], payment_status: "unpaid",
      shipping_options: [], status: "open", client_reference_id: params.client_reference_id ?? null, customer: params.customer,
      metadata: params.metadata ?? {}, success_url: params.success_url, cancel_url: params.cancel_url, subscription: null,
      currency: "usd", amount_total: item ? prices.get(item.price).unit_amount : null, setup_intent: null,
      line_items: params.line_items, subscription_data: params.subscription_data ?? {},
    };
    s.url = `${base}/checkout/${s.id}`;
    sessions.set(s.id, s);
    return send(res, 200, publicSession(s));
  }
  if (req.method === "GET" && (m = path.match(/^\/checkout\/sessions\/([^/]+)$/))) {
    const s = sessions.get(m[1]);
    return s ? send(res, 200, publicSession(s)) : stripeError(res, 404, `No such checkout.session: '${m[1]}'`);
  }
  if ((m = path.match(/^\/subscriptions\/([^/]+)$/))) {
    const sub = subscriptions.get(m[1]);
    if (!sub) return stripeError(res, 404, `No such subscription: '${m[1]}'`);
    if (req.method === "GET") return send(res, 200, sub);
    if (req.method === "POST") {
      const problem = updateSubscription(sub, params);
      return problem ? stripeError(res, 400, problem) : send(res, 200, sub);
    }
    if (req.method === "DELETE") return send(res, 200, endSubscription(sub));
  }
  if (req.method === "GET" && path === "/invoices") {
    const data = [...invoices.values()].filter((i) => !params.customer || i.customer === params.customer).reverse()
      .slice(0, Number(params.limit ?? 10));
    return send(res, 200, { object: "list", data, has_more: false, url: "/v1/invoices" });
  }
  if (req.method === "POST" && path === "/invoices/create_preview") {
    const sub = subscriptions.get(params.subscription);
    if (!sub) return stripeError(res, 400, "No such subscription", "subscription");
    const change = params.subscription_details?.items?.[0];
    const price = prices.get(change?.price);
    if (!price) return stripeError(res, 400, "No such price", "subscription_details[items][0][price]");
    const at = Number(params.subscription_details?.proration_date ?? now());
    return send(res, 200, invoiceFor(sub, prorationLines(sub.items.data[0], price, at), { paid: false, preview: true }));
  }
  return stripeError(res, 404, `Unrecognized request URL (${req.method}: ${url.pathname}).`);
}

// The API never returns the fake's private bookkeeping fields.
function publicSession(s) {
  const { line_items: _, subscription_data: __, ...rest } = s;
  return rest;
}

async function testControl(req, res, url) {
  const body = req.method === "POST" ? await readBody(req) : "";
  const params = body ? JSON.parse(body) : {};
  let m;
  if (url.pathname === "/_test/config") {
    if (params.hold !== undefined) hold = !!params.hold;
    return send(res, 200, { hold });
  }
  if (url.pathname === "/_test/events") {
    return send(res, 200, events.map(({ id, type, payload, deliveries }) => ({ id, type, payload, deliveries })));
  }
  if ((m = url.pathname.match(/^\/_test\/events\/([^/]+)\/deliver$/))) {
    const event = events.find((e) => e.id === m[1]);
    if (!event) return send(res, 404, { error: "no such event" });
    const status = await deliver(event);
    event.deliveries.push(status);
    return send(res, 200, { status });
  }
  if ((m = url.pathname.match(/^\/_test\/subscriptions\/([^/]+)\/(fail_payment|pay_invoice|update|end)$/))) {
    const sub = subscriptions.get(m[1]);
    if (!sub) return send(res, 404, { error: "no such subscription" });
    const item = sub.items.data[0];
    if (m[2] === "update") {
      updateSubscription(sub, params);
    } else if (m[2] === "end") {
      endSubscription(sub);
    } else if (m[2] === "fail_payment") {
      const invoice = invoiceFor(sub, [line(item.price.unit_amount, item.price.id, item.current_period_start, item.current_period_end)], { paid: false });
      invoice.attempt_count = 1;
      sub.latest_invoice = invoice.id;
      sub.status = "past_due";
      emit("invoice.payment_failed", invoice);
      emit("customer.subscription.updated", sub);
    } else {
      const open = invoices.get(sub.latest_invoice);
      if (open && open.status === "open") {
        Object.assign(open, { status: "paid", amount_paid: open.amount_due, amount_remaining: 0, attempt_count: open.attempt_count + 1 });
        emit("invoice.paid", open);
      }
      sub.status = "active";
      emit("customer.subscription.updated", sub);
    }
    await queue;
    return send(res, 200, sub);
  }
  return send(res, 404, { error: "unknown test control" });
}

createServer(async (req, res) => {
  const url = new URL(req.url, base);
  try {
    if (url.pathname.startsWith("/v1/")) return await api(req, res, url);
    if (url.pathname.startsWith("/_test/")) return await testControl(req, res, url);
    let m;
    if (req.method === "GET" && (m = url.pathname.match(/^\/checkout\/([^/]+)$/))) {
      const s = sessions.get(m[1]);
      if (!s) return send(res, 404, { error: "no such session" });
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(checkoutPage(s));
    }
    if (req.method === "GET" && (m = url.pathname.match(/^\/invoices\/([^/]+?)(\/pdf)?$/))) {
      const invoice = invoices.get(m[1]);
      if (!invoice) return send(res, 404, { error: "no such invoice" });
      const text = `Invoice ${invoice.number}: ${money(invoice.amount_due)}, ${invoice.status}`;
      res.writeHead(200, { "content-type": m[2] ? "text/plain; charset=utf-8" : "text/html; charset=utf-8" });
      return res.end(m[2] ? text : `<!DOCTYPE html><html lang="en"><title>${escape(invoice.number)}</title><h1>${escape(text)}</h1></html>`);
    }
    if (req.method === "POST" && (m = url.pathname.match(/^\/checkout\/([^/]+)\/pay$/))) {
      const s = sessions.get(m[1]);
      if (!s || s.status !== "open") return send(res, 404, { error: "no open session" });
      pay(s);
      // Like Stripe, the customer is sent back once the payment succeeded; webhooks follow.
      await queue;
      res.writeHead(303, { location: s.success_url.replace("{CHECKOUT_SESSION_ID}", s.id) });
      return res.end();
    }
    send(res, 404, { error: "not found" });
  } catch (e) {
    console.error(e);
    send(res, 500, { error: { type: "api_error", message: String(e) } });
  }
}).listen(Number(port), "127.0.0.1", () => console.log(`fake Stripe on ${base}`));
