//! The pure part of speke-matrix: the matrix's CSV text in, a validated model out, and
//! renderers from the model to Rust source, Markdown, JSON, CSV and HTML,
//! and the cell-level diff of two grids. It reads no files, so every rule is tested on text;
//! the library's `build.rs`, the macro and the CLI are thin shells around it.

pub mod cell;
pub mod compile;
pub mod csv;
pub mod decide;
pub mod diagnostic;
#[cfg(feature = "tools")]
pub mod diff;
pub mod grid;
pub mod ident;
#[cfg(feature = "tools")]
pub mod import;
pub mod matrix_dir;
pub mod model;
pub mod portable;
pub mod render;
pub mod table;
#[cfg(test)]
mod test_matrix;
pub mod vocabulary;

pub use compile::{compile, Compiled, SourceFile};
pub use diagnostic::{Diagnostic, Location, Severity};
pub use model::{Cell, DrmSystem, Grid, Keys, Matrix, Qualifier, Term, TermKind, Version};
pub use portable::explain::{explain, is_supported, MatrixView, Query};
