//! `speke-matrix lint`, run as a process: exactly the build's diagnostics, as text or as
//! GitHub Actions annotations.

mod support;

use speke_matrix_build::{compile, SourceFile};
use support::{run_in, small_matrix, write_shipped_matrix, TempDir};

/// A grid with a typo in a qualifier and in a cell, and a version with no grid.
const BROKEN_V2: &str = "mode,endpoint,playready,widevine,fairplay\n\
                         live,cmaf-hls,yes + cbc,yes,maybe\n\
                         live,dash,yes,yes,no\n";

#[test]
fn the_shipped_matrix_is_valid() {
    let dir = TempDir::new("lint-shipped");
    write_shipped_matrix(&dir, "matrix");
    let run = run_in(dir.path(), &["lint"]);
    assert_eq!(run.stdout, "matrix: valid, 0 warnings\n");
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, 0);
}

#[test]
fn errors_are_exactly_the_build_diagnostics() {
    let dir = small_matrix("lint-broken", &[("speke-v2.csv", BROKEN_V2)]);
    let run = support::run(&["lint", dir.arg()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");

    // What the library's build would report for the same files.
    let files: Vec<SourceFile> = support::SMALL
        .iter()
        .map(|(name, text)| {
            let text = if *name == "speke-v2.csv" {
                BROKEN_V2
            } else {
                text
            };
            SourceFile::new(format!("{}/{name}", dir.arg()), text.as_bytes())
        })
        .collect();
    let diagnostics = compile(dir.arg(), &files).unwrap_err();
    let mut expected: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
    expected.push_str(&format!("error: {}: 2 errors and 1 warning\n", dir.arg()));
    assert_eq!(run.stderr, expected);
    assert!(
        run.stderr
            .contains("speke-v2.csv:2:21: unknown qualifier `cbc`"),
        "{}",
        run.stderr
    );
}

#[test]
fn github_format_prints_annotations_on_stdout() {
    let dir = TempDir::new("lint-github");
    support::write_matrix(&dir, "matrix", &[("speke-v2.csv", BROKEN_V2)]);
    let run = run_in(dir.path(), &["lint", "--format", "github"]);
    assert_eq!(run.code, 1);
    let annotations: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        annotations,
        [
            "::warning file=matrix/qualifiers.csv,line=4,col=1,title=speke-matrix::qualifier \
             `cenc` is used by no grid",
            "::error file=matrix/speke-v2.csv,line=2,col=21,title=speke-matrix::unknown qualifier \
             `cbc`; expected one of key-rotation, cbcs, cenc (did you mean `cbcs`?); new terms \
             are added to qualifiers.csv",
            "::error file=matrix/speke-v2.csv,line=2,col=29,title=speke-matrix::unknown cell \
             value `maybe`; expected `yes`, `no`, or `yes + key-rotation`",
        ]
    );
    assert_eq!(run.stderr, "error: matrix: 2 errors and 1 warning\n");
}

#[test]
fn warnings_alone_pass() {
    let dir = small_matrix(
        "lint-warnings",
        &[(
            "speke-v2.csv",
            "mode,endpoint,playready,widevine,fairplay\nlive,dash,yes,yes,no\n",
        )],
    );
    let run = support::run(&["lint", dir.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run
        .stderr
        .contains("warning: qualifier `cenc` is used by no grid"));
    assert_eq!(run.stdout, format!("{}: valid, 1 warning\n", dir.arg()));
}

#[test]
fn a_missing_directory_fails() {
    let dir = TempDir::new("lint-missing");
    let run = run_in(dir.path(), &["lint"]);
    assert!(run
        .stderr
        .starts_with("error: cannot read the matrix directory `matrix`: "));
    assert_eq!(run.code, 1);
}
