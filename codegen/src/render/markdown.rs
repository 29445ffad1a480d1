//! Renders the model as Markdown: the support matrix document (`docs/support-matrix.md`), the
//! section spliced into README.md, and the text of one cell.
//!
//! Each version's table is laid out as AWS's page lays it out, so that a reader who knows the
//! page recognises it and so that the importer of that page reads ours the same way: an empty
//! header row, a first row whose first cell is the title ("SPEKE v1 – Support matrix for
//! protocol and DRM system") and whose other cells are the DRM systems' display names, a row
//! holding only the mode's name ("Live", "VOD") before the rows of that mode, then a row per
//! endpoint type. A supported cell reads `√`, followed by what it offers: the phrase of each
//! qualifier without a group ("with key rotation"), then, for each group of alternatives, the
//! names of those offered joined by " and ", followed by " only" when the group has others
//! ("cbcs only", "cbcs and cenc"); the parts are separated by ", ". An unsupported cell is
//! empty.

use std::fmt::Write;

use crate::model::{Cell, Keys, Matrix};

/// The command that regenerates the committed Markdown docs.
pub const COMMAND: &str = "cargo run -p speke-matrix-cli -- docs";

/// Where the support matrix document lives, relative to the repository root.
pub const DOC_PATH: &str = "docs/support-matrix.md";

/// The markers between which README.md holds the generated section.
pub const README_START: &str = "<!-- support-matrix:start -->";
pub const README_END: &str = "<!-- support-matrix:end -->";

/// The sign the reference prints in a supported cell.
pub const CHECK_MARK: &str = "√";

/// The whole support matrix document as committed at [`DOC_PATH`]: the generated notice, a
/// title, the legend, the facts of each version, then a table per version.
pub fn document(matrix: &Matrix) -> String {
    document_with_command(matrix, COMMAND)
}

/// The document, naming another command as the one that regenerates it.
pub fn document_with_command(matrix: &Matrix, command: &str) -> String {
    let mut out = notice(command);
    out.push_str("\n# SPEKE support matrix\n\n");
    out.push_str(&body(matrix, 2));
    out
}

/// The section README.md holds between its markers: the generated notice, the legend, the
/// facts and the tables, with `###` headings so that it sits under a `##` heading.
pub fn readme_section(matrix: &Matrix) -> String {
    let mut out = notice(COMMAND);
    out.push('\n');
    out.push_str(&body(matrix, 3));
    out
}

/// The generated notice as two HTML comments, which Markdown renderers do not show.
pub fn notice(command: &str) -> String {
    let [first, second] = super::generated_notice(command);
    format!("<!-- {first} -->\n<!-- {second} -->\n")
}

/// The legend, the facts and the tables, with headings of the given level.
fn body(matrix: &Matrix, level: usize) -> String {
    let heading = "#".repeat(level);
    let mut out = String::new();
    // The prose is wrapped as a person would write it; only the tables run long.
    out.push_str(
        "Which DRM systems AWS Elemental MediaPackage supports through SPEKE, for each SPEKE\n\
         version, live or VOD, and endpoint type. A check mark (√) marks a supported combination\n\
         and is followed by what the cell offers, such as key rotation; an empty cell is not\n\
         supported.\n\n",
    );
    writeln!(out, "{heading} SPEKE versions\n").unwrap();
    for version in &matrix.versions {
        writeln!(
            out,
            "- **{}**: CPIX {}, {}.\n  As of {}, from\n  {}",
            escape(&version.term.name),
            escape(&version.cpix_version),
            keys_text(version.keys),
            escape(&version.as_of),
            source(&version.source),
        )
        .unwrap();
    }
    for version in 0..matrix.versions.len() {
        writeln!(
            out,
            "\n{heading} {}\n",
            escape(&matrix.versions[version].term.name)
        )
        .unwrap();
        out.push_str(&table(matrix, version));
    }
    out
}

/// A version's source: a web address as a link, anything else (a support case, a date of a
/// call) as text.
fn source(text: &str) -> String {
    if is_web_address(text) {
        format!("<{text}>")
    } else {
        escape(text)
    }
}

/// Whether a source is a web address that can be shown as a link.
pub fn is_web_address(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(|c: char| c.is_whitespace() || c == '<' || c == '>')
}

/// How many keys a version uses, as running text.
pub fn keys_text(keys: Keys) -> &'static str {
    match keys {
        Keys::One => "one key for all audio and video tracks",
        Keys::Several => "several keys (distinct keys for audio and video tracks)",
    }
}

/// The title cell of a version's table, as the reference words it.
pub fn title(matrix: &Matrix, version: usize) -> String {
    format!(
        "{} – Support matrix for protocol and DRM system",
        matrix.versions[version].term.name
    )
}

/// One version's table, laid out as the reference lays it out.
pub fn table(matrix: &Matrix, version: usize) -> String {
    let grid = &matrix.grids[version];
    let width = grid.columns.len() + 1;
    let mut out = String::new();
    out.push('|');
    out.push_str(&"  |".repeat(width));
    out.push('\n');
    out.push('|');
    out.push_str(&" --- |".repeat(width));
    out.push('\n');

    let mut title_row = vec![escape(&title(matrix, version))];
    title_row.extend(
        grid.columns
            .iter()
            .map(|&d| escape(&matrix.drm_systems[d].term.name)),
    );
    out.push_str(&row(&title_row));

    for (mode, term) in matrix.modes.iter().enumerate() {
        let endpoints = grid.endpoints_of(mode);
        if endpoints.is_empty() {
            continue;
        }
        out.push_str(&row(&[escape(&term.name)]));
        for endpoint in endpoints {
            let mut cells = vec![escape(&matrix.endpoints[endpoint].name)];
            cells.extend(grid.columns.iter().map(|&drm| {
                escape(&cell_text(
                    matrix,
                    matrix.cell(version, mode, endpoint, drm),
                ))
            }));
            out.push_str(&row(&cells));
        }
    }
    out
}

/// A table row of already escaped cells. An empty cell keeps a space on each side, as `|  |`.
fn row(cells: &[String]) -> String {
    let mut line = String::from("|");
    for cell in cells {
        line.push(' ');
        line.push_str(cell);
        line.push_str(" |");
    }
    line.push('\n');
    line
}

/// How a cell reads in the docs: `√` and what it offers if supported, empty otherwise.
pub fn cell_text(matrix: &Matrix, cell: Cell) -> String {
    match cell {
        Cell::Supported(offered) => {
            let offers = offered_text(matrix, offered);
            if offers.is_empty() {
                CHECK_MARK.to_owned()
            } else {
                format!("{CHECK_MARK} {offers}")
            }
        }
        Cell::Unsupported | Cell::NotInGrid => String::new(),
    }
}

/// What a supported cell offers, as the docs print it after the check mark: qualifiers
/// without a group by their phrase, then each group's offered names ("cbcs only").
pub fn offered_text(matrix: &Matrix, offered: u64) -> String {
    let is_offered = |i: usize| i < 64 && offered & (1 << i) != 0;
    let mut parts: Vec<String> = matrix
        .qualifiers
        .iter()
        .enumerate()
        .filter(|&(i, q)| q.group.is_none() && is_offered(i))
        .map(|(_, q)| q.phrase.clone())
        .collect();

    let mut groups: Vec<&str> = Vec::new();
    for qualifier in &matrix.qualifiers {
        if let Some(group) = qualifier.group.as_deref() {
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
    }
    for group in groups {
        let members: Vec<(usize, &str)> = matrix
            .qualifiers
            .iter()
            .enumerate()
            .filter(|(_, q)| q.group.as_deref() == Some(group))
            .map(|(i, q)| (i, q.term.name.as_str()))
            .collect();
        let names: Vec<&str> = members
            .iter()
            .filter(|&&(i, _)| is_offered(i))
            .map(|&(_, name)| name)
            .collect();
        if names.is_empty() {
            continue;
        }
        let mut part = names.join(" and ");
        if names.len() < members.len() {
            part.push_str(" only");
        }
        parts.push(part);
    }
    parts.join(", ")
}

/// Escapes text for a Markdown table cell or running text: a backslash before each character
/// that Markdown could read as markup or as a cell boundary. Any CommonMark reader undoes it.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            // A line break would end the table row; a cell is one line.
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// README.md with the text between its support-matrix markers replaced by `section`, or a
/// located message if the markers are missing or out of order. `path` names the file in the
/// message.
pub fn splice_readme(path: &str, readme: &str, section: &str) -> Result<String, String> {
    let line_of = |offset: usize| readme[..offset].matches('\n').count() + 1;
    let start = readme.find(README_START).ok_or_else(|| {
        format!(
            "{path}:1:1: missing the marker `{README_START}`; add it, then `{README_END}`, where \
             the support matrix goes"
        )
    })?;
    let end = readme.find(README_END).ok_or_else(|| {
        format!(
            "{path}:{}:1: missing the marker `{README_END}` after `{README_START}`",
            line_of(start)
        )
    })?;
    if end < start {
        return Err(format!(
            "{path}:{}:1: `{README_END}` comes before `{README_START}`; put the start marker \
             first",
            line_of(end)
        ));
    }
    if readme[start + README_START.len()..]
        .matches(README_START)
        .count()
        > 0
    {
        let second = start
            + README_START.len()
            + readme[start + README_START.len()..]
                .find(README_START)
                .unwrap_or_default();
        return Err(format!(
            "{path}:{}:1: a second `{README_START}`; keep one pair of markers",
            line_of(second)
        ));
    }
    let before = &readme[..start + README_START.len()];
    let after = &readme[end..];
    Ok(format!("{before}\n{section}{after}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_matrix::{matrix, SCHEMES};

    #[test]
    fn the_document_says_it_is_generated_and_how_to_regenerate_it() {
        let doc = document(&matrix(&[]));
        let mut lines = doc.lines();
        assert!(lines.next().unwrap().contains("@generated"));
        assert!(lines
            .next()
            .unwrap()
            .contains("cargo run -p speke-matrix-cli -- docs"));
    }

    #[test]
    fn a_table_is_laid_out_as_the_reference() {
        let m = matrix(&[]);
        let expected = "\
|  |  |  |  |
| --- | --- | --- | --- |
| SPEKE v1 – Support matrix for protocol and DRM system | Microsoft PlayReady | \
Google Widevine | Apple FairPlay |
| Live |
| DASH | √ with key rotation | √ |  |
| Apple HLS |  |  | √ with key rotation |
| VOD |
| DASH | √ | √ |  |
";
        assert_eq!(table(&m, 0), expected);
    }

    #[test]
    fn facts_come_before_the_tables() {
        let doc = document(&matrix(&[]));
        let facts = doc
            .find("CPIX 2.0, one key for all audio and video tracks")
            .unwrap();
        let first_table = doc.find("| SPEKE v1 – Support matrix").unwrap();
        assert!(facts < first_table);
        assert!(doc.contains("CPIX 2.3, several keys"));
        assert!(doc.contains("As of 2024-05-01, from\n  <https://example.com/speke>"));
    }

    #[test]
    fn grouped_qualifiers_read_as_alternatives() {
        let m = matrix(&[SCHEMES]);
        let all = (1 << 1) | (1 << 2);
        assert_eq!(offered_text(&m, 1 << 1), "cbcs only");
        assert_eq!(offered_text(&m, all), "cbcs and cenc");
        assert_eq!(
            offered_text(&m, all | 1),
            "with key rotation, cbcs and cenc"
        );
        assert_eq!(offered_text(&m, 0), "");
    }

    #[test]
    fn a_source_links_only_if_it_is_a_web_address() {
        assert_eq!(source("https://example.com/a"), "<https://example.com/a>");
        assert_eq!(source("support case <42>"), "support case \\<42\\>");
    }

    #[test]
    fn table_text_is_escaped() {
        assert_eq!(escape("a|b*c"), "a\\|b\\*c");
        assert_eq!(escape("AES-128 2.0"), "AES-128 2.0");
    }

    #[test]
    fn the_readme_section_is_replaced_between_its_markers() {
        let readme = format!("# x\n\n{README_START}\nold\n{README_END}\n\nrest\n");
        let spliced = splice_readme("README.md", &readme, "new\n").unwrap();
        assert_eq!(
            spliced,
            format!("# x\n\n{README_START}\nnew\n{README_END}\n\nrest\n")
        );
        assert_eq!(
            splice_readme("README.md", &spliced, "new\n").unwrap(),
            spliced
        );
    }

    #[test]
    fn missing_or_misordered_markers_are_located() {
        let error = splice_readme("README.md", "no markers\n", "x").unwrap_err();
        assert!(error.starts_with("README.md:1:1: missing the marker"));
        let readme = format!("a\n{README_END}\n{README_START}\n");
        let error = splice_readme("README.md", &readme, "x").unwrap_err();
        assert!(error.starts_with("README.md:2:1: `<!-- support-matrix:end -->` comes before"));
        let readme = format!("{README_START}\n{README_START}\n{README_END}\n");
        let error = splice_readme("README.md", &readme, "x").unwrap_err();
        assert!(error.starts_with("README.md:2:1: a second"));
    }

    #[test]
    fn the_same_matrix_renders_the_same_bytes() {
        assert_eq!(document(&matrix(&[])), document(&matrix(&[])));
    }
}
