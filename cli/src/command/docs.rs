//! `speke-matrix docs`: regenerates `docs/support-matrix.md` and the README section from the
//! matrix directory, or with `--check` says which of them are stale.

use std::fs;
use std::path::Path;

use speke_matrix_build::render::markdown::{self, COMMAND, DOC_PATH};

use crate::matrix_source;
use crate::output::{write_file, Output};

/// The README whose section is regenerated, relative to the current directory.
const README_PATH: &str = "README.md";

pub fn run(matrix_dir: &Path, check: bool) -> Output {
    let mut output = Output::new();
    let Some(matrix) = matrix_source::load(Some(matrix_dir), &mut output) else {
        return output;
    };
    let readme = match fs::read_to_string(README_PATH) {
        Ok(text) => text,
        Err(error) => {
            output.error(format!(
                "cannot read {README_PATH}: {error}; run `speke-matrix docs` from the repository \
                 root"
            ));
            return output;
        }
    };
    let readme =
        match markdown::splice_readme(README_PATH, &readme, &markdown::readme_section(&matrix)) {
            Ok(text) => text,
            Err(message) => {
                output.error(message);
                return output;
            }
        };
    let files = [
        (DOC_PATH, markdown::document(&matrix)),
        (README_PATH, readme),
    ];

    for (path, text) in &files {
        let current = fs::read(path).ok();
        let fresh = current.as_deref() == Some(text.as_bytes());
        if fresh {
            output.stdout.push_str(&format!("{path} is up to date\n"));
        } else if check {
            output.error(format!("{path} is stale; regenerate it with `{COMMAND}`"));
        } else {
            if let Some(parent) = Path::new(path)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
            {
                if let Err(error) = fs::create_dir_all(parent) {
                    output.error(format!("cannot create {}: {error}", parent.display()));
                    continue;
                }
            }
            match write_file(Path::new(path), text) {
                Ok(()) => output.stdout.push_str(&format!("wrote {path}\n")),
                Err(message) => output.error(message),
            }
        }
    }
    output
}
