//! The tables of a saved documentation page, whatever its format: each table's rows of cells,
//! every cell with its cleaned text and the place on the page where it starts.
//!
//! AWS publishes its pages as HTML and, beside them, as Markdown; both are read into this one
//! shape, so that understanding the tables (`table.rs`) does not depend on the format.

use crate::diagnostic::{Diagnostic, Location};

use super::{html, markdown};

/// The largest page read, in bytes. A saved AWS page is tens of kilobytes; anything this large
/// is the wrong file, refused before it is searched for tables.
pub const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// A piece of the page's text, cleaned of markup, and where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The text as a reader sees it: escapes undone, tags and emphasis removed, runs of
    /// whitespace made one space, trimmed.
    pub text: String,
    pub at: Location,
}

/// One row of a table, its cells in column order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub at: Location,
    pub cells: Vec<Text>,
}

/// A table of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub at: Location,
    /// The last line of prose above the table (a heading, a bold line), which names the table
    /// when its own first cell does not.
    pub caption: Option<Text>,
    /// The rows in page order; a Markdown table's delimiter row (`| --- |`) is not a row.
    pub rows: Vec<Row>,
    /// Notes that follow the table ("Note: ..."): prose the importer cannot turn into cells,
    /// reported so that a person reads them.
    pub notes: Vec<Text>,
}

/// Decodes a page and finds its tables: HTML if it has a `<table>` element, else Markdown.
pub fn read(path: &str, bytes: &[u8]) -> Result<Vec<Table>, Diagnostic> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(Diagnostic::error(
            &Location::new(path, 1, 1),
            format!(
                "page is {} bytes, over the limit of {MAX_PAGE_BYTES} bytes; is this the saved \
                 \"Choosing the right SPEKE version\" page?",
                bytes.len()
            ),
        ));
    }
    let text = decode(path, bytes)?;
    if html::has_table(text) {
        html::tables(path, text)
    } else {
        Ok(markdown::tables(path, text))
    }
}

/// Checks that the page is UTF-8 and drops a byte-order mark.
fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(error) => {
            let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            let line = valid.matches('\n').count() + 1;
            let column = valid[valid.rfind('\n').map_or(0, |n| n + 1)..]
                .chars()
                .count()
                + 1;
            Err(Diagnostic::error(
                &Location::new(path, to_u32(line), to_u32(column)),
                format!(
                    "invalid UTF-8 (byte 0x{:02x}); save the page as UTF-8 text",
                    bytes[error.valid_up_to()]
                ),
            ))
        }
    }
}

pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether a line of prose is the start of a note, as AWS writes them: `Note`, `**Note**`,
/// `> Note:`, `*Note:* ...`.
pub fn is_note(cleaned: &str) -> bool {
    let lowered = cleaned.to_lowercase();
    let word_end = lowered
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(lowered.len());
    matches!(&lowered[..word_end], "note" | "notes" | "important")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_format_by_content() {
        let markdown = "| a | b |\n| --- | --- |\n| c | d |\n";
        let html = "<p>x</p><table><tr><td>a</td><td>b</td></tr></table>";
        assert_eq!(read("p.md", markdown.as_bytes()).unwrap()[0].rows.len(), 2);
        assert_eq!(read("p.html", html.as_bytes()).unwrap()[0].rows.len(), 1);
    }

    #[test]
    fn invalid_utf8_is_located() {
        let error = read("p.md", b"| a |\n| \xff |\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, 3));
        assert!(error.message.starts_with("invalid UTF-8"));
    }

    #[test]
    fn notes_are_recognised() {
        assert!(is_note("Note"));
        assert!(is_note("Note: key rotation is coming"));
        assert!(is_note("Important: ..."));
        assert!(!is_note("Notable changes"));
        assert!(!is_note("The following tables list"));
    }
}
