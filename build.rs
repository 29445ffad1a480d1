//! Compiles the matrix CSV files into the library's tables. A thin shell: it finds and reads
//! the files, hands their bytes to `speke-matrix-build`, and writes what that returns to
//! `OUT_DIR`, or reports every problem and fails the build.
//!
//! Problems reach the person through cargo's own channels: each error is a `cargo::error=`
//! line and each warning a `cargo::warning=` line, which cargo prints as `error: ...` and
//! `warning: ...` and then fails the build. Nothing here panics, and nothing is written unless
//! the whole matrix compiled. `tests/matrix_dir.rs` includes this file to test it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::{env, fs};

use speke_matrix_build::matrix_dir::{
    check_entry, describe, is_matrix_file, unreadable_file, Entry,
};
use speke_matrix_build::{compile, portable, render, Diagnostic, SourceFile};

/// Points the build at another matrix directory, so that a team can follow AWS's rollout
/// before a new release of this crate. An absolute path; empty means unset.
const MATRIX_DIR_VAR: &str = "SPEKE_MATRIX_DIR";

fn main() {
    for directive in build(&BuildEnv::from_cargo()) {
        println!("{directive}");
    }
}

/// What the build script reads from its environment. Public, as [`build`] is, for the test
/// that includes this file as a module.
pub struct BuildEnv {
    /// This package's directory, which holds the default `matrix/`.
    pub manifest_dir: PathBuf,
    /// The value of `SPEKE_MATRIX_DIR`, if set.
    pub matrix_dir_var: Option<OsString>,
    pub out_dir: Option<PathBuf>,
}

impl BuildEnv {
    fn from_cargo() -> Self {
        BuildEnv {
            manifest_dir: env::var_os("CARGO_MANIFEST_DIR")
                .map(PathBuf::from)
                .unwrap_or_default(),
            matrix_dir_var: env::var_os(MATRIX_DIR_VAR),
            out_dir: env::var_os("OUT_DIR").map(PathBuf::from),
        }
    }
}

/// The matrix directory, and the path that diagnostics show for it.
struct MatrixDir {
    path: PathBuf,
    shown: String,
    /// Whether `SPEKE_MATRIX_DIR` chose it, which messages then say.
    from_var: bool,
}

/// Builds the tables and returns the lines for cargo, in order: what to watch, then the
/// warnings, then the errors, which fail the build.
pub fn build(env: &BuildEnv) -> Vec<String> {
    let mut directives = vec![format!("cargo::rerun-if-env-changed={MATRIX_DIR_VAR}")];
    let errors = match matrix_dir(&env.manifest_dir, env.matrix_dir_var.as_deref()) {
        Err(error) => vec![error],
        Ok(dir) => {
            // Cargo watches a whole directory, so that adding or removing a file reruns this.
            directives.push(format!("cargo::rerun-if-changed={}", dir.path.display()));
            compile_and_write(&dir, env.out_dir.as_deref(), &mut directives)
        }
    };
    if !errors.is_empty() {
        let count = errors.len();
        let errors = errors.into_iter().chain([format!(
            "the SPEKE matrix tables are not generated: {count} error{} above",
            if count == 1 { "" } else { "s" },
        )]);
        directives.extend(errors.map(|error| format!("cargo::error={}", one_line(&error))));
    }
    directives
}

/// Reads, compiles and writes; pushes a directive per warning and returns the errors.
fn compile_and_write(
    dir: &MatrixDir,
    out_dir: Option<&Path>,
    directives: &mut Vec<String>,
) -> Vec<String> {
    let files = match read_dir(dir) {
        Ok(files) => files,
        // A file that cannot be read would show up again as missing, or as a grid without its
        // version: the content is checked once every file can be read.
        Err(errors) => return errors,
    };
    let (compiled, diagnostics) = match compile(&dir.shown, &files) {
        Ok(compiled) => {
            let warnings = compiled.warnings.clone();
            (Some(compiled), warnings)
        }
        Err(diagnostics) => (None, diagnostics),
    };
    let mut errors = Vec::new();
    for diagnostic in &diagnostics {
        if diagnostic.is_error() {
            errors.push(located(diagnostic));
        } else {
            directives.push(format!("cargo::warning={}", one_line(&located(diagnostic))));
        }
    }
    let Some(compiled) = compiled else {
        return errors;
    };
    let Some(out_dir) = out_dir else {
        return vec!["OUT_DIR is not set; the build script runs under cargo, which sets it".into()];
    };
    let mut outputs = vec![
        (
            "matrix.rs".to_owned(),
            render::rust::render(&compiled.matrix, &files),
        ),
        // The library's rustdoc includes the support matrix rendered from this very matrix.
        (
            "support-matrix.md".to_owned(),
            render::markdown::document(&compiled.matrix),
        ),
        (
            "macro.rs".to_owned(),
            render::macro_rules::render(&compiled.matrix, &files),
        ),
        (
            "macro_values.rs".to_owned(),
            render::macro_rules::render_values(&compiled.matrix),
        ),
        (
            "markers.rs".to_owned(),
            render::markers::render(&compiled.matrix),
        ),
        // Read only by the library's own tests; writing it costs a user's build a few kilobytes.
        (
            "macro_cases.rs".to_owned(),
            render::macro_rules::render_cases(&compiled.matrix),
        ),
    ];
    for (name, text) in portable::SOURCES {
        outputs.push((name.to_owned(), portable_copy(name, text)));
    }
    write_all(out_dir, &outputs).err().into_iter().collect()
}

/// The matrix directory: `matrix` inside this package, or the one `SPEKE_MATRIX_DIR` names.
///
/// A relative `SPEKE_MATRIX_DIR` is refused rather than resolved. A build script runs in the
/// directory of its own package, which for a dependency is somewhere in cargo's registry, and
/// cargo tells it neither the directory cargo was started in nor the workspace root, so no
/// rule would resolve a relative path where the person setting it meant. Cargo's `[env]` table
/// with `relative = true` turns a path relative to the `.cargo/` directory into an absolute
/// one before this sees it; the message says so.
fn matrix_dir(manifest_dir: &Path, value: Option<&std::ffi::OsStr>) -> Result<MatrixDir, String> {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return Ok(MatrixDir {
            path: manifest_dir.join("matrix"),
            shown: "matrix".to_owned(),
            from_var: false,
        });
    };
    let Some(text) = value.to_str() else {
        return Err(format!(
            "{MATRIX_DIR_VAR}={} is not valid UTF-8; use a path of UTF-8 characters",
            value.to_string_lossy()
        ));
    };
    if text.contains(['\n', '\r']) {
        return Err(format!(
            "{MATRIX_DIR_VAR} holds a line break, which cargo cannot watch a path with; \
             remove it"
        ));
    }
    let path = PathBuf::from(text);
    if path.is_relative() {
        return Err(format!(
            "{MATRIX_DIR_VAR}={text} is a relative path, which a build script cannot resolve \
             against your project (it runs in the directory of the speke-matrix package); use \
             an absolute path, or set it in your project's .cargo/config.toml as `[env] \
             {MATRIX_DIR_VAR} = {{ value = \"{text}\", relative = true }}`, which cargo resolves \
             against the directory that holds .cargo/"
        ));
    }
    Ok(MatrixDir {
        path,
        shown: text.trim_end_matches(['/', '\\']).to_owned(),
        from_var: true,
    })
}

/// Reads every CSV file of the directory, sorted by name so that the output does not depend
/// on the order the file system lists them in. A file over the size limit is refused from its
/// metadata, without being read.
fn read_dir(dir: &MatrixDir) -> Result<Vec<SourceFile>, Vec<String>> {
    let whose = if dir.from_var {
        format!(" (set by {MATRIX_DIR_VAR})")
    } else {
        String::new()
    };
    let entries = fs::read_dir(&dir.path).map_err(|error| {
        vec![format!(
            "{}: cannot read the matrix directory{whose}: {}",
            dir.shown,
            describe(&error)
        )]
    })?;
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(error) => problems.push(format!(
                "{}: cannot list the matrix directory{whose}: {}",
                dir.shown,
                describe(&error)
            )),
        }
    }
    paths.sort();

    let mut files = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_matrix_file(&name) {
            continue;
        }
        let shown = format!("{}/{name}", dir.shown);
        match check_entry(&shown, fs::metadata(&path)) {
            Ok(Entry::Read) => {}
            Ok(Entry::Skip) => continue,
            Err(refused) => {
                problems.push(located(&refused));
                continue;
            }
        }
        match fs::read(&path) {
            Ok(bytes) => files.push(SourceFile::new(shown, bytes)),
            Err(error) => problems.push(located(&unreadable_file(&shown, &error))),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// A diagnostic as `path:line:column: message`, without the `warning: ` that cargo adds itself.
fn located(diagnostic: &Diagnostic) -> String {
    format!(
        "{}:{}:{}: {}",
        diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.message
    )
}

/// Cargo reads one directive per line; a line break would cut a message short.
fn one_line(message: &str) -> String {
    message.replace(['\n', '\r'], " ")
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

/// Writes each file whole or not at all: to a temporary name first, then renamed over the
/// target, and only if its content changed, so that an unchanged matrix recompiles nothing.
fn write_all(out_dir: &Path, outputs: &[(String, String)]) -> Result<(), String> {
    for (name, content) in outputs {
        let path = out_dir.join(name);
        if fs::read(&path).is_ok_and(|old| old == content.as_bytes()) {
            continue;
        }
        let temporary = out_dir.join(format!("{name}.tmp"));
        let written = fs::write(&temporary, content).and_then(|()| fs::rename(&temporary, &path));
        if let Err(error) = written {
            let _ = fs::remove_file(&temporary);
            return Err(format!(
                "{}: cannot write the generated file: {}",
                path.display(),
                describe(&error)
            ));
        }
    }
    Ok(())
}
