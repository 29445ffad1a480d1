//! `speke-matrix check`, run as a process: supported, refused, unknown words, bad usage.

mod support;

use support::{run, small_matrix};

#[test]
fn a_supported_combination_says_what_the_cell_offers() {
    let run = run(&["check", "v2", "live", "dash", "widevine"]);
    assert_eq!(
        run.stdout,
        "supported: Google Widevine on DASH (live) with SPEKE v2; the cell offers no qualifier\n"
    );
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, 0);
}

#[test]
fn qualifiers_asked_for_are_checked_and_named() {
    let run = run(&["check", "V1", "Live", "MPEG-DASH", "wv", "key_rotation"]);
    assert_eq!(
        run.stdout,
        "supported: Google Widevine on DASH (live) with SPEKE v1, with key rotation; the cell \
         offers key rotation\n"
    );
    assert_eq!(run.code, 0);
}

#[test]
fn a_refusal_gives_the_library_explanation_and_exit_1() {
    let run = run(&["check", "v2", "live", "dash", "fairplay"]);
    let expected = speke_matrix::Combination::new(
        speke_matrix::SpekeVersion::V2,
        speke_matrix::Mode::Live,
        speke_matrix::EndpointType::Dash,
        speke_matrix::DrmSystem::Fairplay,
    )
    .check()
    .unwrap_err()
    .to_string();
    assert_eq!(run.stdout, format!("not supported: {expected}\n"));
    assert!(run
        .stdout
        .contains("Apple FairPlay with SPEKE v2 is supported on CMAF Apple HLS (live)"));
    assert_eq!(run.code, 1);
}

#[test]
fn a_qualifier_the_cell_does_not_offer_is_refused() {
    let run = run(&["check", "v2", "live", "dash", "widevine", "key-rotation"]);
    assert!(
        run.stdout.starts_with(
            "not supported: SPEKE v2 supports Google Widevine on DASH (live) but without key \
             rotation"
        ),
        "{run:?}"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn every_unknown_word_is_reported_with_the_nearest_spelling() {
    let run = run(&["check", "v1", "live", "dashh", "widevin", "key_rotaton"]);
    assert_eq!(run.stdout, "");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(lines[0].starts_with("error: unknown endpoint type `dashh`; expected one of "));
    assert!(lines[0].ends_with("(did you mean `dash`?)"));
    assert!(lines[1].ends_with("(did you mean `widevine`?)"));
    assert!(lines[2].ends_with("(did you mean `key-rotation`?)"));
    assert_eq!(run.code, 1);
}

#[test]
fn too_few_words_is_a_usage_error() {
    let run = run(&["check", "v1", "live", "dash"]);
    assert!(run
        .stderr
        .starts_with("error: expected a SPEKE version, a mode, an endpoint type and a DRM system"));
    assert!(run.stderr.contains("found 3 word(s)"));
    assert_eq!(run.code, 2);
}

#[test]
fn another_matrix_directory_is_used_when_given() {
    let dir = small_matrix("check", &[]);
    let run = support::run(&[
        "check",
        "--matrix",
        dir.arg(),
        "v2",
        "live",
        "cmaf",
        "fps",
        "cbcs",
    ]);
    assert_eq!(
        run.stdout,
        "supported: Apple FairPlay on CMAF Apple HLS (live) with SPEKE v2, with cbcs; the cell \
         offers cbcs\n"
    );
    assert_eq!(run.code, 0);

    let run = support::run(&[
        "check",
        "--matrix",
        dir.arg(),
        "v2",
        "live",
        "cmaf",
        "fps",
        "cenc",
    ]);
    assert!(run.stdout.starts_with(
        "not supported: SPEKE v2 supports Apple FairPlay on CMAF Apple HLS (live) but without cenc"
    ));
    assert_eq!(run.code, 1);
}

#[test]
fn an_invalid_matrix_directory_is_reported_with_located_diagnostics() {
    let dir = small_matrix(
        "check-invalid",
        &[("speke-v2.csv", "mode,endpoint,playready\nlive,dash,maybe\n")],
    );
    let run = support::run(&["check", "--matrix", dir.arg(), "v2", "live", "dash", "pr"]);
    // Every diagnostic, warnings too, sorted by place, then the count.
    let expected = format!(
        "{dir}/qualifiers.csv:4:1: warning: qualifier `cenc` is used by no grid\n\
         {dir}/speke-v2.csv:2:11: unknown cell value `maybe`; expected `yes`, `no`, or \
         `yes + key-rotation`\n\
         error: the matrix has 1 error and 1 warning\n",
        dir = dir.arg()
    );
    assert_eq!(run.stderr, expected);
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 1);
}
