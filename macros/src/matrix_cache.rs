//! The matrix compiled from the texts a call hands over, kept for the next call. Every call in
//! a crate hands over the same texts, and the compiler runs all of a crate's macro calls in
//! one process, so the matrix is compiled once per crate rather than once per call.

use std::sync::{Arc, Mutex, PoisonError};

use speke_matrix_build::render::macro_rules::FastPath;
use speke_matrix_build::{compile, Matrix};

use crate::input::{source_files, Misuse};

/// The last sources compiled, as the literals were written, their matrix and its fast path. The texts
/// themselves are the key, so an edited CSV file can never be answered from a stale matrix;
/// comparing them as written spares each call unescaping kilobytes of text, which matters
/// because proc macros run unoptimised in a user's debug build.
static LAST: Mutex<Option<(Vec<String>, Compiled)>> = Mutex::new(None);

/// A matrix, and which of its accepted calls the library's fast path holds: the proc macro may
/// expand a call to the library's const only if the fast path has one for it. Counting them
/// takes a pass over every cell, so it is kept with the matrix rather than done each call.
#[derive(Clone)]
pub struct Compiled {
    pub matrix: Arc<Matrix>,
    pub fast_path: FastPath,
}

/// The matrix the files make and its fast path, or why they make none (which the library's build script would
/// already have reported).
pub fn compiled(written: &[String]) -> Result<Compiled, Misuse> {
    let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((key, compiled)) = last.as_ref() {
        if key.as_slice() == written {
            return Ok(compiled.clone());
        }
    }
    let files = source_files(written)?;
    let matrix = match compile("matrix", &files) {
        Ok(compiled) => Arc::new(compiled.matrix),
        Err(diagnostics) => {
            let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            return Err(Misuse {
                span: proc_macro2::Span::call_site(),
                message: format!("the matrix does not compile:\n{}", lines.join("\n")),
            });
        }
    };
    let compiled = Compiled {
        fast_path: FastPath::of(&matrix),
        matrix,
    };
    *last = Some((written.to_vec(), compiled.clone()));
    Ok(compiled)
}
