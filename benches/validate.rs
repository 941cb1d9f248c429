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

use kibana_connectors::{Options, parse_body, validate};
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
    stages(&bodies_by_type());
}

/// The median over bodies of one stage's time per call, each body's time the best of a few
/// batches (a stage of a few hundred nanoseconds needs batches to be measured at all).
fn median_ns<T>(items: &[T], mut stage: impl FnMut(&T)) -> f64 {
    const BATCH: u32 = 8;
    let mut per_item: Vec<f64> = items
        .iter()
        .map(|item| {
            (0..5)
                .map(|_| {
                    let start = Instant::now();
                    for _ in 0..BATCH {
                        stage(item);
                    }
                    start.elapsed().as_nanos() as f64 / f64::from(BATCH)
                })
                .fold(f64::INFINITY, f64::min)
        })
        .collect();
    per_item.sort_by(f64::total_cmp);
    per_item[per_item.len() / 2]
}

/// Where a `validate_json` call's time goes, natively, over every fixture body: reading the JSON
/// text into a `Value`, the check itself, and writing the report as JSON text (what the wasm
/// module does for `validateText`).
fn stages(by_type: &BTreeMap<String, Vec<(Value, Options)>>) {
    let all: Vec<(String, Value, Options)> = by_type
        .values()
        .flatten()
        .map(|(body, options)| (body.to_string(), body.clone(), options.clone()))
        .collect();
    let reports: Vec<_> = all
        .iter()
        .map(|(_, body, options)| validate(body, options))
        .collect();
    let parse = median_ns(&all, |(text, _, _)| {
        black_box(parse_body(black_box(text)).ok());
    });
    let check = median_ns(&all, |(_, body, options)| {
        black_box(validate(black_box(body), options));
    });
    let serialize = median_ns(&reports, |report| {
        black_box(serde_json::to_string(black_box(report)).ok());
    });
    println!(
        "\n| stage (native, median over {} bodies) | ns |",
        all.len()
    );
    println!("|---|---:|");
    println!("| parse the JSON text (`parse_body`) | {parse:.0} |");
    println!("| check the body (`validate`) | {check:.0} |");
    println!("| write the report as JSON text | {serialize:.0} |");
}
