//! Native validate throughput per connector type, on the fixture bodies.
//! `cargo bench --bench validate` (part of `make bench`); prints a Markdown table.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)] // a benchmark may panic

use std::collections::BTreeMap;
use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use kibana_connectors::{Options, validate};
use serde_json::Value;

/// How long each type is measured.
const BUDGET: Duration = Duration::from_millis(200);

fn bodies_by_type() -> BTreeMap<String, Vec<(Value, Options)>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: BTreeMap<String, Vec<(Value, Options)>> = BTreeMap::new();
    for type_dir in fs::read_dir(&root).unwrap() {
        let type_dir = type_dir.unwrap().path();
        let name = type_dir.file_name().unwrap().to_string_lossy().into_owned();
        for kind in ["valid", "invalid"] {
            let Ok(entries) = fs::read_dir(type_dir.join(kind)) else {
                continue;
            };
            for entry in entries {
                let data: Value =
                    serde_json::from_str(&fs::read_to_string(entry.unwrap().path()).unwrap())
                        .unwrap();
                let Some(body) = data.get("body").cloned() else {
                    continue;
                };
                let options = data.get("options").map_or_else(Options::default, |o| {
                    serde_json::from_value(o.clone()).unwrap()
                });
                out.entry(name.clone()).or_default().push((body, options));
            }
        }
    }
    out
}

fn main() {
    let mut all = Vec::new();
    println!("| connector type | bodies | ns per validate (mean) | validates per second |");
    println!("|---|---:|---:|---:|");
    for (name, bodies) in bodies_by_type() {
        let mut calls = 0u64;
        let start = Instant::now();
        while start.elapsed() < BUDGET {
            for (body, options) in &bodies {
                black_box(validate(black_box(body), options));
                calls += 1;
            }
        }
        let nanos = start.elapsed().as_nanos() as f64 / calls as f64;
        all.push(nanos);
        println!(
            "| {name} | {} | {nanos:.0} | {:.0} |",
            bodies.len(),
            1e9 / nanos
        );
    }
    all.sort_by(f64::total_cmp);
    let median = all[all.len() / 2];
    println!("\nmedian over types: {median:.0} ns per validate");
}
