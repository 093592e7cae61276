//! Crates depend only downwards: each workspace crate declares its tier in its Cargo.toml
//! (`[package.metadata.mewayz] tier = N`) and may depend only on workspace crates of a lower
//! tier. A module that needs something from a module above or beside it goes through a trait or
//! registry declared below instead.

use serde_json::{json, Value};
use std::collections::HashMap;
use std::process::Command;

/// The workspace as `cargo metadata` describes it (its own crates only).
fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(crate::common::repo_path("server"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

/// Every dependency between workspace crates that does not point to a lower tier, and every
/// crate without a tier.
fn problems(meta: &Value) -> Vec<String> {
    let packages = meta["packages"].as_array().expect("packages");
    let tiers: HashMap<&str, Option<i64>> = packages
        .iter()
        .map(|p| {
            let name = p["name"].as_str().unwrap_or_default();
            (name, p["metadata"]["mewayz"]["tier"].as_i64())
        })
        .collect();
    let mut found = Vec::new();
    for p in packages {
        let name = p["name"].as_str().unwrap_or_default();
        let Some(tier) = tiers[name] else {
            found.push(format!("{name} declares no tier"));
            continue;
        };
        let deps = p["dependencies"].as_array().into_iter().flatten();
        // Dev-dependencies may reach anywhere: tests assemble the whole product.
        for dep in deps.filter(|d| d["kind"].as_str() != Some("dev")) {
            let dep_name = dep["name"].as_str().unwrap_or_default();
            if let Some(&Some(dep_tier)) = tiers.get(dep_name) {
                if dep_tier >= tier {
                    found.push(format!(
                        "{name} (tier {tier}) depends on {dep_name} (tier {dep_tier})"
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn every_crate_depends_only_on_lower_tiers() {
    let meta = metadata();
    assert!(
        meta["packages"].as_array().is_some_and(|p| p.len() >= 4),
        "the workspace crates are listed"
    );
    assert_eq!(problems(&meta), Vec::<String>::new());
}

#[test]
fn an_upward_or_sideways_dependency_is_reported() {
    let mut meta = metadata();
    let packages = meta["packages"].as_array_mut().expect("packages");
    let core = packages
        .iter_mut()
        .find(|p| p["name"] == "app-core")
        .expect("the core crate");
    core["dependencies"]
        .as_array_mut()
        .expect("dependencies")
        .push(json!({ "name": "app", "kind": null }));
    assert_eq!(
        problems(&meta),
        vec!["app-core (tier 0) depends on app (tier 9)".to_owned()]
    );
    let packages = meta["packages"].as_array_mut().expect("packages");
    packages.push(json!({ "name": "newcomer", "dependencies": [], "metadata": null }));
    assert!(problems(&meta).contains(&"newcomer declares no tier".to_owned()));
}
