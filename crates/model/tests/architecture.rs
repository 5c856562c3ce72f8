//! The dependency rule of ARCHITECTURE.md: no web crate is reachable from
//! the model, the messages or the command line. Read from Cargo.lock, so it
//! covers build-time and transitive dependencies too.

use std::collections::{BTreeMap, BTreeSet};

const WEB_CRATES: [&str; 8] = [
    "yew",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "plotters",
    "plotters-canvas",
    "gloo",
    "serde-wasm-bindgen",
];

/// Package name -> names of its dependencies, from Cargo.lock.
fn lock_graph() -> BTreeMap<String, Vec<String>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.lock");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut graph = BTreeMap::new();
    for block in text.split("[[package]]").skip(1) {
        let mut name = None;
        let mut deps = Vec::new();
        let mut in_deps = false;
        for line in block.lines() {
            let line = line.trim();
            if let Some(n) = line.strip_prefix("name = ") {
                name = Some(n.trim_matches('"').to_string());
            } else if line.starts_with("dependencies = [") {
                in_deps = true;
            } else if in_deps && line == "]" {
                in_deps = false;
            } else if in_deps {
                // Entries look like "name" or "name version".
                let entry = line.trim_matches(|c| c == '"' || c == ',');
                if let Some(dep) = entry.split_whitespace().next() {
                    deps.push(dep.to_string());
                }
            }
        }
        if let Some(n) = name {
            graph.entry(n).or_insert_with(Vec::new).extend(deps);
        }
    }
    graph
}

fn reachable(graph: &BTreeMap<String, Vec<String>>, root: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![root.to_string()];
    while let Some(n) = stack.pop() {
        if seen.insert(n.clone()) {
            stack.extend(graph.get(&n).cloned().unwrap_or_default());
        }
    }
    seen
}

fn assert_no_web_crates(root: &str) {
    let graph = lock_graph();
    assert!(graph.contains_key(root), "{root} is not in Cargo.lock");
    let found: Vec<String> = reachable(&graph, root)
        .into_iter()
        .filter(|n| WEB_CRATES.iter().any(|w| n == w || n.starts_with("gloo")))
        .collect();
    assert!(found.is_empty(), "{root} reaches web crates {found:?}");
}

#[test]
fn model_has_no_web_crate_in_its_dependency_tree() {
    assert_no_web_crates("talentflow-model");
}

#[test]
fn messages_have_no_web_crate_in_their_dependency_tree() {
    assert_no_web_crates("talentflow-messages");
}

#[test]
fn command_line_has_no_web_crate_in_its_dependency_tree() {
    assert_no_web_crates("talentflow-cli");
}

#[test]
fn the_app_does_reach_the_web_crates_so_this_check_can_fail() {
    let graph = lock_graph();
    let app = reachable(&graph, "talentflow-web");
    assert!(
        app.contains("yew") && app.contains("web-sys"),
        "the lock graph reader finds no web crates under the app"
    );
}
