//! `speke-matrix diff`: the differences between two SPEKE versions of one matrix (cells), or
//! between two matrix directories (vocabulary and cells), as Markdown or JSON; with
//! `--exit-code`, the exit status says whether anything changed.

use std::path::Path;

use speke_matrix_build::diff::{self, Diff};
use speke_matrix_build::TermKind;

use crate::args::{DiffBetween, DiffFormat};
use crate::matrix_source::{self, shown_dir};
use crate::output::{Output, Status};

pub fn run(
    matrix_dir: Option<&Path>,
    between: &DiffBetween,
    format: DiffFormat,
    exit_code: bool,
) -> Output {
    let mut output = Output::new();
    let Some(diff) = compute(matrix_dir, between, &mut output) else {
        return output;
    };
    output.stdout = match format {
        DiffFormat::Markdown => diff::to_markdown(&diff),
        DiffFormat::Json => diff::to_json(&diff),
    };
    if exit_code && !diff.is_empty() {
        output.status = Status::Changed;
    }
    output
}

fn compute(matrix_dir: Option<&Path>, between: &DiffBetween, output: &mut Output) -> Option<Diff> {
    match between {
        DiffBetween::Versions(before, after) => {
            let matrix = matrix_source::load(matrix_dir, output)?;
            let before = matrix.find(TermKind::Version, before);
            let after = matrix.find(TermKind::Version, after);
            match (before, after) {
                (Ok(before), Ok(after)) => Some(diff::versions(&matrix, before, after)),
                (before, after) => {
                    for message in [before.err(), after.err()].into_iter().flatten() {
                        output.error(message);
                    }
                    None
                }
            }
        }
        DiffBetween::Directories(from, to) => {
            // Both are read before either is judged, so that a reviewer sees every problem.
            let before = matrix_source::load(Some(from), output);
            let after = matrix_source::load(Some(to), output);
            Some(diff::matrices(
                &before?,
                &after?,
                &shown_dir(from),
                &shown_dir(to),
            ))
        }
    }
}
