//! New vocabulary rows for the terms a page names and the vocabulary lacks (a DRM system
//! column, an endpoint type row, a SPEKE version's table), appended to the existing file's
//! text so that everything a person wrote there (comments in quotes, order, line endings)
//! stays as it was.
//!
//! The page gives a term's name and nothing else. A new row's other facts are left empty
//! rather than guessed: the build refuses an empty DRM system ID, CPIX version, keys or date
//! with an error at that very field, so a matrix cannot ship until a person has filled them in.
//! A placeholder such as an all-zero UUID would build, and would then be sent to key providers
//! as if it were real. Each new row comes with a warning that says what to fill in.

use crate::diagnostic::{Diagnostic, Location};
use crate::model::TermKind;
use crate::portable::spelling;
use crate::vocabulary::{
    DRM_SYSTEM_COLUMNS, ENDPOINT_COLUMNS, MODE_COLUMNS, QUALIFIER_COLUMNS, VERSION_COLUMNS,
};

use super::terms::NewTerm;

/// A vocabulary file with rows appended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appended {
    /// The text to write: new rows with their unknown facts empty.
    pub text: String,
    /// The same rows with stand-ins for the empty facts, only for checking in memory that the
    /// imported grids agree with the vocabulary; never written.
    pub preview: String,
    pub warnings: Vec<Diagnostic>,
}

/// What the import knows of a new version beyond its name.
#[derive(Clone, Copy, Debug, Default)]
pub struct KnownFacts<'a> {
    /// The address the current versions were transcribed from, which is the page's.
    pub source: Option<&'a str>,
    /// The day the page was saved.
    pub as_of: Option<&'a str>,
}

/// Appends a row per new term of one kind to the text of its vocabulary file at `path`.
pub fn append(
    kind: TermKind,
    path: &str,
    existing: &str,
    new_terms: &[&NewTerm],
    facts: &KnownFacts<'_>,
) -> Appended {
    let newline = if existing.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut text = existing.to_owned();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push_str(newline);
    }
    let mut preview = text.clone();
    let mut warnings = Vec::new();
    for (number, term) in new_terms.iter().enumerate() {
        let line = text.matches('\n').count() + 1;
        let (written, stand_in) = row(kind, term, facts, number);
        text.push_str(&written);
        text.push_str(newline);
        preview.push_str(&stand_in);
        preview.push_str(newline);
        let at = Location::new(path, u32::try_from(line).unwrap_or(u32::MAX), 1);
        warnings.push(Diagnostic::warning(&at, message(kind, term, facts)));
    }
    Appended {
        text,
        preview,
        warnings,
    }
}

/// The row to write and the row to check, as CSV lines without their line ending.
fn row(kind: TermKind, term: &NewTerm, facts: &KnownFacts<'_>, number: usize) -> (String, String) {
    let (id, name) = (term.id.as_str(), field(&term.name));
    let columns = match kind {
        TermKind::Version => VERSION_COLUMNS,
        TermKind::Mode => MODE_COLUMNS,
        TermKind::Endpoint => ENDPOINT_COLUMNS,
        TermKind::DrmSystem => DRM_SYSTEM_COLUMNS,
        TermKind::Qualifier => QUALIFIER_COLUMNS,
    };
    let mut written = vec![id.to_owned(), name, String::new()];
    let mut stand_in = written.clone();
    match kind {
        TermKind::Version => {
            let source = facts.source.map(field).unwrap_or_default();
            let as_of = facts.as_of.map(field).unwrap_or_default();
            written.extend([String::new(), String::new(), source.clone(), as_of.clone()]);
            let or = |value: String, stand_in: &str| {
                if value.is_empty() {
                    stand_in.to_owned()
                } else {
                    value
                }
            };
            stand_in.extend([
                "0.0".to_owned(),
                "one".to_owned(),
                or(source, "https://stand-in.invalid/"),
                or(as_of, "1970-01-01"),
            ]);
        }
        TermKind::DrmSystem => {
            written.push(String::new());
            stand_in.push(format!("00000000-0000-0000-0000-{:012x}", number + 1));
        }
        // The importer never adds a qualifier: a cell's unknown words are errors.
        TermKind::Mode | TermKind::Endpoint | TermKind::Qualifier => {}
    }
    debug_assert_eq!(written.len(), columns.len());
    (written.join(","), stand_in.join(","))
}

/// A CSV field, quoted when it holds a separator, a quote or surrounding whitespace.
fn field(value: &str) -> String {
    let needs_quotes = value.contains([',', '"', '\n', '\r']) || value.trim() != value;
    if needs_quotes {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn message(kind: TermKind, term: &NewTerm, facts: &KnownFacts<'_>) -> String {
    let seen = format!(
        "{} on the page at {}:{}:{}",
        spelling::quoted(&term.name),
        term.at.path,
        term.at.line,
        term.at.column
    );
    let mut message = format!(
        "new {} `{}` added from the page ({seen}); ",
        kind.what(),
        term.id
    );
    match kind {
        TermKind::DrmSystem => message.push_str(
            "fill in its system ID (the DASH-IF UUID) and any aliases, which the page does not \
             give; the build refuses the empty system ID until then",
        ),
        TermKind::Version => {
            let mut fields = vec!["cpix-version", "keys"];
            if facts.source.is_none() {
                fields.push("source");
            }
            if facts.as_of.is_none() {
                fields.push("as-of");
            }
            let fields = spelling::join(&fields);
            message.push_str(&format!(
                "fill in its {fields}, which the page's table does not give; the build refuses \
                 the empty fields until then"
            ));
        }
        TermKind::Mode | TermKind::Endpoint | TermKind::Qualifier => {
            message.push_str("check its id and add any aliases, which the page does not give");
        }
    }
    if let Some(close) = &term.close_to {
        message.push_str(&format!(
            "; its name is close to `{close}`: if it is the same {}, remove this row and add {} \
             as an alias of `{close}` instead",
            kind.what(),
            spelling::quoted(&term.name)
        ));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(kind: TermKind, id: &str, name: &str) -> NewTerm {
        NewTerm {
            kind,
            id: id.into(),
            name: name.into(),
            at: Location::new("page.md", 14, 3),
            close_to: None,
        }
    }

    #[test]
    fn appends_rows_keeping_the_text() {
        let existing = "id,name,aliases,system-id\r\n\
                        \"widevine\",Google Widevine,wv,edef8ba9-79d6-4ace-a3c8-27dcd51d21ed";
        let nagra = term(TermKind::DrmSystem, "nagra", "Nagra, Inc.");
        let appended = append(
            TermKind::DrmSystem,
            "m/drm-systems.csv",
            existing,
            &[&nagra],
            &KnownFacts::default(),
        );
        assert_eq!(
            appended.text,
            format!("{existing}\r\nnagra,\"Nagra, Inc.\",,\r\n")
        );
        assert!(appended
            .preview
            .ends_with("nagra,\"Nagra, Inc.\",,00000000-0000-0000-0000-000000000001\r\n"));
        let warning = &appended.warnings[0];
        assert_eq!((warning.line, warning.column), (3, 1));
        assert!(warning.message.contains("fill in its system ID"));
        assert!(warning.message.contains("page.md:14:3"));
    }

    #[test]
    fn a_new_version_keeps_the_known_source() {
        let existing = "id,name,aliases,cpix-version,keys,source,as-of\n";
        let v21 = term(TermKind::Version, "v2-1", "SPEKE v2.1");
        let appended = append(
            TermKind::Version,
            "versions.csv",
            existing,
            &[&v21],
            &KnownFacts {
                source: Some("https://docs.invalid/page.html"),
                as_of: None,
            },
        );
        assert!(appended
            .text
            .ends_with("\nv2-1,SPEKE v2.1,,,,https://docs.invalid/page.html,\n"));
        assert!(appended.warnings[0]
            .message
            .contains("fill in its cpix-version, keys and as-of"));
    }
}
