//! A browser-like HTTP client over the real router: keeps cookies, posts server functions as
//! forms, reads JSON answers.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::Value;
use std::collections::BTreeMap;
use tower::ServiceExt;

/// One browser: a cookie jar and the router it talks to.
pub struct Client {
    router: axum::Router,
    /// The origin the browser's pages come from, sent as `Origin` on every non-GET request as
    /// browsers do.
    origin: String,
    /// Cookies by name.
    pub cookies: BTreeMap<String, String>,
}

/// What came back.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Answer {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// Messages a validation error has for `field`.
    pub fn field_errors(&self, field: &str) -> Vec<String> {
        self.json()["fields"][field]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|m| m.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How deeply `<form>`s nest in an HTML body: 1 is right. The HTML parser drops a form
    /// inside a form, so a page with 2 works only when script builds it.
    pub fn form_depth(&self) -> usize {
        let (mut depth, mut deepest) = (0usize, 0);
        for (i, _) in self.body.match_indices('<') {
            let rest = &self.body[i + 1..];
            if rest.starts_with("form") && rest[4..].starts_with([' ', '>']) {
                depth += 1;
                deepest = deepest.max(depth);
            } else if rest.starts_with("/form>") {
                depth = depth.saturating_sub(1);
            }
        }
        deepest
    }

    /// Where a server function redirected.
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }
}

fn form_encode(fields: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                b' ' => "+".into(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

impl Client {
    /// A browser on pages of `origin` (the app's `APP_BASE_URL`).
    pub fn new(router: axum::Router, origin: &str) -> Self {
        Client {
            router,
            origin: origin.to_owned(),
            cookies: BTreeMap::new(),
        }
    }

    /// Sends a request with the jar's cookies and stores the cookies it sets.
    pub async fn send(&mut self, req: axum::http::request::Builder, body: Body) -> Answer {
        let cookie = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut req = req;
        if !cookie.is_empty() {
            req = req.header(header::COOKIE, cookie);
        }
        let writes = req
            .method_ref()
            .is_some_and(|m| m != axum::http::Method::GET && m != axum::http::Method::HEAD);
        let has_origin = req
            .headers_ref()
            .is_some_and(|h| h.contains_key(header::ORIGIN));
        if writes && !has_origin {
            req = req.header(header::ORIGIN, &self.origin);
        }
        let res = self
            .router
            .clone()
            .oneshot(req.body(body).unwrap())
            .await
            .unwrap();
        for set in res.headers().get_all(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            let (pair, attrs) = set.split_once(';').unwrap_or((set, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || attrs.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let body = super::text(res).await;
        Answer {
            status,
            headers,
            body,
        }
    }

    /// Calls server function `name` with form fields, as an `ActionForm` does.
    pub async fn call(&mut self, name: &str, fields: &[(&str, &str)]) -> Answer {
        self.call_with(name, fields, &[]).await
    }

    /// Calls server function `name` with extra request headers.
    pub async fn call_with(
        &mut self,
        name: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut req = Request::post(format!("/api/{name}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json");
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(req, Body::from(form_encode(fields))).await
    }

    /// `GET path`.
    pub async fn get(&mut self, path: &str) -> Answer {
        self.send(Request::get(path), Body::empty()).await
    }

    /// Posts `bytes` to `path` as the file field `field` of a multipart form, as a browser does.
    pub async fn upload(&mut self, path: &str, field: &str, bytes: &[u8]) -> Answer {
        let boundary = "mewayz-test-boundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"upload\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let req = Request::post(path).header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        );
        self.send(req, Body::from(body)).await
    }

    /// The signed-in user as the app sees this browser, or `Value::Null`.
    pub async fn me(&mut self) -> Value {
        let a = self.call("current_user", &[]).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        a.json()
    }
}
