//! The setup wizard: it resumes where it was left, each step is plain server HTML that needs no
//! script to work, and it lands on the dashboard.

use crate::common::people::{signed_up, unique};
use crate::common::TestApp;
use axum::http::StatusCode;

#[tokio::test]
async fn the_wizard_resumes_where_it_was_left_and_lands_on_the_dashboard() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "wiz").await;
    assert_eq!(c.call("get_wizard", &[]).await.json()["step"], "workspace");
    // Skipping ahead needs the workspace first.
    assert_eq!(
        c.call("wizard_go", &[("step", "plan")]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let handle = unique("wiz");
    let bad = c
        .call(
            "wizard_workspace",
            &[
                ("name", ""),
                ("handle", "admin"),
                ("time_zone", "Mars"),
                ("currency", "XYZ"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["name", "handle", "time_zone", "currency"] {
        assert!(!bad.field_errors(field).is_empty(), "{field}: {}", bad.body);
    }
    let ok = c
        .call(
            "wizard_workspace",
            &[
                ("name", "Wiz Studio"),
                ("handle", &handle),
                ("time_zone", "Europe/Paris"),
                ("currency", "EUR"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);

    // A new browser (or a return days later) sees the same step.
    let state = c.call("get_wizard", &[]).await.json();
    assert_eq!(state["step"], "goals");
    let page = c.get("/onboarding").await;
    assert!(page.body.contains("What do you want to do first?"));
    assert_eq!(page.form_depth(), 1, "{}", page.body);
    assert_eq!(state["workspace"]["handle"], handle.as_str());
    let a = c
        .call(
            "wizard_goals",
            &[("goals[0]", "audience"), ("goals[1]", "teach")],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(
        c.call("get_wizard", &[]).await.json()["goals"],
        serde_json::json!(["audience", "teach"])
    );
    let a = c
        .call(
            "wizard_modules",
            &[("modules[0]", "bio"), ("modules[1]", "courses")],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    for (step, heading) in [
        ("modules", "Choose your modules"),
        ("plan", "Choose a plan"),
    ] {
        c.call("wizard_go", &[("step", step)]).await;
        let page = c.get("/onboarding").await;
        assert!(page.body.contains(heading), "{step}");
        assert_eq!(page.form_depth(), 1, "{step}: {}", page.body);
    }
    // Going back to step 1 edits the same workspace instead of creating another.
    c.call("wizard_go", &[("step", "workspace")]).await;
    c.call(
        "wizard_workspace",
        &[
            ("name", "Wiz Studio 2"),
            ("handle", &handle),
            ("time_zone", "UTC"),
            ("currency", "USD"),
        ],
    )
    .await;
    assert_eq!(
        c.call("list_my_workspaces", &[])
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let done = c.call("wizard_go", &[("step", "done")]).await;
    assert_eq!(
        done.location(),
        Some(format!("/app/{handle}").as_str()),
        "finishing opens the dashboard"
    );
    let state = c.call("get_wizard", &[]).await.json();
    assert_eq!(state["step"], "done");
    assert_eq!(
        state["workspace"]["modules"],
        serde_json::json!(["bio", "courses"])
    );
    assert_eq!(state["workspace"]["name"], "Wiz Studio 2");
    app.cleanup().await;
}
