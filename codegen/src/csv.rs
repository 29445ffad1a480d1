//! A small CSV reader that keeps the line and column of every field.
//!
//! The matrix files are edited by hand and by spreadsheets, and each diagnostic must point at
//! the exact field to fix. General CSV readers report a record's line but not where each field
//! starts, so this reader is written for the job: RFC 4180 quoting, a UTF-8 byte-order mark,
//! CRLF or LF line endings, a last line without a newline, whitespace around values, and blank
//! lines (a spreadsheet's `,,,` included) skipped.

use crate::diagnostic::{Diagnostic, Location};
use crate::portable::spelling;

/// The largest source file read, in bytes. The matrix files are a few kilobytes; anything this
/// large is a mistake (a wrong file, a runaway export), refused before it is read into memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// One field of a record: its text with surrounding whitespace removed and quotes undone, and
/// where its text starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub at: Location,
}

/// One record (a row of the spreadsheet) and the location of its first character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub at: Location,
    pub fields: Vec<Field>,
}

/// Splits a CSV file into records, or says where and why it cannot.
pub fn read(path: &str, bytes: &[u8]) -> Result<Vec<Record>, Diagnostic> {
    check_size(path, bytes.len() as u64)?;
    let text = decode(path, bytes)?;
    Reader::new(path, text).records()
}

/// Refuses a file over [`MAX_FILE_BYTES`] from its length alone, so that a caller that can see
/// a file's size before reading it (the build script, from the file's metadata) refuses it
/// unread.
pub fn check_size(path: &str, len: u64) -> Result<(), Diagnostic> {
    if len <= MAX_FILE_BYTES {
        Ok(())
    } else {
        Err(too_large(path, len))
    }
}

/// The diagnostic for a file of `len` bytes, over [`MAX_FILE_BYTES`].
fn too_large(path: &str, len: u64) -> Diagnostic {
    Diagnostic::error(
        &Location::new(path, 1, 1),
        format!(
            "file of {len} bytes is over the limit of {MAX_FILE_BYTES} bytes (4 MiB) for a matrix \
             file, which is a few kilobytes; is this the right file?"
        ),
    )
}

/// The bytes of a file without what a spreadsheet adds and this reader ignores: a UTF-8
/// byte-order mark (or several) is dropped, CRLF and CR line endings become LF, and a last line gets its
/// newline. Lines and columns stay where they were, so diagnostics about the result point at
/// the same places in the file as saved, and two files that read the same are the same bytes.
pub fn normalize_encoding(bytes: &[u8]) -> Vec<u8> {
    let mut bytes = bytes;
    while let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        bytes = rest;
    }
    let mut normal = Vec::with_capacity(bytes.len() + 1);
    let mut iter = bytes.iter().copied().peekable();
    while let Some(byte) = iter.next() {
        if byte == b'\r' {
            if iter.peek() == Some(&b'\n') {
                iter.next();
            }
            normal.push(b'\n');
        } else {
            normal.push(byte);
        }
    }
    if !normal.is_empty() && !normal.ends_with(b"\n") {
        normal.push(b'\n');
    }
    normal
}

/// Checks that the bytes are UTF-8 without NUL bytes, and drops byte-order marks.
fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    // Spreadsheets offer "Unicode text", which is UTF-16 with a byte-order mark; naming it
    // says more than the first byte that is not UTF-8.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Diagnostic::error(
            &Location::new(path, 1, 1),
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 \
             (in a spreadsheet: CSV UTF-8)",
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let at = location_after(path, valid);
            return Err(Diagnostic::error(
                &at,
                format!(
                    "invalid UTF-8: byte 0x{:02x} is not part of a UTF-8 character; save the file \
                     as UTF-8 (in a spreadsheet: CSV UTF-8)",
                    bytes[error.valid_up_to()]
                ),
            ));
        }
    };
    if let Some(nul) = text.find('\0') {
        let at = location_after(path, &text[..nul]);
        return Err(Diagnostic::error(
            &at,
            "NUL byte, which a text file does not hold (is this a binary or UTF-16 file?); \
             save it as UTF-8 (in a spreadsheet: CSV UTF-8)",
        ));
    }
    // A file saved again by a tool that adds a byte-order mark without looking may have two.
    Ok(text.trim_start_matches('\u{feff}'))
}

/// The location of the character that follows `before`, the start of a file, counting lines
/// and columns as the reader does: byte-order marks are not there, CRLF, LF and a lone CR each
/// end a line, and a CR is no column.
fn location_after(path: &str, before: &str) -> Location {
    let before = before.trim_start_matches('\u{feff}');
    let (mut line, mut column) = (1usize, 1usize);
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            line += 1;
            column = 1;
        } else if c != '\r' {
            column += 1;
        }
    }
    Location::new(path, clamp(line), clamp(column))
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A cursor over the text that counts lines and columns as it goes.
///
/// It keeps a byte position into the text rather than a character iterator, so that an
/// unquoted field, by far the most common, is found with one search and copied once instead
/// of a character at a time.
struct Reader<'a> {
    path: &'a str,
    text: &'a str,
    position: usize,
    line: u32,
    column: u32,
}

impl<'a> Reader<'a> {
    fn new(path: &'a str, text: &'a str) -> Self {
        Reader {
            path,
            text,
            position: 0,
            line: 1,
            column: 1,
        }
    }

    fn here(&self) -> Location {
        Location::new(self.path, self.line, self.column)
    }

    fn peek(&self) -> Option<char> {
        self.text[self.position..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.position += c.len_utf8();
        if c == '\n' || (c == '\r' && self.peek() != Some('\n')) {
            self.line = self.line.saturating_add(1);
            self.column = 1;
        } else if c != '\r' {
            self.column = self.column.saturating_add(1);
        }
        Some(c)
    }

    fn records(mut self) -> Result<Vec<Record>, Diagnostic> {
        let mut records = Vec::new();
        while self.peek().is_some() {
            let record = self.record()?;
            let blank = record.fields.iter().all(|field| field.text.is_empty());
            if !blank {
                records.push(record);
            }
        }
        Ok(records)
    }

    /// Reads one record, up to and including its line ending.
    fn record(&mut self) -> Result<Record, Diagnostic> {
        let at = self.here();
        let mut fields = Vec::new();
        loop {
            fields.push(self.field()?);
            match self.bump() {
                Some(',') => continue,
                Some('\r') => {
                    if self.peek() == Some('\n') {
                        self.bump();
                    }
                    break;
                }
                // `field` stops only before `,`, a line ending or the end of the text.
                _ => break,
            }
        }
        Ok(Record { at, fields })
    }

    /// Reads one field, leaving the separator or line ending that ends it unread.
    fn field(&mut self) -> Result<Field, Diagnostic> {
        self.skip_blanks();
        if self.peek() == Some('"') {
            return self.quoted_field();
        }
        let at = self.here();
        // One pass over the bytes finds the field's end and counts its characters (every byte
        // but UTF-8 continuation bytes); a plain loop, since build scripts run unoptimised.
        let bytes = self.text.as_bytes();
        let start = self.position;
        let mut end = start;
        let mut chars = 0;
        while end < bytes.len() && !matches!(bytes[end], b',' | b'\n' | b'\r') {
            if bytes[end] & 0xc0 != 0x80 {
                chars += 1;
            }
            end += 1;
        }
        // The field holds no line ending, so it moves the cursor along its line only.
        self.position = end;
        self.column = self.column.saturating_add(clamp(chars));
        let text = self.text[start..end].trim_end().to_owned();
        Ok(Field { text, at })
    }

    fn quoted_field(&mut self) -> Result<Field, Diagnostic> {
        let quote = self.here();
        self.bump();
        // The field's location is that of its first character that is not whitespace, which
        // may be on a later line than the opening quote.
        let mut at: Option<Location> = None;
        let mut text = String::new();
        loop {
            let here = self.here();
            let c = match self.bump() {
                Some('"') if self.peek() == Some('"') => {
                    self.bump();
                    Some('"')
                }
                Some('"') => break,
                c => c,
            };
            if at.is_none() && c.is_some_and(|c| !c.is_whitespace()) {
                at = Some(here);
            }
            match c {
                None => {
                    return Err(Diagnostic::error(
                        &quote,
                        "unterminated quote; this field opens with `\"` and never closes, so the \
                         rest of the file would be its text; add the closing `\"` (write `\"\"` \
                         for a quote inside a field)",
                    ))
                }
                Some(c) => text.push(c),
            }
        }
        self.skip_blanks();
        if !matches!(self.peek(), None | Some(',' | '\n' | '\r')) {
            let after = self.here();
            let mut rest = String::new();
            while let Some(c) = self.peek() {
                if matches!(c, ',' | '\n' | '\r') {
                    break;
                }
                rest.push(c);
                self.bump();
            }
            return Err(Diagnostic::error(
                &after,
                format!(
                    "text {} after the closing quote of a field; put the whole field inside \
                     the quotes, or remove the quotes",
                    spelling::quoted(rest.trim_end())
                ),
            ));
        }
        // An empty quoted field is located at its opening quote.
        let at = at.unwrap_or(quote);
        let text = text.trim().to_owned();
        Ok(Field { text, at })
    }

    /// Skips whitespace within a line: the same characters that are trimmed from the end of a
    /// field, so that a no-break space pasted from a web page is dropped at either end.
    fn skip_blanks(&mut self) {
        while self
            .peek()
            .is_some_and(|c| c.is_whitespace() && c != '\n' && c != '\r')
        {
            self.bump();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(records: &[Record]) -> Vec<Vec<&str>> {
        records
            .iter()
            .map(|r| r.fields.iter().map(|f| f.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn reads_fields_with_their_columns() {
        let records = read("m.csv", b"id,name\nv1, SPEKE v1 \n").unwrap();
        assert_eq!(texts(&records), [["id", "name"], ["v1", "SPEKE v1"]]);
        let name = &records[1].fields[1];
        assert_eq!((name.at.line, name.at.column), (2, 5));
    }

    #[test]
    fn spreadsheet_variants_read_the_same() {
        let plain = read("m.csv", b"a,b\n1,2\n").unwrap();
        let variants: [&[u8]; 6] = [
            b"\xef\xbb\xbfa,b\r\n1,2\r\n",
            b"a,b\n1,2",
            b"\"a\",\"b\"\n1,\"2\"\n",
            b"a ,  b\n 1,2 \n,,\n",
            "\u{a0}a\u{a0},\u{b}b\n1,\u{3000}2\n".as_bytes(),
            b"a,b\r\n\r\n1,2\r\n",
        ];
        for bytes in variants {
            assert_eq!(texts(&read("m.csv", bytes).unwrap()), texts(&plain));
        }
    }

    #[test]
    fn encoding_normalizes_without_moving_anything() {
        let saved = b"\xef\xbb\xbfa,b\r\n1,\"x\ry\"\r2,3";
        let normal = normalize_encoding(saved);
        assert_eq!(normal, b"a,b\n1,\"x\ny\"\n2,3\n");
        assert_eq!(normalize_encoding(&normal), normal);
        assert_eq!(normalize_encoding(b""), b"");
        let places = |bytes: &[u8]| -> Vec<(u32, u32)> {
            read("m.csv", bytes)
                .unwrap()
                .iter()
                .flat_map(|r| r.fields.iter().map(|f| (f.at.line, f.at.column)))
                .collect()
        };
        assert_eq!(places(saved), places(&normal));
    }

    #[test]
    fn quotes_keep_commas_newlines_and_doubled_quotes() {
        let records = read("m.csv", b"\"a, \"\"b\"\"\nc\",d\n").unwrap();
        assert_eq!(texts(&records), [["a, \"b\"\nc", "d"]]);
        assert_eq!(records[0].fields[1].at.line, 2);
    }

    #[test]
    fn unterminated_quote_points_at_the_opening_quote() {
        let error = read("m.csv", b"a,b\n1,\"2\n3,4\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, 3));
        assert!(error.message.starts_with("unterminated quote"));
    }

    #[test]
    fn a_quoted_field_is_located_at_its_first_character() {
        // Found by the property tests: leading whitespace may hold a line break.
        let records = read("m.csv", b"\"\r\n  x\",\"  y \",\"\"\n").unwrap();
        let places: Vec<(&str, u32, u32)> = records[0]
            .fields
            .iter()
            .map(|f| (f.text.as_str(), f.at.line, f.at.column))
            .collect();
        assert_eq!(places, [("x", 2, 3), ("y", 2, 9), ("", 2, 13)]);
    }

    #[test]
    fn text_after_closing_quote_is_an_error() {
        let error = read("m.csv", b"\"a\"b,c\n").unwrap_err();
        assert_eq!((error.line, error.column), (1, 4));
    }

    #[test]
    fn invalid_utf8_and_nul_are_located() {
        let error = read("m.csv", b"a,b\n1,\xff\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, 3));
        assert!(error.message.contains("invalid UTF-8"));
        let error = read("m.csv", b"a,b\nx\0y,2\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, 2));
        assert!(error.message.contains("NUL byte"));
        // Found by the property tests: a lone CR ends a line here as it does for the reader.
        let error = read("m.csv", b"a,b\r1,\r\n\0").unwrap_err();
        assert_eq!((error.line, error.column), (3, 1));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let records = read("m.csv", "é√,x\n".as_bytes()).unwrap();
        assert_eq!(records[0].fields[1].at.column, 4);
    }

    #[test]
    fn oversized_input_is_refused() {
        let bytes = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        let error = read("m.csv", &bytes).unwrap_err();
        assert!(error.message.contains("over the limit"));
        assert!(check_size("m.csv", MAX_FILE_BYTES).is_ok());
        let error = check_size("m.csv", u64::MAX).unwrap_err();
        assert_eq!(
            (error.path.as_str(), error.line, error.column),
            ("m.csv", 1, 1)
        );
    }
}
