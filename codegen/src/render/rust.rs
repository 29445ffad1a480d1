//! Renders the model as the Rust source of the library's tables: the vocabulary enums, the
//! per-term facts, and the cells as a flat table that a `const fn` indexes.
//!
//! The enums' behaviour (ids, names, parsing) is written by hand in the library; this file
//! emits only data, in vocabulary order, so the same matrix always renders the same bytes.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::compile::SourceFile;
use crate::ident;
use crate::model::{Cell, Keys, Matrix, Term};

/// The command that regenerates the library's tables.
pub const COMMAND: &str = "cargo build (the build script of speke-matrix)";

/// Renders the tables module that the library includes from `OUT_DIR`. `sources` are the files
/// the matrix was compiled from; their text is embedded so that the macro and the CLI see the
/// very matrix the tables were built from.
pub fn render(matrix: &Matrix, sources: &[SourceFile]) -> String {
    let mut out = super::generated_header("//", COMMAND);
    out.push('\n');

    let versions: Vec<&Term> = matrix.versions.iter().map(|v| &v.term).collect();
    let drms: Vec<&Term> = matrix.drm_systems.iter().map(|d| &d.term).collect();
    let qualifiers: Vec<&Term> = matrix.qualifiers.iter().map(|q| &q.term).collect();
    let modes: Vec<&Term> = matrix.modes.iter().collect();
    let endpoints: Vec<&Term> = matrix.endpoints.iter().collect();
    vocabulary_enum(
        &mut out,
        "SpekeVersion",
        "SPEKE version",
        "A SPEKE version.",
        &versions,
    );
    vocabulary_enum(&mut out, "Mode", "mode", "Live or video on demand.", &modes);
    vocabulary_enum(
        &mut out,
        "EndpointType",
        "endpoint type",
        "A MediaPackage endpoint type.",
        &endpoints,
    );
    vocabulary_enum(&mut out, "DrmSystem", "DRM system", "A DRM system.", &drms);
    vocabulary_enum(
        &mut out,
        "Qualifier",
        "qualifier",
        "Something a cell may offer beyond plain support, such as key rotation.",
        &qualifiers,
    );

    writeln!(
        out,
        "pub(crate) const VERSION_FACTS: [VersionFacts; {}] = [",
        matrix.versions.len()
    )
    .unwrap();
    for version in &matrix.versions {
        let keys = match version.keys {
            Keys::One => "Keys::One",
            Keys::Several => "Keys::Several",
        };
        writeln!(
            out,
            "    VersionFacts {{ cpix_version: {:?}, keys: {keys}, source: {:?}, as_of: {:?} }},",
            version.cpix_version, version.source, version.as_of
        )
        .unwrap();
    }
    out.push_str("];\n\n");

    writeln!(
        out,
        "pub(crate) const DRM_SYSTEM_IDS: [&str; {}] = [",
        matrix.drm_systems.len()
    )
    .unwrap();
    for drm in &matrix.drm_systems {
        writeln!(out, "    {:?},", drm.system_id).unwrap();
    }
    out.push_str("];\n\n");

    writeln!(
        out,
        "pub(crate) const QUALIFIER_FACTS: [QualifierFacts; {}] = [",
        matrix.qualifiers.len()
    )
    .unwrap();
    for qualifier in &matrix.qualifiers {
        writeln!(
            out,
            "    QualifierFacts {{ group: {:?}, phrase: {:?} }},",
            qualifier.group.as_deref(),
            qualifier.phrase
        )
        .unwrap();
    }
    out.push_str("];\n\n");
    group_masks(&mut out, matrix);

    let (v, m, e, d) = (
        matrix.versions.len(),
        matrix.modes.len(),
        matrix.endpoints.len(),
        matrix.drm_systems.len(),
    );
    let mut has_column = vec![false; v * d];
    for (version, grid) in matrix.grids.iter().enumerate() {
        for &drm in &grid.columns {
            has_column[version * d + drm] = true;
        }
    }
    bool_table(
        &mut out,
        "HAS_COLUMN",
        "Whether each version's grid has each DRM system's column.",
        &has_column,
    );
    // Marked from each grid's rows, rather than searching a grid's rows for every mode and
    // endpoint type, which would grow with the square of the rows.
    let mut has_row = vec![false; v * m * e];
    for (version, grid) in matrix.grids.iter().enumerate() {
        for &(mode, endpoint) in &grid.rows {
            has_row[(version * m + mode) * e + endpoint] = true;
        }
    }
    bool_table(
        &mut out,
        "HAS_ROW",
        "Whether each version's grid has a row for each mode and endpoint type.",
        &has_row,
    );
    cell_tables(&mut out, matrix.cells());

    writeln!(
        out,
        "/// The matrix files these tables were compiled from, by file name."
    )
    .unwrap();
    writeln!(
        out,
        "pub(crate) const SOURCES: [(&str, &str); {}] = [",
        sources.len()
    )
    .unwrap();
    for source in sources {
        let text = String::from_utf8_lossy(&source.normalized().bytes).into_owned();
        writeln!(out, "    ({:?}, {:?}),", source.name(), text).unwrap();
    }
    out.push_str("];\n");
    out
}

/// The members of each group of alternatives as a bit set, groups in the order of their first
/// members in the vocabulary, so that `Combination::is_supported` can refuse, in a `const fn`,
/// a combination asking for two of one group. A matrix without groups gets an empty table.
fn group_masks(out: &mut String, matrix: &Matrix) {
    let mut groups: Vec<(&str, u64)> = Vec::new();
    for (index, qualifier) in matrix.qualifiers.iter().enumerate().take(64) {
        let Some(group) = qualifier.group.as_deref() else {
            continue;
        };
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => *members |= 1 << index,
            None => groups.push((group, 1 << index)),
        }
    }
    writeln!(
        out,
        "/// The qualifiers of each group of alternatives, as bit sets: a combination may ask for one\n\
         /// of each."
    )
    .unwrap();
    writeln!(
        out,
        "pub(crate) const QUALIFIER_GROUP_MASKS: [u64; {}] = [",
        groups.len()
    )
    .unwrap();
    for (group, members) in &groups {
        writeln!(out, "    {members:#x}, // {group}").unwrap();
    }
    out.push_str("];\n\n");
}

fn vocabulary_enum(out: &mut String, name: &str, what: &str, doc: &str, terms: &[&Term]) {
    writeln!(out, "crate::vocabulary::vocabulary_enum! {{").unwrap();
    writeln!(out, "    /// {doc}").unwrap();
    writeln!(out, "    {name}, {what:?},").unwrap();
    for term in terms {
        let aliases: Vec<String> = term.aliases.iter().map(|a| format!("{a:?}")).collect();
        writeln!(
            out,
            "    {} = {:?}, {:?}, {:?}, [{}];",
            ident::camel_case(&term.id),
            term.id,
            ident::snake_case(&term.id),
            term.name,
            aliases.join(", ")
        )
        .unwrap();
    }
    out.push_str("}\n\n");
}

/// Values per line in the large tables, so that they stay readable and diff well.
const PER_LINE: usize = 24;

fn bool_table(out: &mut String, name: &str, doc: &str, values: &[bool]) {
    writeln!(out, "/// {doc}").unwrap();
    writeln!(out, "pub(crate) const {name}: [bool; {}] = [", values.len()).unwrap();
    for line in values.chunks(PER_LINE) {
        let line: Vec<&str> = line
            .iter()
            .map(|&b| if b { "true" } else { "false" })
            .collect();
        writeln!(out, "    {},", line.join(", ")).unwrap();
    }
    out.push_str("];\n\n");
}

/// The cells as two tables: the distinct cells (`CELL_KINDS`), and for every combination the
/// index of its cell in that list (`CELLS`), in the narrowest integer type that fits. A matrix
/// has few distinct cells, so this costs a byte or two a combination in the generated source.
fn cell_tables(out: &mut String, cells: &[Cell]) {
    let (kinds, indices) = distinct_cells(cells);
    writeln!(out, "/// Each distinct cell of the matrix.").unwrap();
    writeln!(
        out,
        "pub(crate) const CELL_KINDS: [Cell; {}] = [",
        kinds.len()
    )
    .unwrap();
    for kind in &kinds {
        let text = match kind {
            Cell::NotInGrid => "Cell::NotInGrid".to_owned(),
            Cell::Unsupported => "Cell::Unsupported".to_owned(),
            Cell::Supported(set) => format!("Cell::Supported(QualifierSet::from_bits({set:#x}))"),
        };
        writeln!(out, "    {text},").unwrap();
    }
    out.push_str("];\n\n");

    let index_type = match kinds.len() {
        0..=256 => "u8",
        257..=65_536 => "u16",
        _ => "u32",
    };
    writeln!(
        out,
        "/// The index in `CELL_KINDS` of each combination's cell, by version, mode, endpoint type"
    )
    .unwrap();
    writeln!(out, "/// and DRM system.").unwrap();
    writeln!(
        out,
        "pub(crate) const CELLS: [{index_type}; {}] = [",
        cells.len()
    )
    .unwrap();
    // The table is most of the file for a large matrix, so each index is written from its
    // text made once, rather than formatted and joined anew for every combination.
    let numbers: Vec<String> = (0..kinds.len()).map(|i| i.to_string()).collect();
    for line in indices.chunks(PER_LINE) {
        out.push_str("    ");
        for (i, &kind) in line.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&numbers[kind]);
        }
        out.push_str(",\n");
    }
    out.push_str("];\n\n");
}

/// Qualifier sets below this bound are counted in a table indexed by the set itself.
const DENSE_SETS: u64 = 1 << 16;

/// The distinct cells, sorted, with `NotInGrid` first even if no combination has it, and the
/// index in that list of each cell.
///
/// Build scripts run unoptimised, where sorting or inserting a million cells into a tree costs
/// thousands of instructions a cell. A matrix's qualifier sets are small numbers (a bit per
/// qualifier, rarely more than a handful), so when every set is below [`DENSE_SETS`] each cell
/// marks a slot of a table instead, in time that grows with the cells alone; larger sets take
/// the general path through a sorted set.
fn distinct_cells(cells: &[Cell]) -> (Vec<Cell>, Vec<usize>) {
    let union = cells.iter().fold(0u64, |all, cell| match cell {
        Cell::Supported(set) => all | set,
        Cell::NotInGrid | Cell::Unsupported => all,
    });
    if union >= DENSE_SETS {
        let mut kinds: Vec<Cell> = cells
            .iter()
            .copied()
            .collect::<BTreeSet<Cell>>()
            .into_iter()
            .collect();
        if kinds.first() != Some(&Cell::NotInGrid) {
            kinds.insert(0, Cell::NotInGrid);
        }
        let indices = cells
            .iter()
            .map(|cell| kinds.binary_search(cell).unwrap_or_default())
            .collect();
        return (kinds, indices);
    }

    // Slot 0 is `NotInGrid`, slot 1 `Unsupported`, slot `2 + set` a supported set: the slots'
    // order is the cells' order.
    let slot = |cell: &Cell| match *cell {
        Cell::NotInGrid => 0,
        Cell::Unsupported => 1,
        Cell::Supported(set) => 2 + set as usize,
    };
    let mut present = vec![false; 2 + DENSE_SETS as usize];
    present[0] = true;
    for cell in cells {
        present[slot(cell)] = true;
    }
    let mut kind_of_slot = vec![0; present.len()];
    let mut kinds = Vec::new();
    for (index, _) in present.iter().enumerate().filter(|(_, &here)| here) {
        kind_of_slot[index] = kinds.len();
        kinds.push(match index {
            0 => Cell::NotInGrid,
            1 => Cell::Unsupported,
            _ => Cell::Supported(index as u64 - 2),
        });
    }
    let indices = cells.iter().map(|cell| kind_of_slot[slot(cell)]).collect();
    (kinds, indices)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `distinct_cells` must return, the plain way: sort, dedup, search.
    fn sorted_kinds(cells: &[Cell]) -> (Vec<Cell>, Vec<usize>) {
        let mut kinds = cells.to_vec();
        kinds.push(Cell::NotInGrid);
        kinds.sort();
        kinds.dedup();
        let indices = cells
            .iter()
            .map(|cell| kinds.binary_search(cell).unwrap())
            .collect();
        (kinds, indices)
    }

    #[test]
    fn each_group_of_alternatives_gets_a_mask() {
        let matrix = crate::test_matrix::matrix();
        let text = render(&matrix, &crate::test_matrix::sources());
        // cbcs and cenc are qualifiers 1 and 2; key rotation has no group.
        assert!(text.contains(
            "pub(crate) const QUALIFIER_GROUP_MASKS: [u64; 1] = [\n    0x6, // encryption-scheme\n];"
        ));

        let mut ungrouped = matrix.clone();
        for qualifier in &mut ungrouped.qualifiers {
            qualifier.group = None;
        }
        let text = render(&ungrouped, &[]);
        assert!(text.contains("pub(crate) const QUALIFIER_GROUP_MASKS: [u64; 0] = [\n];"));
    }

    #[test]
    fn small_sets_take_the_table_and_agree_with_sorting() {
        let cells = [
            Cell::Supported(0b101),
            Cell::Unsupported,
            Cell::Supported(0),
            Cell::Supported(0b101),
            Cell::Supported(DENSE_SETS - 1),
            Cell::Supported(0b11),
        ];
        let (kinds, indices) = distinct_cells(&cells);
        assert_eq!((kinds.clone(), indices.clone()), sorted_kinds(&cells));
        assert_eq!(kinds[0], Cell::NotInGrid);
        assert_eq!(indices, [4, 1, 2, 4, 5, 3]);
    }

    #[test]
    fn large_sets_take_the_sorted_path_and_agree() {
        let cells = [
            Cell::Supported(1 << 63),
            Cell::NotInGrid,
            Cell::Supported(DENSE_SETS),
            Cell::Supported(1),
            Cell::Supported(1 << 63),
        ];
        assert_eq!(distinct_cells(&cells), sorted_kinds(&cells));
        assert_eq!(distinct_cells(&[]), (vec![Cell::NotInGrid], vec![]));
    }
}
