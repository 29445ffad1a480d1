//! Renders the model as a flat, long-format CSV: one row per combination of SPEKE version,
//! mode, endpoint type and DRM system, for spreadsheets and scripts that filter rows rather
//! than read grids.
//!
//! The file opens with two lines starting with `#` that say it is generated; CSV has no
//! comments, so readers skip them (`pandas.read_csv(path, comment="#")`, or drop lines that
//! start with `#`). Then a header row and the columns `version`, `mode`, `endpoint_type`,
//! `drm_system` (ids), `cell` (`supported`, `unsupported`, or `not-in-grid` where the version's
//! grid has no such row or column) and `qualifiers` (the ids the cell offers, separated by
//! ` | ` as aliases are in the matrix files; empty if none).

use crate::model::{Cell, Matrix};

/// The command that regenerates the CSV.
pub const COMMAND: &str = "speke-matrix render csv";

/// The header row.
pub const HEADER: [&str; 6] = [
    "version",
    "mode",
    "endpoint_type",
    "drm_system",
    "cell",
    "qualifiers",
];

/// Every combination of the vocabulary, in version, mode, endpoint type, DRM system order.
pub fn render(matrix: &Matrix) -> String {
    let mut out = super::generated_header("#", COMMAND);
    out.push_str(&record(&HEADER));
    for (v, version) in matrix.versions.iter().enumerate() {
        for (m, mode) in matrix.modes.iter().enumerate() {
            for (e, endpoint) in matrix.endpoints.iter().enumerate() {
                for (d, drm) in matrix.drm_systems.iter().enumerate() {
                    let (cell, offered) = match matrix.cell(v, m, e, d) {
                        Cell::NotInGrid => ("not-in-grid", 0),
                        Cell::Unsupported => ("unsupported", 0),
                        Cell::Supported(offered) => ("supported", offered),
                    };
                    let qualifiers: Vec<&str> = matrix
                        .qualifiers
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| i < 64 && offered & (1 << i) != 0)
                        .map(|(_, q)| q.term.id.as_str())
                        .collect();
                    out.push_str(&record(&[
                        &version.term.id,
                        &mode.id,
                        &endpoint.id,
                        &drm.term.id,
                        cell,
                        &qualifiers.join(" | "),
                    ]));
                }
            }
        }
    }
    out
}

/// One CSV record with a newline, each field quoted only if it must be (RFC 4180).
fn record(fields: &[&str]) -> String {
    let mut line = fields
        .iter()
        .map(|field| quote(field))
        .collect::<Vec<_>>()
        .join(",");
    line.push('\n');
    line
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) || field.starts_with('#') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_matrix::{matrix, SCHEMES};

    #[test]
    fn one_row_per_combination_after_the_notice_and_header() {
        let m = matrix(&[]);
        let csv = render(&m);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].starts_with("# @generated"));
        assert!(lines[1].ends_with("speke-matrix render csv"));
        assert_eq!(
            lines[2],
            "version,mode,endpoint_type,drm_system,cell,qualifiers"
        );
        // 2 versions, 2 modes, 2 endpoint types, 3 DRM systems.
        assert_eq!(lines.len(), 3 + 2 * 2 * 2 * 3);
        assert!(lines.contains(&"v1,live,dash,playready,supported,key-rotation"));
        assert!(lines.contains(&"v1,live,dash,fairplay,unsupported,"));
        assert!(lines.contains(&"v2,vod,dash,widevine,not-in-grid,"));
    }

    #[test]
    fn several_qualifiers_are_separated_as_aliases_are() {
        let m = crate::render::test_matrix::with_files(&[
            (
                "qualifiers.csv",
                &format!(
                    "id,name,aliases,group,phrase\n\
                     key-rotation,key rotation,,,with key rotation\n{SCHEMES}"
                ),
            ),
            (
                "speke-v2.csv",
                "mode,endpoint,playready\nlive,dash,yes + cbcs + cenc + key-rotation\n",
            ),
        ]);
        let csv = render(&m);
        assert!(csv.contains("\nv2,live,dash,playready,supported,key-rotation | cbcs | cenc\n"));
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("#x"), "\"#x\"");
    }
}
