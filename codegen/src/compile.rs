//! From the matrix directory's files to the validated model: which file is which, the
//! vocabulary first, then each version's grid, then checks that span files.

use std::collections::BTreeMap;

use crate::diagnostic::{self, Diagnostic, Location};
use crate::grid;
use crate::model::{Cell, Grid, Matrix, TermKind};
use crate::vocabulary::{self, Vocabulary, VocabularySources};

/// One source file: the path diagnostics show for it (such as `matrix/speke-v1.csv`), and its
/// bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        SourceFile {
            path: path.into(),
            bytes: bytes.into(),
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
/// On failure, returns every error and warning found, sorted by place.
pub fn compile(dir: &str, files: &[SourceFile]) -> Result<Compiled, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut vocabulary_files: BTreeMap<TermKind, (&str, &[u8])> = BTreeMap::new();
    let mut grid_files: Vec<(&str, &SourceFile)> = Vec::new();
    for file in files {
        let name = file.name();
        if let Some(kind) = TermKind::ALL.into_iter().find(|k| k.file_name() == name) {
            vocabulary_files.insert(kind, (file.path.as_str(), file.bytes.as_slice()));
        } else if let Some(version) = name
            .strip_prefix(GRID_PREFIX)
            .and_then(|n| n.strip_suffix(GRID_SUFFIX))
        {
            grid_files.push((version, file));
        } else if name.to_ascii_lowercase().ends_with(".csv") {
            diagnostics.push(Diagnostic::error(
                &Location::new(&file.path, 1, 1),
                format!(
                    "unexpected file; a matrix holds {} and a grid `{GRID_PREFIX}<version>{GRID_SUFFIX}` per \
                     SPEKE version",
                    TermKind::ALL.map(TermKind::file_name).join(", ")
                ),
            ));
        }
    }
    for kind in TermKind::ALL {
        if !vocabulary_files.contains_key(&kind) {
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

    let vocabulary = vocabulary::read(
        &VocabularySources {
            files: vocabulary_files,
        },
        &mut diagnostics,
    );
    let grids = read_grids(dir, &grid_files, &vocabulary, &mut diagnostics);
    let matrix = assemble(vocabulary, grids);
    warn_unreferenced(&matrix, &mut diagnostics);

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

/// Reads the grid of each version, in the order of the versions file.
fn read_grids(
    dir: &str,
    grid_files: &[(&str, &SourceFile)],
    vocabulary: &Vocabulary,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Option<grid::ReadGrid>> {
    for (version, file) in grid_files {
        if !vocabulary.versions.iter().any(|v| v.term.id == *version) {
            let known: Vec<String> = vocabulary
                .versions
                .iter()
                .map(|v| format!("{GRID_PREFIX}{}{GRID_SUFFIX}", v.term.id))
                .collect();
            diagnostics.push(Diagnostic::error(
                &Location::new(&file.path, 1, 1),
                format!(
                    "grid file of unknown SPEKE version `{version}`; add `{version}` to versions.csv, or \
                     rename the file to the grid of a known version ({})",
                    known.join(", ")
                ),
            ));
        }
    }
    vocabulary
        .versions
        .iter()
        .map(|version| {
            let Some((_, file)) = grid_files.iter().find(|(id, _)| *id == version.term.id) else {
                let expected = join_path(
                    dir,
                    &format!("{GRID_PREFIX}{}{GRID_SUFFIX}", version.term.id),
                );
                diagnostics.push(Diagnostic::error(
                    &version.term.at,
                    format!(
                        "SPEKE version `{}` has no grid; expected the file {expected}",
                        version.term.id
                    ),
                ));
                return None;
            };
            grid::read(&file.path, &file.bytes, vocabulary, diagnostics)
        })
        .collect()
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
