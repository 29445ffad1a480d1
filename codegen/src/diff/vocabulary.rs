//! Vocabulary differences between two matrices: the terms of each kind added or removed, and
//! for each term both sides have (matched by id) every field whose value changed, such as a DRM
//! system's system ID, which SPEKE requests carry and a reviewer must not miss.
//!
//! Each term is described as a list of fields in one fixed order per kind, the order of the
//! `speke-matrix/1` JSON, so that comparing, listing and rendering share one description and
//! the output is the same bytes every time.

use crate::model::{Matrix, TermKind};
use crate::render::json::Value;
use crate::render::markdown;

/// A field of a term that the diff compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Aliases,
    CpixVersion,
    Keys,
    Source,
    AsOf,
    SystemId,
    Group,
    Phrase,
}

impl Field {
    /// The field's key in the JSON of both schemas.
    pub fn id(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Aliases => "aliases",
            Field::CpixVersion => "cpix_version",
            Field::Keys => "keys",
            Field::Source => "source",
            Field::AsOf => "as_of",
            Field::SystemId => "system_id",
            Field::Group => "group",
            Field::Phrase => "phrase",
        }
    }

    /// The field as Markdown names it for people.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Aliases => "aliases",
            Field::CpixVersion => "CPIX version",
            Field::Keys => "keys",
            Field::Source => "source",
            Field::AsOf => "as-of date",
            Field::SystemId => "system ID",
            Field::Group => "group",
            Field::Phrase => "phrase",
        }
    }
}

/// The value of a field on one side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fact {
    Text(String),
    /// Aliases, in the order of the file: a reordering counts as a change, since the file
    /// changed and the docs print them in that order.
    List(Vec<String>),
    /// A qualifier's group, which it may lack.
    Optional(Option<String>),
}

impl Fact {
    /// The value as JSON: a string, an array of strings, or a string or null.
    pub fn to_value(&self) -> Value {
        match self {
            Fact::Text(text) => Value::string(text),
            Fact::List(items) => Value::strings(items),
            Fact::Optional(text) => text.as_ref().map_or(Value::Null, Value::string),
        }
    }

    /// The value for a Markdown cell, never empty so that "removed" and "blank" read apart.
    pub fn to_text(&self) -> String {
        let text = match self {
            Fact::Text(text) => text.clone(),
            Fact::List(items) => items.join(", "),
            Fact::Optional(text) => text.clone().unwrap_or_default(),
        };
        if text.is_empty() {
            "(none)".to_owned()
        } else {
            markdown::escape(&text)
        }
    }
}

/// A term with its id and every field the diff compares, in field order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermFacts {
    pub id: String,
    pub facts: Vec<(Field, Fact)>,
}

impl TermFacts {
    /// The term's display name.
    pub fn name(&self) -> &str {
        match self.facts.first() {
            Some((Field::Name, Fact::Text(name))) => name,
            _ => &self.id,
        }
    }
}

/// One field of one term that differs between the two sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub id: String,
    /// The term's display name after the change, for people.
    pub name: String,
    pub field: Field,
    pub before: Fact,
    pub after: Fact,
}

/// The differences in one kind of term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindDiff {
    pub kind: TermKind,
    /// Terms only the after side has, in its vocabulary order.
    pub added: Vec<TermFacts>,
    /// Terms only the before side has, in its vocabulary order.
    pub removed: Vec<TermFacts>,
    /// Changed fields of terms both sides have: terms in the after side's order, then fields
    /// in field order.
    pub changed: Vec<FieldChange>,
}

impl KindDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The vocabulary differences, one entry per kind in the order of [`TermKind::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VocabularyDiff {
    pub kinds: Vec<KindDiff>,
}

impl VocabularyDiff {
    pub fn is_empty(&self) -> bool {
        self.kinds.iter().all(KindDiff::is_empty)
    }
}

/// The vocabulary differences between two matrices.
pub fn compare(before: &Matrix, after: &Matrix) -> VocabularyDiff {
    let kinds = TermKind::ALL
        .into_iter()
        .map(|kind| compare_kind(kind, &terms(before, kind), &terms(after, kind)))
        .collect();
    VocabularyDiff { kinds }
}

fn compare_kind(kind: TermKind, before: &[TermFacts], after: &[TermFacts]) -> KindDiff {
    let find = |terms: &[TermFacts], id: &str| terms.iter().position(|t| t.id == id);
    let added = (after.iter())
        .filter(|t| find(before, &t.id).is_none())
        .cloned()
        .collect();
    let removed = (before.iter())
        .filter(|t| find(after, &t.id).is_none())
        .cloned()
        .collect();
    let mut changed = Vec::new();
    for term in after {
        let Some(b) = find(before, &term.id) else {
            continue;
        };
        // Both sides list the same fields in the same order: they come from one kind.
        for ((field, was), (_, is)) in before[b].facts.iter().zip(&term.facts) {
            if was != is {
                changed.push(FieldChange {
                    id: term.id.clone(),
                    name: term.name().to_owned(),
                    field: *field,
                    before: was.clone(),
                    after: is.clone(),
                });
            }
        }
    }
    KindDiff {
        kind,
        added,
        removed,
        changed,
    }
}

/// The terms of one kind with their fields, in vocabulary order.
fn terms(matrix: &Matrix, kind: TermKind) -> Vec<TermFacts> {
    let text = |s: &str| Fact::Text(s.to_owned());
    let common = |term: &crate::model::Term| {
        vec![
            (Field::Name, text(&term.name)),
            (Field::Aliases, Fact::List(term.aliases.clone())),
        ]
    };
    let entry = |term: &crate::model::Term, extra: Vec<(Field, Fact)>| {
        let mut facts = common(term);
        facts.extend(extra);
        TermFacts {
            id: term.id.clone(),
            facts,
        }
    };
    match kind {
        TermKind::Version => (matrix.versions.iter())
            .map(|v| {
                entry(
                    &v.term,
                    vec![
                        (Field::CpixVersion, text(&v.cpix_version)),
                        (Field::Keys, text(v.keys.id())),
                        (Field::Source, text(&v.source)),
                        (Field::AsOf, text(&v.as_of)),
                    ],
                )
            })
            .collect(),
        TermKind::Mode => matrix.modes.iter().map(|t| entry(t, Vec::new())).collect(),
        TermKind::Endpoint => (matrix.endpoints.iter())
            .map(|t| entry(t, Vec::new()))
            .collect(),
        TermKind::DrmSystem => (matrix.drm_systems.iter())
            .map(|d| entry(&d.term, vec![(Field::SystemId, text(&d.system_id))]))
            .collect(),
        TermKind::Qualifier => (matrix.qualifiers.iter())
            .map(|q| {
                entry(
                    &q.term,
                    vec![
                        (Field::Group, Fact::Optional(q.group.clone())),
                        (Field::Phrase, text(&q.phrase)),
                    ],
                )
            })
            .collect(),
    }
}

/// The key of a kind in the JSON of both schemas: `drm_systems`.
pub fn json_key(kind: TermKind) -> &'static str {
    match kind {
        TermKind::Version => "versions",
        TermKind::Mode => "modes",
        TermKind::Endpoint => "endpoint_types",
        TermKind::DrmSystem => "drm_systems",
        TermKind::Qualifier => "qualifiers",
    }
}

/// The kind as a Markdown list item starts: "DRM system", "Endpoint type".
fn capitalised(kind: TermKind) -> String {
    let what = kind.what();
    let mut chars = what.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The vocabulary section of a Markdown diff, or nothing when the vocabulary did not change:
/// an item for each term added or removed, with all its fields (a new DRM system's system ID
/// is as much to review as a changed one), then a table of the fields that changed.
pub fn to_markdown(vocabulary: &VocabularyDiff) -> String {
    if vocabulary.is_empty() {
        return String::new();
    }
    let esc = markdown::escape;
    let mut out = "\n## Vocabulary\n\n".to_owned();
    let described = |term: &TermFacts| {
        let facts: Vec<String> = (term.facts.iter())
            .filter(|(field, _)| *field != Field::Name)
            .map(|(field, fact)| format!("{}: {}", field.label(), fact.to_text()))
            .collect();
        format!("{} (`{}`; {})", esc(term.name()), term.id, facts.join("; "))
    };
    for kind in &vocabulary.kinds {
        for (how, terms) in [("added", &kind.added), ("removed", &kind.removed)] {
            for term in terms {
                out.push_str(&format!(
                    "- {} {how}: {}\n",
                    capitalised(kind.kind),
                    described(term)
                ));
            }
        }
    }
    let changes: Vec<(TermKind, &FieldChange)> = (vocabulary.kinds.iter())
        .flat_map(|k| k.changed.iter().map(move |c| (k.kind, c)))
        .collect();
    if changes.is_empty() {
        return out;
    }
    if vocabulary
        .kinds
        .iter()
        .any(|k| !k.added.is_empty() || !k.removed.is_empty())
    {
        out.push('\n');
    }
    out.push_str("| kind | term | field | before | after |\n");
    out.push_str("| --- | --- | --- | --- | --- |\n");
    for (kind, change) in changes {
        out.push_str(&format!(
            "| {} | {} (`{}`) | {} | {} | {} |\n",
            kind.what(),
            esc(&change.name),
            change.id,
            change.field.label(),
            change.before.to_text(),
            change.after.to_text()
        ));
    }
    out
}

/// The vocabulary section of a JSON diff: an object with one entry per kind, keyed as the
/// matrix schema keys them, each with the terms added and removed (as the matrix schema writes
/// a term) and the fields changed.
pub fn to_value(vocabulary: &VocabularyDiff) -> Value {
    let term = |term: &TermFacts| {
        let mut fields = vec![("id".to_owned(), Value::string(&term.id))];
        fields.extend(
            (term.facts.iter()).map(|(field, fact)| (field.id().to_owned(), fact.to_value())),
        );
        Value::Object(fields)
    };
    let kinds = vocabulary
        .kinds
        .iter()
        .map(|kind| {
            let changed = (kind.changed.iter())
                .map(|c| {
                    Value::object([
                        ("id", Value::string(&c.id)),
                        ("field", Value::string(c.field.id())),
                        ("before", c.before.to_value()),
                        ("after", c.after.to_value()),
                    ])
                })
                .collect();
            let entry = Value::object([
                ("added", Value::Array(kind.added.iter().map(term).collect())),
                (
                    "removed",
                    Value::Array(kind.removed.iter().map(term).collect()),
                ),
                ("changed", Value::Array(changed)),
            ]);
            (json_key(kind.kind).to_owned(), entry)
        })
        .collect();
    Value::Object(kinds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_matrix::{self, edited, matrix, with_files, SCHEMES};

    /// Each change as `kind id field: before -> after`, in the diff's order.
    fn changes(diff: &VocabularyDiff) -> Vec<String> {
        (diff.kinds.iter())
            .flat_map(|k| {
                k.changed.iter().map(move |c| {
                    format!(
                        "{} {} {}: {} -> {}",
                        json_key(k.kind),
                        c.id,
                        c.field.id(),
                        c.before.to_text(),
                        c.after.to_text()
                    )
                })
            })
            .collect()
    }

    /// The ids added and removed, as `kind +id` and `kind -id`.
    fn added_and_removed(diff: &VocabularyDiff) -> Vec<String> {
        let mut out = Vec::new();
        for kind in &diff.kinds {
            out.extend(
                kind.added
                    .iter()
                    .map(|t| format!("{} +{}", json_key(kind.kind), t.id)),
            );
            out.extend((kind.removed.iter()).map(|t| format!("{} -{}", json_key(kind.kind), t.id)));
        }
        out
    }

    #[test]
    fn the_same_matrix_has_no_vocabulary_changes() {
        let m = matrix(&[]);
        let diff = compare(&m, &m);
        assert!(diff.is_empty());
        assert_eq!(diff.kinds.len(), 5, "one entry per kind, even when empty");
        assert_eq!(to_markdown(&diff), "");
    }

    #[test]
    fn a_changed_system_id_and_drm_aliases_are_listed() {
        let after = with_files(&[(
            "drm-systems.csv",
            "id,name,aliases,system-id\n\
             playready,Microsoft PlayReady,pr,9a04f079-9840-4286-ab92-e65be0885f95\n\
             widevine,Google Widevine,wv | google,00000000-79d6-4ace-a3c8-27dcd51d21ed\n\
             fairplay,Apple FairPlay,fps,94ce86fb-07ff-4f43-adb8-93d2fa968ca2\n",
        )]);
        let diff = compare(&matrix(&[]), &after);
        assert_eq!(
            changes(&diff),
            [
                "drm_systems widevine aliases: wv -> wv, google",
                "drm_systems widevine system_id: edef8ba9-79d6-4ace-a3c8-27dcd51d21ed -> \
                 00000000-79d6-4ace-a3c8-27dcd51d21ed",
            ]
        );
        assert!(added_and_removed(&diff).is_empty());
    }

    #[test]
    fn every_fact_of_a_version_is_compared() {
        let after = with_files(&[(
            "versions.csv",
            "id,name,aliases,cpix-version,keys,source,as-of\n\
             v1,SPEKE v1,,2.0,one,https://example.com/speke,2024-05-01\n\
             v2,SPEKE 2,speke2,2.4,one,https://example.com/other,2025-01-31\n",
        )]);
        assert_eq!(
            changes(&compare(&matrix(&[]), &after)),
            [
                "versions v2 name: SPEKE v2 -> SPEKE 2",
                "versions v2 aliases: (none) -> speke2",
                "versions v2 cpix_version: 2.3 -> 2.4",
                "versions v2 keys: several -> one",
                "versions v2 source: https://example.com/speke -> https://example.com/other",
                "versions v2 as_of: 2024-05-01 -> 2025-01-31",
            ]
        );
    }

    #[test]
    fn renamed_modes_and_endpoint_types_are_listed() {
        let after = with_files(&[
            ("modes.csv", "id,name,aliases\nlive,Live,\nvod,On demand,\n"),
            (
                "endpoints.csv",
                "id,name,aliases\napple-hls,Apple HLS,hls\ndash,MPEG-DASH,\n",
            ),
        ]);
        assert_eq!(
            changes(&compare(&matrix(&[]), &after)),
            [
                "modes vod name: VOD -> On demand",
                "modes vod aliases: on-demand -> (none)",
                "endpoint_types dash name: DASH -> MPEG-DASH",
            ]
        );
    }

    #[test]
    fn a_qualifier_group_and_phrase_are_compared() {
        let before = matrix(&[SCHEMES]);
        let after = matrix(&[
            "cbcs,cbcs,,scheme,with cbcs\n",
            "cenc,cenc,,,encrypted with cenc\n",
        ]);
        assert_eq!(
            changes(&compare(&before, &after)),
            [
                "qualifiers cbcs group: encryption-scheme -> scheme",
                "qualifiers cenc group: encryption-scheme -> (none)",
                "qualifiers cenc phrase: with cenc -> encrypted with cenc",
            ]
        );
    }

    #[test]
    fn terms_added_and_removed_are_listed_per_kind_in_vocabulary_order() {
        let before = matrix(&[]);
        let after = edited(
            &[
                ("versions.csv", test_matrix::VERSIONS_V1_V3),
                ("speke-v3.csv", "mode,endpoint,playready\nlive,dash,yes\n"),
                ("modes.csv", "id,name,aliases\nlive,Live,\n"),
                (
                    "speke-v1.csv",
                    "mode,endpoint,playready,widevine\nlive,dash,yes,yes\n",
                ),
                (
                    "endpoints.csv",
                    "id,name,aliases\ncmaf,CMAF,\napple-hls,Apple HLS,hls\ndash,DASH,\n",
                ),
                (
                    "drm-systems.csv",
                    "id,name,aliases,system-id\n\
                     irdeto,Irdeto,,80a6be7e-1448-4c37-9e70-d5aebe04c8d2\n\
                     playready,Microsoft PlayReady,pr,9a04f079-9840-4286-ab92-e65be0885f95\n\
                     widevine,Google Widevine,wv,edef8ba9-79d6-4ace-a3c8-27dcd51d21ed\n",
                ),
                (
                    "qualifiers.csv",
                    &format!("id,name,aliases,group,phrase\n{SCHEMES}"),
                ),
            ],
            &["speke-v2.csv"],
        );
        let diff = compare(&before, &after);
        assert_eq!(
            added_and_removed(&diff),
            [
                "versions +v3",
                "versions -v2",
                "modes -vod",
                "endpoint_types +cmaf",
                "drm_systems +irdeto",
                "drm_systems -fairplay",
                "qualifiers +cbcs",
                "qualifiers +cenc",
                "qualifiers -key-rotation",
            ]
        );
        assert!(changes(&diff).is_empty());

        let markdown = to_markdown(&diff);
        assert!(markdown.starts_with("\n## Vocabulary\n\n- SPEKE version added: SPEKE v3 (`v3`; "));
        assert!(markdown.contains(
            "- DRM system added: Irdeto (`irdeto`; aliases: (none); \
             system ID: 80a6be7e-1448-4c37-9e70-d5aebe04c8d2)\n"
        ));
        assert!(markdown.contains(
            "- Qualifier removed: key rotation (`key-rotation`; aliases: rotation; \
             group: (none); phrase: with key rotation)\n"
        ));
        let json = to_value(&diff).to_pretty();
        assert!(json.contains(concat!(
            r#"  "drm_systems": {"#,
            "\n    \"added\": [\n      ",
            r#"{"id": "irdeto", "name": "Irdeto", "aliases": [], "#,
            r#""system_id": "80a6be7e-1448-4c37-9e70-d5aebe04c8d2"}"#,
            "\n    ],\n"
        )));
    }

    #[test]
    fn markdown_tables_changed_fields_and_json_keeps_their_types() {
        let before = matrix(&[SCHEMES]);
        let after = matrix(&[
            "cbcs,cbcs,,,with cbcs\n",
            "cenc,cenc,,encryption-scheme,with cenc\n",
        ]);
        let after = {
            let mut after = after;
            after.drm_systems[1].system_id = "00000000-0000-0000-0000-000000000000".to_owned();
            after.endpoints[1].name = "MPEG|DASH".to_owned();
            after
        };
        let diff = compare(&before, &after);
        assert_eq!(
            to_markdown(&diff),
            "\n## Vocabulary\n\n\
             | kind | term | field | before | after |\n\
             | --- | --- | --- | --- | --- |\n\
             | endpoint type | MPEG\\|DASH (`dash`) | name | DASH | MPEG\\|DASH |\n\
             | DRM system | Google Widevine (`widevine`) | system ID | \
             edef8ba9-79d6-4ace-a3c8-27dcd51d21ed | 00000000-0000-0000-0000-000000000000 |\n\
             | qualifier | cbcs (`cbcs`) | group | encryption-scheme | (none) |\n"
        );
        let json = to_value(&diff).to_pretty();
        assert!(json.contains(
            r#"{"id": "cbcs", "field": "group", "before": "encryption-scheme", "after": null}"#
        ));
        let keys: Vec<String> = match to_value(&diff) {
            Value::Object(fields) => fields.into_iter().map(|(k, _)| k).collect(),
            other => panic!("not an object: {other:?}"),
        };
        assert_eq!(
            keys,
            [
                "versions",
                "modes",
                "endpoint_types",
                "drm_systems",
                "qualifiers"
            ]
        );
    }
}
