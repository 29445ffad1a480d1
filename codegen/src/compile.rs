//! From the matrix directory's files to the validated model: which file is which, the
//! vocabulary first, then each version's grid, then checks that span files.

use std::collections::BTreeMap;

use crate::diagnostic::{self, Diagnostic, Location};
use crate::grid;
use crate::ident;
use crate::model::{Cell, Grid, Matrix, TermKind};
use crate::portable::spelling;
use crate::vocabulary::{self, Vocabulary, VocabularySources};

/// One source file: the path diagnostics show for it (such as `matrix/speke-v1.csv`), and its
/// bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl SourceFile {
    /// A source file from its bytes as saved. The bytes are kept as they are, so that a tool
    /// that rewrites the file (the importer) can keep its line endings; everything compiled
    /// or rendered from it reads [`SourceFile::normalized`] instead.
    pub fn new(path: impl Into<String>, bytes: impl AsRef<[u8]>) -> Self {
        SourceFile {
            path: path.into(),
            bytes: bytes.as_ref().to_vec(),
        }
    }

    /// The file with what a spreadsheet adds unseen (a byte-order mark, CRLF line endings, no
    /// final newline) normalized away by
    /// [`csv::normalize_encoding`](crate::csv::normalize_encoding), so that everything made
    /// from it, the text the tables embed included, is the same whichever way it was saved.
    pub fn normalized(&self) -> SourceFile {
        SourceFile {
            path: self.path.clone(),
            bytes: crate::csv::normalize_encoding(&self.bytes),
        }
    }

    /// The file's name, the last part of its path.
    pub fn name(&self) -> &str {
        self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path)
    }
}

/// A validated matrix, and the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Compiled {
    pub matrix: Matrix,
    pub warnings: Vec<Diagnostic>,
}

/// The prefix and suffix of a grid file's name: `speke-v1.csv` is the grid of version `v1`.
pub const GRID_PREFIX: &str = "speke-";
pub const GRID_SUFFIX: &str = ".csv";

/// Compiles the files of a matrix directory. `dir` is the directory as diagnostics show it,
/// used to name files that are missing. Files that are not CSV (a README) are ignored.
///
/// Which file is which goes by name: the five vocabulary files, and a grid
/// `speke-<version>.csv` for each SPEKE version that versions.csv defines, named after the
/// version's id. A grid without its version, a version without its grid, and any other CSV
/// file are errors.
///
/// On failure, returns every error found, sorted by place. Warnings (vocabulary that no grid
/// uses) are given only for a matrix without errors: while a file is wrong, what the grids
/// use is not known.
pub fn compile(dir: &str, files: &[SourceFile]) -> Result<Compiled, Vec<Diagnostic>> {
    let files: Vec<SourceFile> = files.iter().map(SourceFile::normalized).collect();
    let mut diagnostics = Vec::new();
    let mut vocabulary_files: BTreeMap<TermKind, (&str, &[u8])> = BTreeMap::new();
    let mut grid_files: Vec<(&str, &SourceFile)> = Vec::new();
    let mut other_files: Vec<&SourceFile> = Vec::new();
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for file in &files {
        let name = file.name();
        if let Some(first) = names.insert(name, &file.path) {
            diagnostics.push(Diagnostic::error(
                &Location::new(&file.path, 1, 1),
                format!("a second file named {name} (the first is {first}); keep one"),
            ));
            continue;
        }
        if let Some(kind) = TermKind::ALL.into_iter().find(|k| k.file_name() == name) {
            vocabulary_files.insert(kind, (file.path.as_str(), file.bytes.as_slice()));
        } else if let Some(version) = name
            .strip_prefix(GRID_PREFIX)
            .and_then(|n| n.strip_suffix(GRID_SUFFIX))
        {
            grid_files.push((version, file));
        } else if name.to_ascii_lowercase().ends_with(".csv") {
            other_files.push(file);
        }
    }

    let vocabulary = vocabulary::read(
        &VocabularySources {
            files: vocabulary_files.clone(),
        },
        &mut diagnostics,
    );
    let suggested = report_unexpected(&other_files, &vocabulary, &mut diagnostics);
    for kind in TermKind::ALL {
        if !vocabulary_files.contains_key(&kind) && !suggested.contains(&kind.file_name()) {
            let path = join_path(dir, kind.file_name());
            diagnostics.push(Diagnostic::error(
                &Location::new(&path, 1, 1),
                format!(
                    "missing file; the matrix needs {} to define each {}",
                    kind.file_name(),
                    kind.what()
                ),
            ));
        }
    }
    let grids = read_grids(dir, &grid_files, &vocabulary, &mut diagnostics);
    let matrix = assemble(vocabulary, grids);
    if !diagnostics.iter().any(Diagnostic::is_error) {
        warn_unreferenced(&matrix, &mut diagnostics);
    }

    diagnostic::sort(&mut diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    Ok(Compiled {
        matrix,
        warnings: diagnostics,
    })
}

fn join_path(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{}/{name}", dir.trim_end_matches(['/', '\\']))
    }
}

/// The grid file name of a version id.
fn grid_name(id: &str) -> String {
    format!("{GRID_PREFIX}{id}{GRID_SUFFIX}")
}

/// Reports CSV files that are neither vocabulary nor grid, each with the nearest expected name.
/// Returns the names suggested, so that a file reported as misnamed is not reported missing too.
fn report_unexpected(
    files: &[&SourceFile],
    vocabulary: &Vocabulary,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<&'static str> {
    let mut suggested = Vec::new();
    let grid_names: Vec<String> = vocabulary
        .versions
        .iter()
        .map(|v| grid_name(&v.term.id))
        .collect();
    for file in files {
        let candidates = TermKind::ALL
            .map(TermKind::file_name)
            .into_iter()
            .chain(grid_names.iter().map(String::as_str))
            .map(|name| (name, name));
        let suggestion = spelling::closest(file.name(), candidates);
        let hint = suggestion.map_or(String::new(), |name| format!(" (did you mean {name}?)"));
        if let Some(kind) = TermKind::ALL
            .into_iter()
            .find(|k| Some(k.file_name()) == suggestion)
        {
            suggested.push(kind.file_name());
        }
        diagnostics.push(Diagnostic::error(
            &Location::new(&file.path, 1, 1),
            format!(
                "unexpected file {}{hint}; a matrix holds the files {}, and a grid \
                 {GRID_PREFIX}<version id>{GRID_SUFFIX} per SPEKE version",
                file.name(),
                TermKind::ALL.map(TermKind::file_name).join(", "),
            ),
        ));
    }
    suggested
}

/// Reads the grid of each version, in the order of the versions file. Grid files of no known
/// version are reported, and still read so that their own errors show in the same build.
fn read_grids(
    dir: &str,
    grid_files: &[(&str, &SourceFile)],
    vocabulary: &Vocabulary,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Option<grid::ReadGrid>> {
    let mut misnamed: Vec<usize> = Vec::new();
    for (version, file) in grid_files {
        if vocabulary.versions.iter().any(|v| v.term.id == *version) {
            continue;
        }
        // With versions.csv itself wrong, no version is known: that error is enough.
        if !vocabulary.unusable.contains(&TermKind::Version) {
            let message = unknown_grid_message(version, vocabulary, &mut misnamed);
            diagnostics.push(Diagnostic::error(&Location::new(&file.path, 1, 1), message));
        }
        grid::read(&file.path, &file.bytes, vocabulary, diagnostics);
    }
    vocabulary
        .versions
        .iter()
        .enumerate()
        .map(|(index, version)| {
            let Some((_, file)) = grid_files.iter().find(|(id, _)| *id == version.term.id) else {
                if !misnamed.contains(&index) {
                    let expected = join_path(dir, &grid_name(&version.term.id));
                    diagnostics.push(Diagnostic::error(
                        &version.term.at,
                        format!(
                            "SPEKE version `{}` has no grid; expected the file {expected}",
                            version.term.id
                        ),
                    ));
                }
                return None;
            };
            grid::read(&file.path, &file.bytes, vocabulary, diagnostics)
        })
        .collect()
}

/// The message for a grid file `speke-<version>.csv` whose version versions.csv does not
/// define. A file named after a version's alias or display name, or a near miss of its id, is
/// told the name to use; `misnamed` collects those versions, whose missing grid is then not
/// reported a second time.
fn unknown_grid_message(
    version: &str,
    vocabulary: &Vocabulary,
    misnamed: &mut Vec<usize>,
) -> String {
    let known: Vec<String> = vocabulary
        .versions
        .iter()
        .map(|v| grid_name(&v.term.id))
        .collect();
    let name = grid_name(version);
    if let Ok(index) = vocabulary.find(TermKind::Version, version) {
        misnamed.push(index);
        let id = &vocabulary.versions[index].term.id;
        return format!(
            "grid file {name} is named after {}, which names SPEKE version `{id}`; a grid file \
             is named after the version's id: rename it to {}",
            spelling::quoted(version),
            grid_name(id)
        );
    }
    let candidates = vocabulary
        .versions
        .iter()
        .map(|v| (v.term.id.as_str(), v.term.id.as_str()));
    let suggestion = spelling::closest(version, candidates);
    let hint = match suggestion {
        Some(id) => {
            if let Some(index) = vocabulary.versions.iter().position(|v| v.term.id == id) {
                misnamed.push(index);
            }
            format!(" (did you mean {}?)", grid_name(id))
        }
        None => String::new(),
    };
    let expected = if known.is_empty() {
        "versions.csv defines no version".to_owned()
    } else {
        format!("expected one of {}{hint}", known.join(", "))
    };
    let add = if ident::check(version).is_ok() {
        format!(", or add `{version}` to versions.csv")
    } else {
        String::new()
    };
    format!(
        "grid file {name} of unknown SPEKE version {}; {expected}{add}",
        spelling::quoted(version)
    )
}

/// Lays the grids out as the dense table of cells.
fn assemble(vocabulary: Vocabulary, grids: Vec<Option<grid::ReadGrid>>) -> Matrix {
    let size = vocabulary.versions.len()
        * vocabulary.modes.len()
        * vocabulary.endpoints.len()
        * vocabulary.drm_systems.len();
    let mut matrix = Matrix {
        versions: vocabulary.versions,
        modes: vocabulary.modes,
        endpoints: vocabulary.endpoints,
        drm_systems: vocabulary.drm_systems,
        qualifiers: vocabulary.qualifiers,
        grids: Vec::with_capacity(grids.len()),
        cells: vec![Cell::NotInGrid; size],
        spellings: vocabulary.spellings,
    };
    for (version, read) in grids.into_iter().enumerate() {
        let Some(read) = read else {
            matrix.grids.push(Grid {
                path: String::new(),
                columns: Vec::new(),
                rows: Vec::new(),
            });
            continue;
        };
        for ((mode, endpoint, drm), cell) in read.cells {
            let index = matrix.cell_index(version, mode, endpoint, drm);
            matrix.cells[index] = cell;
        }
        matrix.grids.push(read.grid);
    }
    matrix
}

/// Warns about vocabulary entries that no grid uses: usually a typo or a half-done edit, but
/// harmless to the build.
fn warn_unreferenced(matrix: &Matrix, diagnostics: &mut Vec<Diagnostic>) {
    // Marked from each grid's rows and columns, rather than searching every grid for every
    // term, which would grow with the square of the terms.
    let mut used_modes = vec![false; matrix.modes.len()];
    let mut used_endpoints = vec![false; matrix.endpoints.len()];
    let mut used_drms = vec![false; matrix.drm_systems.len()];
    for grid in &matrix.grids {
        for &(mode, endpoint) in &grid.rows {
            used_modes[mode] = true;
            used_endpoints[endpoint] = true;
        }
        for &drm in &grid.columns {
            used_drms[drm] = true;
        }
    }
    let offered = matrix.cells.iter().fold(0u64, |all, cell| match cell {
        Cell::Supported(set) => all | set,
        Cell::NotInGrid | Cell::Unsupported => all,
    });
    let mut warn = |term: &crate::model::Term, kind: TermKind, used: bool| {
        if !used {
            diagnostics.push(Diagnostic::warning(
                &term.at,
                format!("{} `{}` is used by no grid", kind.what(), term.id),
            ));
        }
    };
    for (term, used) in matrix.modes.iter().zip(used_modes) {
        warn(term, TermKind::Mode, used);
    }
    for (term, used) in matrix.endpoints.iter().zip(used_endpoints) {
        warn(term, TermKind::Endpoint, used);
    }
    for (drm, used) in matrix.drm_systems.iter().zip(used_drms) {
        warn(&drm.term, TermKind::DrmSystem, used);
    }
    for (i, qualifier) in matrix.qualifiers.iter().enumerate() {
        warn(
            &qualifier.term,
            TermKind::Qualifier,
            i < 64 && offered & (1 << i) != 0,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two files of one name cannot come from one directory, but can from a caller of this
    /// function: the second is reported, and the first is the one compiled.
    #[test]
    fn a_second_file_of_one_name_is_reported() {
        let modes = "id,name,aliases\nlive,Live,\n";
        let files = [
            SourceFile::new("a/modes.csv", modes),
            SourceFile::new("b/modes.csv", modes),
        ];
        let errors = compile("a", &files).unwrap_err();
        let second = errors
            .iter()
            .find(|d| d.path == "b/modes.csv")
            .expect("the second file is reported");
        assert_eq!(
            second.message,
            "a second file named modes.csv (the first is a/modes.csv); keep one"
        );
        assert!(!errors.iter().any(|d| d.path == "a/modes.csv"));
    }
}
