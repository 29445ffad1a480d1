//! The vocabulary files: SPEKE versions, modes, endpoint types, DRM systems and qualifiers,
//! each with an id, a display name, aliases and the facts of its kind.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Location};
use crate::ident;
use crate::model::{DrmSystem, Keys, Qualifier, Term, TermKind, Version};
use crate::portable::spelling;
use crate::table::{self, Row};

pub const VERSION_COLUMNS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "cpix-version",
    "keys",
    "source",
    "as-of",
];
pub const MODE_COLUMNS: &[&str] = &["id", "name", "aliases"];
pub const ENDPOINT_COLUMNS: &[&str] = &["id", "name", "aliases"];
pub const DRM_SYSTEM_COLUMNS: &[&str] = &["id", "name", "aliases", "system-id"];
pub const QUALIFIER_COLUMNS: &[&str] = &["id", "name", "aliases", "group", "phrase"];

/// The most qualifiers a matrix may define: a cell's qualifiers are a 64-bit set.
pub const MAX_QUALIFIERS: usize = 64;

/// All five vocabulary files, read and checked.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    pub versions: Vec<Version>,
    pub modes: Vec<Term>,
    pub endpoints: Vec<Term>,
    pub drm_systems: Vec<DrmSystem>,
    pub qualifiers: Vec<Qualifier>,
    pub spellings: BTreeMap<TermKind, BTreeMap<String, usize>>,
    /// Kinds whose file is missing, unreadable, or defines nothing. Their words are not looked
    /// up: every lookup would fail for the one reason already reported.
    pub unusable: BTreeSet<TermKind>,
    /// Normalised spellings written on rows that define no term (a ragged row, a row without
    /// an id), by kind: a grid that uses one adds no error to the one already reported.
    pub rejected: BTreeMap<TermKind, BTreeSet<String>>,
}

impl Vocabulary {
    pub fn terms(&self, kind: TermKind) -> Vec<&Term> {
        match kind {
            TermKind::Version => self.versions.iter().map(|v| &v.term).collect(),
            TermKind::Mode => self.modes.iter().collect(),
            TermKind::Endpoint => self.endpoints.iter().collect(),
            TermKind::DrmSystem => self.drm_systems.iter().map(|d| &d.term).collect(),
            TermKind::Qualifier => self.qualifiers.iter().map(|q| &q.term).collect(),
        }
    }

    /// The index of the term a word names, or the message for an unknown word.
    pub fn find(&self, kind: TermKind, word: &str) -> Result<usize, String> {
        find(&self.spellings, || self.terms(kind), kind, word)
    }

    /// Whether an unknown word of a kind is explained by an error already reported: its
    /// kind's file could not be used, or the row that meant to define it was wrong.
    pub fn already_reported(&self, kind: TermKind, word: &str) -> bool {
        self.unusable.contains(&kind)
            || self
                .rejected
                .get(&kind)
                .is_some_and(|rejected| rejected.contains(&spelling::normalize(word)))
    }
}

/// The index of the term a word names (its id, display name or an alias, in any case and with
/// `_` for `-`), or the message for an unknown word, with the nearest spelling. `terms` lists
/// the kind's terms; it is called only to word an unknown word's message.
///
/// A grid looks a word up for every row and every qualifier of every cell, and most words are
/// written as their ids already, so a word is first looked up as written: the map's keys are
/// normalised, so a word that equals one is its own normal form and names the same term.
/// Only other words pay for the normalised copy, and only unknown ones for the term list.
pub(crate) fn find<'t>(
    spellings: &BTreeMap<TermKind, BTreeMap<String, usize>>,
    terms: impl FnOnce() -> Vec<&'t Term>,
    kind: TermKind,
    word: &str,
) -> Result<usize, String> {
    let spellings = spellings.get(&kind);
    if let Some(map) = spellings {
        if let Some(&index) = map.get(word) {
            return Ok(index);
        }
        if let Some(&index) = map.get(&spelling::normalize(word)) {
            return Ok(index);
        }
    }
    let terms = terms();
    let ids: Vec<&str> = terms.iter().map(|t| t.id.as_str()).collect();
    let candidates = spellings
        .into_iter()
        .flatten()
        .map(|(s, &i)| (s.as_str(), terms[i].id.as_str()));
    let suggestion = spelling::closest(word, candidates);
    Err(spelling::unknown_word(kind.what(), word, &ids, suggestion))
}

/// A term as read from its row, with the place of each spelling for clash diagnostics.
struct ReadTerm {
    term: Term,
    /// The id, the display name and each alias: what it is, its text, and where it is written.
    spellings: Vec<(&'static str, String, Location)>,
}

/// Reads the id, name and aliases that every vocabulary row starts with. A row with a wrong
/// name or alias still defines its term, so that the grids using it do not repeat the error
/// as unknown words (the build fails anyway); a row without an id defines nothing.
fn read_term(
    kind: TermKind,
    row: &Row,
    vocabulary: &mut Vocabulary,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ReadTerm> {
    let (id, name, aliases) = (row.field(0), row.field(1), row.field(2));
    if let Err(message) = ident::check(&id.text) {
        diagnostics.push(Diagnostic::error(&id.at, message));
        // The grids likely write the id the message suggests (`cmaf-hls` for `cmaf.hls`).
        let intended = spelling::normalize(&ident::suggested_id(&id.text));
        vocabulary
            .rejected
            .entry(kind)
            .or_default()
            .insert(intended);
    }
    if name.text.is_empty() {
        diagnostics.push(Diagnostic::error(
            &name.at,
            format!(
                "empty name; write the {} as the reference prints it (such as `{}`)",
                kind.what(),
                example_name(kind)
            ),
        ));
    }
    let mut spellings = vec![
        ("id", id.text.clone(), id.at.clone()),
        ("name", name.text.clone(), name.at.clone()),
    ];
    if !aliases.text.is_empty() {
        let mut offset = 0;
        for part in aliases.text.split('|') {
            let lead = part.chars().count() - part.trim_start().chars().count();
            let alias = part.trim();
            if alias.is_empty() {
                diagnostics.push(Diagnostic::error(
                    &aliases.at.shifted(offset),
                    "empty alias; separate aliases with a single `|`, as in `hls | ts`",
                ));
            } else {
                spellings.push(("alias", alias.to_owned(), aliases.at.shifted(offset + lead)));
            }
            offset += part.chars().count() + 1;
        }
    }
    if id.text.is_empty() {
        let rejected = vocabulary.rejected.entry(kind).or_default();
        rejected.extend(
            spellings
                .iter()
                .map(|(_, text, _)| spelling::normalize(text)),
        );
        return None;
    }
    let term = Term {
        id: id.text.clone(),
        name: name.text.clone(),
        aliases: spellings[2..]
            .iter()
            .map(|(_, alias, _)| alias.clone())
            .collect(),
        at: row.at.clone(),
    };
    Some(ReadTerm { term, spellings })
}

/// A display name of each kind as the reference prints it, for messages.
fn example_name(kind: TermKind) -> &'static str {
    match kind {
        TermKind::Version => "SPEKE v2",
        TermKind::Mode => "VOD",
        TermKind::Endpoint => "CMAF Apple HLS",
        TermKind::DrmSystem => "Google Widevine",
        TermKind::Qualifier => "key rotation",
    }
}

/// Maps every spelling of every term of a kind to the term's index, reporting duplicate ids
/// and spellings that would name two terms.
fn spelling_map(
    kind: TermKind,
    terms: &[ReadTerm],
    diagnostics: &mut Vec<Diagnostic>,
) -> BTreeMap<String, usize> {
    let what = kind.what();
    let mut map: BTreeMap<String, usize> = BTreeMap::new();
    let mut variants: BTreeMap<String, usize> = BTreeMap::new();
    for (index, read) in terms.iter().enumerate() {
        let variant = ident::camel_case(&read.term.id);
        if let Some(&other) = variants.get(&variant) {
            let other = &terms[other].term;
            let message = if other.id == read.term.id {
                format!(
                    "duplicate {what} id `{}` (first defined on line {}); give each {what} its \
                     own id, or merge the two rows",
                    read.term.id, other.at.line
                )
            } else {
                format!(
                    "id `{}` becomes the Rust name `{variant}`, as `{}` on line {} does; rename one",
                    read.term.id, other.id, other.at.line
                )
            };
            diagnostics.push(Diagnostic::error(&read.spellings[0].2, message));
            continue;
        }
        variants.insert(variant, index);
        for (role, spelling, at) in &read.spellings {
            let normal = spelling::normalize(spelling);
            match map.get(&normal) {
                Some(&other) if other != index => {
                    let other = &terms[other].term;
                    diagnostics.push(Diagnostic::error(
                        at,
                        format!(
                            "{role} {} already names {what} `{}` (line {}); an id, name or alias \
                             names one {what} only",
                            spelling::quoted(spelling),
                            other.id,
                            other.at.line,
                        ),
                    ));
                }
                _ => {
                    map.insert(normal, index);
                }
            }
        }
    }
    map
}

/// Reads a vocabulary file whose rows are terms plus facts, read by `facts`, which reports
/// its own errors and returns a value either way.
fn read_kind<T>(
    kind: TermKind,
    path: &str,
    bytes: &[u8],
    columns: &[&str],
    vocabulary: &mut Vocabulary,
    diagnostics: &mut Vec<Diagnostic>,
    mut facts: impl FnMut(Term, &Row, &mut Vec<Diagnostic>) -> T,
) -> Vec<T> {
    let Some(table) = table::read_fixed(path, bytes, columns, diagnostics) else {
        vocabulary.unusable.insert(kind);
        return Vec::new();
    };
    reject_ragged(kind, &table.ragged, vocabulary);
    if table.rows.is_empty() && table.ragged.is_empty() && kind != TermKind::Qualifier {
        diagnostics.push(Diagnostic::error(
            &Location::new(path, 2, 1),
            format!(
                "no rows; add a row below the header for each {}, as in `{}`",
                kind.what(),
                example_row(kind)
            ),
        ));
        vocabulary.unusable.insert(kind);
    }
    let mut read = Vec::new();
    let mut values = Vec::new();
    for row in &table.rows {
        let Some(term) = read_term(kind, row, vocabulary, diagnostics) else {
            continue;
        };
        values.push(facts(term.term.clone(), row, diagnostics));
        read.push(term);
    }
    let map = spelling_map(kind, &read, diagnostics);
    vocabulary.spellings.insert(kind, map);
    values
}

/// Remembers the id, name and aliases written on ragged rows, which define no term.
fn reject_ragged(kind: TermKind, ragged: &[crate::csv::Record], vocabulary: &mut Vocabulary) {
    let rejected = vocabulary.rejected.entry(kind).or_default();
    for record in ragged {
        let spellings = record.fields.iter().take(3).enumerate();
        for (column, field) in spellings {
            let parts: Vec<&str> = if column == 2 {
                field.text.split('|').collect()
            } else {
                vec![field.text.as_str()]
            };
            rejected.extend(parts.into_iter().map(spelling::normalize));
        }
    }
}

/// A row of each vocabulary file, for messages.
fn example_row(kind: TermKind) -> &'static str {
    match kind {
        TermKind::Version => {
            "v2,SPEKE v2,speke2,2.3,several,https://docs.aws.amazon.com/...,2026-12-03"
        }
        TermKind::Mode => "vod,VOD,video-on-demand",
        TermKind::Endpoint => "dash,DASH,mpeg-dash",
        TermKind::DrmSystem => "widevine,Google Widevine,wv,edef8ba9-79d6-4ace-a3c8-27dcd51d21ed",
        TermKind::Qualifier => "key-rotation,key rotation,rotation,,with key rotation",
    }
}

/// The source files of a vocabulary, by kind.
pub struct VocabularySources<'a> {
    pub files: BTreeMap<TermKind, (&'a str, &'a [u8])>,
}

/// Reads the five vocabulary files. A missing file has been reported by the caller; its kind
/// is left empty and unusable.
pub fn read(sources: &VocabularySources<'_>, diagnostics: &mut Vec<Diagnostic>) -> Vocabulary {
    let mut vocabulary = Vocabulary::default();
    for kind in TermKind::ALL {
        let Some(&(path, bytes)) = sources.files.get(&kind) else {
            vocabulary.unusable.insert(kind);
            continue;
        };
        match kind {
            TermKind::Version => {
                vocabulary.versions = read_kind(
                    kind,
                    path,
                    bytes,
                    VERSION_COLUMNS,
                    &mut vocabulary,
                    diagnostics,
                    read_version,
                );
            }
            TermKind::Mode => {
                vocabulary.modes = read_kind(
                    kind,
                    path,
                    bytes,
                    MODE_COLUMNS,
                    &mut vocabulary,
                    diagnostics,
                    |t, _, _| t,
                );
            }
            TermKind::Endpoint => {
                vocabulary.endpoints = read_kind(
                    kind,
                    path,
                    bytes,
                    ENDPOINT_COLUMNS,
                    &mut vocabulary,
                    diagnostics,
                    |t, _, _| t,
                );
            }
            TermKind::DrmSystem => {
                let mut system_ids = SystemIds::default();
                vocabulary.drm_systems = read_kind(
                    kind,
                    path,
                    bytes,
                    DRM_SYSTEM_COLUMNS,
                    &mut vocabulary,
                    diagnostics,
                    |term, row, diagnostics| {
                        read_drm_system(term, row, &mut system_ids, diagnostics)
                    },
                );
            }
            TermKind::Qualifier => {
                vocabulary.qualifiers = read_kind(
                    kind,
                    path,
                    bytes,
                    QUALIFIER_COLUMNS,
                    &mut vocabulary,
                    diagnostics,
                    read_qualifier,
                );
                if vocabulary.qualifiers.len() > MAX_QUALIFIERS {
                    let extra = &vocabulary.qualifiers[MAX_QUALIFIERS].term;
                    diagnostics.push(Diagnostic::error(
                        &extra.at,
                        format!(
                            "too many qualifiers: `{}` is number {}, and a matrix may define at \
                             most {MAX_QUALIFIERS} (a cell's qualifiers are a {MAX_QUALIFIERS}-bit set)",
                            extra.id,
                            MAX_QUALIFIERS + 1
                        ),
                    ));
                }
            }
        }
    }
    vocabulary
}

/// "empty X" for an empty field, "invalid X `value`" otherwise: the start of a message about
/// a fact that is not what its column expects.
fn wrong(what: &str, found: &str) -> String {
    if found.is_empty() {
        format!("empty {what}")
    } else {
        format!("invalid {what} {}", spelling::quoted(found))
    }
}

fn read_version(term: Term, row: &Row, diagnostics: &mut Vec<Diagnostic>) -> Version {
    let (cpix, keys, source, as_of) = (row.field(3), row.field(4), row.field(5), row.field(6));
    let cpix_ok = cpix.text.split('.').count() == 2
        && cpix
            .text
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
    if !cpix_ok {
        let message = format!(
            "{}; write the CPIX version the SPEKE version uses, as `2.3`",
            wrong("CPIX version", &cpix.text)
        );
        diagnostics.push(Diagnostic::error(&cpix.at, message));
    }
    let keys = match keys.text.as_str() {
        "one" => Keys::One,
        "several" => Keys::Several,
        other => {
            let message = format!(
                "{}; expected `one` (one key for all tracks) or `several` (keys by preset)",
                wrong("keys", other)
            );
            diagnostics.push(Diagnostic::error(&keys.at, message));
            // Any value will do: the error fails the build before the value is used.
            Keys::One
        }
    };
    if !(source.text.starts_with("https://") || source.text.starts_with("http://")) {
        let message = format!(
            "{}; write the address (https://...) of the page the grid was transcribed from",
            wrong("source", &source.text)
        );
        diagnostics.push(Diagnostic::error(&source.at, message));
    }
    if !is_date(&as_of.text) {
        let message = format!(
            "{}; write the date the grid was checked as YYYY-MM-DD, such as `2026-12-03`",
            wrong("as-of date", &as_of.text)
        );
        diagnostics.push(Diagnostic::error(&as_of.at, message));
    }
    Version {
        term,
        cpix_version: cpix.text.clone(),
        keys,
        source: source.text.clone(),
        as_of: as_of.text.clone(),
    }
}

/// Whether a text is a real date written YYYY-MM-DD.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let [year, month, day] = parts[..] else {
        return false;
    };
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return false;
    }
    let (year, month, day): (u32, u32, u32) = (
        year.parse().unwrap_or(0),
        month.parse().unwrap_or(0),
        day.parse().unwrap_or(0),
    );
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The valid system IDs read so far, with the DRM system and the place of each, to report a
/// system ID given to two DRM systems.
#[derive(Default)]
struct SystemIds {
    seen: Vec<(String, String, u32)>,
}

fn read_drm_system(
    term: Term,
    row: &Row,
    system_ids: &mut SystemIds,
    diagnostics: &mut Vec<Diagnostic>,
) -> DrmSystem {
    let field = row.field(3);
    let system_id = field.text.to_ascii_lowercase();
    if !is_uuid(&system_id) {
        let message = format!(
            "{}; write the DASH-IF system ID as a UUID of 8-4-4-4-12 hexadecimal digits, such as \
             `edef8ba9-79d6-4ace-a3c8-27dcd51d21ed`",
            wrong("DRM system ID", &field.text)
        );
        diagnostics.push(Diagnostic::error(&field.at, message));
    } else if let Some((_, first, line)) = system_ids.seen.iter().find(|(id, ..)| *id == system_id)
    {
        diagnostics.push(Diagnostic::error(
            &field.at,
            format!(
                "DRM system `{}` has the system ID of `{first}` (line {line}); each DRM system \
                 has its own",
                term.id
            ),
        ));
    } else {
        system_ids
            .seen
            .push((system_id.clone(), term.id.clone(), row.at.line));
    }
    DrmSystem { term, system_id }
}

/// Whether a text is a UUID in its 8-4-4-4-12 hexadecimal form.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.chars().all(|c| c.is_ascii_hexdigit()))
}

fn read_qualifier(term: Term, row: &Row, diagnostics: &mut Vec<Diagnostic>) -> Qualifier {
    let (group, phrase) = (row.field(3), row.field(4));
    if !group.text.is_empty() {
        if let Err(message) = ident::check_as("group", &group.text) {
            diagnostics.push(Diagnostic::error(&group.at, message));
        }
    }
    if phrase.text.is_empty() {
        diagnostics.push(Diagnostic::error(
            &phrase.at,
            "empty phrase; write how the docs print the qualifier after a check mark, as \
             `with key rotation`",
        ));
    }
    Qualifier {
        term,
        group: (!group.text.is_empty()).then(|| group.text.clone()),
        phrase: phrase.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `find` looks a word up as written before normalising it, which is right only if a
    /// normalised spelling normalises to itself.
    #[test]
    fn normalised_spellings_are_their_own_normal_form() {
        for word in [
            "Key_Rotation",
            " CMAF  Apple HLS ",
            "-aes--128-",
            "Microsoft PlayReady",
            "ÉCLAIR Ǆ İstanbul ß",
            "√",
        ] {
            let normal = spelling::normalize(word);
            assert_eq!(spelling::normalize(&normal), normal, "{word}");
        }
    }

    #[test]
    fn dates_and_uuids() {
        assert!(is_date("2026-12-03"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2026-02-29"));
        assert!(!is_date("2026-04-31"));
        assert!(!is_date("2026-13-03"));
        assert!(!is_date("2026-1-03"));
        assert!(!is_date("3/12/2026"));
        assert!(is_uuid("edef8ba9-79d6-4ace-a3c8-27dcd51d21ed"));
        assert!(!is_uuid("edef8ba9-79d6-4ace-a3c8-27dcd51d21e"));
        assert!(!is_uuid("edef8ba979d64acea3c827dcd51d21ed"));
    }
}
