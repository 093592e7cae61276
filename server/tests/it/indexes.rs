//! Index creation at start-up is idempotent and creates what modules declare.

use crate::common;

use app::platform::indexes::{ensure, CollectionIndexes};
use common::TestApp;
use mongodb::bson::{doc, Document};
use mongodb::options::IndexOptions;
use mongodb::IndexModel;

fn specs() -> Vec<CollectionIndexes> {
    vec![CollectionIndexes {
        collection: "widgets",
        indexes: vec![IndexModel::builder()
            .keys(doc! { "workspace_id": 1, "handle": 1 })
            .options(
                IndexOptions::builder()
                    .name("workspace_handle".to_owned())
                    .unique(true)
                    .build(),
            )
            .build()],
    }]
}

#[tokio::test]
async fn ensuring_twice_is_a_no_op_and_the_index_enforces_uniqueness() {
    let app = TestApp::start().await;
    ensure(&app.state.db, &specs()).await.expect("first run");
    ensure(&app.state.db, &specs()).await.expect("second run");

    let names = app
        .state
        .db
        .collection::<Document>("widgets")
        .list_index_names()
        .await
        .unwrap();
    assert!(names.contains(&"workspace_handle".to_owned()), "{names:?}");

    let widgets = app.state.db.collection::<Document>("widgets");
    widgets
        .insert_one(doc! { "workspace_id": "w1", "handle": "anna" })
        .await
        .unwrap();
    let dup = widgets
        .insert_one(doc! { "workspace_id": "w1", "handle": "anna" })
        .await
        .unwrap_err();
    let err: app::error::AppError = dup.into();
    assert!(
        matches!(err, app::error::AppError::Conflict { .. }),
        "{err:?}"
    );
    // The same handle in another workspace is fine.
    widgets
        .insert_one(doc! { "workspace_id": "w2", "handle": "anna" })
        .await
        .unwrap();
    app.cleanup().await;
}
