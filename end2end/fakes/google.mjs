// A local OpenID provider speaking Google's protocol, for end-to-end tests: discovery, JWKS,
// an account chooser page, and a token endpoint that checks the client secret and PKCE and
// returns an RS256 ID token. Usage: node google.mjs PORT CLIENT_ID CLIENT_SECRET
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer } from "node:http";

const [port, clientId, clientSecret] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "e2e-key" };
const grants = new Map();
const b64url = (buf) => Buffer.from(buf).toString("base64url");
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function json(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function idToken(claims) {
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: jwk.kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

async function body(req) {
  let data = "";
  for await (const chunk of req) data += chunk;
  return new URLSearchParams(data);
}

createServer(async (req, res) => {
  const url = new URL(req.url, issuer);
  if (url.pathname === "/.well-known/openid-configuration") {
    return json(res, 200, {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      code_challenge_methods_supported: ["S256"],
    });
  }
  if (url.pathname === "/jwks") return json(res, 200, { keys: [jwk] });
  if (url.pathname === "/authorize" && req.method === "GET") {
    const hidden = [...url.searchParams].map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join("");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(`<!DOCTYPE html><html lang="en"><head><title>Sign in - Google Accounts (fake)</title></head><body>
      <h1>Choose an account</h1><form method="post" action="/authorize">${hidden}
      <label>Email <input name="login_email" type="email"></label>
      <label>Name <input name="login_name"></label>
      <button type="submit">Continue</button></form></body></html>`);
  }
  if (url.pathname === "/authorize" && req.method === "POST") {
    const p = await body(req);
    if (p.get("client_id") !== clientId) return json(res, 400, { error: "invalid_client" });
    const code = b64url(randomBytes(16));
    const email = p.get("login_email");
    grants.set(code, { email, name: p.get("login_name") || email, nonce: p.get("nonce"), challenge: p.get("code_challenge") });
    const back = new URL(p.get("redirect_uri"));
    back.searchParams.set("code", code);
    back.searchParams.set("state", p.get("state"));
    res.writeHead(302, { location: back.toString() });
    return res.end();
  }
  if (url.pathname === "/token" && req.method === "POST") {
    const p = await body(req);
    const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
    if (req.headers.authorization !== basic) return json(res, 401, { error: "invalid_client" });
    const grant = grants.get(p.get("code"));
    grants.delete(p.get("code"));
    if (!grant) return json(res, 400, { error: "invalid_grant" });
    const challenge = createHash("sha256").update(p.get("code_verifier") ?? "").digest("base64url");
    if (challenge !== grant.challenge) return json(res, 400, { error: "invalid_grant", error_description: "PKCE" });
    const now = Math.floor(Date.now() / 1000);
    return json(res, 200, {
      access_token: b64url(randomBytes(16)),
      token_type: "Bearer",
      expires_in: 3600,
      id_token: idToken({
        iss: issuer, aud: clientId, sub: `fake-${grant.email}`, iat: now, exp: now + 600, nonce: grant.nonce,
        email: grant.email, email_verified: true, name: grant.name,
      }),
    });
  }
  res.writeHead(404);
  res.end();
}).listen(Number(port), "127.0.0.1");
