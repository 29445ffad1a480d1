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
    let run = diff_dirs(&before, &after, &[]);
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
    let run = diff_dirs(&a, &missing, &[]);
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

/// Runs `diff --from before --to after` on two small matrices in a temporary directory, the
/// after one with some files replaced, with extra arguments.
fn diff_edit(label: &str, replaced: &[(&str, &str)], extra: &[&str]) -> (support::Run, String) {
    let dir = TempDir::new(label);
    write_matrix(&dir, "before", &[]);
    write_matrix(&dir, "after", replaced);
    let before = dir.path().join("before");
    let after = dir.path().join("after");
    let title = format!(
        "# Changes from {} to {}\n\n",
        before.display(),
        after.display()
    );
    (diff_dirs(&before, &after, extra), title)
}

/// The small matrix's DRM systems, with Widevine's system ID mistyped.
const MISTYPED_SYSTEM_ID: &str = "id,name,aliases,system-id\n\
     playready,Microsoft PlayReady,pr,9a04f079-9840-4286-ab92-e65be0885f95\n\
     widevine,Google Widevine,wv,edef8ba9-79d6-4ace-a3c8-27dcd51d21ee\n\
     fairplay,Apple FairPlay,fps,94ce86fb-07ff-4f43-adb8-93d2fa968ca2\n";

#[test]
fn a_changed_system_id_is_shown_though_no_cell_changed() {
    let (run, title) = diff_edit(
        "diff-system-id",
        &[("drm-systems.csv", MISTYPED_SYSTEM_ID)],
        &[],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let expected = format!(
        "{title}## Vocabulary\n\n\
         | kind | term | field | before | after |\n\
         | --- | --- | --- | --- | --- |\n\
         | DRM system | Google Widevine (`widevine`) | system ID | \
         edef8ba9-79d6-4ace-a3c8-27dcd51d21ed | edef8ba9-79d6-4ace-a3c8-27dcd51d21ee |\n\n\
         ## SPEKE v1\n\nNo changes.\n\n\
         ## SPEKE v2\n\nNo changes.\n"
    );
    assert_eq!(run.stdout, expected);

    let (run, _) = diff_edit(
        "diff-system-id-json",
        &[("drm-systems.csv", MISTYPED_SYSTEM_ID)],
        &["--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["changed"], true);
    assert_eq!(
        json["vocabulary"]["drm_systems"]["changed"],
        serde_json::json!([{
            "id": "widevine",
            "field": "system_id",
            "before": "edef8ba9-79d6-4ace-a3c8-27dcd51d21ed",
            "after": "edef8ba9-79d6-4ace-a3c8-27dcd51d21ee",
        }])
    );
    assert_eq!(
        json["vocabulary"]["modes"]["changed"],
        serde_json::json!([])
    );
}

#[test]
fn a_renamed_endpoint_type_shows_its_old_and_new_name() {
    let (run, title) = diff_edit(
        "diff-renamed-endpoint",
        &[(
            "endpoints.csv",
            "id,name,aliases\ncmaf-hls,CMAF HLS,cmaf | cmaf-apple-hls\ndash,DASH,\n",
        )],
        &[],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.starts_with(&format!(
            "{title}## Vocabulary\n\n\
             | kind | term | field | before | after |\n\
             | --- | --- | --- | --- | --- |\n\
             | endpoint type | CMAF HLS (`cmaf-hls`) | name | CMAF Apple HLS | CMAF HLS |\n\
             | endpoint type | CMAF HLS (`cmaf-hls`) | aliases | cmaf | cmaf, cmaf-apple-hls |\n\n\
             ## SPEKE v1\n\nNo changes.\n"
        )),
        "{}",
        run.stdout
    );
}

#[test]
fn an_added_qualifier_is_listed_with_its_facts_and_the_cells_it_reaches() {
    let (run, _) = diff_edit(
        "diff-added-qualifier",
        &[
            (
                "qualifiers.csv",
                "id,name,aliases,group,phrase\n\
                 key-rotation,key rotation,rotation,,with key rotation\n\
                 cbcs,cbcs,,encryption-scheme,with cbcs\n\
                 cenc,cenc,,encryption-scheme,with cenc\n\
                 multi-key,multiple keys,multikey,,with multiple keys\n",
            ),
            (
                "speke-v2.csv",
                "mode,endpoint,playready,widevine,fairplay\n\
                 live,cmaf-hls,yes + cbcs + cenc,yes + cbcs + cenc + multi-key,yes + cbcs\n\
                 live,dash,yes + cenc,yes + cenc,no\n",
            ),
        ],
        &["--format", "json"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(
        json["vocabulary"]["qualifiers"],
        serde_json::json!({
            "added": [{
                "id": "multi-key",
                "name": "multiple keys",
                "aliases": ["multikey"],
                "group": null,
                "phrase": "with multiple keys",
            }],
            "removed": [],
            "changed": [],
        })
    );
    let cells = json["grids"][1]["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 1);
    assert_eq!(cells[0]["change"], "qualifiers-changed");
    assert_eq!(
        cells[0]["after"],
        serde_json::json!(["cbcs", "cenc", "multi-key"])
    );

    let (run, _) = diff_edit(
        "diff-added-qualifier-md",
        &[(
            "qualifiers.csv",
            "id,name,aliases,group,phrase\n\
             key-rotation,key rotation,rotation,,with key rotation\n\
             cbcs,cbcs,,encryption-scheme,with cbcs\n\
             cenc,cenc,,encryption-scheme,with cenc\n\
             multi-key,multiple keys,multikey,,with multiple keys\n",
        )],
        &[],
    );
    assert!(
        run.stdout.contains(
            "## Vocabulary\n\n- Qualifier added: multiple keys (`multi-key`; aliases: multikey; \
             group: (none); phrase: with multiple keys)\n\n## SPEKE v1\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn exit_code_says_whether_anything_changed() {
    let (changed, _) = diff_edit(
        "diff-exit-changed",
        &[("drm-systems.csv", MISTYPED_SYSTEM_ID)],
        &["--exit-code"],
    );
    assert_eq!(changed.code, 1, "{changed:?}");
    assert!(changed.stdout.contains("| system ID |"), "{changed:?}");
    assert_eq!(changed.stderr, "");

    let (same, _) = diff_edit("diff-exit-same", &[], &["--exit-code"]);
    assert_eq!(same.code, 0, "{same:?}");
    assert!(same.stdout.ends_with("\nNo changes.\n"), "{same:?}");

    // Without the option a difference still exits 0, as before.
    let (default, _) = diff_edit(
        "diff-exit-default",
        &[("drm-systems.csv", MISTYPED_SYSTEM_ID)],
        &[],
    );
    assert_eq!(default.code, 0, "{default:?}");

    // Two versions of one matrix compare the same way.
    assert_eq!(run(&["diff", "v1", "v2", "--exit-code"]).code, 1);
    assert_eq!(run(&["diff", "v2", "v2", "--exit-code"]).code, 0);
}

/// Runs `diff --from FROM --to TO` with extra arguments.
fn diff_dirs(from: &std::path::Path, to: &std::path::Path, extra: &[&str]) -> support::Run {
    let mut args = vec![
        "diff",
        "--from",
        from.to_str().unwrap(),
        "--to",
        to.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}
