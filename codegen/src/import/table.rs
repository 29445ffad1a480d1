//! One of AWS's support tables read as a version's grid: the SPEKE version its title names,
//! a DRM system per column, mode headings ("Live", "VOD") and an endpoint type per row below
//! each, and a cell per row and column.
//!
//! AWS lays the table out as
//!
//! ```text
//! | SPEKE v1 – Support matrix for protocol and DRM system | Microsoft PlayReady | ... |
//! | Live |
//! | Apple HLS |   |  √   with key rotation  | ... |
//! ```
//!
//! (its Markdown also has an empty header row above, skipped here). The version may instead be
//! named by a heading just above the table.

use crate::diagnostic::{Diagnostic, Location};
use crate::model::TermKind;
use crate::portable::explain::mode_in_text;
use crate::portable::spelling;

use super::page::{is_note, Row, Table, Text};
use super::phrases::{Phrases, Reading};
use super::terms::{TermRef, Terms};

/// A page table read as the grid of one SPEKE version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionTable {
    pub version: TermRef,
    /// How messages name the table: "the SPEKE v1 table".
    pub title: String,
    pub at: Location,
    /// The DRM system of each column, in page order.
    pub columns: Vec<TermRef>,
    pub rows: Vec<GridRow>,
}

/// A row of the grid: a mode, an endpoint type and a cell per column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridRow {
    pub mode: TermRef,
    pub endpoint: TermRef,
    pub cells: Vec<Reading>,
}

/// What a page table turned out to be.
#[derive(Debug)]
pub enum Outcome {
    Grid(VersionTable),
    /// A table of something else (the page may gain one); the warning says it was skipped.
    Skipped(Diagnostic),
    /// A support table that could not be read; the errors say why.
    Failed,
}

/// Reads a page table. Errors and warnings go to `diagnostics`.
pub fn read(
    table: &Table,
    terms: &mut Terms<'_>,
    phrases: &Phrases,
    diagnostics: &mut Vec<Diagnostic>,
) -> Outcome {
    let mut rows = table
        .rows
        .iter()
        .filter(|row| row.cells.iter().any(|c| !c.text.is_empty()));
    let Some(header) = rows.next() else {
        return Outcome::Skipped(Diagnostic::warning(
            &table.at,
            "empty table skipped; it names no SPEKE version and no DRM system",
        ));
    };
    let body: Vec<&Row> = rows.collect();

    let title = &header.cells[0];
    let named = version_number(&title.text).map(|n| (n, title)).or_else(|| {
        table
            .caption
            .as_ref()
            .and_then(|c| version_number(&c.text).map(|n| (n, c)))
    });
    let drm_cells = &header.cells[1..];
    let names_known_drm = drm_cells
        .iter()
        .any(|c| terms.known(TermKind::DrmSystem, &c.text).is_some());
    let Some((number, named_by)) = named else {
        if !names_known_drm {
            return Outcome::Skipped(Diagnostic::warning(
                &table.at,
                "table skipped; its first cell names no SPEKE version and its header no known \
                 DRM system, so it is not a support matrix",
            ));
        }
        diagnostics.push(Diagnostic::error(
            &title.at,
            format!(
                "this support table names no SPEKE version: its first cell is {} and no \
                 heading above names one; expected a first cell such as `SPEKE v1 – Support \
                 matrix for protocol and DRM system`",
                spelling::quoted(&title.text)
            ),
        ));
        return Outcome::Failed;
    };
    let number = match number {
        Ok(number) => number,
        Err(message) => {
            diagnostics.push(Diagnostic::error(&named_by.at, message));
            return Outcome::Failed;
        }
    };
    let version = match resolve_version(terms, &number, &named_by.at) {
        Ok(version) => version,
        Err(error) => {
            diagnostics.push(error);
            return Outcome::Failed;
        }
    };
    let title = format!("the {} table", terms.name(TermKind::Version, version));
    let errors_before = diagnostics.iter().filter(|d| d.is_error()).count();

    let columns = read_columns(&title, drm_cells, &header.at, terms, diagnostics);
    let rows = read_rows(&title, header, &body, &columns, terms, phrases, diagnostics);
    for note in &table.notes {
        diagnostics.push(Diagnostic::warning(
            &note.at,
            format!(
                "note below {title} not imported: {}; read it, and edit the grid by hand if it \
                 changes a cell",
                note_text(&note.text)
            ),
        ));
    }
    let errors_after = diagnostics.iter().filter(|d| d.is_error()).count();
    if errors_after > errors_before {
        return Outcome::Failed;
    }
    Outcome::Grid(VersionTable {
        version,
        title,
        at: table.at.clone(),
        columns: columns.into_iter().flatten().collect(),
        rows,
    })
}

/// A note as messages quote it: whole up to a few lines' length, since a person must read it.
fn note_text(note: &str) -> String {
    const MAX_CHARS: usize = 240;
    if note.chars().count() <= MAX_CHARS {
        format!("`{note}`")
    } else {
        let head: String = note.chars().take(MAX_CHARS).collect();
        format!("`{head}…` (see the page)")
    }
}

/// The version number a title names (`2.1` in "SPEKE v2\.1 – Support matrix"), or an error
/// when it names two.
fn version_number(title: &str) -> Option<Result<String, String>> {
    let lowered = title.to_lowercase();
    let mut found: Vec<String> = Vec::new();
    let mut rest = lowered.as_str();
    while let Some(at) = rest.find("speke") {
        rest = &rest[at + "speke".len()..];
        let after = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '_');
        let after = after
            .strip_prefix("version")
            .or_else(|| after.strip_prefix('v'))
            .map(|a| a.trim_start_matches(|c: char| c.is_whitespace() || c == '.'));
        let Some(after) = after else { continue };
        let number: String = after
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let number = number.trim_end_matches('.');
        let followed_by_letter = after[number.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if followed_by_letter {
            continue;
        }
        let number = without_trailing_zeros(number);
        if !found.contains(&number) {
            found.push(number);
        }
    }
    match found.len() {
        0 => None,
        1 => Some(Ok(found.remove(0))),
        _ => Some(Err(format!(
            "the table's title {} names several SPEKE versions ({}); a support table is of one \
             version",
            spelling::quoted(title),
            found
                .iter()
                .map(|n| format!("v{n}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// `2.0` is version 2, as AWS writes "SPEKE v2" and "SPEKE Version 2.0" alike.
fn without_trailing_zeros(number: &str) -> String {
    let mut parts: Vec<&str> = number.split('.').collect();
    while parts.len() > 1 && parts.last().is_some_and(|p| p.chars().all(|c| c == '0')) {
        parts.pop();
    }
    parts.join(".")
}

/// The version a number names: `SPEKE v2`, or `v2` as an id or alias; a version the
/// vocabulary lacks is added as `v2-1`, named "SPEKE v2.1".
fn resolve_version(
    terms: &mut Terms<'_>,
    number: &str,
    at: &Location,
) -> Result<TermRef, Diagnostic> {
    let name = format!("SPEKE v{number}");
    let id = format!("v{}", number.replace('.', "-"));
    if let Some(known) = terms.known(TermKind::Version, &id) {
        return Ok(TermRef::Known(known));
    }
    terms.resolve_with_id(TermKind::Version, &name, &id, at)
}

/// The DRM system of each header cell after the title; `None` where the cell is wrong.
fn read_columns(
    title: &str,
    cells: &[Text],
    header_at: &Location,
    terms: &mut Terms<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Option<TermRef>> {
    if cells.is_empty() {
        diagnostics.push(Diagnostic::error(
            header_at,
            format!("{title} has no DRM system columns; its header row names none"),
        ));
    }
    let mut columns: Vec<Option<TermRef>> = Vec::new();
    for cell in cells {
        if cell.text.is_empty() {
            diagnostics.push(Diagnostic::error(
                &cell.at,
                format!("in {title}, a column has an empty header; expected a DRM system's name"),
            ));
            columns.push(None);
            continue;
        }
        let drm = match terms.resolve(TermKind::DrmSystem, &cell.text, &cell.at) {
            Ok(drm) => drm,
            Err(error) => {
                diagnostics.push(error);
                columns.push(None);
                continue;
            }
        };
        if columns.contains(&Some(drm)) {
            let id = terms.id(TermKind::DrmSystem, drm);
            diagnostics.push(Diagnostic::error(
                &cell.at,
                format!("in {title}, a second column for DRM system `{id}`; merge the columns"),
            ));
            columns.push(None);
        } else {
            columns.push(Some(drm));
        }
    }
    columns
}

/// Reads the rows below the header: mode headings, and an endpoint type's row of cells under
/// each.
fn read_rows(
    title: &str,
    header: &Row,
    body: &[&Row],
    columns: &[Option<TermRef>],
    terms: &mut Terms<'_>,
    phrases: &Phrases,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<GridRow> {
    let drm_cells = &header.cells[1..];
    if body.is_empty() {
        diagnostics.push(Diagnostic::error(
            &header.at,
            format!("{title} has a header and no rows below it"),
        ));
        return Vec::new();
    }
    let errors_before = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut rows: Vec<GridRow> = Vec::new();
    let mut row_lines: Vec<u32> = Vec::new();
    let mut mode: Option<(TermRef, String)> = None;
    for row in body {
        let first = &row.cells[0];
        if is_mode_heading(row, terms) {
            if is_note(&first.text) {
                diagnostics.push(Diagnostic::warning(
                    &first.at,
                    format!(
                        "note in {title} not imported: {}; read it, and edit the grid by hand if \
                         it changes a cell",
                        note_text(&first.text)
                    ),
                ));
                continue;
            }
            match terms.resolve(TermKind::Mode, &first.text, &first.at) {
                Ok(found) => mode = Some((found, first.text.clone())),
                Err(error) => {
                    diagnostics.push(error);
                    mode = None;
                }
            }
            continue;
        }
        let Some((mode, mode_text)) = &mode else {
            diagnostics.push(Diagnostic::error(
                &first.at,
                format!(
                    "in {title}, the row {} comes before any mode heading; expected a row \
                     naming the mode (such as `Live` or `VOD`) above the endpoint types",
                    spelling::quoted(&first.text)
                ),
            ));
            continue;
        };
        if first.text.is_empty() {
            diagnostics.push(Diagnostic::error(
                &first.at,
                format!(
                    "in {title}, a row under {mode_text} has no endpoint type in its first cell"
                ),
            ));
            continue;
        }
        let endpoint = match terms.resolve(TermKind::Endpoint, &first.text, &first.at) {
            Ok(endpoint) => endpoint,
            Err(error) => {
                diagnostics.push(error);
                continue;
            }
        };
        let place = format!(
            "in {title}, row {} ({})",
            first.text,
            mode_in_text(mode_text)
        );
        if let Some(extra) = row.cells.get(drm_cells.len() + 1) {
            diagnostics.push(Diagnostic::error(
                &extra.at,
                format!(
                    "{place}: {} cells, more than the header's {} columns",
                    row.cells.len(),
                    drm_cells.len() + 1
                ),
            ));
            continue;
        }
        if let Some(earlier) = rows
            .iter()
            .position(|r| r.mode == *mode && r.endpoint == endpoint)
        {
            diagnostics.push(Diagnostic::error(
                &first.at,
                format!(
                    "{place}: a second row for this endpoint type and mode (the first is on line \
                     {}); merge the rows",
                    row_lines[earlier]
                ),
            ));
            continue;
        }
        let mut cells = Vec::with_capacity(drm_cells.len());
        for (column, drm_cell) in drm_cells.iter().enumerate() {
            // Markdown may leave out a row's last cells; the page shows them blank, which AWS's
            // tables use for "not supported".
            let cell = row.cells.get(column + 1);
            let text = cell.map_or("", |c| c.text.as_str());
            match phrases.read(text) {
                Ok(reading) => cells.push(reading),
                Err(message) => {
                    let at = cell.map_or(&row.at, |c| &c.at);
                    diagnostics.push(Diagnostic::error(
                        at,
                        format!("{place}, column {}: {message}", drm_cell.text),
                    ));
                    cells.push(Reading::Unsupported);
                }
            }
        }
        // A column already reported as wrong has no DRM system; its cells go with it.
        let cells = cells
            .into_iter()
            .zip(columns)
            .filter(|(_, drm)| drm.is_some())
            .map(|(cell, _)| cell)
            .collect();
        rows.push(GridRow {
            mode: *mode,
            endpoint,
            cells,
        });
        row_lines.push(row.at.line);
    }
    let errors_after = diagnostics.iter().filter(|d| d.is_error()).count();
    if rows.is_empty() && errors_after == errors_before {
        diagnostics.push(Diagnostic::error(
            &body[0].at,
            format!("{title} has no endpoint type rows below its mode headings"),
        ));
    }
    rows
}

/// Whether a row is a mode heading ("Live", "VOD") rather than an endpoint type's row: a row of
/// one cell that is not a known endpoint type, or a known mode followed by blank cells.
fn is_mode_heading(row: &Row, terms: &Terms<'_>) -> bool {
    let first = &row.cells[0].text;
    let rest_blank = row.cells[1..].iter().all(|c| c.text.is_empty());
    if row.cells.len() == 1 {
        return terms.known(TermKind::Mode, first).is_some()
            || terms.known(TermKind::Endpoint, first).is_none();
    }
    rest_blank && terms.known(TermKind::Mode, first).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_numbers_in_titles() {
        let number = |t: &str| version_number(t).map(|r| r.unwrap());
        assert_eq!(
            number("SPEKE v1 – Support matrix for protocol and DRM system"),
            Some("1".into())
        );
        assert_eq!(number("SPEKE v2.1 support"), Some("2.1".into()));
        assert_eq!(number("SPEKE Version 2.0 support"), Some("2".into()));
        assert_eq!(number("speke-v2"), Some("2".into()));
        assert_eq!(number("Support matrix"), None);
        assert_eq!(number("SPEKE very old"), None);
        assert!(version_number("SPEKE v1 and SPEKE v2").unwrap().is_err());
        assert_eq!(number("SPEKE v2 and SPEKE v2.0"), Some("2".into()));
    }
}
