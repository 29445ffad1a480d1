//! A version's grid file (`speke-v1.csv`): a row per mode and endpoint type, a column per DRM
//! system, a cell per combination, laid out as AWS's tables are.

use std::collections::BTreeMap;

use crate::cell::{self, CellText};
use crate::diagnostic::{Diagnostic, Location};
use crate::model::{Cell, Grid, TermKind};
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
    let mut records = table::read_records(path, bytes, &[expected], diagnostics)?;
    let header = records.remove(0);
    let columns = read_header(&header, vocabulary, diagnostics)?;
    if records.is_empty() {
        diagnostics.push(Diagnostic::error(
            &Location::new(path, 2, 1),
            "no rows; add a row per mode and endpoint type, as `live,dash,yes,no`",
        ));
        return None;
    }
    let rows = table::aligned_rows(records, header.fields.len(), diagnostics);
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
        let (Some(m), Some(e)) = (mode_index, endpoint_index) else {
            continue;
        };
        if let Some(first) = row_lines.get(&(m, e)) {
            diagnostics.push(Diagnostic::error(
                &row.at,
                format!(
                    "duplicate row for {} {} (first on line {first}); merge the two rows",
                    vocabulary.modes[m].id, vocabulary.endpoints[e].id
                ),
            ));
            continue;
        }
        grid.rows.push((m, e));
        row_lines.insert((m, e), row.at.line);
        for (field, drm) in row.fields[ROW_COLUMNS.len()..].iter().zip(&columns) {
            let Some(d) = *drm else { continue };
            if let Some(cell) = read_cell(field, vocabulary, example, diagnostics) {
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
        && fields[0].text.eq_ignore_ascii_case(ROW_COLUMNS[0])
        && fields[1].text.eq_ignore_ascii_case(ROW_COLUMNS[1]);
    if !starts_right {
        diagnostics.push(Diagnostic::error(
            &header.at,
            "a grid's header starts with `mode,endpoint`, followed by a column per DRM system",
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
    let mut seen = vec![false; vocabulary.drm_systems.len()];
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
        if std::mem::replace(&mut seen[d], true) {
            diagnostics.push(Diagnostic::error(
                &field.at,
                format!(
                    "duplicate column for DRM system `{}`",
                    vocabulary.drm_systems[d].term.id
                ),
            ));
            columns.push(None);
        } else {
            columns.push(Some(d));
        }
    }
    Some(columns)
}

fn lookup(
    vocabulary: &Vocabulary,
    kind: TermKind,
    word: &str,
    at: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<usize> {
    if word.is_empty() {
        diagnostics.push(Diagnostic::error(
            at,
            format!("empty {}; every row names one", kind.what()),
        ));
        return None;
    }
    match vocabulary.find(kind, word) {
        Ok(index) => Some(index),
        Err(message) => {
            let file = kind.file_name();
            diagnostics.push(Diagnostic::error(
                at,
                format!("{message}; new terms are added to {file}"),
            ));
            None
        }
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
            diagnostics.push(Diagnostic::error(
                &at,
                format!("qualifier `{id}` repeated in this cell; write it once"),
            ));
            ok = false;
        }
        offered |= bit;
    }
    ok.then_some(Cell::Supported(offered))
}
