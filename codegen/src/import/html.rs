//! The tables of an HTML page, as a browser saves AWS's documentation: `<table>` elements with
//! `<tr>` rows of `<th>` and `<td>` cells, headings and notes around them.
//!
//! This is a scanner for the tags that matter here, not an HTML parser: it does not build a
//! tree, and it relies on tables being closed (`</table>`), as AWS's generated pages are. A
//! cell spanning several columns (`colspan`) is repeated in each, except in a row of one cell
//! (a mode heading such as "Live"); a cell spanning rows (`rowspan`) is refused, because
//! repeating it down the rows would need the whole table's layout and AWS's tables do not use
//! it.

use crate::diagnostic::{Diagnostic, Location};

use super::page::{is_note, to_u32, Row, Table, Text};
use super::text;

/// Whether the page holds an HTML table.
pub fn has_table(page: &str) -> bool {
    page.to_ascii_lowercase().contains("<table")
}

/// A tag of the page: its lower-case name, whether it closes, its attributes' source, and
/// where it starts and ends (character indices, end exclusive).
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    attributes: String,
    start: usize,
    end: usize,
}

/// Character positions to page locations.
struct Places<'a> {
    path: &'a str,
    line_starts: Vec<usize>,
}

impl Places<'_> {
    fn at(&self, index: usize) -> Location {
        let line = self.line_starts.partition_point(|&start| start <= index);
        let column = index - self.line_starts[line - 1] + 1;
        Location::new(self.path, to_u32(line), to_u32(column))
    }
}

/// Every table of the page, in page order.
pub fn tables(path: &str, page: &str) -> Result<Vec<Table>, Diagnostic> {
    let chars: Vec<char> = page.chars().collect();
    let mut line_starts = vec![0];
    line_starts.extend(
        chars
            .iter()
            .enumerate()
            .filter(|(_, &c)| c == '\n')
            .map(|(i, _)| i + 1),
    );
    let places = Places { path, line_starts };
    let tags = scan_tags(&chars);

    // Each table with where it starts and ends, so that the prose between two tables can be
    // searched for the second one's heading and the first one's notes.
    let mut found: Vec<(usize, usize, Table)> = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i].name != "table" || tags[i].closing {
            i += 1;
            continue;
        }
        let start = tags[i].start;
        let (mut table, next) = read_table(&chars, &tags, i, &places)?;
        let end = tags
            .get(next.saturating_sub(1))
            .map_or(chars.len(), |t| t.end);
        if table.caption.is_none() {
            let previous_end = found.last().map_or(0, |t| t.1);
            table.caption = heading_before(&chars, &tags, previous_end, start, &places);
        }
        found.push((start, end, table));
        i = next;
    }
    let next_starts: Vec<usize> = found
        .iter()
        .skip(1)
        .map(|t| t.0)
        .chain([chars.len()])
        .collect();
    Ok(found
        .into_iter()
        .zip(next_starts)
        .map(|((_, end, mut table), next)| {
            table.notes = notes(&chars, &tags, end, next, &places);
            table
        })
        .collect())
}

/// Finds every tag, skipping comments and the content of scripts and styles.
fn scan_tags(chars: &[char]) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '<' {
            i += 1;
            continue;
        }
        if chars[i..].starts_with(&['<', '!', '-', '-']) {
            i = find(chars, i + 4, "-->").map_or(chars.len(), |end| end + 3);
            continue;
        }
        let closing = chars.get(i + 1) == Some(&'/');
        let name_start = i + 1 + usize::from(closing);
        let name_len = chars[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            i += 1;
            continue;
        }
        let Some(close) = chars[i..].iter().position(|&c| c == '>') else {
            break;
        };
        let name: String = chars[name_start..name_start + name_len]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        let attributes: String = chars[name_start + name_len..i + close].iter().collect();
        let end = i + close + 1;
        let raw_text = !closing && (name == "script" || name == "style");
        tags.push(Tag {
            name: name.clone(),
            closing,
            attributes,
            start: i,
            end,
        });
        i = end;
        if raw_text {
            let closing_tag = format!("</{name}");
            i = find_ignore_case(chars, i, &closing_tag).unwrap_or(chars.len());
        }
    }
    tags
}

fn find(chars: &[char], from: usize, needle: &str) -> Option<usize> {
    let needle: Vec<char> = needle.chars().collect();
    (from..chars.len()).find(|&i| chars[i..].starts_with(&needle))
}

fn find_ignore_case(chars: &[char], from: usize, needle: &str) -> Option<usize> {
    let needle: Vec<char> = needle.chars().collect();
    (from..chars.len()).find(|&i| {
        chars.len() - i >= needle.len()
            && chars[i..i + needle.len()]
                .iter()
                .zip(&needle)
                .all(|(a, b)| a.eq_ignore_ascii_case(b))
    })
}

/// The value of a numeric attribute such as `colspan="2"`.
fn number_attribute(attributes: &str, name: &str) -> Option<usize> {
    let lowered = attributes.to_ascii_lowercase();
    let at = lowered.find(name)? + name.len();
    let rest = lowered[at..].trim_start().strip_prefix('=')?.trim_start();
    let digits: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// A cell being read: where its content starts, and how many columns it spans.
struct OpenCell {
    content_start: usize,
    span: usize,
}

/// Reads the table whose `<table>` tag is `tags[first]`; returns it and the index of the tag
/// after its `</table>`.
fn read_table(
    chars: &[char],
    tags: &[Tag],
    first: usize,
    places: &Places<'_>,
) -> Result<(Table, usize), Diagnostic> {
    let mut rows: Vec<Row> = Vec::new();
    let mut caption = None;
    let mut open_row: Option<(usize, Vec<(Text, usize)>)> = None;
    let mut open_cell: Option<OpenCell> = None;
    let mut caption_start: Option<usize> = None;
    let mut depth = 0;
    let mut i = first;
    let close_cell = |open_cell: &mut Option<OpenCell>,
                      open_row: &mut Option<(usize, Vec<(Text, usize)>)>,
                      end: usize| {
        if let (Some(cell), Some((_, cells))) = (open_cell.take(), open_row.as_mut()) {
            cells.push((content(chars, cell.content_start, end, places), cell.span));
        }
    };
    while i < tags.len() {
        let tag = &tags[i];
        i += 1;
        match (tag.name.as_str(), tag.closing) {
            ("table", false) => {
                depth += 1;
                continue;
            }
            ("table", true) => {
                depth -= 1;
                if depth > 0 {
                    continue;
                }
                close_cell(&mut open_cell, &mut open_row, tag.start);
                if let Some((start, cells)) = open_row.take() {
                    rows.push(finish_row(start, cells, places));
                }
                break;
            }
            _ if depth > 1 => continue,
            ("caption", false) => caption_start = Some(tag.end),
            ("caption", true) => {
                if let Some(start) = caption_start.take() {
                    caption = Some(content(chars, start, tag.start, places));
                }
            }
            ("tr", false) => {
                close_cell(&mut open_cell, &mut open_row, tag.start);
                if let Some((start, cells)) = open_row.take() {
                    rows.push(finish_row(start, cells, places));
                }
                open_row = Some((tag.start, Vec::new()));
            }
            ("tr", true) => {
                close_cell(&mut open_cell, &mut open_row, tag.start);
                if let Some((start, cells)) = open_row.take() {
                    rows.push(finish_row(start, cells, places));
                }
            }
            ("td" | "th", false) => {
                close_cell(&mut open_cell, &mut open_row, tag.start);
                if number_attribute(&tag.attributes, "rowspan").is_some_and(|n| n > 1) {
                    return Err(Diagnostic::error(
                        &places.at(tag.start),
                        "a cell spanning several rows (`rowspan`); the importer reads tables \
                         whose cells span columns at most; save the page's Markdown version \
                         instead",
                    ));
                }
                if open_row.is_none() {
                    open_row = Some((tag.start, Vec::new()));
                }
                let span = number_attribute(&tag.attributes, "colspan").unwrap_or(1);
                open_cell = Some(OpenCell {
                    content_start: tag.end,
                    span: span.clamp(1, 64),
                });
            }
            ("td" | "th", true) => close_cell(&mut open_cell, &mut open_row, tag.start),
            _ => {}
        }
    }
    let table = Table {
        at: places.at(tags[first].start),
        caption,
        rows,
        notes: Vec::new(),
    };
    Ok((table, i))
}

/// Lays a row's cells out by column: a spanning cell is repeated in each column it covers,
/// unless it is the row's only cell (a heading across the table).
fn finish_row(start: usize, cells: Vec<(Text, usize)>, places: &Places<'_>) -> Row {
    let only_cell = cells.len() == 1;
    let cells = cells
        .into_iter()
        .flat_map(|(cell, span)| {
            let copies = if only_cell { 1 } else { span };
            std::iter::repeat_n(cell, copies)
        })
        .collect();
    Row {
        at: places.at(start),
        cells,
    }
}

/// The cleaned text between two character indices, located at its first visible character.
fn content(chars: &[char], start: usize, end: usize, places: &Places<'_>) -> Text {
    let raw: String = chars[start..end.max(start)].iter().collect();
    let mut first = start;
    while first < end {
        match chars[first] {
            c if c.is_whitespace() => first += 1,
            '<' => match chars[first..end].iter().position(|&c| c == '>') {
                Some(close) => first += close + 1,
                None => break,
            },
            _ => break,
        }
    }
    Text {
        text: text::from_html(&raw),
        at: places.at(if first < end { first } else { start }),
    }
}

/// The blocks of text between two character indices, split at block-level tags, each
/// located.
fn blocks(
    chars: &[char],
    tags: &[Tag],
    from: usize,
    to: usize,
    places: &Places<'_>,
) -> Vec<(Text, String)> {
    const BLOCKS: [&str; 12] = [
        "p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section", "table",
    ];
    let mut cuts: Vec<(usize, usize, String)> = tags
        .iter()
        .filter(|t| t.start >= from && t.end <= to && BLOCKS.contains(&t.name.as_str()))
        .map(|t| (t.start, t.end, t.name.clone()))
        .collect();
    cuts.push((to, to, String::new()));
    let mut blocks = Vec::new();
    let mut start = from;
    let mut opened_by = String::new();
    for (cut_start, cut_end, name) in cuts {
        let text = content(chars, start, cut_start, places);
        if !text.text.is_empty() {
            blocks.push((text, opened_by.clone()));
        }
        start = cut_end;
        opened_by = name;
    }
    blocks
}

/// A heading (`<h2>`) that is the last block of text before a table names it.
fn heading_before(
    chars: &[char],
    tags: &[Tag],
    from: usize,
    to: usize,
    places: &Places<'_>,
) -> Option<Text> {
    let (text, opened_by) = blocks(chars, tags, from, to, places).pop()?;
    let is_heading = opened_by.len() == 2 && opened_by.starts_with('h');
    is_heading.then_some(text)
}

/// The notes after a table, before the next one: a block that starts with `Note`, with the
/// block after it when the first holds only the word (AWS's note title).
fn notes(chars: &[char], tags: &[Tag], from: usize, to: usize, places: &Places<'_>) -> Vec<Text> {
    let blocks = blocks(chars, tags, from, to, places);
    let mut notes = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let (block, _) = &blocks[i];
        if !is_note(&block.text) {
            i += 1;
            continue;
        }
        let mut note = block.clone();
        if block.text.split_whitespace().count() == 1 {
            if let Some((next, _)) = blocks.get(i + 1) {
                note.text = format!("{} {}", note.text, next.text);
                i += 1;
            }
        }
        notes.push(note);
        i += 1;
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(row: &Row) -> Vec<&str> {
        row.cells.iter().map(|c| c.text.as_str()).collect()
    }

    const PAGE: &str = "<html><head><script>var t = '<table>';</script></head><body>\n\
<h2>Supported protocols</h2>\n\
<table>\n\
<tr><th>SPEKE v2 &#8211; Support matrix</th><th>Microsoft PlayReady</th><th>AES&#45;128</th></tr>\n\
<tr><td colspan=\"3\"><b>Live</b></td></tr>\n\
<tr><td>DASH</td><td><p>&#10003;</p><p>with key rotation</p></td><td></td></tr>\n\
<tr><td>Apple HLS</td><td colspan=\"2\">Not supported</td></tr>\n\
</table>\n\
<div class=\"awsdocs-note\"><div><p>Note</p></div><div><p>Key rotation is coming.</p></div></div>\n\
</body></html>";

    #[test]
    fn rows_cells_and_spans() {
        let tables = tables("p.html", PAGE).unwrap();
        assert_eq!(tables.len(), 1);
        let rows = &tables[0].rows;
        assert_eq!(
            texts(&rows[0]),
            [
                "SPEKE v2 – Support matrix",
                "Microsoft PlayReady",
                "AES-128"
            ]
        );
        assert_eq!(texts(&rows[1]), ["Live"]);
        assert_eq!(texts(&rows[2]), ["DASH", "✓ with key rotation", ""]);
        assert_eq!(
            texts(&rows[3]),
            ["Apple HLS", "Not supported", "Not supported"]
        );
        let cell = &rows[2].cells[1];
        assert_eq!((cell.at.line, cell.at.column), (6, 25));
    }

    #[test]
    fn headings_and_notes() {
        let tables = tables("p.html", PAGE).unwrap();
        let caption = tables[0].caption.as_ref().unwrap();
        assert_eq!(caption.text, "Supported protocols");
        assert_eq!(tables[0].notes.len(), 1);
        assert_eq!(tables[0].notes[0].text, "Note Key rotation is coming.");
    }

    #[test]
    fn rowspan_is_refused_where_it_is() {
        let page = "<table>\n<tr><td rowspan=\"2\">x</td></tr></table>";
        let error = tables("p.html", page).unwrap_err();
        assert_eq!((error.line, error.column), (2, 5));
        assert!(error.message.contains("rowspan"));
    }
}
