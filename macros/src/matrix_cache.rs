//! The matrix compiled from the texts a call hands over, kept for the next call. Every call in
//! a crate hands over the same texts, and the compiler runs all of a crate's macro calls in
//! one process, so the matrix is compiled once per crate rather than once per call.

use std::sync::{Arc, Mutex, PoisonError};

use speke_matrix_build::{compile, Matrix};

use crate::input::{source_files, Misuse};

/// The last sources compiled, as the literals were written, and their matrix. The texts
/// themselves are the key, so an edited CSV file can never be answered from a stale matrix;
/// comparing them as written spares each call unescaping kilobytes of text, which matters
/// because proc macros run unoptimised in a user's debug build.
static LAST: Mutex<Option<(Vec<String>, Arc<Matrix>)>> = Mutex::new(None);

/// The matrix the files make, or why they make none (which the library's build script would
/// already have reported).
pub fn compiled(written: &[String]) -> Result<Arc<Matrix>, Misuse> {
    let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((key, matrix)) = last.as_ref() {
        if key.as_slice() == written {
            return Ok(Arc::clone(matrix));
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
    *last = Some((written.to_vec(), Arc::clone(&matrix)));
    Ok(matrix)
}
