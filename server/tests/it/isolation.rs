//! Tenant isolation, proven for every server function: the registry of server functions is
//! enumerated, each must appear in the matrix its module declares (`Module::isolation`), and each workspace function is called as an
//! anonymous visitor, as a member of another workspace and with a role below the one it needs.
//! Every such call must be refused with nothing of the workspace in the answer.

use crate::common;

use axum::http::StatusCode;
use common::{client::Client, TestApp};
use mongodb::bson::doc;

use app::platform::{Access::*, IsolationRow};

/// Every row of the matrix, from every module.
fn matrix() -> impl Iterator<Item = &'static IsolationRow> {
    server::modules().into_iter().flat_map(|m| m.isolation)
}

const PASSWORD: &str = "a perfectly long passphrase";

async fn person(app: &TestApp, tag: &str) -> (Client, String) {
    let email = format!("{}@example.com", common::fresh_db_name(tag).to_lowercase());
    let mut c = app.client();
    let a = c
        .call(
            "register",
            &[("name", tag), ("email", &email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let id = c.me().await["id"].as_str().unwrap().to_owned();
    (c, id)
}

async fn add_member(app: &TestApp, ws: &str, user: &str, role: &str) {
    app.state
        .db
        .collection::<mongodb::bson::Document>("memberships")
        .insert_one(doc! { "_id": format!("{ws}-{user}"), "workspace_id": ws, "user_id": user, "role": role, "created_at": mongodb::bson::DateTime::now() })
        .await
        .unwrap();
}

/// The role just below `min`, whose holder must be refused.
fn below(min: &str) -> Option<&'static str> {
    match min {
        "owner" => Some("admin"),
        "admin" => Some("editor"),
        "editor" => Some("viewer"),
        _ => None,
    }
}

#[tokio::test]
async fn every_server_function_refuses_outsiders_and_too_low_roles() {
    let app = TestApp::start().await;

    // The workspace under attack, with one member of every role and a pending invitation.
    let (mut owner, _) = person(&app, "owner").await;
    let handle = format!("victim-{}", std::process::id());
    let a = owner
        .call(
            "create_workspace",
            &[
                ("name", "Victim Co"),
                ("handle", &handle),
                ("time_zone", "UTC"),
                ("currency", "USD"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let ws = owner
        .call("get_workspace", &[("handle", &handle)])
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Invited first: the free plan's seats count members and pending invitations.
    let inv = owner
        .call(
            "invite_member",
            &[
                ("workspace_id", &ws),
                ("email", "pending@example.com"),
                ("role", "editor"),
            ],
        )
        .await;
    assert_eq!(inv.status, StatusCode::OK, "{}", inv.body);
    let invitation = inv.json()["id"].as_str().unwrap().to_owned();
    let mut by_role = std::collections::HashMap::new();
    let mut viewer_id = String::new();
    for role in ["admin", "editor", "viewer"] {
        let (c, id) = person(&app, role).await;
        add_member(&app, &ws, &id, role).await;
        if role == "viewer" {
            viewer_id = id;
        }
        by_role.insert(role, c);
    }

    // An outsider with a workspace of their own.
    let (mut outsider, _) = person(&app, "outsider").await;
    outsider
        .call(
            "create_workspace",
            &[
                ("name", "Other Co"),
                ("handle", &format!("other-{}", std::process::id())),
                ("time_zone", "UTC"),
                ("currency", "USD"),
            ],
        )
        .await;

    // Every registered server function is in the matrix.
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    let missing: Vec<&String> = registered
        .iter()
        .filter(|p| !matrix().any(|(n, _, _)| n == p))
        .collect();
    assert!(
        missing.is_empty(),
        "server functions missing from the isolation matrix: {missing:?}"
    );
    let stale: Vec<&str> = matrix()
        .map(|(n, _, _)| *n)
        .filter(|n| !registered.iter().any(|p| p == n))
        .collect();
    assert!(
        stale.is_empty(),
        "matrix entries with no server function: {stale:?}"
    );
    println!(
        "isolation matrix: {} server functions checked",
        registered.len()
    );

    let page = owner
        .call("get_bio_page", &[("workspace_id", &ws), ("slug", "")])
        .await
        .json();
    let page_id = page["id"].as_str().unwrap().to_owned();
    let fill = |v: &str| {
        v.replace("{ws}", &ws)
            .replace("{page}", &page_id)
            .replace("{handle}", &handle)
            .replace("{viewer}", &viewer_id)
            .replace("{invitation}", &invitation)
    };
    let leaks = |body: &str| {
        body.contains("Victim Co")
            || body.contains(&handle)
            || body.contains(&ws)
            || body.contains("pending@example.com")
    };

    for (name, access, args) in matrix() {
        let args: Vec<(String, String)> =
            args.iter().map(|(k, v)| (k.to_string(), fill(v))).collect();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        match access {
            Public => {}
            User => {
                let a = app.client().call(name, &args).await;
                assert_eq!(
                    a.status,
                    StatusCode::UNAUTHORIZED,
                    "{name} as anonymous: {}",
                    a.body
                );
            }
            Admin => {
                let a = app.client().call(name, &args).await;
                assert_eq!(
                    a.status,
                    StatusCode::UNAUTHORIZED,
                    "{name} as anonymous: {}",
                    a.body
                );
                // The workspace owner is a user like any other to the platform.
                let a = owner.call(name, &args).await;
                assert_eq!(
                    a.status,
                    StatusCode::FORBIDDEN,
                    "{name} as a non-admin: {}",
                    a.body
                );
            }
            Workspace(min) => {
                let a = app.client().call(name, &args).await;
                assert_eq!(
                    a.status,
                    StatusCode::UNAUTHORIZED,
                    "{name} as anonymous: {}",
                    a.body
                );
                assert!(!leaks(&a.body), "{name} leaked to anonymous: {}", a.body);

                let a = outsider.call(name, &args).await;
                assert_eq!(
                    a.status,
                    StatusCode::NOT_FOUND,
                    "{name} as another workspace's member: {}",
                    a.body
                );
                assert!(!leaks(&a.body), "{name} leaked to an outsider: {}", a.body);

                if let Some(low) = below(min) {
                    let c = by_role.get_mut(low).unwrap();
                    let a = c.call(name, &args).await;
                    assert_eq!(
                        a.status,
                        StatusCode::FORBIDDEN,
                        "{name} as {low}: {}",
                        a.body
                    );
                    assert!(!leaks(&a.body), "{name} leaked to a {low}: {}", a.body);
                }
            }
        }
    }

    // Nothing changed: the workspace, its members and the invitation are as they were.
    let members = owner
        .call("list_members", &[("workspace_id", &ws)])
        .await
        .json();
    assert_eq!(members.as_array().unwrap().len(), 4);
    let me = owner
        .call("get_workspace", &[("handle", &handle)])
        .await
        .json();
    assert_eq!(
        (me["name"].as_str(), me["role"].as_str()),
        (Some("Victim Co"), Some("owner"))
    );
    assert_eq!(
        owner
            .call("list_invitations", &[("workspace_id", &ws)])
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let after = owner
        .call("get_bio_page", &[("workspace_id", &ws), ("slug", "")])
        .await
        .json();
    assert_eq!(after, page, "the bio page is as it was");
    let pages = owner
        .call("list_bio_pages", &[("workspace_id", &ws)])
        .await
        .json();
    assert_eq!(pages.as_array().unwrap().len(), 1);
    app.cleanup().await;
}
