//! The tables of a Markdown page, as AWS publishes them beside its HTML: pipe tables whose
//! lines start with `|`, a delimiter row of dashes, and prose around them.
//!
//! Only tables whose lines start with `|` are read, which is how AWS writes every table; GitHub
//! also accepts tables without the leading pipe, which this reader would take for prose.

use crate::diagnostic::Location;

use super::page::{is_note, to_u32, Row, Table, Text};
use super::text;

/// Every pipe table of the page, in page order.
pub fn tables(path: &str, page: &str) -> Vec<Table> {
    let lines: Vec<&str> = page.lines().collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_table_line(lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut rows = Vec::new();
        while i < lines.len() && is_table_line(lines[i]) {
            let row = split_row(path, i + 1, lines[i]);
            if !is_delimiter(&row) {
                rows.push(row);
            }
            i += 1;
        }
        let previous_end = tables.last().map_or(0, |t: &(usize, usize, Table)| t.1);
        let table = Table {
            at: Location::new(path, to_u32(start + 1), 1),
            caption: caption(path, &lines[previous_end..start], previous_end),
            rows,
            notes: Vec::new(),
        };
        tables.push((start, i, table));
    }
    let ends: Vec<usize> = tables
        .iter()
        .skip(1)
        .map(|t| t.0)
        .chain([lines.len()])
        .collect();
    tables
        .into_iter()
        .zip(ends)
        .map(|((_, end, mut table), next_start)| {
            table.notes = notes(path, &lines, end, next_start);
            table
        })
        .collect()
}

fn is_table_line(line: &str) -> bool {
    line.trim_start().starts_with('|')
}

/// Splits a table line into its cells at each `|` that is not escaped as `\|`.
fn split_row(path: &str, line_number: usize, line: &str) -> Row {
    let chars: Vec<char> = line.chars().collect();
    let first_pipe = chars.iter().position(|&c| c == '|').unwrap_or(0);
    let mut cells = Vec::new();
    let mut start = first_pipe + 1;
    let mut i = start;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '|' => {
                cells.push(cell(path, line_number, &chars, start, i));
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    // Text after the last pipe is a cell only if it is not blank: `| a | b |` has two cells.
    let rest: String = chars[start.min(chars.len())..].iter().collect();
    if !rest.trim().is_empty() {
        cells.push(cell(path, line_number, &chars, start, chars.len()));
    }
    Row {
        at: Location::new(path, to_u32(line_number), to_u32(first_pipe + 1)),
        cells,
    }
}

fn cell(path: &str, line_number: usize, chars: &[char], start: usize, end: usize) -> Text {
    let raw: String = chars[start..end].iter().collect();
    let lead = chars[start..end]
        .iter()
        .take_while(|c| c.is_whitespace())
        .count();
    let column = if lead == end - start {
        start
    } else {
        start + lead
    };
    Text {
        text: text::from_markdown(&raw),
        at: Location::new(path, to_u32(line_number), to_u32(column + 1)),
    }
}

/// Whether a row is the delimiter row under a header: `| --- |:---:|`.
fn is_delimiter(row: &Row) -> bool {
    !row.cells.is_empty()
        && row.cells.iter().all(|cell| {
            let dashes = cell.text.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.chars().all(|c| c == '-')
        })
}

/// The line that names a table from above: the last non-blank line before it, if it is a
/// heading (`### SPEKE v2`) or wholly emphasised (`**SPEKE v2**`). A sentence of prose (AWS's
/// "The following tables list ... SPEKE v1 and SPEKE v2 ...") names no single table.
fn caption(path: &str, lines: &[&str], offset: usize) -> Option<Text> {
    let (index, line) = lines
        .iter()
        .enumerate()
        .rev()
        .find(|(_, line)| !line.trim().is_empty())?;
    let trimmed = line.trim();
    let is_heading = trimmed.starts_with('#');
    let is_emphasised = (trimmed.starts_with("**") && trimmed.ends_with("**"))
        || (trimmed.starts_with("__") && trimmed.ends_with("__"));
    if !(is_heading || is_emphasised) {
        return None;
    }
    let lead = line.chars().take_while(|c| c.is_whitespace()).count();
    Some(Text {
        text: text::from_markdown(trimmed.trim_start_matches('#')),
        at: Location::new(path, to_u32(offset + index + 1), to_u32(lead + 1)),
    })
}

/// The notes between a table and the next table or heading: each paragraph that starts with
/// `Note` (or `**Note**`, `> Note:`), with the lines of its paragraph.
fn notes(path: &str, lines: &[&str], from: usize, to: usize) -> Vec<Text> {
    let mut notes = Vec::new();
    let mut i = from;
    while i < to {
        let line = lines[i];
        if line.trim_start().starts_with('#') {
            break;
        }
        let cleaned = text::from_markdown(line.trim_start().trim_start_matches('>'));
        if cleaned.is_empty() || !is_note(&cleaned) {
            i += 1;
            continue;
        }
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        let at = Location::new(path, to_u32(i + 1), to_u32(lead + 1));
        let mut paragraph = vec![cleaned];
        i += 1;
        while i < to && !lines[i].trim().is_empty() && !lines[i].trim_start().starts_with('#') {
            paragraph.push(text::from_markdown(
                lines[i].trim_start().trim_start_matches('>'),
            ));
            i += 1;
        }
        notes.push(Text {
            text: text::collapse(&paragraph.join(" ")),
            at,
        });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(row: &Row) -> Vec<&str> {
        row.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn rows_cells_and_places() {
        let page = "Intro\n\n|  |  |\n| --- |--- |\n| SPEKE v1 | AES\\-128 | \n| Live | \n\
                    | DASH |  √   with key rotation  |";
        let tables = tables("p.md", page);
        assert_eq!(tables.len(), 1);
        let rows = &tables[0].rows;
        assert_eq!(rows.len(), 4);
        assert_eq!(texts(&rows[0]), ["", ""]);
        assert_eq!(texts(&rows[1]), ["SPEKE v1", "AES-128"]);
        assert_eq!(texts(&rows[2]), ["Live"]);
        assert_eq!(texts(&rows[3]), ["DASH", "√ with key rotation"]);
        let cell = &rows[3].cells[1];
        assert_eq!((cell.at.line, cell.at.column), (7, 11));
        assert_eq!(tables[0].caption, None);
    }

    #[test]
    fn escaped_pipes_stay_in_their_cell() {
        let tables = tables("p.md", "| a \\| b | c |\n");
        assert_eq!(texts(&tables[0].rows[0]), ["a | b", "c"]);
    }

    #[test]
    fn a_row_without_a_closing_pipe_keeps_its_last_cell() {
        let tables = tables("p.md", "| a | b\n");
        assert_eq!(texts(&tables[0].rows[0]), ["a", "b"]);
    }

    #[test]
    fn captions_and_notes() {
        let page = "The tables list SPEKE v1 and SPEKE v2:\n\n| a |\n\n### SPEKE v2 support\n\n\
                    | b |\n\n**Note**\nKey rotation on DASH\nis coming.\n\nMore prose.\n\n## Next";
        let tables = tables("p.md", page);
        assert_eq!(tables[0].caption, None);
        let caption = tables[1].caption.as_ref().unwrap();
        assert_eq!(caption.text, "SPEKE v2 support");
        assert_eq!(caption.at.line, 5);
        assert!(tables[0].notes.is_empty());
        assert_eq!(tables[1].notes.len(), 1);
        assert_eq!(
            tables[1].notes[0].text,
            "Note Key rotation on DASH is coming."
        );
        assert_eq!(tables[1].notes[0].at.line, 9);
    }
}
