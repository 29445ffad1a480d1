//! Property tests: whatever bytes the matrix files hold, the reader, the parser and the
//! validator answer with a value or with located diagnostics, and never panic.
//!
//! Each property runs 256 cases, so that `cargo test` stays quick; set `PROPTEST_CASES` for a
//! longer run (`PROPTEST_CASES=100000 cargo test -p speke-matrix-build --test no_panics`).
//! Failures are not saved to files: a case found here becomes a named test in this file or in
//! the bad-input corpus.

mod common;

use proptest::prelude::*;
use proptest::test_runner::Config;

use speke_matrix_build::{cell, compile, csv, ident, portable::spelling, render, SourceFile};

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(256);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Pieces that CSV files and the cell grammar are made of, and bytes that break them: text
/// built from these reaches far more of the code than uniformly random bytes.
const PIECES: &[&str] = &[
    ",",
    ",",
    ",",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "+",
    " + ",
    "|",
    " | ",
    "-",
    "_",
    ".",
    "yes",
    "no",
    "YES",
    "√",
    "✓",
    "key-rotation",
    "rotation",
    "live",
    "vod",
    "dash",
    "cmaf-hls",
    "widevine",
    "pr",
    "v1",
    "v2",
    "mode",
    "endpoint",
    "id",
    "name",
    "aliases",
    "a",
    "é",
    "\u{feff}",
    "\0",
    "\u{7f}",
    "type",
    "self",
    "2026-12-03",
    "edef8ba9-79d6-4ace-a3c8-27dcd51d21ed",
];

fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120)
        .prop_map(|pieces| pieces.concat().into_bytes())
}

fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..400)
}

fn file_content() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![csv_like(), any_bytes()]
}

/// A change to a valid file, at a place given as a fraction of its length.
#[derive(Clone, Debug)]
enum Mutation {
    Insert(f64, &'static str),
    Delete(f64, usize),
    Replace(f64, u8),
    DuplicateLine(f64),
    SwapLines(f64, f64),
    Truncate(f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        (at.clone(), prop::sample::select(PIECES)).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (at.clone(), 1..20usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (at.clone(), any::<u8>()).prop_map(|(at, b)| Mutation::Replace(at, b)),
        at.clone().prop_map(Mutation::DuplicateLine),
        (at.clone(), at.clone()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        at.prop_map(Mutation::Truncate),
    ]
}

fn index(at: f64, len: usize) -> usize {
    ((at * len as f64) as usize).min(len)
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    if bytes.is_empty() && !matches!(mutation, Mutation::Insert(..)) {
        return;
    }
    match *mutation {
        Mutation::Insert(at, piece) => {
            let i = index(at, bytes.len());
            bytes.splice(i..i, piece.bytes());
        }
        Mutation::Delete(at, n) => {
            let i = index(at, bytes.len());
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Mutation::Replace(at, byte) => {
            let i = index(at, bytes.len() - 1);
            bytes[i] = byte;
        }
        Mutation::DuplicateLine(at) => {
            let mut lines = split_lines(bytes);
            let i = index(at, lines.len() - 1);
            lines.insert(i, lines[i].clone());
            *bytes = lines.concat();
        }
        Mutation::SwapLines(a, b) => {
            let mut lines = split_lines(bytes);
            let last = lines.len() - 1;
            lines.swap(index(a, last), index(b, last));
            *bytes = lines.concat();
        }
        Mutation::Truncate(at) => {
            let i = index(at, bytes.len());
            bytes.truncate(i);
        }
    }
}

/// The lines of a file, each with its line ending.
fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// Compiles files and checks what every compilation must give: located, well-formed
/// diagnostics, and for a matrix that compiles, rendered tables, the same twice.
fn check_compilation(files: &[SourceFile]) -> Result<(), TestCaseError> {
    let first = compile(common::DIR, files);
    let diagnostics = match &first {
        Ok(compiled) => compiled.warnings.clone(),
        Err(diagnostics) => diagnostics.clone(),
    };
    for diagnostic in &diagnostics {
        let problems = common::form_problems(diagnostic);
        prop_assert!(problems.is_empty(), "{diagnostic:?}: {problems:?}");
    }
    let second = compile(common::DIR, files);
    match (&first, &second) {
        (Ok(a), Ok(b)) => {
            let rendered = render::rust::render(&a.matrix, files);
            prop_assert_eq!(&rendered, &render::rust::render(&b.matrix, files));
            prop_assert!(rendered.starts_with("// @generated"));
            let docs = render::markdown::document(&a.matrix);
            prop_assert_eq!(&docs, &render::markdown::document(&b.matrix));
            #[cfg(feature = "tools")]
            prop_assert_eq!(
                render::json::render(&a.matrix),
                render::json::render(&b.matrix)
            );
        }
        (Err(a), Err(b)) => prop_assert_eq!(a, b),
        _ => prop_assert!(false, "two compilations of one input disagree"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_reader_locates_every_field_or_its_error(bytes in file_content()) {
        match csv::read("m.csv", &bytes) {
            Ok(records) => {
                for record in &records {
                    prop_assert!(record.at.line >= 1 && record.at.column >= 1);
                    prop_assert!(!record.fields.is_empty());
                    for field in &record.fields {
                        prop_assert!(field.at.line >= record.at.line && field.at.column >= 1);
                        prop_assert_eq!(field.text.trim(), field.text.as_str());
                    }
                }
            }
            Err(error) => {
                let problems = common::form_problems(&error);
                prop_assert!(problems.is_empty(), "{error:?}: {problems:?}");
                prop_assert_eq!(error.path.as_str(), "m.csv");
            }
        }
    }

    #[test]
    fn encoding_normalization_reads_the_same(bytes in csv_like()) {
        let normal = csv::normalize_encoding(&bytes);
        prop_assert_eq!(&csv::normalize_encoding(&normal), &normal);
        let saved = csv::read("m.csv", &bytes);
        let read = csv::read("m.csv", &normal);
        match (saved, read) {
            (Ok(a), Ok(b)) => {
                let texts = |records: &[csv::Record]| -> Vec<Vec<(String, u32, u32)>> {
                    records
                        .iter()
                        .map(|r| {
                            r.fields
                                .iter()
                                .map(|f| {
                                    let text = f.text.replace("\r\n", "\n").replace('\r', "\n");
                                    (text, f.at.line, f.at.column)
                                })
                                .collect()
                        })
                        .collect()
                };
                prop_assert_eq!(texts(&a), texts(&b));
            }
            (Err(a), Err(b)) => prop_assert_eq!((a.line, a.column), (b.line, b.column)),
            (a, b) => prop_assert!(false, "saved: {a:?}, normalized: {b:?}"),
        }
    }

    #[test]
    fn any_file_in_place_of_a_valid_one_is_reported(
        replaced in prop::collection::btree_map(0..common::BASE.len(), file_content(), 1..4),
    ) {
        let mut files = common::base_files();
        for (index, bytes) in replaced {
            files[index] = SourceFile::new(files[index].path.clone(), bytes);
        }
        check_compilation(&files)?;
    }

    #[test]
    fn mutated_valid_files_are_reported(
        file in 0..common::BASE.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let mut files = common::base_files();
        let mut bytes = files[file].bytes.clone();
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        files[file] = SourceFile::new(files[file].path.clone(), bytes);
        check_compilation(&files)?;
    }

    #[test]
    fn any_set_of_file_names_is_reported(
        names in prop::collection::vec(
            prop_oneof![
                prop::sample::select(common::BASE.map(|(name, _)| name).to_vec())
                    .prop_map(str::to_owned),
                "speke-[a-zA-Z0-9 ._é-]{0,8}\\.csv",
                "[a-z_.-]{0,12}\\.(csv|CSV|md)",
            ],
            0..10,
        ),
        contents in prop::collection::vec(file_content(), 10),
    ) {
        let base: std::collections::BTreeMap<&str, &str> = common::BASE.into_iter().collect();
        let files: Vec<SourceFile> = names
            .iter()
            .zip(contents)
            .map(|(name, bytes)| {
                // A base name keeps its valid text, so that the grids get far enough to be
                // checked against a real vocabulary.
                let bytes = base.get(name.as_str()).map_or(bytes, |text| text.as_bytes().to_vec());
                SourceFile::new(common::path(name), bytes)
            })
            .collect();
        check_compilation(&files)?;
    }

    #[test]
    fn the_cell_grammar_gives_offsets_inside_the_cell(text in "[ -~√✓é]{0,40}") {
        let text = text.trim();
        let chars: Vec<char> = text.chars().collect();
        match cell::parse(text, Some("key-rotation")) {
            Ok(cell::CellText::Yes(qualifiers)) => {
                for (word, offset) in qualifiers {
                    let at: String = chars[offset..].iter().take(word.chars().count()).collect();
                    prop_assert_eq!(at.as_str(), word);
                }
            }
            Ok(cell::CellText::No) => {}
            Err((offset, message)) => {
                prop_assert!(offset <= chars.len());
                prop_assert!(!message.contains('\n'));
            }
        }
    }

    #[test]
    fn a_valid_id_becomes_a_rust_name(id in "[a-z0-9_ -]{0,16}") {
        let camel = ident::camel_case(&id);
        let snake = ident::snake_case(&id);
        let suggested = ident::suggested_id(&id);
        if ident::check(&id).is_ok() {
            prop_assert!(camel.starts_with(|c: char| c.is_ascii_uppercase()));
            prop_assert!(camel.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
            prop_assert!(snake.starts_with(|c: char| c.is_ascii_lowercase()));
            prop_assert!(snake.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        }
        prop_assert!(suggested.is_empty() || !suggested.starts_with('-'));
    }

    #[test]
    fn words_are_quoted_on_one_line(word in any::<String>(), other in any::<String>()) {
        let quoted = spelling::quoted(&word);
        prop_assert!(!quoted.contains(['\n', '\r']));
        prop_assert!(quoted.chars().count() <= 48 * 10 + 40);
        let normal = spelling::normalize(&word);
        prop_assert_eq!(spelling::normalize(&normal), normal.clone());
        let candidates = [(word.as_str(), "first"), (other.as_str(), "second")];
        if !normal.is_empty() && spelling::normalize(&other) != normal {
            prop_assert_eq!(spelling::closest(&word, candidates), Some("first"));
        }
    }
}
