//! `speke-matrix import`: a saved copy of AWS's "Choosing the right SPEKE version" page into a
//! complete matrix directory, written whole or not at all, and the cell-level changes from the
//! matrix it replaces.

use std::fs;
use std::path::{Path, PathBuf};

use speke_matrix_build::import::page::MAX_PAGE_BYTES;
use speke_matrix_build::import::{self, AsOf, Imported, Request};
use speke_matrix_build::{diff, SourceFile, TermKind};

use crate::args::{DiffFormat, ImportTarget};
use crate::matrix_source::{self, count, shown_dir};
use crate::output::Output;

pub fn run(
    page_path: &Path,
    matrix_dir: Option<&Path>,
    target: &ImportTarget,
    as_of: Option<&str>,
    format: DiffFormat,
) -> Output {
    let mut output = Output::new();
    let as_of = match as_of.map(AsOf::parse).transpose() {
        Ok(as_of) => as_of,
        Err(message) => {
            output.error(format!("--as-of: {message}"));
            return output;
        }
    };
    let (base_dir, out_dir) = match target {
        ImportTarget::New(dir) => (matrix_dir, dir.as_path()),
        ImportTarget::InPlace(dir) => (Some(dir.as_path()), dir.as_path()),
    };
    // A new directory is checked first, so that a mistyped `--out` costs no work.
    if let ImportTarget::New(dir) = target {
        if let Err(message) = check_new(dir) {
            output.error(message);
            return output;
        }
    }
    let Some(base) = matrix_source::load_sources(base_dir, &mut output) else {
        return output;
    };
    let page = match read_page(page_path) {
        Ok(page) => page,
        Err(message) => {
            output.error(message);
            return output;
        }
    };
    let out_shown = shown_dir(out_dir);
    let imported = import::import(&Request {
        page: &page,
        matrix: &base.matrix,
        files: &base.files,
        out_dir: &out_shown,
        as_of,
    });
    let imported = match imported {
        Ok(imported) => imported,
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                output.stderr.push_str(&format!("{diagnostic}\n"));
            }
            output.error(format!(
                "the page has {}; nothing was written",
                matrix_source::summary(&diagnostics)
            ));
            return output;
        }
    };

    let written = match target {
        ImportTarget::New(dir) => write_new(dir, &imported.files).map(|()| true),
        ImportTarget::InPlace(dir) => replace(dir, &imported.files),
    };
    let written = match written {
        Ok(written) => written,
        Err(message) => {
            output.error(message);
            return output;
        }
    };
    for warning in &imported.warnings {
        output.stderr.push_str(&format!("{warning}\n"));
    }
    let before_label = match base_dir {
        Some(dir) => shown_dir(dir),
        None => "the built-in matrix".to_owned(),
    };
    let changes = diff::matrices(&base.matrix, &imported.matrix, &before_label, &out_shown);
    output.stdout = match format {
        DiffFormat::Markdown => diff::to_markdown(&changes),
        DiffFormat::Json => diff::to_json(&changes),
    };
    output
        .stderr
        .push_str(&summary(&imported, &page.path, &out_shown, as_of, written));
    output
}

/// "imported SPEKE v1 and SPEKE v2 from page.md into matrix-imported, as of 2027-01-15 (1
/// warning)".
fn summary(
    imported: &Imported,
    page: &str,
    out: &str,
    as_of: Option<AsOf<'_>>,
    written: bool,
) -> String {
    let names: Vec<&str> = imported
        .versions
        .iter()
        .filter_map(|id| imported.matrix.find(TermKind::Version, id).ok())
        .map(|v| imported.matrix.versions[v].term.name.as_str())
        .collect();
    let versions = speke_matrix_build::portable::spelling::join(&names);
    let dated = as_of.map_or(String::new(), |date| format!(", as of {}", date.as_str()));
    let warnings = count(imported.warnings.len(), "warning");
    if written {
        format!("imported {versions} from {page} into {out}{dated} ({warnings})\n")
    } else {
        format!(
            "imported {versions} from {page}{dated}: {out} is already up to date ({warnings})\n"
        )
    }
}

/// Reads the page, refusing a file too large to be the page before reading it.
fn read_page(path: &Path) -> Result<SourceFile, String> {
    let shown = path.display().to_string();
    let cannot = |error: std::io::Error| format!("cannot read the page `{shown}`: {error}");
    let size = fs::metadata(path).map_err(cannot)?.len();
    if size > MAX_PAGE_BYTES as u64 {
        return Err(format!(
            "`{shown}` is {size} bytes, over the limit of {MAX_PAGE_BYTES} bytes for a saved \
             page; is this the right file?"
        ));
    }
    let bytes = fs::read(path).map_err(cannot)?;
    Ok(SourceFile::new(shown, bytes))
}

/// Checks that a new directory can be made: it does not exist, or is empty.
fn check_new(dir: &Path) -> Result<(), String> {
    let entries = match fs::read_dir(dir) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(_) if dir.exists() => {
            return Err(format!(
                "`{}` already exists and is not a directory; choose a new directory with --out",
                dir.display()
            ))
        }
        Err(error) => return Err(format!("cannot use `{}`: {error}", dir.display())),
        Ok(entries) => entries,
    };
    if entries.count() == 0 {
        return Ok(());
    }
    Err(format!(
        "`{}` already exists and is not empty; choose a new directory with --out, or update a \
         matrix directory with --in-place {}",
        dir.display(),
        dir.display()
    ))
}

/// Writes a new directory: every file into a temporary directory beside it, which is then
/// renamed to the directory, so that the directory never exists half-written.
fn write_new(dir: &Path, files: &[SourceFile]) -> Result<(), String> {
    check_new(dir)?;
    let staged = stage(dir, files, &[])?;
    if dir.exists() {
        // An empty directory is in the way of the rename on some systems.
        fs::remove_dir(dir).map_err(|error| {
            let _ = fs::remove_dir_all(&staged);
            format!("cannot replace the empty `{}`: {error}", dir.display())
        })?;
    }
    fs::rename(&staged, dir).map_err(|error| {
        let _ = fs::remove_dir_all(&staged);
        format!("cannot write `{}`: {error}", dir.display())
    })
}

/// Replaces a matrix directory: the new directory is staged beside it, with the directory's
/// other files (a README) copied in, then swapped in by two renames; the old one is restored if
/// the second rename fails. Returns whether anything changed; an unchanged directory is left
/// alone.
fn replace(dir: &Path, files: &[SourceFile]) -> Result<bool, String> {
    let unchanged = files
        .iter()
        .all(|file| fs::read(dir.join(file.name())).is_ok_and(|old| old == file.bytes));
    if unchanged {
        return Ok(false);
    }
    let others = other_files(dir, files)?;
    let staged = stage(dir, files, &others)?;
    let aside = sibling(dir, "replaced")?;
    if let Err(error) = fs::rename(dir, &aside) {
        let _ = fs::remove_dir_all(&staged);
        return Err(format!("cannot replace `{}`: {error}", dir.display()));
    }
    if let Err(error) = fs::rename(&staged, dir) {
        let restored = fs::rename(&aside, dir);
        let _ = fs::remove_dir_all(&staged);
        let restored = match restored {
            Ok(()) => "it is unchanged".to_owned(),
            Err(_) => format!("the old directory is at `{}`", aside.display()),
        };
        return Err(format!(
            "cannot replace `{}`: {error}; {restored}",
            dir.display()
        ));
    }
    // The old directory is only a leftover now; failing to remove it loses nothing.
    let _ = fs::remove_dir_all(&aside);
    Ok(true)
}

/// The files of a directory that the import does not write, to keep them. A subdirectory is
/// refused: replacing the directory would need to copy a tree, which a matrix directory does
/// not hold.
fn other_files(dir: &Path, files: &[SourceFile]) -> Result<Vec<PathBuf>, String> {
    let entries =
        fs::read_dir(dir).map_err(|error| format!("cannot read `{}`: {error}", dir.display()))?;
    let mut others = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| format!("cannot read `{}`: {error}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if files.iter().any(|f| f.name() == name) {
            continue;
        }
        let path = entry.path();
        if !path.is_file() {
            return Err(format!(
                "`{}` is not a plain file; an in-place import replaces the whole of `{}` and \
                 copies only files; move it elsewhere or import with --out",
                path.display(),
                dir.display()
            ));
        }
        others.push(path);
    }
    others.sort();
    Ok(others)
}

/// Writes the files, and copies `others`, into a new temporary directory beside `dir`.
fn stage(dir: &Path, files: &[SourceFile], others: &[PathBuf]) -> Result<PathBuf, String> {
    let staged = sibling(dir, "import")?;
    let _ = fs::remove_dir_all(&staged);
    let result = fs::create_dir_all(&staged)
        .map_err(|error| (staged.clone(), error))
        .and_then(|()| {
            for file in files {
                let path = staged.join(file.name());
                fs::write(&path, &file.bytes).map_err(|error| (path, error))?;
            }
            for other in others {
                let path = staged.join(other.file_name().unwrap_or_default());
                fs::copy(other, &path).map_err(|error| (path, error))?;
            }
            Ok(())
        });
    result.map(|()| staged.clone()).map_err(|(path, error)| {
        let _ = fs::remove_dir_all(&staged);
        format!("cannot write `{}`: {error}", path.display())
    })
}

/// A hidden temporary path beside `dir`, unique to this process.
fn sibling(dir: &Path, purpose: &str) -> Result<PathBuf, String> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            format!(
                "`{}` does not name the directory, which is written beside it and renamed; \
                 name it from its parent, as `--in-place ../matrix`",
                dir.display()
            )
        })?;
    let parent = dir.parent().unwrap_or(Path::new(""));
    Ok(parent.join(format!(".{name}.{purpose}-{}.tmp", std::process::id())))
}
