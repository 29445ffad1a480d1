//! `speke-matrix check`: whether the matrix supports a combination, with which qualifiers, and
//! if not, the explanation that the compile-time check gives, from the same code.

use std::path::Path;

use speke_matrix_build::portable::explain::{mode_in_text, qualifier_names};
use speke_matrix_build::{explain, Matrix, Query, TermKind};

use crate::matrix_source;
use crate::output::{Output, Status};

/// The kinds of the four words every check starts with, in order.
const KINDS: [TermKind; 4] = [
    TermKind::Version,
    TermKind::Mode,
    TermKind::Endpoint,
    TermKind::DrmSystem,
];

pub fn run(matrix_dir: Option<&Path>, words: &[String]) -> Output {
    let mut output = Output::new();
    if words.len() < KINDS.len() {
        output.status = Status::Usage;
        output.stderr = format!(
            "error: expected a SPEKE version, a mode, an endpoint type and a DRM system, then any \
             qualifiers, as `speke-matrix check v2 live dash widevine`; found {} word(s)\n",
            words.len()
        );
        return output;
    }
    let Some(matrix) = matrix_source::load(matrix_dir, &mut output) else {
        return output;
    };
    let Some(query) = query(&matrix, words, &mut output) else {
        return output;
    };
    match explain(&matrix, &query) {
        None => {
            let offered = match matrix.cell(query.version, query.mode, query.endpoint, query.drm) {
                speke_matrix_build::Cell::Supported(offered) => offered,
                _ => 0,
            };
            let offers = if offered == 0 {
                "no qualifier".to_owned()
            } else {
                qualifier_names(&matrix, offered)
            };
            output.stdout = format!(
                "supported: {}; the cell offers {offers}\n",
                describe(&matrix, &query)
            );
        }
        Some(explanation) => {
            output.stdout = format!("not supported: {explanation}\n");
            output.status = Status::Refused;
        }
    }
    output
}

/// The words looked up in the vocabulary, or every unknown word reported with the nearest
/// valid spelling.
fn query(matrix: &Matrix, words: &[String], output: &mut Output) -> Option<Query> {
    let mut indices = Vec::new();
    let mut unknown = false;
    let kinds = KINDS
        .into_iter()
        .chain(std::iter::repeat(TermKind::Qualifier));
    for (word, kind) in words.iter().zip(kinds) {
        match matrix.find(kind, word) {
            Ok(index) => indices.push(index),
            Err(message) => {
                output.error(message);
                unknown = true;
            }
        }
    }
    if unknown {
        return None;
    }
    let qualifiers = indices[KINDS.len()..]
        .iter()
        .fold(0u64, |set, &q| set | (1u64 << q));
    Some(Query {
        version: indices[0],
        mode: indices[1],
        endpoint: indices[2],
        drm: indices[3],
        qualifiers,
    })
}

/// "Google Widevine on DASH (live) with SPEKE v1, with key rotation", as the library's
/// `Combination` displays itself.
fn describe(matrix: &Matrix, q: &Query) -> String {
    let mut text = format!(
        "{} on {} ({}) with {}",
        matrix.drm_systems[q.drm].term.name,
        matrix.endpoints[q.endpoint].name,
        mode_in_text(&matrix.modes[q.mode].name),
        matrix.versions[q.version].term.name
    );
    if q.qualifiers != 0 {
        text.push_str(&format!(", with {}", qualifier_names(matrix, q.qualifiers)));
    }
    text
}
