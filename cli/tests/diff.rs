//! `speke-matrix diff`, run as a process: two versions of the shipped matrix, and two matrix
//! directories before and after an edit.

mod support;

use support::{run, small_matrix, write_matrix, TempDir};

#[test]
fn two_versions_of_the_shipped_matrix() {
    let run = run(&["diff", "v1", "v2"]);
    assert_eq!(run.code, 0);
    assert!(run
        .stdout
        .starts_with("# Changes from SPEKE v1 to SPEKE v2\n\n## SPEKE v1 → SPEKE v2\n"));
    assert!(run.stdout.contains("- DRM systems removed: AES-128\n"));
    for row in [
        "| gained | Live | CMAF Apple HLS | Microsoft PlayReady |  | √ |",
        "| qualifiers-changed | Live | DASH | Google Widevine | √ with key rotation | √ |",
        "| lost | VOD | DASH | Microsoft PlayReady | √ |  |",
    ] {
        assert!(run.stdout.contains(row), "missing {row} in\n{}", run.stdout);
    }
}

#[test]
fn json_names_its_schema_and_each_change() {
    let run = run(&["diff", "speke-v1", "V2", "--format", "json"]);
    assert_eq!(run.code, 0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["schema"], "speke-matrix-diff/1");
    assert_eq!(json["changed"], true);
    let grid = &json["grids"][0];
    assert_eq!(
        (
            grid["before_version"].as_str(),
            grid["after_version"].as_str()
        ),
        (Some("v1"), Some("v2"))
    );
    assert_eq!(grid["drm_systems_removed"], serde_json::json!(["aes-128"]));
    let gained: Vec<&serde_json::Value> = grid["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["change"] == "gained")
        .collect();
    assert_eq!(gained.len(), 1);
    assert_eq!(gained[0]["drm_system"], "playready");
    assert_eq!(gained[0]["endpoint_type"], "cmaf-hls");
    assert_eq!(gained[0]["before"], serde_json::Value::Null);
    assert_eq!(gained[0]["after"], serde_json::json!([]));
}

#[test]
fn an_edit_between_two_directories_shows_cell_by_cell() {
    let dir = TempDir::new("diff-dirs");
    write_matrix(&dir, "before", &[]);
    write_matrix(
        &dir,
        "after",
        &[(
            "speke-v2.csv",
            "mode,endpoint,playready,widevine,fairplay\n\
             live,cmaf-hls,yes + cbcs + cenc,yes + cbcs + cenc + key-rotation,yes + cbcs\n\
             live,dash,no,yes + cenc,no\n\
             vod,dash,yes,yes,no\n",
        )],
    );
    let before = dir.path().join("before");
    let after = dir.path().join("after");
    let run = support::run(&[
        "diff",
        "--from",
        before.to_str().unwrap(),
        "--to",
        after.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let expected = format!(
        "# Changes from {} to {}\n\n\
         ## SPEKE v1\n\nNo changes.\n\n\
         ## SPEKE v2\n\n\
         - Rows added: DASH (VOD)\n\n\
         | change | mode | endpoint type | DRM system | before | after |\n\
         | --- | --- | --- | --- | --- | --- |\n\
         | qualifiers-changed | Live | CMAF Apple HLS | Google Widevine | √ cbcs and cenc | \
         √ with key rotation, cbcs and cenc |\n\
         | lost | Live | DASH | Microsoft PlayReady | √ cenc only |  |\n\
         | gained | VOD | DASH | Microsoft PlayReady |  | √ |\n\
         | gained | VOD | DASH | Google Widevine |  | √ |\n",
        before.display(),
        after.display()
    );
    assert_eq!(run.stdout, expected);
}

#[test]
fn the_same_directory_twice_has_no_changes() {
    let dir = small_matrix("diff-same", &[]);
    let run = support::run(&[
        "diff",
        "--from",
        dir.arg(),
        "--to",
        dir.arg(),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["changed"], false);
    assert_eq!(run.code, 0);
}

#[test]
fn both_invalid_directories_are_reported() {
    let dir = TempDir::new("diff-invalid");
    write_matrix(&dir, "a", &[("modes.csv", "id,name\nlive,Live\n")]);
    let missing = dir.path().join("missing");
    let a = dir.path().join("a");
    let run = support::run(&[
        "diff",
        "--from",
        a.to_str().unwrap(),
        "--to",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("/a/modes.csv:1:"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: cannot read the matrix directory `"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_version_is_refused_with_a_suggestion() {
    let run = run(&["diff", "v1", "v3"]);
    assert!(
        run.stderr.starts_with("error: unknown SPEKE version `v3`"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 1);
}

#[test]
fn versions_and_directories_do_not_mix() {
    let run = run(&["diff", "v1", "v2", "--from", "a", "--to", "b"]);
    assert_eq!(run.code, 2);
    let run = support::run(&["diff", "--from", "a"]);
    assert!(run.stderr.starts_with("error: `--from` needs `--to`"));
    assert_eq!(run.code, 2);
}
