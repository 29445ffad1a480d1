//! Where a command's matrix comes from: the one the library was built with (its embedded
//! sources, compiled here again so that explanations come from the same code as the macro's),
//! or a matrix directory, read as the library's build script reads it.

use std::fs;
use std::path::Path;

use speke_matrix_build::matrix_dir::{
    check_entry, describe, is_matrix_file, unreadable_file, Entry,
};
use speke_matrix_build::{compile, Diagnostic, Matrix, SourceFile};

use crate::output::Output;

/// The directory the built-in matrix's diagnostics name, as the build names it.
const BUILT_IN_DIR: &str = "matrix";

/// The matrix to use: the directory's if one is given, the built-in one otherwise. On failure,
/// the diagnostics are added to `output`, which is marked refused, and `None` is returned.
/// Warnings of a directory's matrix are added to `output` too; the built-in matrix's were
/// shown when the library was built.
pub fn load(dir: Option<&Path>, output: &mut Output) -> Option<Matrix> {
    load_sources(dir, output).map(|loaded| loaded.matrix)
}

/// A matrix and the files it was compiled from.
pub struct Loaded {
    pub files: Vec<SourceFile>,
    pub matrix: Matrix,
}

/// As [`load`], keeping the files, for a command that writes a changed copy of them.
pub fn load_sources(dir: Option<&Path>, output: &mut Output) -> Option<Loaded> {
    let (files, shown) = match dir {
        None => (built_in_files(), BUILT_IN_DIR.to_owned()),
        Some(dir) => {
            let shown = shown_dir(dir);
            match read_dir(dir, &shown) {
                Ok(files) => (files, shown),
                Err(problem) => {
                    report(problem, output);
                    return None;
                }
            }
        }
    };
    match compile(&shown, &files) {
        Ok(compiled) => {
            if dir.is_some() {
                for warning in &compiled.warnings {
                    output.stderr.push_str(&format!("{warning}\n"));
                }
            }
            Some(Loaded {
                files,
                matrix: compiled.matrix,
            })
        }
        Err(diagnostics) => {
            report(ReadProblem::Invalid(diagnostics), output);
            None
        }
    }
}

/// Why a matrix directory could not be read.
#[derive(Clone, Debug)]
pub enum ReadProblem {
    /// The directory itself cannot be listed.
    Directory(String),
    /// Files of it cannot be read, or the matrix is invalid.
    Invalid(Vec<Diagnostic>),
}

/// Adds a problem to the output as text diagnostics and a closing count.
pub fn report(problem: ReadProblem, output: &mut Output) {
    match problem {
        ReadProblem::Directory(message) => output.error(message),
        ReadProblem::Invalid(diagnostics) => {
            for diagnostic in &diagnostics {
                output.stderr.push_str(&format!("{diagnostic}\n"));
            }
            output.error(format!("the matrix has {}", summary(&diagnostics)));
        }
    }
}

/// "2 errors and 1 warning".
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    format!(
        "{} and {}",
        count(errors, "error"),
        count(warnings, "warning")
    )
}

/// "1 warning", "2 warnings", "0 warnings".
pub fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The built-in matrix's files, named as the build named them.
fn built_in_files() -> Vec<SourceFile> {
    speke_matrix::matrix_sources()
        .iter()
        .map(|(name, text)| SourceFile::new(format!("{BUILT_IN_DIR}/{name}"), *text))
        .collect()
}

/// A directory as diagnostics show it: as given, without a trailing separator.
pub fn shown_dir(dir: &Path) -> String {
    let shown = dir.display().to_string();
    let trimmed = shown.trim_end_matches(['/', '\\']);
    if trimmed.is_empty() {
        shown
    } else {
        trimmed.to_owned()
    }
}

/// Reads the CSV files of a matrix directory, sorted by name so that diagnostics come in the
/// same order on every file system. Other files (a README) are skipped, and each file is
/// checked before it is read with the codegen helpers the library's build script uses, so
/// that a pipe, a broken link or a file over the size limit gets the build's message.
///
/// An entry that the directory listing itself fails on is skipped, where the build script
/// reports it: the listing error names no file, and a command reports file problems by file.
pub fn read_dir(dir: &Path, shown: &str) -> Result<Vec<SourceFile>, ReadProblem> {
    let entries = fs::read_dir(dir).map_err(|error| {
        ReadProblem::Directory(format!(
            "cannot read the matrix directory `{shown}`: {}",
            describe(&error)
        ))
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_matrix_file(&name) {
            continue;
        }
        let shown_path = format!("{}/{name}", shown.trim_end_matches(['/', '\\']));
        match check_entry(&shown_path, fs::metadata(&path)) {
            Ok(Entry::Read) => {}
            Ok(Entry::Skip) => continue,
            Err(refused) => {
                problems.push(refused);
                continue;
            }
        }
        match fs::read(&path) {
            Ok(bytes) => files.push(SourceFile::new(shown_path, bytes)),
            Err(error) => problems.push(unreadable_file(&shown_path, &error)),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(ReadProblem::Invalid(problems))
    }
}
