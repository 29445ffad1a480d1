//! Renders the model as JSON in the versioned schema `speke-matrix/1`, for consumers that are
//! not Rust (a packaging pipeline in Python, a CI script), and the small JSON writer it and the
//! diff use. `docs/json-schema.md` documents every field.
//!
//! The writer is hand-written rather than serde because this crate is a build dependency of
//! every user of the library, who should not compile a serializer to get a table.

use crate::model::{Cell, Matrix, Term};

/// The schema this renderer writes. A change that could break a reader (a field removed or
/// renamed, a meaning changed) takes a new number; a new field does not.
pub const SCHEMA: &str = "speke-matrix/1";

/// The command that regenerates the JSON.
pub const COMMAND: &str = "speke-matrix render json";

/// A JSON value whose objects keep their keys in the order they were built, so that output is
/// the same bytes every time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn string(text: impl Into<String>) -> Value {
        Value::String(text.into())
    }

    /// An array of strings.
    pub fn strings<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Value {
        Value::Array(
            items
                .into_iter()
                .map(|s| Value::string(s.as_ref()))
                .collect(),
        )
    }

    /// An object from its fields, in order.
    pub fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
        Value::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key.to_owned(), value))
                .collect(),
        )
    }

    /// The value as indented JSON text, ending in a newline. An array or object that nests at
    /// most two deep and fits in 160 columns is written on one line, so that a cell is one line
    /// of output and diffs stay readable.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    /// The value as JSON on one line.
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        self.write_compact(&mut out);
        out
    }

    fn write_compact(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::String(s) => write_string(out, s),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_compact(out);
                }
                out.push(']');
            }
            Value::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_string(out, key);
                    out.push_str(": ");
                    value.write_compact(out);
                }
                out.push('}');
            }
        }
    }

    /// How deeply arrays and objects nest in the value: 0 for a scalar.
    fn depth(&self) -> usize {
        match self {
            Value::Null | Value::Bool(_) | Value::String(_) => 0,
            Value::Array(items) => 1 + items.iter().map(Value::depth).max().unwrap_or(0),
            Value::Object(fields) => 1 + fields.iter().map(|(_, v)| v.depth()).max().unwrap_or(0),
        }
    }

    fn write(&self, out: &mut String, indent: usize) {
        // Wide enough for a cell object with a few qualifiers, the common long line.
        const MAX_LINE: usize = 160;
        let compact = self.to_compact();
        if self.depth() <= 2 && indent + compact.chars().count() <= MAX_LINE {
            out.push_str(&compact);
            return;
        }
        let inner = "  ".repeat(indent / 2 + 1);
        let outer = "  ".repeat(indent / 2);
        match self {
            Value::Array(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&inner);
                    item.write(out, indent + 2);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&outer);
                out.push(']');
            }
            Value::Object(fields) => {
                out.push_str("{\n");
                for (i, (key, value)) in fields.iter().enumerate() {
                    out.push_str(&inner);
                    write_string(out, key);
                    out.push_str(": ");
                    value.write(out, indent + 2);
                    out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
                }
                out.push_str(&outer);
                out.push('}');
            }
            Value::Null | Value::Bool(_) | Value::String(_) => out.push_str(&compact),
        }
    }
}

/// Writes a JSON string literal: quotes, backslashes and control characters escaped, all other
/// characters as UTF-8.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The matrix in the `speke-matrix/1` schema.
pub fn render(matrix: &Matrix) -> String {
    to_value(matrix).to_pretty()
}

/// The matrix as a JSON value in the `speke-matrix/1` schema.
pub fn to_value(matrix: &Matrix) -> Value {
    let [first, second] = super::generated_notice(COMMAND);
    Value::object([
        ("schema", Value::string(SCHEMA)),
        ("generated", Value::string(format!("{first} {second}"))),
        ("versions", versions(matrix)),
        ("modes", terms(matrix.modes.iter())),
        ("endpoint_types", terms(matrix.endpoints.iter())),
        ("drm_systems", drm_systems(matrix)),
        ("qualifiers", qualifiers(matrix)),
        ("grids", grids(matrix)),
        ("cells", cells(matrix)),
    ])
}

fn term_fields(term: &Term) -> Vec<(String, Value)> {
    vec![
        ("id".to_owned(), Value::string(&term.id)),
        ("name".to_owned(), Value::string(&term.name)),
        ("aliases".to_owned(), Value::strings(&term.aliases)),
    ]
}

fn terms<'a>(terms: impl Iterator<Item = &'a Term>) -> Value {
    Value::Array(terms.map(|t| Value::Object(term_fields(t))).collect())
}

fn versions(matrix: &Matrix) -> Value {
    Value::Array(
        matrix
            .versions
            .iter()
            .map(|version| {
                let mut fields = term_fields(&version.term);
                fields.extend([
                    (
                        "cpix_version".to_owned(),
                        Value::string(&version.cpix_version),
                    ),
                    ("keys".to_owned(), Value::string(version.keys.id())),
                    ("source".to_owned(), Value::string(&version.source)),
                    ("as_of".to_owned(), Value::string(&version.as_of)),
                ]);
                Value::Object(fields)
            })
            .collect(),
    )
}

fn drm_systems(matrix: &Matrix) -> Value {
    Value::Array(
        matrix
            .drm_systems
            .iter()
            .map(|drm| {
                let mut fields = term_fields(&drm.term);
                fields.push(("system_id".to_owned(), Value::string(&drm.system_id)));
                Value::Object(fields)
            })
            .collect(),
    )
}

fn qualifiers(matrix: &Matrix) -> Value {
    Value::Array(
        matrix
            .qualifiers
            .iter()
            .map(|qualifier| {
                let mut fields = term_fields(&qualifier.term);
                let group = qualifier.group.as_ref().map_or(Value::Null, Value::string);
                fields.push(("group".to_owned(), group));
                fields.push(("phrase".to_owned(), Value::string(&qualifier.phrase)));
                Value::Object(fields)
            })
            .collect(),
    )
}

/// Each version's grid layout: its columns and rows in the order of its file.
fn grids(matrix: &Matrix) -> Value {
    Value::Array(
        matrix
            .grids
            .iter()
            .zip(&matrix.versions)
            .map(|(grid, version)| {
                let columns = grid.columns.iter().map(|&d| &matrix.drm_systems[d].term.id);
                let rows = grid
                    .rows
                    .iter()
                    .map(|&(m, e)| {
                        Value::object([
                            ("mode", Value::string(&matrix.modes[m].id)),
                            ("endpoint_type", Value::string(&matrix.endpoints[e].id)),
                        ])
                    })
                    .collect();
                Value::object([
                    ("version", Value::string(&version.term.id)),
                    ("drm_systems", Value::strings(columns)),
                    ("rows", Value::Array(rows)),
                ])
            })
            .collect(),
    )
}

/// Every cell that a grid has, supported or not, in vocabulary order.
fn cells(matrix: &Matrix) -> Value {
    let mut cells = Vec::new();
    for (v, version) in matrix.versions.iter().enumerate() {
        for (m, mode) in matrix.modes.iter().enumerate() {
            for (e, endpoint) in matrix.endpoints.iter().enumerate() {
                for (d, drm) in matrix.drm_systems.iter().enumerate() {
                    let (supported, offered) = match matrix.cell(v, m, e, d) {
                        Cell::NotInGrid => continue,
                        Cell::Unsupported => (false, 0),
                        Cell::Supported(offered) => (true, offered),
                    };
                    let qualifiers = matrix
                        .qualifiers
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| i < 64 && offered & (1 << i) != 0)
                        .map(|(_, q)| &q.term.id);
                    cells.push(Value::object([
                        ("version", Value::string(&version.term.id)),
                        ("mode", Value::string(&mode.id)),
                        ("endpoint_type", Value::string(&endpoint.id)),
                        ("drm_system", Value::string(&drm.term.id)),
                        ("supported", Value::Bool(supported)),
                        ("qualifiers", Value::strings(qualifiers)),
                    ]));
                }
            }
        }
    }
    Value::Array(cells)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_matrix::{matrix, SCHEMES};

    #[test]
    fn strings_are_escaped() {
        let value = Value::string("a \"b\" \\ c\nd\u{1}é");
        assert_eq!(value.to_compact(), r#""a \"b\" \\ c\nd\u0001é""#);
    }

    #[test]
    fn short_values_stay_on_one_line_and_long_ones_are_indented() {
        let short = Value::object([("a", Value::strings(["x", "y"])), ("b", Value::Null)]);
        assert_eq!(short.to_pretty(), "{\"a\": [\"x\", \"y\"], \"b\": null}\n");
        let nested = Value::object([("list", Value::Array(vec![short.clone(), short]))]);
        assert_eq!(
            nested.to_pretty(),
            "{\n  \"list\": [\n    {\"a\": [\"x\", \"y\"], \"b\": null},\n    \
             {\"a\": [\"x\", \"y\"], \"b\": null}\n  ]\n}\n"
        );
    }

    #[test]
    fn the_document_names_its_schema_first() {
        let json = render(&matrix(&[]));
        assert!(json.starts_with("{\n  \"schema\": \"speke-matrix/1\",\n  \"generated\": "));
        assert!(json.contains("regenerate with: speke-matrix render json"));
    }

    #[test]
    fn vocabulary_carries_ids_names_aliases_and_facts() {
        let json = render(&matrix(&[SCHEMES]));
        for expected in [
            concat!(
                r#"{"id": "v2", "name": "SPEKE v2", "aliases": [], "cpix_version": "2.3", "#,
                r#""keys": "several""#
            ),
            r#"{"id": "vod", "name": "VOD", "aliases": ["on-demand"]}"#,
            r#""system_id": "edef8ba9-79d6-4ace-a3c8-27dcd51d21ed""#,
            r#""group": "encryption-scheme", "phrase": "with cbcs""#,
            r#""group": null, "phrase": "with key rotation""#,
        ] {
            assert!(json.contains(expected), "missing {expected} in\n{json}");
        }
    }

    #[test]
    fn cells_of_the_grids_are_listed_and_others_are_not() {
        let json = render(&matrix(&[]));
        assert!(json.contains(concat!(
            r#"{"version": "v1", "mode": "live", "endpoint_type": "dash", "drm_system": "playready", "#,
            r#""supported": true, "qualifiers": ["key-rotation"]}"#
        )));
        assert!(json.contains(concat!(
            r#"{"version": "v1", "mode": "live", "endpoint_type": "dash", "drm_system": "fairplay", "#,
            r#""supported": false, "qualifiers": []}"#
        )));
        // SPEKE v2's grid has no FairPlay column and no VOD rows.
        assert!(!json.contains(r#""version": "v2", "mode": "vod""#));
        assert!(!json.contains(
            r#""version": "v2", "mode": "live", "endpoint_type": "dash", "drm_system": "fairplay""#
        ));
        // 3 rows of 3 columns in v1, 1 row of 2 columns in v2.
        assert_eq!(json.matches("\"supported\": ").count(), 11);
    }

    #[test]
    fn grids_keep_the_order_of_their_files() {
        let json = render(&matrix(&[]));
        let dash = json
            .find(r#"{"mode": "live", "endpoint_type": "dash"}"#)
            .unwrap();
        let hls = json
            .find(r#"{"mode": "live", "endpoint_type": "apple-hls"}"#)
            .unwrap();
        assert!(dash < hls);
    }
}
