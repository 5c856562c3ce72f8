//! The dependency rule of ARCHITECTURE.md: no web crate is reachable from
//! the model, the messages or the command line. Read from Cargo.lock, so it
//! covers build-time and transitive dependencies too.
//!
//! The charts (`talentflow-charts`, which the command line uses to draw
//! SVG) depend on plotters, a drawing library: allowed there, with its
//! backend crate, and nowhere else outside the app. Cargo.lock lists every
//! platform's dependencies together; plotters' manifest asks for
//! `wasm-bindgen` and `web-sys` only on `wasm32` (its `[target.'cfg(all(
//! target_arch = "wasm32", ...))'.dependencies]`), so a native build of the
//! charts or the command line never reaches them: those two edges, and
//! only those, are left out of the graph for the native crates.

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

/// Dependencies that plotters declares for `wasm32` only.
const PLOTTERS_WASM_ONLY: [&str; 2] = ["wasm-bindgen", "web-sys"];

/// Crates that draw, allowed for the charts and the command line.
const DRAWING: [&str; 2] = ["plotters", "plotters-backend"];

/// The lock graph as a native build sees it: plotters without its
/// wasm-only dependencies.
fn native_graph() -> BTreeMap<String, Vec<String>> {
    let mut graph = lock_graph();
    if let Some(deps) = graph.get_mut("plotters") {
        deps.retain(|d| !PLOTTERS_WASM_ONLY.contains(&d.as_str()));
    }
    graph
}

fn web_crates_reached(
    graph: &BTreeMap<String, Vec<String>>,
    root: &str,
    allowed: &[&str],
) -> Vec<String> {
    assert!(graph.contains_key(root), "{root} is not in Cargo.lock");
    reachable(graph, root)
        .into_iter()
        .filter(|n| WEB_CRATES.iter().any(|w| n == w || n.starts_with("gloo")))
        .filter(|n| !allowed.contains(&n.as_str()))
        .collect()
}

fn assert_no_web_crates(root: &str) {
    let found = web_crates_reached(&lock_graph(), root, &[]);
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
fn command_line_has_no_web_crate_in_its_native_dependency_tree() {
    let found = web_crates_reached(&native_graph(), "talentflow-cli", &DRAWING);
    assert!(
        found.is_empty(),
        "talentflow-cli reaches web crates {found:?}"
    );
}

#[test]
fn host_api_has_no_web_crate_in_its_dependency_tree() {
    assert_no_web_crates("talentflow-host");
}

#[test]
fn charts_reach_plotters_alone_natively() {
    let found = web_crates_reached(&native_graph(), "talentflow-charts", &DRAWING);
    assert!(
        found.is_empty(),
        "talentflow-charts reaches web crates {found:?}"
    );
    let reached = reachable(&native_graph(), "talentflow-charts");
    assert!(
        !reached.contains("plotters-canvas") && !reached.contains("plotters-bitmap"),
        "the charts draw through plotters' core only: {reached:?}"
    );
}

#[test]
fn only_plotters_wasm_edges_are_left_out() {
    // Were plotters to reach a web crate any other way, or another crate
    // to reach wasm-bindgen, the native graph would still show it.
    let native = native_graph();
    let full = lock_graph();
    for (name, deps) in &full {
        let kept = native.get(name).cloned().unwrap_or_default();
        let dropped: Vec<&String> = deps.iter().filter(|d| !kept.contains(d)).collect();
        if name == "plotters" {
            assert!(dropped.len() <= PLOTTERS_WASM_ONLY.len(), "{dropped:?}");
        } else {
            assert!(dropped.is_empty(), "{name}: {dropped:?}");
        }
    }
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
