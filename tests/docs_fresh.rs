//! Keeps the committed docs in step with the matrix: regenerates `docs/support-matrix.md` and
//! the README section from `matrix/` and fails if the committed text differs.
//!
//! Under `CI=true` the test only fails, naming the command to run. Elsewhere it also rewrites
//! the stale files, so that running the tests is enough to bring the docs up to date; it still
//! fails, so that the change is seen and committed rather than slipping by.
//!
//! The hand-written `docs/json-schema.md` cannot be regenerated, so a second test checks that it
//! names every field the JSON renderers write.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use speke_matrix_build::render::{json, markdown};
use speke_matrix_build::{compile, SourceFile};

/// The files of `matrix/`, read as the build script reads them: the CSV files, sorted by name.
fn matrix_files(root: &Path) -> Vec<SourceFile> {
    let mut paths: Vec<PathBuf> = fs::read_dir(root.join("matrix"))
        .expect("read matrix/")
        .map(|entry| entry.expect("list matrix/").path())
        .filter(|path| path.extension().is_some_and(|e| e == "csv"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            SourceFile::new(
                format!("matrix/{name}"),
                fs::read(path).expect("read a matrix file"),
            )
        })
        .collect()
}

fn shipped_matrix(root: &Path) -> speke_matrix_build::Matrix {
    match compile("matrix", &matrix_files(root)) {
        Ok(compiled) => compiled.matrix,
        Err(diagnostics) => {
            let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            panic!("the matrix does not compile:\n{}", lines.join("\n"));
        }
    }
}

#[test]
fn committed_docs_match_the_matrix() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let matrix = shipped_matrix(root);

    let readme_path = root.join("README.md");
    let readme = fs::read_to_string(&readme_path).expect("read README.md");
    let readme = markdown::splice_readme("README.md", &readme, &markdown::readme_section(&matrix))
        .unwrap_or_else(|message| panic!("{message}"));
    let expected = [
        (markdown::DOC_PATH, markdown::document(&matrix)),
        ("README.md", readme),
    ];

    let in_ci = std::env::var("CI").is_ok_and(|value| value == "true");
    let mut stale = Vec::new();
    for (relative, text) in &expected {
        let path = root.join(relative);
        if fs::read(&path).ok().as_deref() == Some(text.as_bytes()) {
            continue;
        }
        stale.push(*relative);
        if !in_ci {
            fs::create_dir_all(path.parent().unwrap()).expect("create the docs directory");
            fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {relative}: {e}"));
        }
    }
    if stale.is_empty() {
        return;
    }
    if in_ci {
        panic!(
            "stale: {}; regenerate with `{}` and commit the result",
            stale.join(", "),
            markdown::COMMAND
        );
    }
    panic!(
        "stale: {}; rewritten from matrix/, review and commit them (next time: `{}`)",
        stale.join(", "),
        markdown::COMMAND
    );
}

/// The keys of the objects in pretty-printed JSON: each string followed by `": `.
fn json_keys(text: &str) -> BTreeSet<String> {
    let mut parts: Vec<&str> = text.split("\": ").collect();
    parts.pop();
    parts
        .into_iter()
        .filter_map(|before| before.rsplit('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_json_schema_doc_names_every_field() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let matrix = shipped_matrix(root);
    let doc = fs::read_to_string(root.join("docs/json-schema.md")).expect("read the schema doc");

    let diff = speke_matrix_build::diff::versions(&matrix, 0, 1);
    let mut keys = json_keys(&json::render(&matrix));
    keys.extend(json_keys(&speke_matrix_build::diff::to_json(&diff)));
    // A diff of two matrices whose vocabularies differ, so that the vocabulary section writes
    // its entries: a term renamed by id (one removed, one added) and a fact changed.
    let mut edited = matrix.clone();
    edited.drm_systems[0].term.id = "renamed".to_owned();
    edited.drm_systems[1].system_id = "00000000-0000-0000-0000-000000000000".to_owned();
    let matrices = speke_matrix_build::diff::matrices(&matrix, &edited, "a", "b");
    keys.extend(json_keys(&speke_matrix_build::diff::to_json(&matrices)));
    for key in ["system_id", "drm_systems_removed", "vocabulary", "field"] {
        assert!(keys.contains(key), "{key}");
    }
    let missing: Vec<&String> = keys
        .iter()
        .filter(|key| !doc.contains(&format!("`{key}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/json-schema.md does not document {missing:?}"
    );
    for schema in [json::SCHEMA, speke_matrix_build::diff::SCHEMA] {
        assert!(doc.contains(&format!("`{schema}`")), "{schema}");
    }
}
