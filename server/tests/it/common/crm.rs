//! CRM helpers for tests: call and expect success, add contacts, upload and import CSV files.

use super::client::Client;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::Value;

/// Calls `name` and expects 200, returning the JSON answer.
pub async fn ok(c: &mut Client, name: &str, fields: &[(&str, &str)]) -> Value {
    let a = c.call(name, fields).await;
    assert_eq!(a.status, StatusCode::OK, "{name}: {}", a.body);
    a.json()
}

/// Adds a contact through the form's server function.
pub async fn add(
    c: &mut Client,
    ws: &str,
    name: &str,
    email: &str,
    extra: &[(&str, &str)],
) -> Value {
    let mut f = vec![("workspace_id", ws), ("name", name), ("emails", email)];
    f.extend_from_slice(extra);
    ok(c, "save_contact", &f).await
}

/// The names on a page of the list.
pub fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

fn multipart(file_name: &str, csv: &str) -> (String, String) {
    let boundary = "----mewayz-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
    );
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Uploads `csv` as the import form does; returns the upload id from the redirect.
pub async fn upload(c: &mut Client, ws: &str, file_name: &str, csv: &str) -> String {
    let (ct, body) = multipart(file_name, csv);
    let a = c
        .send(
            Request::post(format!("/workspaces/{ws}/crm/import")).header(header::CONTENT_TYPE, ct),
            Body::from(body),
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let to = a.location().unwrap().to_owned();
    to.split_once("upload=")
        .map(|(_, id)| id.to_owned())
        .unwrap_or_else(|| panic!("no upload in {to}"))
}

/// Runs upload `id` with one target per column.
pub async fn import(
    c: &mut Client,
    ws: &str,
    id: &str,
    mapping: &[&str],
    duplicates: &str,
) -> Value {
    let mut f = vec![("workspace_id", ws), ("id", id), ("duplicates", duplicates)];
    f.extend(mapping.iter().map(|m| ("mapping[]", *m)));
    ok(c, "run_crm_import", &f).await
}
