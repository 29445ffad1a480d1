//! What a spreadsheet or an editor may save is accepted and makes the same output: a UTF-8
//! byte-order mark, CRLF or CR line endings, no final newline, quoted fields, whitespace around
//! values, header names in capitals, empty rows. And the same input always makes the same bytes.
//!
//! Two kinds of variant are told apart. Encoding variants (byte-order mark, line endings, final
//! newline) are invisible in an editor, so the whole generated file is byte-identical, the text
//! it embeds of each source included. Content variants (quotes, whitespace, capitals, empty
//! rows) are what the person wrote, and the library embeds each source as written so that
//! locations in it stay true; for those, the tables and every document generated from the
//! model (Markdown, JSON, CSV, HTML) are identical.

mod common;

use speke_matrix_build::{compile, render, Compiled, SourceFile};

type Variant = fn(&str) -> String;

fn with_bom(text: &str) -> String {
    format!("\u{feff}{text}")
}

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

/// Line endings of the classic Mac OS, which some spreadsheets still write.
fn cr(text: &str) -> String {
    text.replace('\n', "\r")
}

fn no_final_newline(text: &str) -> String {
    text.trim_end_matches('\n').to_owned()
}

/// Every field in quotes. The base matrix has no quote or comma inside a field, so splitting
/// on commas finds its fields.
fn quoted(text: &str) -> String {
    map_fields(text, |field| format!("\"{field}\""))
}

fn padded(text: &str) -> String {
    map_fields(text, |field| format!(" \t{field}  "))
}

/// Quoted fields with spaces outside and inside the quotes.
fn padded_quotes(text: &str) -> String {
    map_fields(text, |field| format!("  \" {field} \" "))
}

fn capital_header(text: &str) -> String {
    let (header, rest) = text.split_once('\n').unwrap();
    format!("{}\n{rest}", header.to_uppercase())
}

/// Empty rows as a spreadsheet exports them: a line of commas, and blank lines.
fn empty_rows(text: &str) -> String {
    let width = text.lines().next().unwrap().matches(',').count();
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(line);
        out.push_str("\n\n");
        out.push_str(&",".repeat(width));
        out.push('\n');
    }
    out
}

/// Everything at once, as a spreadsheet on Windows saving "CSV UTF-8" might.
fn everything(text: &str) -> String {
    with_bom(&no_final_newline(&crlf(&empty_rows(&padded_quotes(text)))))
}

fn map_fields(text: &str, f: impl Fn(&str) -> String) -> String {
    text.lines()
        .map(|line| line.split(',').map(&f).collect::<Vec<_>>().join(","))
        .map(|line| format!("{line}\n"))
        .collect()
}

const ENCODING_VARIANTS: [(&str, Variant); 4] = [
    ("byte-order mark", with_bom),
    ("CRLF", crlf),
    ("CR", cr),
    ("no final newline", no_final_newline),
];

const CONTENT_VARIANTS: [(&str, Variant); 6] = [
    ("quoted fields", quoted),
    ("whitespace around values", padded),
    ("whitespace around quoted fields", padded_quotes),
    ("header in capitals", capital_header),
    ("empty rows", empty_rows),
    ("all variants at once", everything),
];

/// The base matrix with every file saved as `variant` saves it.
fn files_as(variant: Variant) -> Vec<SourceFile> {
    common::BASE
        .iter()
        .map(|(name, text)| SourceFile::new(common::path(name), variant(text)))
        .collect()
}

fn compiled(files: &[SourceFile], what: &str) -> Compiled {
    let compiled = compile(common::DIR, files)
        .unwrap_or_else(|errors| panic!("{what}: refused with {errors:#?}"));
    assert!(
        compiled.warnings.is_empty(),
        "{what}: {:?}",
        compiled.warnings
    );
    compiled
}

/// What is generated from the model alone: the tables and every document.
fn model_outputs(compiled: &Compiled) -> Vec<(&'static str, String)> {
    let matrix = &compiled.matrix;
    #[allow(unused_mut)]
    let mut outputs = vec![
        ("Rust tables", render::rust::render(matrix, &[])),
        ("Markdown docs", render::markdown::document(matrix)),
    ];
    // The command's renderers are built only with the `tools` feature, which `.ci/run`
    // enables (`--all-features`).
    #[cfg(feature = "tools")]
    outputs.extend([
        ("JSON", render::json::render(matrix)),
        ("CSV", render::csv::render(matrix)),
        ("HTML", render::html::render(matrix)),
    ]);
    outputs
}

/// Everything generated from the files, the embedded sources included.
fn all_outputs(compiled: &Compiled, files: &[SourceFile]) -> Vec<(&'static str, String)> {
    let mut outputs = model_outputs(compiled);
    outputs.push((
        "Rust tables with sources",
        render::rust::render(&compiled.matrix, files),
    ));
    outputs
}

fn plain() -> (Vec<SourceFile>, Compiled) {
    let files = common::base_files();
    let compiled = compiled(&files, "the plain matrix");
    (files, compiled)
}

#[test]
fn encoding_variants_generate_identical_bytes() {
    let (files, plain) = plain();
    let expected = all_outputs(&plain, &files);
    for (what, variant) in ENCODING_VARIANTS {
        let files = files_as(variant);
        let actual = all_outputs(&compiled(&files, what), &files);
        for ((output, expected), (_, actual)) in expected.iter().zip(&actual) {
            assert!(expected == actual, "{what}: the {output} differ");
        }
    }
}

#[test]
fn encoding_variants_combined_generate_identical_bytes() {
    let (files, plain) = plain();
    let all = |text: &str| with_bom(&no_final_newline(&crlf(text)));
    let variant_files = files_as(all);
    let variant = compiled(&variant_files, "all encoding variants");
    assert_eq!(
        all_outputs(&plain, &files),
        all_outputs(&variant, &variant_files)
    );
}

#[test]
fn content_variants_generate_identical_tables() {
    let (_, plain) = plain();
    let expected = model_outputs(&plain);
    for (what, variant) in CONTENT_VARIANTS {
        let compiled = compiled(&files_as(variant), what);
        let actual = model_outputs(&compiled);
        for ((output, expected), (_, actual)) in expected.iter().zip(&actual) {
            assert!(expected == actual, "{what}: the {output} differ");
        }
    }
}

/// The variants are real: each one changes the bytes of every file, so that the tests above
/// compare different inputs.
#[test]
fn every_variant_changes_every_file() {
    for (what, variant) in ENCODING_VARIANTS.iter().chain(&CONTENT_VARIANTS) {
        for (name, text) in common::BASE {
            assert_ne!(variant(text), text, "{what} leaves {name} unchanged");
        }
    }
}

#[test]
fn generating_twice_gives_identical_bytes() {
    let files = common::base_files();
    let first = all_outputs(&compiled(&files, "first"), &files);
    let second = all_outputs(&compiled(&files, "second"), &files);
    assert_eq!(first, second);
}

/// The model does not depend on the order the files are given in (a directory lists them in
/// any order; the build script sorts them, but the tables must not rely on it).
#[test]
fn file_order_does_not_change_the_tables() {
    let (_, plain) = plain();
    let mut files = common::base_files();
    files.reverse();
    let reversed = compiled(&files, "files in reverse order");
    assert_eq!(model_outputs(&plain), model_outputs(&reversed));
}

/// Locations in a content variant still point at the field as saved: whitespace and quotes
/// move the value, and the diagnostic follows it.
#[test]
fn diagnostics_point_into_the_file_as_saved() {
    let broken = common::BASE[5]
        .1
        .replace("live,dash,yes,yes,no", "live,dash,yes,yes,nope");
    let mut files = common::base_files();
    files[5] = SourceFile::new(common::path("speke-v2.csv"), padded_quotes(&broken));
    let errors = compile(common::DIR, &files).unwrap_err();
    let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
    // The line is `  " live " ,  " dash " ,  " yes " ,  " yes " ,  " nope " `, in which `nope`
    // starts at column 51.
    assert_eq!(
        found,
        ["matrix/speke-v2.csv:3:51: unknown cell value `nope`; expected `yes`, `no`, or `yes + key-rotation`"]
    );
}
