//! Differences between two grids: two SPEKE versions of one matrix, or each version of two
//! matrices (before and after a CSV edit, or the shipped matrix and one imported from AWS's
//! page). A reviewer sees what an edit changes in support, not in CSV text.
//!
//! Grids are compared by ids, never by positions, so two matrices whose vocabularies list
//! terms in different orders compare as they should. A cell counts as gained when it is
//! supported after and was not before, including when its row or column is new; lost the other
//! way round; and its qualifiers changed when it is supported on both sides but offers a
//! different set. Rows and columns added or removed are listed too, since a new row of
//! unsupported cells changes no cell's support but does change the grid.
//!
//! Two matrices are also compared in their vocabularies ([`vocabulary`]): the SPEKE versions,
//! modes, endpoint types, DRM systems and qualifiers added or removed, and every changed field
//! of a term both have (display name, aliases, CPIX version, keys, source, as-of date, system
//! ID, qualifier group and phrase). A changed system ID changes what SPEKE requests carry
//! without changing any cell, so a cell-only diff would hide it.
//!
//! Two versions of one matrix share one vocabulary, so their diff has no vocabulary section:
//! the versions' own facts (SPEKE v1 uses CPIX 2.0, SPEKE v2 CPIX 2.3) are not a change that
//! an edit made, and `speke-matrix render` shows them.

use std::collections::BTreeSet;

use crate::model::{Cell, Matrix};
use crate::render::json::Value;
use crate::render::markdown;

pub mod vocabulary;

pub use vocabulary::VocabularyDiff;

/// The JSON schema of a rendered diff.
pub const SCHEMA: &str = "speke-matrix-diff/1";

/// A term by id, with its display name for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// A row of a grid: a mode and an endpoint type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub mode: Named,
    pub endpoint: Named,
}

/// How a cell's support changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// Supported after, not before.
    Gained,
    /// Supported before, not after.
    Lost,
    /// Supported on both sides, offering different qualifiers.
    QualifiersChanged,
}

impl Change {
    /// The change as JSON and the Markdown table name it.
    pub fn id(self) -> &'static str {
        match self {
            Change::Gained => "gained",
            Change::Lost => "lost",
            Change::QualifiersChanged => "qualifiers-changed",
        }
    }
}

/// One cell whose support changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellChange {
    pub row: Row,
    pub drm_system: Named,
    pub change: Change,
    /// The qualifiers the cell offered before, or `None` if it was not supported.
    pub before: Option<Vec<Named>>,
    /// The qualifiers the cell offers after, or `None` if it is not supported.
    pub after: Option<Vec<Named>>,
    /// The cell as the docs print it before and after ("√ with key rotation", or empty).
    pub before_text: String,
    pub after_text: String,
}

/// The differences between two grids. A side is `None` where that version does not exist,
/// as when a matrix gains a SPEKE version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridDiff {
    pub before: Option<Named>,
    pub after: Option<Named>,
    pub rows_added: Vec<Row>,
    pub rows_removed: Vec<Row>,
    pub columns_added: Vec<Named>,
    pub columns_removed: Vec<Named>,
    pub cells: Vec<CellChange>,
}

impl GridDiff {
    pub fn is_empty(&self) -> bool {
        self.before.as_ref().map(|n| &n.id) == self.after.as_ref().map(|n| &n.id)
            && self.rows_added.is_empty()
            && self.rows_removed.is_empty()
            && self.columns_added.is_empty()
            && self.columns_removed.is_empty()
            && self.cells.is_empty()
    }
}

/// The differences between two matrices or two versions, with the labels of both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diff {
    pub before: String,
    pub after: String,
    pub grids: Vec<GridDiff>,
    /// The vocabulary's differences, for two matrices; `None` for two versions of one matrix,
    /// which share a vocabulary.
    pub vocabulary: Option<VocabularyDiff>,
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.grids.iter().all(GridDiff::is_empty)
            && self
                .vocabulary
                .as_ref()
                .is_none_or(VocabularyDiff::is_empty)
    }
}

/// The differences between two versions of one matrix, by their indices.
pub fn versions(matrix: &Matrix, before: usize, after: usize) -> Diff {
    let grid = grid_diff(
        Side::new(matrix, Some(before)),
        Side::new(matrix, Some(after)),
    );
    Diff {
        before: matrix.versions[before].term.name.clone(),
        after: matrix.versions[after].term.name.clone(),
        grids: vec![grid],
        vocabulary: None,
    }
}

/// The differences between two matrices: their vocabularies, then version by version, the
/// versions of `after` in its order, then those only `before` has. The labels name the two
/// sides, such as their directories.
pub fn matrices(before: &Matrix, after: &Matrix, before_label: &str, after_label: &str) -> Diff {
    let position = |matrix: &Matrix, id: &str| matrix.versions.iter().position(|v| v.term.id == id);
    let mut grids: Vec<GridDiff> = after
        .versions
        .iter()
        .enumerate()
        .map(|(a, version)| {
            grid_diff(
                Side::new(before, position(before, &version.term.id)),
                Side::new(after, Some(a)),
            )
        })
        .collect();
    grids.extend(
        before
            .versions
            .iter()
            .enumerate()
            .filter(|(_, version)| position(after, &version.term.id).is_none())
            .map(|(b, _)| grid_diff(Side::new(before, Some(b)), Side::new(after, None))),
    );
    Diff {
        before: before_label.to_owned(),
        after: after_label.to_owned(),
        grids,
        vocabulary: Some(vocabulary::compare(before, after)),
    }
}

/// One side of a comparison: a matrix and one of its versions, if it has it.
#[derive(Clone, Copy)]
struct Side<'a> {
    matrix: &'a Matrix,
    version: Option<usize>,
}

impl<'a> Side<'a> {
    fn new(matrix: &'a Matrix, version: Option<usize>) -> Self {
        Side { matrix, version }
    }

    fn version(&self) -> Option<Named> {
        self.version.map(|v| {
            let term = &self.matrix.versions[v].term;
            named(&term.id, &term.name)
        })
    }

    fn rows(&self) -> Vec<Row> {
        let Some(v) = self.version else {
            return Vec::new();
        };
        self.matrix.grids[v]
            .rows
            .iter()
            .map(|&(m, e)| Row {
                mode: named(&self.matrix.modes[m].id, &self.matrix.modes[m].name),
                endpoint: named(&self.matrix.endpoints[e].id, &self.matrix.endpoints[e].name),
            })
            .collect()
    }

    fn columns(&self) -> Vec<Named> {
        let Some(v) = self.version else {
            return Vec::new();
        };
        self.matrix.grids[v]
            .columns
            .iter()
            .map(|&d| {
                let term = &self.matrix.drm_systems[d].term;
                named(&term.id, &term.name)
            })
            .collect()
    }

    /// The cell of a row and column named by ids: `NotInGrid` where this side's grid lacks
    /// them.
    fn cell(&self, row: &Row, drm: &Named) -> Cell {
        let Some(v) = self.version else {
            return Cell::NotInGrid;
        };
        let m = self.matrix.modes.iter().position(|t| t.id == row.mode.id);
        let e = (self.matrix.endpoints.iter()).position(|t| t.id == row.endpoint.id);
        let d = (self.matrix.drm_systems.iter()).position(|t| t.term.id == drm.id);
        match (m, e, d) {
            (Some(m), Some(e), Some(d)) => self.matrix.cell(v, m, e, d),
            _ => Cell::NotInGrid,
        }
    }

    /// The qualifiers in a set, by id and name, in this side's vocabulary order.
    fn qualifiers(&self, offered: u64) -> Vec<Named> {
        self.matrix
            .qualifiers
            .iter()
            .enumerate()
            .filter(|&(i, _)| i < 64 && offered & (1 << i) != 0)
            .map(|(_, q)| named(&q.term.id, &q.term.name))
            .collect()
    }
}

fn named(id: &str, name: &str) -> Named {
    Named {
        id: id.to_owned(),
        name: name.to_owned(),
    }
}

fn same_row(a: &Row, b: &Row) -> bool {
    a.mode.id == b.mode.id && a.endpoint.id == b.endpoint.id
}

fn grid_diff(before: Side, after: Side) -> GridDiff {
    let (rows_before, rows_after) = (before.rows(), after.rows());
    let (columns_before, columns_after) = (before.columns(), after.columns());
    let rows_added: Vec<Row> = (rows_after.iter())
        .filter(|r| !rows_before.iter().any(|b| same_row(b, r)))
        .cloned()
        .collect();
    let rows_removed: Vec<Row> = (rows_before.iter())
        .filter(|r| !rows_after.iter().any(|a| same_row(a, r)))
        .cloned()
        .collect();
    let columns_added: Vec<Named> = (columns_after.iter())
        .filter(|c| !columns_before.iter().any(|b| b.id == c.id))
        .cloned()
        .collect();
    let columns_removed: Vec<Named> = (columns_before.iter())
        .filter(|c| !columns_after.iter().any(|a| a.id == c.id))
        .cloned()
        .collect();

    let rows: Vec<&Row> = rows_after.iter().chain(&rows_removed).collect();
    let columns: Vec<&Named> = columns_after.iter().chain(&columns_removed).collect();
    let mut cells = Vec::new();
    for row in &rows {
        for drm in &columns {
            let (was, is) = (before.cell(row, drm), after.cell(row, drm));
            let offered = |cell: Cell| match cell {
                Cell::Supported(set) => Some(set),
                Cell::Unsupported | Cell::NotInGrid => None,
            };
            let was_offered = offered(was).map(|set| before.qualifiers(set));
            let is_offered = offered(is).map(|set| after.qualifiers(set));
            let change = match (&was_offered, &is_offered) {
                (None, Some(_)) => Change::Gained,
                (Some(_), None) => Change::Lost,
                (Some(b), Some(a)) if ids(b) != ids(a) => Change::QualifiersChanged,
                _ => continue,
            };
            cells.push(CellChange {
                row: (*row).clone(),
                drm_system: (*drm).clone(),
                change,
                before: was_offered,
                after: is_offered,
                before_text: markdown::cell_text(before.matrix, was),
                after_text: markdown::cell_text(after.matrix, is),
            });
        }
    }
    GridDiff {
        before: before.version(),
        after: after.version(),
        rows_added,
        rows_removed,
        columns_added,
        columns_removed,
        cells,
    }
}

fn ids(names: &[Named]) -> BTreeSet<&str> {
    names.iter().map(|n| n.id.as_str()).collect()
}

/// The diff as Markdown: the vocabulary's changes under their own heading (only when there are
/// any), then a heading per pair of grids, the rows and columns added or removed, and a table
/// of the cells that changed.
pub fn to_markdown(diff: &Diff) -> String {
    let esc = markdown::escape;
    let mut out = format!(
        "# Changes from {} to {}\n",
        esc(&diff.before),
        esc(&diff.after)
    );
    if diff.is_empty() {
        out.push_str("\nNo changes.\n");
        return out;
    }
    if let Some(vocabulary) = &diff.vocabulary {
        out.push_str(&vocabulary::to_markdown(vocabulary));
    }
    for grid in &diff.grids {
        let heading = match (&grid.before, &grid.after) {
            (Some(b), Some(a)) if b.id == a.id => esc(&a.name),
            (Some(b), Some(a)) => format!("{} → {}", esc(&b.name), esc(&a.name)),
            (None, Some(a)) => format!("{} (new version)", esc(&a.name)),
            (Some(b), None) => format!("{} (removed version)", esc(&b.name)),
            (None, None) => String::new(),
        };
        out.push_str(&format!("\n## {heading}\n\n"));
        if grid.is_empty() {
            out.push_str("No changes.\n");
            continue;
        }
        let row_list = |rows: &[Row]| {
            let items: Vec<String> = rows
                .iter()
                .map(|r| {
                    format!(
                        "{} ({})",
                        esc(&r.endpoint.name),
                        esc(&crate::portable::explain::mode_in_text(&r.mode.name))
                    )
                })
                .collect();
            items.join(", ")
        };
        let column_list = |columns: &[Named]| {
            let items: Vec<String> = columns.iter().map(|c| esc(&c.name)).collect();
            items.join(", ")
        };
        let mut listed = false;
        for (label, text) in [
            ("Rows added", row_list(&grid.rows_added)),
            ("Rows removed", row_list(&grid.rows_removed)),
            ("DRM systems added", column_list(&grid.columns_added)),
            ("DRM systems removed", column_list(&grid.columns_removed)),
        ] {
            if !text.is_empty() {
                out.push_str(&format!("- {label}: {text}\n"));
                listed = true;
            }
        }
        if grid.cells.is_empty() {
            continue;
        }
        if listed {
            out.push('\n');
        }
        out.push_str("| change | mode | endpoint type | DRM system | before | after |\n");
        out.push_str("| --- | --- | --- | --- | --- | --- |\n");
        for cell in &grid.cells {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                cell.change.id(),
                esc(&cell.row.mode.name),
                esc(&cell.row.endpoint.name),
                esc(&cell.drm_system.name),
                esc(&cell.before_text),
                esc(&cell.after_text)
            ));
        }
    }
    out
}

/// The diff as JSON in the `speke-matrix-diff/1` schema (see `docs/json-schema.md`).
pub fn to_json(diff: &Diff) -> String {
    to_value(diff).to_pretty()
}

/// The diff as a JSON value.
pub fn to_value(diff: &Diff) -> Value {
    let version = |v: &Option<Named>| v.as_ref().map_or(Value::Null, |n| Value::string(&n.id));
    let rows = |rows: &[Row]| {
        Value::Array(
            rows.iter()
                .map(|r| {
                    Value::object([
                        ("mode", Value::string(&r.mode.id)),
                        ("endpoint_type", Value::string(&r.endpoint.id)),
                    ])
                })
                .collect(),
        )
    };
    let qualifiers = |q: &Option<Vec<Named>>| {
        q.as_ref()
            .map_or(Value::Null, |q| Value::strings(q.iter().map(|n| &n.id)))
    };
    let grids = diff
        .grids
        .iter()
        .map(|grid| {
            let cells = grid
                .cells
                .iter()
                .map(|cell| {
                    Value::object([
                        ("change", Value::string(cell.change.id())),
                        ("mode", Value::string(&cell.row.mode.id)),
                        ("endpoint_type", Value::string(&cell.row.endpoint.id)),
                        ("drm_system", Value::string(&cell.drm_system.id)),
                        ("before", qualifiers(&cell.before)),
                        ("after", qualifiers(&cell.after)),
                    ])
                })
                .collect();
            Value::object([
                ("before_version", version(&grid.before)),
                ("after_version", version(&grid.after)),
                ("rows_added", rows(&grid.rows_added)),
                ("rows_removed", rows(&grid.rows_removed)),
                (
                    "drm_systems_added",
                    Value::strings(grid.columns_added.iter().map(|n| &n.id)),
                ),
                (
                    "drm_systems_removed",
                    Value::strings(grid.columns_removed.iter().map(|n| &n.id)),
                ),
                ("cells", Value::Array(cells)),
            ])
        })
        .collect();
    Value::object([
        ("schema", Value::string(SCHEMA)),
        ("before", Value::string(&diff.before)),
        ("after", Value::string(&diff.after)),
        ("changed", Value::Bool(!diff.is_empty())),
        (
            "vocabulary",
            diff.vocabulary
                .as_ref()
                .map_or(Value::Null, vocabulary::to_value),
        ),
        ("grids", Value::Array(grids)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_matrix::{self, edited, matrix, with_files};

    fn summary(grid: &GridDiff) -> Vec<String> {
        grid.cells
            .iter()
            .map(|c| {
                format!(
                    "{} {} {} {}",
                    c.change.id(),
                    c.row.mode.id,
                    c.row.endpoint.id,
                    c.drm_system.id
                )
            })
            .collect()
    }

    #[test]
    fn two_versions_differ_by_cell() {
        let m = matrix(&[]);
        let diff = versions(&m, 0, 1);
        assert_eq!(
            (diff.before.as_str(), diff.after.as_str()),
            ("SPEKE v1", "SPEKE v2")
        );
        let grid = &diff.grids[0];
        assert_eq!(
            summary(grid),
            [
                "qualifiers-changed live dash playready",
                "qualifiers-changed live dash widevine",
                "lost live apple-hls fairplay",
                "lost vod dash playready",
                "lost vod dash widevine",
            ]
        );
        assert_eq!(grid.columns_removed[0].id, "fairplay");
        let removed: Vec<&str> = grid
            .rows_removed
            .iter()
            .map(|r| r.endpoint.id.as_str())
            .collect();
        assert_eq!(removed, ["apple-hls", "dash"]);
        assert!(grid.rows_added.is_empty() && grid.columns_added.is_empty());
        let widevine = &grid.cells[1];
        assert_eq!(widevine.before_text, "√");
        assert_eq!(widevine.after_text, "√ with key rotation");
    }

    #[test]
    fn a_version_has_no_differences_with_itself() {
        let m = matrix(&[]);
        assert!(versions(&m, 0, 0).is_empty());
        assert!(matrices(&m, &m, "a", "b").is_empty());
        assert_eq!(
            to_markdown(&versions(&m, 1, 1)),
            "# Changes from SPEKE v2 to SPEKE v2\n\nNo changes.\n"
        );
    }

    #[test]
    fn an_edit_shows_as_gained_lost_and_new_rows() {
        let before = matrix(&[]);
        let after = with_files(&[(
            "speke-v2.csv",
            "mode,endpoint,playready,widevine,fairplay\n\
             live,dash,no,yes + key-rotation,no\n\
             live,apple-hls,no,no,yes\n",
        )]);
        let diff = matrices(&before, &after, "old", "new");
        assert!(diff.grids[0].is_empty(), "SPEKE v1 did not change");
        let v2 = &diff.grids[1];
        assert_eq!(
            summary(v2),
            ["lost live dash playready", "gained live apple-hls fairplay"]
        );
        assert_eq!(v2.rows_added[0].endpoint.name, "Apple HLS");
        assert_eq!(v2.columns_added[0].name, "Apple FairPlay");
    }

    #[test]
    fn terms_are_matched_by_id_not_position() {
        let before = matrix(&[]);
        let after = with_files(&[(
            "endpoints.csv",
            "id,name,aliases\ndash,DASH,\napple-hls,Apple HLS,hls\n",
        )]);
        assert!(matrices(&before, &after, "a", "b").is_empty());
    }

    #[test]
    fn a_version_only_one_side_has_is_all_gained_or_lost() {
        let before = matrix(&[]);
        let after = edited(
            &[
                ("versions.csv", test_matrix::VERSIONS_V1_V3),
                ("speke-v3.csv", "mode,endpoint,playready\nlive,dash,yes\n"),
            ],
            &["speke-v2.csv"],
        );
        let diff = matrices(&before, &after, "a", "b");
        assert_eq!(diff.grids.len(), 3);
        assert_eq!(summary(&diff.grids[1]), ["gained live dash playready"]);
        assert_eq!(diff.grids[1].before, None);
        assert_eq!(
            summary(&diff.grids[2]),
            ["lost live dash playready", "lost live dash widevine"]
        );
        let markdown = to_markdown(&diff);
        assert!(markdown.contains("## SPEKE v3 (new version)"));
        assert!(markdown.contains("## SPEKE v2 (removed version)"));
    }

    #[test]
    fn markdown_lists_rows_columns_and_a_table_of_cells() {
        let m = matrix(&[]);
        let markdown = to_markdown(&versions(&m, 0, 1));
        let expected = "\
# Changes from SPEKE v1 to SPEKE v2

## SPEKE v1 → SPEKE v2

- Rows removed: Apple HLS (live), DASH (VOD)
- DRM systems removed: Apple FairPlay

| change | mode | endpoint type | DRM system | before | after |
| --- | --- | --- | --- | --- | --- |
| qualifiers-changed | Live | DASH | Microsoft PlayReady | √ with key rotation | √ |
| qualifiers-changed | Live | DASH | Google Widevine | √ | √ with key rotation |
| lost | Live | Apple HLS | Apple FairPlay | √ with key rotation |  |
| lost | VOD | DASH | Microsoft PlayReady | √ |  |
| lost | VOD | DASH | Google Widevine | √ |  |
";
        assert_eq!(markdown, expected);
    }

    #[test]
    fn json_names_its_schema_and_uses_ids() {
        let m = matrix(&[]);
        let json = to_json(&versions(&m, 0, 1));
        assert!(json.starts_with("{\n  \"schema\": \"speke-matrix-diff/1\""));
        assert!(json.contains("\"changed\": true"));
        assert!(json.contains(concat!(
            r#"{"change": "lost", "mode": "live", "endpoint_type": "apple-hls", "#,
            r#""drm_system": "fairplay", "before": ["key-rotation"], "after": null}"#
        )));
        assert!(json.contains(r#""drm_systems_removed": ["fairplay"]"#));
    }

    #[test]
    fn a_vocabulary_change_alone_is_a_change_shown_before_the_grids() {
        let before = matrix(&[]);
        let mut after = before.clone();
        after.drm_systems[0].system_id = "00000000-0000-0000-0000-000000000000".to_owned();
        let diff = matrices(&before, &after, "old", "new");
        assert!(!diff.is_empty(), "a changed system ID is a change");
        assert!(diff.grids.iter().all(GridDiff::is_empty));
        let markdown = to_markdown(&diff);
        assert!(
            markdown.starts_with("# Changes from old to new\n\n## Vocabulary\n\n| kind |"),
            "{markdown}"
        );
        assert!(
            markdown.ends_with("## SPEKE v2\n\nNo changes.\n"),
            "{markdown}"
        );
        let json = to_json(&diff);
        assert!(json.contains("\"changed\": true"));
        assert!(json.contains(r#""field": "system_id""#));
    }

    #[test]
    fn two_versions_of_one_matrix_have_no_vocabulary_section() {
        let m = matrix(&[]);
        let diff = versions(&m, 0, 1);
        assert_eq!(diff.vocabulary, None);
        assert!(to_json(&diff).contains("\"vocabulary\": null,"));
        assert!(!to_markdown(&diff).contains("## Vocabulary"));
    }
}
