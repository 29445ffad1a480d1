//! A version's grid file (`speke-v1.csv`): a row per mode and endpoint type, a column per DRM
//! system, a cell per combination, laid out as AWS's tables are.

use std::collections::BTreeMap;

use crate::cell::{self, CellText};
use crate::diagnostic::{Diagnostic, Location};
use crate::model::{Cell, Grid, TermKind};
use crate::portable::spelling;
use crate::table;
use crate::vocabulary::Vocabulary;

/// The columns every grid starts with, before its DRM system columns.
pub const ROW_COLUMNS: [&str; 2] = ["mode", "endpoint"];

/// A grid as read: its layout, and the cell of each (mode, endpoint type, DRM system) it has.
#[derive(Clone, Debug)]
pub struct ReadGrid {
    pub grid: Grid,
    pub cells: Vec<((usize, usize, usize), Cell)>,
}

pub fn read(
    path: &str,
    bytes: &[u8],
    vocabulary: &Vocabulary,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ReadGrid> {
    let expected = "mode,endpoint,<a column per DRM system, such as playready>";
    let mut records = table::read_records(path, bytes, expected, diagnostics)?;
    let header = records.remove(0);
    let columns = read_header(&header, vocabulary, diagnostics)?;
    if records.is_empty() {
        diagnostics.push(Diagnostic::error(
            &Location::new(path, 2, 1),
            "no rows; add a row per mode and endpoint type, as `live,dash,yes,no`",
        ));
        return None;
    }
    let rows = table::aligned_rows(records, header.fields.len(), diagnostics).rows;
    let example = vocabulary.qualifiers.first().map(|q| q.term.id.as_str());
    let mut grid = Grid {
        path: path.to_owned(),
        columns: columns.iter().flatten().copied().collect(),
        rows: Vec::new(),
    };
    // The line of each row read, by mode and endpoint type, to find a duplicate row without
    // searching every row before it.
    let mut row_lines: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    let mut cells = Vec::new();
    for row in rows {
        let (mode, endpoint) = (row.field(0), row.field(1));
        let mode_index = lookup(
            vocabulary,
            TermKind::Mode,
            &mode.text,
            &mode.at,
            diagnostics,
        );
        let endpoint_index = lookup(
            vocabulary,
            TermKind::Endpoint,
            &endpoint.text,
            &endpoint.at,
            diagnostics,
        );
        // The cells of a row or a column that is wrong are still checked, so that their
        // mistakes show in the same build; only the cells of a known place are kept.
        let place = match (mode_index, endpoint_index) {
            (Some(m), Some(e)) => match row_lines.get(&(m, e)) {
                Some(first) => {
                    diagnostics.push(Diagnostic::error(
                        &row.at,
                        format!(
                            "duplicate row for mode `{}` and endpoint type `{}` (first on line \
                             {}); a grid has one row per mode and endpoint type, so merge the \
                             two rows",
                            vocabulary.modes[m].id, vocabulary.endpoints[e].id, first
                        ),
                    ));
                    None
                }
                None => {
                    grid.rows.push((m, e));
                    row_lines.insert((m, e), row.at.line);
                    Some((m, e))
                }
            },
            _ => None,
        };
        for (field, drm) in row.fields[ROW_COLUMNS.len()..].iter().zip(&columns) {
            let cell = read_cell(field, vocabulary, example, diagnostics);
            if let (Some((m, e)), Some(d), Some(cell)) = (place, *drm, cell) {
                cells.push(((m, e, d), cell));
            }
        }
    }
    Some(ReadGrid { grid, cells })
}

/// Reads the header: `mode,endpoint` and then DRM systems. Returns the DRM system of each
/// column (`None` for a column already reported as wrong), or `None` if the header is unusable.
fn read_header(
    header: &crate::csv::Record,
    vocabulary: &Vocabulary,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Option<usize>>> {
    let fields = &header.fields;
    let starts_right = fields.len() >= 2
        && table::names_column(&fields[0].text, ROW_COLUMNS[0])
        && table::names_column(&fields[1].text, ROW_COLUMNS[1]);
    if !starts_right {
        let found: Vec<&str> = fields.iter().take(2).map(|f| f.text.as_str()).collect();
        diagnostics.push(Diagnostic::error(
            &header.at,
            format!(
                "grid header starts with {}; expected `mode,endpoint`, then a column per DRM \
                 system",
                spelling::quoted(&found.join(","))
            ),
        ));
        return None;
    }
    if fields.len() == ROW_COLUMNS.len() {
        let at = fields[1].at.shifted(fields[1].text.chars().count());
        diagnostics.push(Diagnostic::error(
            &at,
            "no DRM system columns; add a column per DRM system after `mode,endpoint`",
        ));
        return None;
    }
    let mut columns: Vec<Option<usize>> = Vec::new();
    // The column of each DRM system read so far, to find a duplicate without a search.
    let mut column_of: Vec<Option<usize>> = vec![None; vocabulary.drm_systems.len()];
    for field in &fields[ROW_COLUMNS.len()..] {
        let Some(d) = lookup(
            vocabulary,
            TermKind::DrmSystem,
            &field.text,
            &field.at,
            diagnostics,
        ) else {
            columns.push(None);
            continue;
        };
        if let Some(first) = column_of[d] {
            let id = &vocabulary.drm_systems[d].term.id;
            let first_column = first + ROW_COLUMNS.len() + 1;
            let named = if field.text == *id {
                String::new()
            } else {
                format!(" (`{}` names `{id}`)", field.text)
            };
            diagnostics.push(Diagnostic::error(
                &field.at,
                format!(
                    "duplicate column for DRM system `{id}`{named}, already column {first_column}; \
                     a grid has one column per DRM system"
                ),
            ));
            columns.push(None);
        } else {
            column_of[d] = Some(columns.len());
            columns.push(Some(d));
        }
    }
    Some(columns)
}

/// Looks a word of the grid up in the vocabulary, reporting an unknown word unless an error
/// already reported explains it.
fn lookup(
    vocabulary: &Vocabulary,
    kind: TermKind,
    word: &str,
    at: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<usize> {
    if word.is_empty() {
        let ids: Vec<&str> = vocabulary
            .terms(kind)
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        let expected = if ids.is_empty() {
            String::new()
        } else {
            format!(", one of {}", ids.join(", "))
        };
        diagnostics.push(Diagnostic::error(
            at,
            format!("empty {}; every row names its {0}{expected}", kind.what()),
        ));
        return None;
    }
    match vocabulary.find(kind, word) {
        Ok(index) => Some(index),
        Err(_) if vocabulary.already_reported(kind, word) => None,
        Err(message) => {
            let other_kind = TermKind::ALL
                .into_iter()
                .filter(|&other| other != kind)
                .find(|&other| vocabulary.find(other, word).is_ok());
            let hint = match other_kind {
                Some(other) => format!(
                    "; {} is {} {}, not {} {}",
                    spelling::quoted(word),
                    article(other.what()),
                    other.what(),
                    article(kind.what()),
                    kind.what()
                ),
                None => format!("; new terms are added to {}", kind.file_name()),
            };
            diagnostics.push(Diagnostic::error(at, format!("{message}{hint}")));
            None
        }
    }
}

/// "a" or "an" for a kind's name, as it is spoken: "a DRM system", "an endpoint type".
fn article(what: &str) -> &'static str {
    if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn read_cell(
    field: &crate::csv::Field,
    vocabulary: &Vocabulary,
    example: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Cell> {
    let qualifiers = match cell::parse(&field.text, example) {
        Ok(CellText::No) => return Some(Cell::Unsupported),
        Ok(CellText::Yes(qualifiers)) => qualifiers,
        Err((offset, message)) => {
            diagnostics.push(Diagnostic::error(&field.at.shifted(offset), message));
            return None;
        }
    };
    let mut offered = 0u64;
    let mut ok = true;
    for (word, offset) in qualifiers {
        let at = field.at.shifted(offset);
        let Some(q) = lookup(vocabulary, TermKind::Qualifier, word, &at, diagnostics) else {
            ok = false;
            continue;
        };
        let bit = 1u64.checked_shl(q as u32).unwrap_or(0);
        if offered & bit != 0 {
            let id = &vocabulary.qualifiers[q].term.id;
            let named = if word == id {
                String::new()
            } else {
                format!(" (`{word}` names it)")
            };
            diagnostics.push(Diagnostic::error(
                &at,
                format!("qualifier `{id}` is already in this cell{named}; write it once"),
            ));
            ok = false;
        }
        offered |= bit;
    }
    ok.then_some(Cell::Supported(offered))
}
