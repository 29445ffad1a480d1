//! The date a grid was checked against AWS's page (`as-of` in versions.csv), set by an import
//! for the versions whose tables the page gave, when the caller says which date that was.
//!
//! The importer never reads a clock: the same page imported twice gives the same bytes, and
//! the date is the day the page was saved, which only the person importing it knows.

use crate::csv;
use crate::diagnostic::{Diagnostic, Location};

/// A date written YYYY-MM-DD, as versions.csv holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AsOf<'a>(&'a str);

impl<'a> AsOf<'a> {
    /// Checks a date, or says what is expected.
    pub fn parse(text: &'a str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
        let valid = match parts[..] {
            [year, month, day] if digits(year, 4) && digits(month, 2) && digits(day, 2) => {
                let month: u32 = month.parse().unwrap_or(0);
                let day: u32 = day.parse().unwrap_or(0);
                (1..=12).contains(&month) && (1..=31).contains(&day)
            }
            _ => false,
        };
        if valid {
            Ok(AsOf(text))
        } else {
            Err(format!(
                "invalid date `{text}`; write the day the page was saved as YYYY-MM-DD, such as \
                 `2026-12-03`"
            ))
        }
    }

    pub fn as_str(self) -> &'a str {
        self.0
    }
}

/// The column of the date in versions.csv.
const COLUMN: &str = "as-of";

/// Sets the date of each version in `ids` in the text of versions.csv at `path`, changing only
/// the date's characters, so that the rest of what a person wrote stays as it was. A date that
/// cannot be replaced in place (written in a way this does not expect) is left, with a warning
/// that says where to change it by hand.
pub fn set(path: &str, text: &str, ids: &[&str], date: AsOf<'_>) -> (String, Vec<Diagnostic>) {
    let mut warnings = Vec::new();
    let Ok(records) = csv::read(path, text.as_bytes()) else {
        // The matrix compiled from this text, so it reads; nothing to change otherwise.
        return (text.to_owned(), warnings);
    };
    let Some(column) = records
        .first()
        .and_then(|header| header.fields.iter().position(|f| f.text == COLUMN))
    else {
        return (text.to_owned(), warnings);
    };
    // Replacements as (byte offset, old length), applied from the end so offsets stay valid.
    let mut replacements: Vec<(usize, usize)> = Vec::new();
    for record in records.iter().skip(1) {
        let is_imported = record
            .fields
            .first()
            .is_some_and(|id| ids.contains(&id.text.as_str()));
        let Some(field) = record.fields.get(column).filter(|_| is_imported) else {
            continue;
        };
        match byte_offset(text, &field.at) {
            Some(offset) if text[offset..].starts_with(field.text.as_str()) => {
                replacements.push((offset, field.text.len()));
            }
            _ => warnings.push(Diagnostic::warning(
                &field.at,
                format!(
                    "could not set this as-of date to {}; change it by hand",
                    date.as_str()
                ),
            )),
        }
    }
    let mut out = text.to_owned();
    for (offset, len) in replacements.into_iter().rev() {
        out.replace_range(offset..offset + len, date.as_str());
    }
    (out, warnings)
}

/// The byte offset of a line and character column in a text.
fn byte_offset(text: &str, at: &Location) -> Option<usize> {
    let line_start = if at.line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(usize::try_from(at.line).ok()? - 2)?
            .0
            + 1
    };
    let column = usize::try_from(at.column).ok()?.checked_sub(1)?;
    let line = &text[line_start..];
    let within = line
        .char_indices()
        .nth(column)
        .map_or(line.len(), |(i, _)| i);
    Some(line_start + within)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERSIONS: &str = "id,name,aliases,cpix-version,keys,source,as-of\r\n\
        v1,SPEKE v1,,2.0,one,https://x.invalid,2026-12-03\r\n\
        v2,\"SPEKE v2\",,2.3,several,https://x.invalid, \"2026-12-03\"\r\n\
        v3,SPEKE v3,,2.4,several,https://x.invalid,2026-12-03";

    #[test]
    fn sets_only_the_dates_of_imported_versions() {
        let date = AsOf::parse("2027-01-15").unwrap();
        let (text, warnings) = set("versions.csv", VERSIONS, &["v1", "v2"], date);
        assert!(warnings.is_empty());
        assert_eq!(
            text,
            VERSIONS.replacen("2026-12-03", "2027-01-15", 2).to_owned()
        );
        assert!(text.ends_with("v3,SPEKE v3,,2.4,several,https://x.invalid,2026-12-03"));
        assert!(text.contains(", \"2027-01-15\"\r\n"));
    }

    #[test]
    fn dates_are_checked() {
        assert!(AsOf::parse("2026-12-03").is_ok());
        assert!(AsOf::parse("2026-13-03").is_err());
        let message = AsOf::parse("3/12/2026").unwrap_err();
        assert!(message.starts_with("invalid date `3/12/2026`; write"));
    }
}
