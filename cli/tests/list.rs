//! `speke-matrix list`, run as a process: every supported combination, filters, and lines that
//! `check` accepts.

mod support;

use support::{run, small_matrix};

#[test]
fn lists_every_supported_cell_of_the_shipped_matrix() {
    let run = run(&["list"]);
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let expected = support::supported_cell_words();
    let found: Vec<String> = lines
        .iter()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn columns_are_aligned() {
    let run = run(&["list", "--version", "v1", "--mode", "live"]);
    assert_eq!(
        run.stdout,
        "\
v1  live  apple-hls  fairplay   key-rotation
v1  live  apple-hls  aes-128    key-rotation
v1  live  cmaf-hls   widevine   key-rotation
v1  live  cmaf-hls   fairplay   key-rotation
v1  live  dash       playready  key-rotation
v1  live  dash       widevine   key-rotation
v1  live  mss        playready
"
    );
}

#[test]
fn filters_accept_any_spelling_and_combine() {
    let run = run(&[
        "list",
        "--drm",
        "FairPlay",
        "--endpoint",
        "cmaf",
        "--version",
        "speke-v2",
    ]);
    assert_eq!(run.stdout, "v2  live  cmaf-hls  fairplay\n");
    assert_eq!(run.code, 0);
}

#[test]
fn every_line_is_a_combination_check_accepts() {
    let dir = small_matrix("list", &[]);
    let listed = support::run(&["list", "--matrix", dir.arg()]);
    assert_eq!(listed.code, 0);
    // 13 supported cells; the two offering both encryption schemes get a line for each.
    assert_eq!(listed.stdout.lines().count(), 15);
    assert!(listed
        .stdout
        .contains("v2  live  cmaf-hls  playready  cbcs\nv2  live  cmaf-hls  playready  cenc\n"));
    for line in listed.stdout.lines() {
        let mut args = vec!["check", "--matrix", dir.arg()];
        args.extend(line.split_whitespace());
        let checked = support::run(&args);
        assert_eq!(checked.code, 0, "{line}: {checked:?}");
    }
}

#[test]
fn an_unknown_filter_word_is_refused_with_a_suggestion() {
    let run = run(&["list", "--drm", "widevin"]);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("(did you mean `widevine`?)"));
    assert_eq!(run.code, 1);
}

#[test]
fn no_match_prints_nothing_and_says_so_on_stderr() {
    let run = run(&["list", "--version", "v2", "--mode", "vod"]);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "no supported combination matches the filters\n");
    assert_eq!(run.code, 0);
}

#[test]
fn a_positional_argument_is_a_usage_error() {
    let run = run(&["list", "v1"]);
    assert!(run.stderr.starts_with("error: unexpected argument `v1`"));
    assert!(run.stderr.contains("Usage: speke-matrix list"));
    assert_eq!(run.code, 2);
}
