//! A CSV file read against the header it must have: each row becomes its fields by column,
//! and a wrong header or a ragged row is reported where it is.

use crate::csv::{self, Field, Record};
use crate::diagnostic::{Diagnostic, Location};
use crate::portable::spelling;

/// A row whose fields line up with the expected columns.
#[derive(Clone, Debug)]
pub struct Row {
    pub at: Location,
    pub fields: Vec<Field>,
}

impl Row {
    pub fn field(&self, column: usize) -> &Field {
        &self.fields[column]
    }
}

/// Reads a file whose header must be exactly `columns`. Returns the rows, or `None` when the
/// file cannot be read as such (errors pushed to `diagnostics`).
pub fn read_fixed(
    path: &str,
    bytes: &[u8],
    columns: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Row>> {
    let mut records = read_records(path, bytes, columns, diagnostics)?;
    let header = records.remove(0);
    let found: Vec<&str> = header.fields.iter().map(|f| f.text.as_str()).collect();
    if found != columns {
        diagnostics.extend(header_problems(&header, columns));
        return None;
    }
    Some(aligned_rows(records, columns.len(), diagnostics))
}

/// Reads a file into its records, the first one being the header, after checking that there
/// is a header; an empty file is reported with the header it needs.
pub fn read_records(
    path: &str,
    bytes: &[u8],
    columns: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Record>> {
    let records = match csv::read(path, bytes) {
        Ok(records) => records,
        Err(error) => {
            diagnostics.push(error);
            return None;
        }
    };
    if records.is_empty() {
        diagnostics.push(Diagnostic::error(
            &Location::new(path, 1, 1),
            format!(
                "empty file; it starts with the header row `{}`",
                columns.join(",")
            ),
        ));
        return None;
    }
    Some(records)
}

/// Keeps the rows whose field count matches the header, reporting the others.
pub fn aligned_rows(
    records: Vec<Record>,
    width: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Row> {
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        let count = record.fields.len();
        if count == width {
            rows.push(Row {
                at: record.at,
                fields: record.fields,
            });
            continue;
        }
        let (at, what) = if count > width {
            (record.fields[width].at.clone(), "more")
        } else {
            let last = &record.fields[count - 1];
            (last.at.shifted(last.text.chars().count()), "fewer")
        };
        diagnostics.push(Diagnostic::error(
            &at,
            format!(
                "row has {count} fields, {what} than the header's {width}; every row needs one \
                 field per column (write `no` or leave an optional field empty, but keep its comma)"
            ),
        ));
    }
    rows
}

/// Says what is wrong with a header that is not `expected`: unknown, duplicated, missing or
/// reordered columns.
pub fn header_problems(header: &Record, expected: &[&str]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for field in &header.fields {
        let name = field.text.as_str();
        if seen.contains(&name) {
            problems.push(Diagnostic::error(
                &field.at,
                format!("duplicate column {}", spelling::quoted(name)),
            ));
        } else if !expected.contains(&name) {
            let candidates = expected.iter().map(|c| (*c, *c));
            let message = spelling::unknown_word(
                "column",
                name,
                expected,
                spelling::closest(name, candidates),
            );
            problems.push(Diagnostic::error(&field.at, message));
        }
        seen.push(name);
    }
    let end = header
        .fields
        .last()
        .map_or(header.at.clone(), |f| f.at.shifted(f.text.chars().count()));
    for column in expected {
        if !seen.contains(column) {
            problems.push(Diagnostic::error(
                &end,
                format!(
                    "missing column `{column}`; the header is `{}`",
                    expected.join(",")
                ),
            ));
        }
    }
    if problems.is_empty() {
        problems.push(Diagnostic::error(
            &header.at,
            format!(
                "columns out of order; the header is `{}`",
                expected.join(",")
            ),
        ));
    }
    problems
}
