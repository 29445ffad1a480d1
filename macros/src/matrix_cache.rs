//! The matrix compiled from the texts a call hands over, kept for the next call. Every call in
//! a crate hands over the same texts, and the compiler runs all of a crate's macro calls in
//! one process, so the matrix is compiled once per crate rather than once per call.

use std::sync::{Arc, Mutex, PoisonError};

use speke_matrix_build::{compile, Matrix, SourceFile};

/// The last texts compiled and their matrix. The texts themselves are the key, so an edited
/// CSV file can never be answered from a stale matrix.
static LAST: Mutex<Option<(Vec<SourceFile>, Arc<Matrix>)>> = Mutex::new(None);

/// The matrix the files make, or the diagnostics that say why they make none (which the
/// library's build script would already have reported).
pub fn compiled(sources: &[SourceFile]) -> Result<Arc<Matrix>, Vec<String>> {
    let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((texts, matrix)) = last.as_ref() {
        if texts == sources {
            return Ok(Arc::clone(matrix));
        }
    }
    let matrix = Arc::new(
        compile("matrix", sources)
            .map_err(|diagnostics| {
                diagnostics
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            })?
            .matrix,
    );
    *last = Some((sources.to_vec(), Arc::clone(&matrix)));
    Ok(matrix)
}
