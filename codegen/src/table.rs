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

/// The rows of a file, and the records that were reported as ragged (too few or too many
/// fields). Callers use the ragged records to recognise the words they define, so that a
/// grid naming such a word does not add a second error for the same mistake.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    pub ragged: Vec<Record>,
}

/// Whether a header cell names a column: column names compare as words of the matrix do,
/// without regard to case and with `_` or a space for `-` (`System ID` names `system-id`).
pub fn names_column(found: &str, column: &str) -> bool {
    spelling::normalize(found) == column
}

/// Reads a file whose header must be `columns`, in that order. Returns the rows, or `None`
/// when the file cannot be read as such (errors pushed to `diagnostics`).
pub fn read_fixed(
    path: &str,
    bytes: &[u8],
    columns: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Rows> {
    let mut records = read_records(path, bytes, &columns.join(","), diagnostics)?;
    let header = records.remove(0);
    let matches = header.fields.len() == columns.len()
        && header
            .fields
            .iter()
            .zip(columns)
            .all(|(field, column)| names_column(&field.text, column));
    if !matches {
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
    header: &str,
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
            format!("empty file; expected the header row `{header}`, then the rows below it"),
        ));
        return None;
    }
    Some(records)
}

/// Keeps the rows whose field count matches the header, reporting the others.
pub fn aligned_rows(records: Vec<Record>, width: usize, diagnostics: &mut Vec<Diagnostic>) -> Rows {
    let mut rows = Rows::default();
    for record in records {
        let count = record.fields.len();
        if count == width {
            rows.rows.push(Row {
                at: record.at,
                fields: record.fields,
            });
            continue;
        }
        // A record has at least one field: the reader makes one even of an empty line.
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
        rows.ragged.push(record);
    }
    rows
}

/// Says what is wrong with a header that is not `expected`: unknown, duplicated, missing or
/// reordered columns.
pub fn header_problems(header: &Record, expected: &[&str]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    // Columns an unknown column looks like a misspelling of: reported with it, not again as
    // missing.
    let mut suggested: Vec<&str> = Vec::new();
    for field in &header.fields {
        let name = expected
            .iter()
            .copied()
            .find(|column| names_column(&field.text, column));
        match name {
            Some(name) if seen.contains(&name) => {
                problems.push(Diagnostic::error(
                    &field.at,
                    format!(
                        "duplicate column `{name}`; the header is `{}`",
                        expected.join(",")
                    ),
                ));
            }
            Some(name) => seen.push(name),
            None => {
                let candidates = expected.iter().map(|c| (*c, *c));
                let suggestion = spelling::closest(&field.text, candidates);
                suggested.extend(suggestion);
                let message = spelling::unknown_word("column", &field.text, expected, suggestion);
                problems.push(Diagnostic::error(&field.at, message));
            }
        }
    }
    let end = header
        .fields
        .last()
        .map_or(header.at.clone(), |f| f.at.shifted(f.text.chars().count()));
    for column in expected {
        if !seen.contains(column) && !suggested.contains(column) {
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
        let found: Vec<&str> = header.fields.iter().map(|f| f.text.as_str()).collect();
        problems.push(Diagnostic::error(
            &header.at,
            format!(
                "columns out of order: found `{}`, expected `{}`; move the columns, with their \
                 values, into that order",
                found.join(","),
                expected.join(",")
            ),
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_of(text: &str) -> Record {
        csv::read("m.csv", text.as_bytes()).unwrap().remove(0)
    }

    fn messages(problems: &[Diagnostic]) -> Vec<String> {
        problems
            .iter()
            .map(|d| format!("{}: {}", d.column, d.message))
            .collect()
    }

    const COLUMNS: &[&str] = &["id", "name", "system-id"];

    #[test]
    fn column_names_compare_as_words() {
        assert!(names_column("System ID", "system-id"));
        assert!(names_column(" ID ", "id"));
        assert!(!names_column("systemid", "system-id"));
    }

    #[test]
    fn a_misspelt_column_is_not_also_reported_missing() {
        let problems = header_problems(&header_of("id,name,systemid\n"), COLUMNS);
        assert_eq!(
            messages(&problems),
            ["9: unknown column `systemid`; expected one of id, name, system-id (did you mean `system-id`?)"]
        );
    }

    #[test]
    fn duplicated_missing_and_reordered_columns() {
        let problems = header_problems(&header_of("id,name,name\n"), COLUMNS);
        assert_eq!(
            messages(&problems),
            [
                "9: duplicate column `name`; the header is `id,name,system-id`",
                "13: missing column `system-id`; the header is `id,name,system-id`",
            ]
        );
        let problems = header_problems(&header_of("name,id,system-id\n"), COLUMNS);
        assert_eq!(
            messages(&problems),
            ["1: columns out of order: found `name,id,system-id`, expected `id,name,system-id`; move the columns, with their values, into that order"]
        );
    }

    #[test]
    fn ragged_rows_are_reported_and_returned() {
        let records = csv::read("m.csv", b"a,b\n1\n1,2\n1,2,3\n").unwrap();
        let mut diagnostics = Vec::new();
        let rows = aligned_rows(records[1..].to_vec(), 2, &mut diagnostics);
        assert_eq!(rows.rows.len(), 1);
        assert_eq!(rows.ragged.len(), 2);
        let places: Vec<(u32, u32)> = diagnostics.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(places, [(2, 2), (4, 5)]);
    }
}
