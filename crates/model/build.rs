//! Turns `data/facts.csv` (the sourced figures) into a static Rust table,
//! so that the model, the command line and the app cite sources from one
//! file without parsing CSV at run time.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

fn main() {
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let facts = manifest.join("../../data/facts.csv");
    println!("cargo:rerun-if-changed={}", facts.display());
    let mut reader = csv::Reader::from_path(&facts)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", facts.display()));
    // With the `app-facts` feature (the browser bundle), only the rows
    // whose id is written somewhere in the app's, the charts' or the
    // model's source: every table that cites a fact names it there, so
    // these are all the facts the app can show, and a reader's phone does
    // not download the rest.
    let cited = env::var_os("CARGO_FEATURE_APP_FACTS").map(|_| ids_in_source(&manifest));
    let mut out = String::from(
        "/// The rows of `data/facts.csv`, in file order (with the `app-facts`\n/// feature, only those whose id the source names).\npub static FACTS: &[Fact] = &[\n",
    );
    // Notes are kept apart: the app never shows them, so the linker leaves
    // them out of the wasm bundle; `fact_note` reaches them natively.
    let mut notes = String::from("/// The `note` column of `data/facts.csv`, by id.\npub static FACT_NOTES: &[(&str, &str)] = &[\n");
    for (line, record) in reader.records().enumerate() {
        let r = record.unwrap_or_else(|e| panic!("facts.csv row {}: {e}", line + 2));
        assert_eq!(
            r.len(),
            10,
            "facts.csv row {} has {} fields, expected 10",
            line + 2,
            r.len()
        );
        if cited.as_ref().is_some_and(|ids| !ids.contains(&r[0])) {
            continue;
        }
        writeln!(
            out,
            "    Fact {{ id: {:?}, quantity: {:?}, value: {:?}, unit: {:?}, period: {:?}, title: {:?}, publisher: {:?}, url: {:?} }},",
            &r[0], &r[1], &r[2], &r[3], &r[4], &r[6], &r[7], &r[8]
        )
        .expect("writing to a String cannot fail");
        writeln!(notes, "    ({:?}, {:?}),", &r[0], &r[9])
            .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    notes.push_str("];\n");
    out.push_str(&notes);
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("facts.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
    fitted_constants(&manifest);
}

/// Every fact id (a capital letter and two digits, in quotes) written in
/// the Rust source of the model, the charts and the app.
fn ids_in_source(manifest: &std::path::Path) -> std::collections::BTreeSet<String> {
    let mut ids = std::collections::BTreeSet::new();
    let mut dirs: Vec<PathBuf> = ["src", "../charts/src", "../../src"]
        .iter()
        .map(|d| manifest.join(d))
        .collect();
    while let Some(dir) = dirs.pop() {
        println!("cargo:rerun-if-changed={}", dir.display());
        let entries =
            fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                let b = text.as_bytes();
                for i in 0..b.len().saturating_sub(4) {
                    if b[i] == b'"'
                        && b[i + 1].is_ascii_uppercase()
                        && b[i + 2].is_ascii_digit()
                        && b[i + 3].is_ascii_digit()
                        && b[i + 4] == b'"'
                    {
                        ids.insert(text[i + 1..i + 4].to_string());
                    }
                }
            }
        }
    }
    ids
}

/// Turns `data/calibration.csv` (written by `talentflow calibrate`) into
/// the constant table `FITTED` that the parameter table reads its
/// calibrated defaults from.
fn fitted_constants(manifest: &std::path::Path) {
    let path = manifest.join("../../data/calibration.csv");
    println!("cargo:rerun-if-changed={}", path.display());
    let mut reader = csv::Reader::from_path(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let headers = reader
        .headers()
        .expect("calibration.csv has a header")
        .clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["key", "fitted", "backtest"],
        "calibration.csv columns"
    );
    let mut rows = String::new();
    let mut count = 0;
    for (line, record) in reader.records().enumerate() {
        let r = record.unwrap_or_else(|e| panic!("calibration.csv row {}: {e}", line + 2));
        let number = |i: usize| -> f64 {
            r[i].trim().parse().unwrap_or_else(|_| {
                panic!(
                    "calibration.csv row {}: '{}' is not a number",
                    line + 2,
                    &r[i]
                )
            })
        };
        let (fitted, backtest) = (number(1), number(2));
        writeln!(
            rows,
            "    Fitted {{ key: {:?}, fitted: {fitted:?}, backtest: {backtest:?} }},",
            &r[0]
        )
        .expect("writing to a String cannot fail");
        count += 1;
    }
    let out = format!(
        "/// Every row of `data/calibration.csv`, in file order.\npub const FITTED: [Fitted; {count}] = [\n{rows}];\n"
    );
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("fitted.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}
