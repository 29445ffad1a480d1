//! `speke-matrix list`: the supported combinations, filtered, one a line as ids in aligned
//! columns, so that each line is an argument list `check` accepts. A cell offering several
//! qualifiers of one group of alternatives gets a line for each of them.

use std::path::Path;

use speke_matrix_build::portable::explain::alternatives_asked;
use speke_matrix_build::{Cell, Matrix, TermKind};

use crate::args::ListFilter;
use crate::matrix_source;
use crate::output::Output;

pub fn run(matrix_dir: Option<&Path>, filter: &ListFilter) -> Output {
    let mut output = Output::new();
    let Some(matrix) = matrix_source::load(matrix_dir, &mut output) else {
        return output;
    };
    let mut find = |kind: TermKind, word: &Option<String>| -> Result<Option<usize>, ()> {
        match word {
            None => Ok(None),
            Some(word) => matrix.find(kind, word).map(Some).map_err(|message| {
                output.error(message);
            }),
        }
    };
    let version = find(TermKind::Version, &filter.version);
    let mode = find(TermKind::Mode, &filter.mode);
    let endpoint = find(TermKind::Endpoint, &filter.endpoint);
    let drm = find(TermKind::DrmSystem, &filter.drm);
    let (Ok(version), Ok(mode), Ok(endpoint), Ok(drm)) = (version, mode, endpoint, drm) else {
        return output;
    };
    let keep = |wanted: Option<usize>, index: usize| wanted.is_none_or(|w| w == index);

    let mut lines: Vec<Vec<&str>> = Vec::new();
    for v in (0..matrix.versions.len()).filter(|&v| keep(version, v)) {
        for m in (0..matrix.modes.len()).filter(|&m| keep(mode, m)) {
            for e in (0..matrix.endpoints.len()).filter(|&e| keep(endpoint, e)) {
                for d in (0..matrix.drm_systems.len()).filter(|&d| keep(drm, d)) {
                    if let Cell::Supported(offered) = matrix.cell(v, m, e, d) {
                        for asked in one_of_each_group(&matrix, offered) {
                            lines.push(line(&matrix, [v, m, e, d], asked));
                        }
                    }
                }
            }
        }
    }
    if lines.is_empty() {
        output
            .stderr
            .push_str("no supported combination matches the filters\n");
    }
    output.stdout = aligned(&lines);
    output
}

/// The largest qualifier sets a combination may ask for on a cell offering `offered`: all of
/// them, except that of a group of alternatives offered in several members (cbcs and cenc) it
/// takes one member at a time, since a combination asking for two is refused. Sets come in the
/// vocabulary order of the members chosen.
fn one_of_each_group(matrix: &Matrix, offered: u64) -> Vec<u64> {
    let groups = alternatives_asked(matrix, offered);
    let fixed = groups
        .iter()
        .fold(offered, |set, &(_, members)| set & !members);
    let mut sets = vec![fixed];
    for (_, members) in groups {
        sets = sets
            .iter()
            .flat_map(|&set| {
                (0..64)
                    .filter(move |&i| members & (1 << i) != 0)
                    .map(move |i| set | 1 << i)
            })
            .collect();
    }
    sets
}

/// The ids of a supported cell, then those of the qualifiers asked for.
fn line(matrix: &Matrix, [v, m, e, d]: [usize; 4], asked: u64) -> Vec<&str> {
    let mut words = vec![
        matrix.versions[v].term.id.as_str(),
        matrix.modes[m].id.as_str(),
        matrix.endpoints[e].id.as_str(),
        matrix.drm_systems[d].term.id.as_str(),
    ];
    words.extend(
        matrix
            .qualifiers
            .iter()
            .enumerate()
            .filter(|&(i, _)| i < 64 && asked & (1 << i) != 0)
            .map(|(_, q)| q.term.id.as_str()),
    );
    words
}

/// Lines of words with the first four columns padded to a common width.
fn aligned(lines: &[Vec<&str>]) -> String {
    let mut widths = [0usize; 4];
    for words in lines {
        for (width, word) in widths.iter_mut().zip(words) {
            *width = (*width).max(word.chars().count());
        }
    }
    let mut out = String::new();
    for words in lines {
        let mut line = String::new();
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(word);
            if let Some(&width) = widths.get(i) {
                line.push_str(&" ".repeat(width - word.chars().count()));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
