//! Compiles the matrix CSV files into the library's tables. A thin shell: it finds and reads
//! the files, hands their text to `speke-matrix-build`, and writes what that returns to
//! `OUT_DIR`, or reports every diagnostic and fails the build.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

use speke_matrix_build::{compile, portable, render, Diagnostic, Location, SourceFile};

/// Points the build at another matrix directory, so that a team can follow AWS's rollout
/// before a new release of this crate.
const MATRIX_DIR_VAR: &str = "SPEKE_MATRIX_DIR";

fn main() {
    println!("cargo::rerun-if-env-changed={MATRIX_DIR_VAR}");
    if let Err(diagnostics) = run() {
        for diagnostic in &diagnostics {
            eprintln!("{diagnostic}");
        }
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        eprintln!("error: the SPEKE matrix has {errors} error(s); the build stops here");
        process::exit(1);
    }
}

fn run() -> Result<(), Vec<Diagnostic>> {
    let (dir, shown) = matrix_dir()?;
    println!("cargo::rerun-if-changed={}", dir.display());
    let files = read_dir(&dir, &shown)?;
    let compiled = compile(&shown, &files)?;
    for warning in &compiled.warnings {
        println!("cargo::warning={warning}");
    }
    let out_dir =
        PathBuf::from(env::var_os("OUT_DIR").ok_or_else(|| vec![env_error("OUT_DIR is not set")])?);
    write(
        &out_dir.join("matrix.rs"),
        &render::rust::render(&compiled.matrix, &files),
    )?;
    write(
        &out_dir.join("support-matrix.md"),
        &render::markdown::document(&compiled.matrix),
    )?;
    write(
        &out_dir.join("macro.rs"),
        &render::macro_rules::render(&compiled.matrix, &files),
    )?;
    write(
        &out_dir.join("macro_values.rs"),
        &render::macro_rules::render_values(&compiled.matrix),
    )?;
    write(
        &out_dir.join("markers.rs"),
        &render::markers::render(&compiled.matrix),
    )?;
    // Read only by the library's own tests; writing it costs a user's build a few kilobytes.
    write(
        &out_dir.join("macro_cases.rs"),
        &render::macro_rules::render_cases(&compiled.matrix),
    )?;
    for (name, text) in portable::SOURCES {
        write(&out_dir.join(name), &portable_copy(name, text))?;
    }
    Ok(())
}

/// The matrix directory, and the path diagnostics show for it: `matrix` inside this package,
/// or the directory that `SPEKE_MATRIX_DIR` names.
fn matrix_dir() -> Result<(PathBuf, String), Vec<Diagnostic>> {
    let manifest_dir = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    match env::var_os(MATRIX_DIR_VAR) {
        Some(value) if !value.is_empty() => {
            let given = PathBuf::from(&value);
            let shown = given.display().to_string();
            if given.is_relative() {
                return Err(vec![env_error(&format!(
                    "{MATRIX_DIR_VAR}={shown} is a relative path, which a build script cannot resolve \
                     against your project; use an absolute path, or set it in .cargo/config.toml as \
                     `[env] {MATRIX_DIR_VAR} = {{ value = \"{shown}\", relative = true }}`"
                ))]);
            }
            Ok((given, shown))
        }
        _ => Ok((manifest_dir.join("matrix"), "matrix".to_owned())),
    }
}

/// Reads every file of the directory, sorted by name so that the output does not depend on
/// the order the file system lists them in.
fn read_dir(dir: &Path, shown: &str) -> Result<Vec<SourceFile>, Vec<Diagnostic>> {
    let entries = fs::read_dir(dir).map_err(|error| {
        vec![env_error(&format!(
            "cannot read the matrix directory {shown}: {error}"
        ))]
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let shown_path = format!("{}/{name}", shown.trim_end_matches(['/', '\\']));
        if !name.to_ascii_lowercase().ends_with(".csv") {
            continue;
        }
        let at = Location::new(&shown_path, 1, 1);
        match fs::metadata(&path) {
            Ok(meta) if meta.len() > speke_matrix_build::csv::MAX_FILE_BYTES => {
                problems.push(speke_matrix_build::csv::too_large(&shown_path, meta.len()));
            }
            Ok(_) => match fs::read(&path) {
                Ok(bytes) => files.push(SourceFile::new(shown_path, bytes)),
                Err(error) => {
                    problems.push(Diagnostic::error(&at, format!("cannot read file: {error}")))
                }
            },
            Err(error) => {
                problems.push(Diagnostic::error(&at, format!("cannot read file: {error}")))
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// A diagnostic about the build environment rather than a place in a file.
fn env_error(message: &str) -> Diagnostic {
    Diagnostic::error(&Location::new("build.rs", 1, 1), message)
}

/// A portable module file as the library includes it: `include!` takes items only, so the
/// file's `//!` lines become plain comments under a header that says where it came from.
fn portable_copy(name: &str, text: &str) -> String {
    let mut copy = render::generated_header(
        "//",
        &format!("cargo build (copied from speke-matrix-build's src/portable/{name})"),
    );
    for line in text.lines() {
        match line.strip_prefix("//!") {
            Some(rest) => copy.push_str(&format!("//{rest}")),
            None => copy.push_str(line),
        }
        copy.push('\n');
    }
    copy
}

/// Writes a file whole or not at all: to a temporary name first, then renamed over the target,
/// and only if its content changed, so that an unchanged matrix does not recompile anything.
fn write(path: &Path, content: &str) -> Result<(), Vec<Diagnostic>> {
    if fs::read(path).is_ok_and(|old| old == content.as_bytes()) {
        return Ok(());
    }
    let temporary = path.with_extension("tmp");
    fs::write(&temporary, content)
        .and_then(|()| fs::rename(&temporary, path))
        .map_err(|error| {
            vec![env_error(&format!(
                "cannot write {}: {error}",
                path.display()
            ))]
        })
}
