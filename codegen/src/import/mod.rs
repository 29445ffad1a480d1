//! Importing AWS's published support tables: a saved copy of the "Choosing the right SPEKE
//! version" page (Markdown or HTML) in, the files of a matrix directory out, so that a change
//! of AWS's rollout becomes a reviewed diff rather than a transcription.
//!
//! The page gives, per SPEKE version, a table of endpoint types by DRM system. Each becomes that
//! version's grid file, written in one canonical form (`grid_csv.rs`). Names the vocabulary
//! lacks become new vocabulary rows with a warning (`additions.rs`); wording the importer does
//! not understand is an error at its place on the page, never dropped. Nothing here touches a
//! file system: the caller reads the page and the current matrix, and writes what it gets back.

mod additions;
pub mod as_of;
mod grid_csv;
mod html;
mod markdown;
pub mod page;
pub mod phrases;
mod table;
mod terms;
mod text;

use std::collections::BTreeMap;

use crate::compile::{compile, SourceFile, GRID_PREFIX, GRID_SUFFIX};
use crate::diagnostic::{self, Diagnostic, Location};
use crate::model::{Matrix, TermKind};

pub use self::as_of::AsOf;
use self::phrases::Phrases;
use self::table::{Outcome, VersionTable};
use self::terms::{TermRef, Terms};

/// What to import, and against which matrix.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// The page as diagnostics name it, and its bytes.
    pub page: &'a SourceFile,
    /// The current matrix, compiled from `files`.
    pub matrix: &'a Matrix,
    /// The files of the current matrix directory: vocabulary files are appended to, grids of
    /// versions the page does not show and files that are not grids are kept as they are.
    pub files: &'a [SourceFile],
    /// The directory the imported files will be written to, as diagnostics name it.
    pub out_dir: &'a str,
    /// The day the page was saved: when given, the as-of date of each version whose table
    /// the page has. When not, dates are kept, and a new version's is left to fill in.
    pub as_of: Option<AsOf<'a>>,
}

/// The imported matrix directory.
#[derive(Clone, Debug)]
pub struct Imported {
    /// Every file of the new matrix directory, sorted by name, each at `out_dir/<name>`.
    pub files: Vec<SourceFile>,
    /// The matrix the files describe, for a diff against the current one. Facts the page does
    /// not give are empty here as in the files (a new DRM system's ID, a new version's CPIX
    /// version, and its source and date when not known), except a new version's keys, which
    /// the model cannot leave empty and shows as [`crate::Keys::One`].
    pub matrix: Matrix,
    /// The versions whose grids came from the page, by id, in page order.
    pub versions: Vec<String>,
    /// New terms, things the page left out and notes a person should read, sorted by place.
    pub warnings: Vec<Diagnostic>,
}

/// Imports a page. On failure, returns every error found (and the warnings), sorted by place;
/// then nothing is meant to be written.
pub fn import(request: &Request<'_>) -> Result<Imported, Vec<Diagnostic>> {
    let Request {
        page,
        matrix,
        files,
        out_dir,
        as_of,
    } = *request;
    let tables = page::read(&page.path, &page.bytes).map_err(|error| vec![error])?;
    let mut diagnostics = Vec::new();
    let mut terms = Terms::new(matrix);
    let grids = read_tables(&tables, &mut terms, &mut diagnostics);
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    if grids.is_empty() && !failed {
        diagnostics.push(Diagnostic::error(
            &Location::new(&page.path, 1, 1),
            "no support table on the page; expected tables whose first cell names a SPEKE \
             version (`SPEKE v1 – Support matrix for protocol and DRM system`) and whose header \
             names DRM systems, as on AWS's \"Choosing the right SPEKE version\" page",
        ));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        diagnostic::sort(&mut diagnostics);
        return Err(diagnostics);
    }

    warn_left_out(&page.path, matrix, &grids, &mut diagnostics);
    let mut written: BTreeMap<String, Vec<u8>> = files
        .iter()
        .map(|f| (f.name().to_owned(), f.bytes.clone()))
        .collect();
    let qualifier_ids: Vec<&str> = matrix
        .qualifiers
        .iter()
        .map(|q| q.term.id.as_str())
        .collect();
    for grid in &grids {
        let name = format!(
            "{GRID_PREFIX}{}{GRID_SUFFIX}",
            terms.id(TermKind::Version, grid.version)
        );
        written.insert(name, grid_text(grid, &terms, &qualifier_ids).into_bytes());
    }
    if let Some(date) = as_of {
        let ids: Vec<&str> = grids
            .iter()
            .filter(|g| matches!(g.version, TermRef::Known(_)))
            .map(|g| terms.id(TermKind::Version, g.version))
            .collect();
        let name = TermKind::Version.file_name();
        if let Some(bytes) = written.get_mut(name) {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let (dated, warnings) = as_of::set(&join_path(out_dir, name), &text, &ids, date);
            *bytes = dated.into_bytes();
            diagnostics.extend(warnings);
        }
    }
    let mut preview = written.clone();
    let facts = additions::KnownFacts {
        source: common_source(matrix),
        as_of: as_of.map(AsOf::as_str),
    };
    add_terms(
        &terms,
        &facts,
        out_dir,
        &mut written,
        &mut preview,
        &mut diagnostics,
    );

    let as_files = |map: BTreeMap<String, Vec<u8>>| -> Vec<SourceFile> {
        map.into_iter()
            .map(|(name, bytes)| SourceFile::new(join_path(out_dir, &name), bytes))
            .collect()
    };
    let compiled = match compile(out_dir, &as_files(preview)) {
        Ok(compiled) => compiled,
        Err(mut errors) => {
            errors.extend(diagnostics);
            diagnostic::sort(&mut errors);
            return Err(errors);
        }
    };
    diagnostics.extend(compiled.warnings);
    diagnostic::sort(&mut diagnostics);
    let mut new_matrix = compiled.matrix;
    blank_stand_ins(&mut new_matrix, &terms, &facts);
    Ok(Imported {
        files: as_files(written),
        matrix: new_matrix,
        versions: grids
            .iter()
            .map(|g| terms.id(TermKind::Version, g.version).to_owned())
            .collect(),
        warnings: diagnostics,
    })
}

/// Reads the page's tables as grids, one per SPEKE version.
fn read_tables(
    tables: &[page::Table],
    terms: &mut Terms<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<VersionTable> {
    let phrases = Phrases::new(terms.matrix);
    let mut grids: Vec<VersionTable> = Vec::new();
    for table in tables {
        match table::read(table, terms, &phrases, diagnostics) {
            Outcome::Grid(grid) => {
                if let Some(first) = grids.iter().find(|g| g.version == grid.version) {
                    diagnostics.push(Diagnostic::error(
                        &grid.at,
                        format!(
                            "a second table for {} (the first is on line {}); a page has one \
                             table per SPEKE version",
                            terms.name(TermKind::Version, grid.version),
                            first.at.line
                        ),
                    ));
                } else {
                    grids.push(grid);
                }
            }
            Outcome::Skipped(warning) => diagnostics.push(warning),
            Outcome::Failed => {}
        }
    }
    grids
}

/// Appends the new terms to their vocabulary files: with empty facts in the files to write,
/// with stand-ins in the files to check.
fn add_terms(
    terms: &Terms<'_>,
    facts: &additions::KnownFacts<'_>,
    out_dir: &str,
    written: &mut BTreeMap<String, Vec<u8>>,
    preview: &mut BTreeMap<String, Vec<u8>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for kind in TermKind::ALL {
        let new_terms: Vec<&terms::NewTerm> =
            terms.added.iter().filter(|t| t.kind == kind).collect();
        if new_terms.is_empty() {
            continue;
        }
        let name = kind.file_name();
        let existing = written
            .get(name)
            .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
            .unwrap_or_default();
        let appended = additions::append(
            kind,
            &join_path(out_dir, name),
            &existing,
            &new_terms,
            facts,
        );
        written.insert(name.to_owned(), appended.text.into_bytes());
        preview.insert(name.to_owned(), appended.preview.into_bytes());
        diagnostics.extend(appended.warnings);
    }
}

/// The grid file of one page table.
fn grid_text(grid: &VersionTable, terms: &Terms<'_>, qualifier_ids: &[&str]) -> String {
    let drm_ids: Vec<&str> = grid
        .columns
        .iter()
        .map(|&d| terms.id(TermKind::DrmSystem, d))
        .collect();
    let lines: Vec<grid_csv::Line<'_>> = grid
        .rows
        .iter()
        .map(|row| grid_csv::Line {
            mode: terms.id(TermKind::Mode, row.mode),
            endpoint: terms.id(TermKind::Endpoint, row.endpoint),
            cells: &row.cells,
        })
        .collect();
    grid_csv::write(&drm_ids, &lines, qualifier_ids)
}

/// Warns about what the current matrix has and the page does not: a version without a table
/// (its grid is kept), a column or a row that the imported grid drops. The diff shows these
/// too; the warnings say where on the page to look.
fn warn_left_out(
    page_path: &str,
    matrix: &Matrix,
    grids: &[VersionTable],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (v, version) in matrix.versions.iter().enumerate() {
        let Some(grid) = grids.iter().find(|g| g.version == TermRef::Known(v)) else {
            diagnostics.push(Diagnostic::warning(
                &Location::new(page_path, 1, 1),
                format!(
                    "the page has no table for {}; its grid {GRID_PREFIX}{}{GRID_SUFFIX} is kept \
                     as it was",
                    version.term.name, version.term.id
                ),
            ));
            continue;
        };
        let old = &matrix.grids[v];
        for &d in &old.columns {
            if !grid.columns.contains(&TermRef::Known(d)) {
                diagnostics.push(Diagnostic::warning(
                    &grid.at,
                    format!(
                        "{} has no column for {}, which {GRID_PREFIX}{}{GRID_SUFFIX} has; the \
                         imported grid drops it",
                        grid.title, matrix.drm_systems[d].term.name, version.term.id
                    ),
                ));
            }
        }
        for &(m, e) in &old.rows {
            let kept = grid
                .rows
                .iter()
                .any(|r| r.mode == TermRef::Known(m) && r.endpoint == TermRef::Known(e));
            if !kept {
                diagnostics.push(Diagnostic::warning(
                    &grid.at,
                    format!(
                        "{} has no row for {} ({}), which {GRID_PREFIX}{}{GRID_SUFFIX} has; the \
                         imported grid drops it",
                        grid.title,
                        matrix.endpoints[e].name,
                        crate::portable::explain::mode_in_text(&matrix.modes[m].name),
                        version.term.id
                    ),
                ));
            }
        }
    }
}

/// The source address every current version shares, which a new version from the same page
/// shares too.
fn common_source(matrix: &Matrix) -> Option<&str> {
    let first = matrix.versions.first()?.source.as_str();
    matrix
        .versions
        .iter()
        .all(|v| v.source == first)
        .then_some(first)
}

/// Empties in the model the facts that were stand-ins only for checking.
fn blank_stand_ins(matrix: &mut Matrix, terms: &Terms<'_>, facts: &additions::KnownFacts<'_>) {
    for term in &terms.added {
        let Ok(index) = matrix.find(term.kind, &term.id) else {
            continue;
        };
        match term.kind {
            TermKind::DrmSystem => matrix.drm_systems[index].system_id.clear(),
            TermKind::Version => {
                let version = &mut matrix.versions[index];
                version.cpix_version.clear();
                version.as_of = facts.as_of.unwrap_or_default().to_owned();
                version.source = facts.source.unwrap_or_default().to_owned();
            }
            TermKind::Mode | TermKind::Endpoint | TermKind::Qualifier => {}
        }
    }
}

fn join_path(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{}/{name}", dir.trim_end_matches(['/', '\\']))
    }
}
