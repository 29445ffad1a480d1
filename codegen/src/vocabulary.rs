//! The vocabulary files: SPEKE versions, modes, endpoint types, DRM systems and qualifiers,
//! each with an id, a display name, aliases and the facts of its kind.

use std::collections::BTreeMap;

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
    /// The id, the display name and each alias, with where it is written.
    spellings: Vec<(String, Location)>,
}

/// Reads the id, name and aliases that every vocabulary row starts with.
fn read_term(row: &Row, diagnostics: &mut Vec<Diagnostic>) -> Option<ReadTerm> {
    let (id, name, aliases) = (row.field(0), row.field(1), row.field(2));
    let mut ok = true;
    if let Err(message) = ident::check(&id.text) {
        diagnostics.push(Diagnostic::error(&id.at, message));
        ok = false;
    }
    if name.text.is_empty() {
        diagnostics.push(Diagnostic::error(
            &name.at,
            "empty name; write the name as the reference prints it (such as `Google Widevine`)",
        ));
        ok = false;
    }
    let mut spellings = vec![
        (id.text.clone(), id.at.clone()),
        (name.text.clone(), name.at.clone()),
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
                ok = false;
            } else {
                spellings.push((alias.to_owned(), aliases.at.shifted(offset + lead)));
            }
            offset += part.chars().count() + 1;
        }
    }
    let term = Term {
        id: id.text.clone(),
        name: name.text.clone(),
        aliases: spellings[2..]
            .iter()
            .map(|(alias, _)| alias.clone())
            .collect(),
        at: row.at.clone(),
    };
    ok.then_some(ReadTerm { term, spellings })
}

/// Maps every spelling of every term of a kind to the term's index, reporting duplicate ids
/// and spellings that would name two terms.
fn spelling_map(
    kind: TermKind,
    terms: &[ReadTerm],
    diagnostics: &mut Vec<Diagnostic>,
) -> BTreeMap<String, usize> {
    let mut map: BTreeMap<String, usize> = BTreeMap::new();
    let mut variants: BTreeMap<String, usize> = BTreeMap::new();
    for (index, read) in terms.iter().enumerate() {
        let variant = ident::camel_case(&read.term.id);
        if let Some(&other) = variants.get(&variant) {
            let other = &terms[other].term;
            let message = if other.id == read.term.id {
                format!(
                    "duplicate {} id `{}` (first defined on line {})",
                    kind.what(),
                    read.term.id,
                    other.at.line
                )
            } else {
                format!(
                    "id `{}` becomes the Rust name `{variant}`, as `{}` on line {} does; rename one",
                    read.term.id, other.id, other.at.line
                )
            };
            diagnostics.push(Diagnostic::error(&read.spellings[0].1, message));
            continue;
        }
        variants.insert(variant, index);
        for (spelling, at) in &read.spellings {
            let normal = spelling::normalize(spelling);
            match map.get(&normal) {
                Some(&other) if other != index => {
                    let other = &terms[other].term;
                    diagnostics.push(Diagnostic::error(
                        at,
                        format!(
                            "{} already names {} `{}` (line {}); a spelling must name one {}",
                            spelling::quoted(spelling),
                            kind.what(),
                            other.id,
                            other.at.line,
                            kind.what()
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

/// Reads a vocabulary file whose rows are terms plus `extra` facts, parsed by `facts`.
fn read_kind<T>(
    kind: TermKind,
    path: &str,
    bytes: &[u8],
    columns: &[&str],
    vocabulary: &mut Vocabulary,
    diagnostics: &mut Vec<Diagnostic>,
    mut facts: impl FnMut(Term, &Row, &mut Vec<Diagnostic>) -> Option<T>,
) -> Vec<T> {
    let Some(rows) = table::read_fixed(path, bytes, columns, diagnostics) else {
        return Vec::new();
    };
    if rows.is_empty() && kind != TermKind::Qualifier {
        diagnostics.push(Diagnostic::error(
            &Location::new(path, 2, 1),
            format!(
                "no {} defined; add a row below the header for each",
                kind.what()
            ),
        ));
    }
    let mut read = Vec::new();
    let mut values = Vec::new();
    for row in &rows {
        let Some(term) = read_term(row, diagnostics) else {
            continue;
        };
        if let Some(value) = facts(term.term.clone(), row, diagnostics) {
            read.push(term);
            values.push(value);
        }
    }
    let map = spelling_map(kind, &read, diagnostics);
    vocabulary.spellings.insert(kind, map);
    values
}

/// The source files of a vocabulary, by kind.
pub struct VocabularySources<'a> {
    pub files: BTreeMap<TermKind, (&'a str, &'a [u8])>,
}

/// Reads the five vocabulary files. A missing file has been reported by the caller; its kind
/// is left empty.
pub fn read(sources: &VocabularySources<'_>, diagnostics: &mut Vec<Diagnostic>) -> Vocabulary {
    let mut vocabulary = Vocabulary::default();
    for kind in TermKind::ALL {
        let Some(&(path, bytes)) = sources.files.get(&kind) else {
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
                    |t, _, _| Some(t),
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
                    |t, _, _| Some(t),
                );
            }
            TermKind::DrmSystem => {
                vocabulary.drm_systems = read_kind(
                    kind,
                    path,
                    bytes,
                    DRM_SYSTEM_COLUMNS,
                    &mut vocabulary,
                    diagnostics,
                    read_drm_system,
                );
                check_system_ids(&vocabulary.drm_systems, diagnostics);
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
                            "too many qualifiers; a matrix may define at most {MAX_QUALIFIERS}"
                        ),
                    ));
                }
            }
        }
    }
    vocabulary
}

fn read_version(term: Term, row: &Row, diagnostics: &mut Vec<Diagnostic>) -> Option<Version> {
    let (cpix, keys, source, as_of) = (row.field(3), row.field(4), row.field(5), row.field(6));
    let mut ok = true;
    let cpix_ok = cpix.text.split('.').count() == 2
        && cpix
            .text
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
    if !cpix_ok {
        let message = format!(
            "invalid CPIX version {}; write it as `2.3`",
            spelling::quoted(&cpix.text)
        );
        diagnostics.push(Diagnostic::error(&cpix.at, message));
        ok = false;
    }
    let keys = match keys.text.as_str() {
        "one" => Some(Keys::One),
        "several" => Some(Keys::Several),
        other => {
            let message = format!(
                "invalid keys {}; expected `one` (one key for all tracks) or `several` (keys by preset)",
                spelling::quoted(other)
            );
            diagnostics.push(Diagnostic::error(&keys.at, message));
            None
        }
    };
    if !(source.text.starts_with("https://") || source.text.starts_with("http://")) {
        let message = format!(
            "invalid source {}; write the address of the page the grid was transcribed from",
            spelling::quoted(&source.text)
        );
        diagnostics.push(Diagnostic::error(&source.at, message));
        ok = false;
    }
    if !is_date(&as_of.text) {
        let message = format!(
            "invalid as-of date {}; write the date the grid was checked, as `2026-12-03`",
            spelling::quoted(&as_of.text)
        );
        diagnostics.push(Diagnostic::error(&as_of.at, message));
        ok = false;
    }
    let keys = keys?;
    ok.then(|| Version {
        term,
        cpix_version: cpix.text.clone(),
        keys,
        source: source.text.clone(),
        as_of: as_of.text.clone(),
    })
}

/// Whether a text is a date written YYYY-MM-DD.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    match parts[..] {
        [year, month, day] if digits(year, 4) && digits(month, 2) && digits(day, 2) => {
            let (month, day): (u32, u32) = (month.parse().unwrap_or(0), day.parse().unwrap_or(0));
            (1..=12).contains(&month) && (1..=31).contains(&day)
        }
        _ => false,
    }
}

fn read_drm_system(term: Term, row: &Row, diagnostics: &mut Vec<Diagnostic>) -> Option<DrmSystem> {
    let field = row.field(3);
    let system_id = field.text.to_ascii_lowercase();
    if !is_uuid(&system_id) {
        let message = format!(
            "invalid DRM system ID {}; write the DASH-IF system ID as a UUID, \
             such as `edef8ba9-79d6-4ace-a3c8-27dcd51d21ed`",
            spelling::quoted(&field.text)
        );
        diagnostics.push(Diagnostic::error(&field.at, message));
        return None;
    }
    Some(DrmSystem { term, system_id })
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

fn check_system_ids(drm_systems: &[DrmSystem], diagnostics: &mut Vec<Diagnostic>) {
    for (i, drm) in drm_systems.iter().enumerate() {
        if let Some(first) = drm_systems[..i]
            .iter()
            .find(|d| d.system_id == drm.system_id)
        {
            diagnostics.push(Diagnostic::error(
                &drm.term.at,
                format!(
                    "DRM system `{}` has the system ID of `{}` (line {}); each DRM system has its own",
                    drm.term.id, first.term.id, first.term.at.line
                ),
            ));
        }
    }
}

fn read_qualifier(term: Term, row: &Row, diagnostics: &mut Vec<Diagnostic>) -> Option<Qualifier> {
    let (group, phrase) = (row.field(3), row.field(4));
    let mut ok = true;
    if !group.text.is_empty() {
        if let Err(message) = ident::check(&group.text) {
            diagnostics.push(Diagnostic::error(&group.at, format!("group: {message}")));
            ok = false;
        }
    }
    if phrase.text.is_empty() {
        diagnostics.push(Diagnostic::error(
            &phrase.at,
            "empty phrase; write how the docs print it after a check mark, as `with key rotation`",
        ));
        ok = false;
    }
    ok.then(|| Qualifier {
        term,
        group: (!group.text.is_empty()).then(|| group.text.clone()),
        phrase: phrase.text.clone(),
    })
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
        assert!(!is_date("2026-13-03"));
        assert!(!is_date("3/12/2026"));
        assert!(is_uuid("edef8ba9-79d6-4ace-a3c8-27dcd51d21ed"));
        assert!(!is_uuid("edef8ba9-79d6-4ace-a3c8-27dcd51d21e"));
        assert!(!is_uuid("edef8ba979d64acea3c827dcd51d21ed"));
    }
}
