//! Importing the saved copy of AWS's "Choosing the right SPEKE version" page gives back the
//! shipped matrix directory byte for byte: the grids were transcribed from that page, and the
//! importer's canonical grid form is the form they are kept in.

use std::fs;
use std::path::Path;

use speke_matrix_build::import::{import, Imported, Request};
use speke_matrix_build::render::markdown;
use speke_matrix_build::{compile, Compiled, SourceFile};

const PAGE: &str = "tests/data/choosing-speke-version.md";

/// The shipped matrix directory's files, sorted by name.
fn shipped_files() -> Vec<SourceFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("matrix");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("the matrix directory is readable")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let bytes = fs::read(dir.join(&name)).unwrap();
            SourceFile::new(format!("matrix/{name}"), bytes)
        })
        .collect()
}

fn reference_page() -> SourceFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(PAGE);
    SourceFile::new(PAGE, fs::read(path).expect("the saved page is readable"))
}

#[test]
fn importing_the_reference_page_reproduces_the_shipped_matrix() {
    let files = shipped_files();
    let current = compile("matrix", &files).expect("the shipped matrix compiles");
    let page = reference_page();
    let imported = import(&Request {
        page: &page,
        matrix: &current.matrix,
        files: &files,
        out_dir: "imported",
        as_of: None,
    })
    .unwrap_or_else(|errors| panic!("import failed: {errors:#?}"));

    let names = |files: &[SourceFile]| -> Vec<String> {
        files.iter().map(|f| f.name().to_owned()).collect()
    };
    assert_eq!(names(&imported.files), names(&files));
    for (new, old) in imported.files.iter().zip(&files) {
        assert_eq!(
            String::from_utf8_lossy(&new.bytes),
            String::from_utf8_lossy(&old.bytes),
            "{} differs from the shipped {}",
            new.path,
            old.path
        );
        assert_eq!(new.bytes, old.bytes, "{} is not byte for byte", new.path);
    }
    assert_eq!(imported.versions, ["v1", "v2"]);
    assert_eq!(imported.matrix.cells(), current.matrix.cells());
    assert_eq!(imported.matrix.grids.len(), current.matrix.grids.len());
    for (new, old) in imported.matrix.grids.iter().zip(&current.matrix.grids) {
        assert_eq!((&new.columns, &new.rows), (&old.columns, &old.rows));
    }
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings, Vec::<String>::new());
}

fn import_page(page: &SourceFile, files: &[SourceFile], current: &Compiled) -> Imported {
    import(&Request {
        page,
        matrix: &current.matrix,
        files,
        out_dir: "imported",
        as_of: None,
    })
    .unwrap_or_else(|errors| panic!("import failed: {errors:#?}"))
}

#[test]
fn importing_the_rendered_matrix_gives_the_same_matrix() {
    let files = shipped_files();
    let current = compile("matrix", &files).expect("the shipped matrix compiles");
    let rendered = SourceFile::new(
        "docs/support-matrix.md",
        markdown::document(&current.matrix),
    );
    let imported = import_page(&rendered, &files, &current);
    for (new, old) in imported.files.iter().zip(&files) {
        assert_eq!(
            new.bytes, old.bytes,
            "{} changed in the round trip",
            new.path
        );
    }
    assert_eq!(imported.matrix.cells(), current.matrix.cells());
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings, Vec::<String>::new());
}

#[test]
fn the_grids_are_written_in_the_canonical_form() {
    // The byte-for-byte test above relies on the shipped grids being canonical: header
    // `mode,endpoint,<drm ids>`, LF line endings, a final newline, no spaces around commas.
    for file in shipped_files()
        .iter()
        .filter(|f| f.name().starts_with("speke-"))
    {
        let text = String::from_utf8(file.bytes.clone()).unwrap();
        assert!(text.starts_with("mode,endpoint,"), "{}", file.path);
        assert!(
            text.ends_with('\n') && !text.contains('\r'),
            "{}",
            file.path
        );
        assert!(
            !text.contains(", ") && !text.contains(" ,"),
            "{}",
            file.path
        );
    }
}
