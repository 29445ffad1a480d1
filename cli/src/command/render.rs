//! `speke-matrix render`: the matrix as Markdown, JSON, CSV or HTML, on stdout or into a file.

use std::path::Path;

use speke_matrix_build::render::{csv, html, json, markdown};

use crate::args::RenderFormat;
use crate::matrix_source;
use crate::output::{write_file, Output};

/// The command a rendered Markdown document names as the way to make it again. The committed
/// docs name `docs` instead, which is how they are made.
const MARKDOWN_COMMAND: &str = "speke-matrix render markdown";

pub fn run(matrix_dir: Option<&Path>, format: RenderFormat, out: Option<&Path>) -> Output {
    let mut output = Output::new();
    let Some(matrix) = matrix_source::load(matrix_dir, &mut output) else {
        return output;
    };
    let text = match format {
        RenderFormat::Markdown => markdown::document_with_command(&matrix, MARKDOWN_COMMAND),
        RenderFormat::Json => json::render(&matrix),
        RenderFormat::Csv => csv::render(&matrix),
        RenderFormat::Html => html::render(&matrix),
    };
    match out {
        None => output.stdout = text,
        Some(path) => {
            if let Err(message) = write_file(path, &text) {
                output.error(message);
            }
        }
    }
    output
}
