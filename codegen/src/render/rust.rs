//! Renders the model as the Rust source of the library's tables: the vocabulary enums, the
//! per-term facts, and the cells as a flat table that a `const fn` indexes.
//!
//! The enums' behaviour (ids, names, parsing) is written by hand in the library; this file
//! emits only data, in vocabulary order, so the same matrix always renders the same bytes.

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

    let (v, m, e, d) = (
        matrix.versions.len(),
        matrix.modes.len(),
        matrix.endpoints.len(),
        matrix.drm_systems.len(),
    );
    let has_column: Vec<bool> = (0..v)
        .flat_map(|v| (0..d).map(move |d| (v, d)))
        .map(|(v, d)| matrix.grids[v].columns.contains(&d))
        .collect();
    bool_table(
        &mut out,
        "HAS_COLUMN",
        "Whether each version's grid has each DRM system's column.",
        &has_column,
    );
    let has_row: Vec<bool> = (0..v)
        .flat_map(|v| (0..m).flat_map(move |m| (0..e).map(move |e| (v, m, e))))
        .map(|(v, m, e)| matrix.grids[v].rows.contains(&(m, e)))
        .collect();
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
    let mut kinds: Vec<Cell> = cells.to_vec();
    kinds.sort();
    kinds.dedup();
    if kinds.first() != Some(&Cell::NotInGrid) {
        kinds.insert(0, Cell::NotInGrid);
    }
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
    for line in cells.chunks(PER_LINE) {
        let line: Vec<String> = line
            .iter()
            .map(|cell| kinds.binary_search(cell).unwrap_or_default().to_string())
            .collect();
        writeln!(out, "    {},", line.join(", ")).unwrap();
    }
    out.push_str("];\n\n");
}
