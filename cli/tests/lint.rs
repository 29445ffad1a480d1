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
    // No warning: the one about a qualifier no grid offers waits for a matrix without errors.
    expected.push_str(&format!("error: {}: 2 errors and 0 warnings\n", dir.arg()));
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
            "::error file=matrix/speke-v2.csv,line=2,col=21,title=speke-matrix::unknown qualifier \
             `cbc`; expected one of key-rotation, cbcs, cenc (did you mean `cbcs`?); new terms \
             are added to qualifiers.csv",
            "::error file=matrix/speke-v2.csv,line=2,col=29,title=speke-matrix::unknown cell \
             value `maybe`; expected `yes`, `no`, or `yes + key-rotation`",
        ]
    );
    assert_eq!(run.stderr, "error: matrix: 2 errors and 0 warnings\n");
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

/// The CLI checks a directory's files with the build script's helpers, so a file that cannot
/// be read gets the message `cargo build` gives (see tests/matrix_dir.rs), unread.
#[test]
fn files_that_cannot_be_read_get_the_build_s_messages() {
    let dir = small_matrix("lint-unreadable", &[]);
    let limit = speke_matrix_build::csv::MAX_FILE_BYTES;
    std::fs::File::create(dir.path().join("speke-v1.csv"))
        .and_then(|file| file.set_len(limit + 1))
        .expect("make a sparse file over the limit");
    std::fs::remove_file(dir.path().join("speke-v2.csv")).expect("remove a grid");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("speke-v2.csv"))
        .expect("make a broken link");
    // A named pipe would block a read forever.
    std::fs::remove_file(dir.path().join("qualifiers.csv")).expect("remove qualifiers.csv");
    #[cfg(target_os = "linux")]
    assert!(std::process::Command::new("mkfifo")
        .arg(dir.path().join("qualifiers.csv"))
        .status()
        .is_ok_and(|status| status.success()));
    // A directory named like a matrix file is skipped, as the build skips it.
    std::fs::create_dir(dir.path().join("old.csv")).expect("make a directory");

    let run = support::run(&["lint", dir.arg()]);
    assert_eq!(run.code, 1);
    let shown = dir.arg();
    let mut expected = Vec::new();
    if cfg!(target_os = "linux") {
        expected.push(format!(
            "{shown}/qualifiers.csv:1:1: not a regular file (a pipe or a device?); a matrix file \
             is a CSV text file"
        ));
    }
    expected.push(format!(
        "{shown}/speke-v1.csv:1:1: file of {} bytes is over the limit of {limit} bytes (4 MiB) \
         for a matrix file, which is a few kilobytes; is this the right file?",
        limit + 1
    ));
    if cfg!(unix) {
        expected.push(format!(
            "{shown}/speke-v2.csv:1:1: cannot read the file: it does not exist"
        ));
    }
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines[..expected.len()], expected, "{}", run.stderr);
    assert!(!run.stderr.contains("old.csv"), "{}", run.stderr);
}
