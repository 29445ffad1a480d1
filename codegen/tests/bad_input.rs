//! The bad-input corpus: each folder under `tests/bad_input/` is a matrix with something wrong
//! in it, and `expected.txt` beside it is every diagnostic a build of it prints.
//!
//! A case holds only the files that differ from the valid matrix of `common/mod.rs`: its CSV
//! files replace or add to the base files, and `remove.txt` names base files to leave out (one
//! per line). A file named `whole` starts the case from no files instead of the base.
//!
//! `expected.txt` opens with `#` lines that say what the case is about, then `outcome: refused`
//! or `outcome: compiled` (a case of warnings only), then the diagnostics as a build prints
//! them. After a change of wording, rerun with `UPDATE_SNAPSHOTS=1` to rewrite the snapshots;
//! the test then fails once so that the change is seen, and the rewritten files are reviewed
//! like code. Under `CI=true` snapshots are never rewritten.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use speke_matrix_build::{compile, render, Diagnostic, SourceFile};

/// The issue asks for at least this many malformed inputs.
const MIN_CASES: usize = 40;

/// Files of a case folder that are not matrix files.
const EXPECTED: &str = "expected.txt";
const REMOVE: &str = "remove.txt";
const WHOLE: &str = "whole";

const UPDATE_COMMAND: &str = "UPDATE_SNAPSHOTS=1 cargo test -p speke-matrix-build --test bad_input";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input")
}

/// The case folders, sorted by name.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = fs::read_dir(corpus_dir())
        .expect("the corpus folder tests/bad_input exists")
        .map(|entry| entry.expect("a readable corpus entry").path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    cases
}

/// The matrix files of a case: the base files, less those `remove.txt` names, with the case's
/// own files replacing or added to them.
fn case_files(case: &Path) -> Vec<SourceFile> {
    let mut files = if case.join(WHOLE).exists() {
        Vec::new()
    } else {
        common::base_files()
    };
    if let Ok(remove) = fs::read_to_string(case.join(REMOVE)) {
        for name in remove.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let before = files.len();
            files.retain(|f| f.name() != name);
            assert!(
                files.len() < before,
                "{}: remove.txt names `{name}`, which is not a base file",
                case.display()
            );
        }
    }
    let mut own: Vec<PathBuf> = fs::read_dir(case)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_str().unwrap();
            ![EXPECTED, REMOVE, WHOLE].contains(&name)
        })
        .collect();
    own.sort();
    for path in own {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let bytes = fs::read(&path).unwrap();
        files.retain(|f| f.name() != name);
        files.push(SourceFile::new(common::path(&name), bytes));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Compiles a case and writes what a build would print, after the outcome line.
fn outcome(files: &[SourceFile]) -> (String, Vec<Diagnostic>) {
    let (outcome, diagnostics) = match compile(common::DIR, files) {
        Ok(compiled) => {
            // A matrix that compiles must also render; a panic here is a finding too.
            let _ = render::rust::render(&compiled.matrix, files);
            ("outcome: compiled", compiled.warnings)
        }
        Err(diagnostics) => ("outcome: refused", diagnostics),
    };
    let mut text = format!("{outcome}\n");
    for diagnostic in &diagnostics {
        text.push_str(&format!("{diagnostic}\n"));
    }
    (text, diagnostics)
}

/// The `#` lines that open a snapshot: what the case is about.
fn description(snapshot: &str) -> String {
    snapshot
        .lines()
        .take_while(|line| line.starts_with('#'))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn every_bad_input_is_reported_as_its_snapshot_says() {
    let cases = cases();
    assert!(
        cases.len() >= MIN_CASES,
        "the corpus has {} cases; the issue asks for at least {MIN_CASES}",
        cases.len()
    );
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let in_ci = std::env::var_os("CI").is_some_and(|v| v == "true");
    let mut failures = Vec::new();
    let mut rewritten = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let files = case_files(case);
        let (actual_body, diagnostics) = outcome(&files);

        // Whatever the snapshot says, these hold for every case.
        common::assert_well_formed(&diagnostics);
        let (again, _) = outcome(&files);
        assert_eq!(
            actual_body, again,
            "{name}: two compilations of one input differ"
        );

        let expected = fs::read_to_string(case.join(EXPECTED)).unwrap_or_default();
        let about = description(&expected);
        if about.is_empty() {
            failures.push(format!(
                "{name}: expected.txt must open with `#` lines saying what the case is about"
            ));
        }
        let actual = format!("{about}{actual_body}");
        if actual == expected {
            continue;
        }
        if update && !in_ci {
            fs::write(case.join(EXPECTED), &actual).unwrap();
            rewritten.push(name);
        } else {
            failures.push(format!(
                "{name}: the diagnostics differ from expected.txt\n--- expected\n{expected}--- actual\n{actual}"
            ));
        }
    }
    if !rewritten.is_empty() {
        failures.push(format!(
            "rewrote the snapshots of {}; review them, then run the tests again",
            rewritten.join(", ")
        ));
    } else if !failures.is_empty() && !in_ci {
        failures.push(format!(
            "if the new diagnostics are right, run `{UPDATE_COMMAND}`"
        ));
    } else if !failures.is_empty() {
        failures.push(format!(
            "snapshots are not rewritten under CI=true; run `{UPDATE_COMMAND}` locally"
        ));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// The base matrix itself compiles cleanly, so that each case's diagnostics come from what
/// the case changed.
#[test]
fn the_base_matrix_compiles_without_diagnostics() {
    let compiled = compile(common::DIR, &common::base_files()).expect("the base matrix is valid");
    assert!(compiled.warnings.is_empty(), "{:?}", compiled.warnings);
}
