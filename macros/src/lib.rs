//! The proc macro behind `speke_matrix::speke_supported!`. Users never call it directly: the
//! library's generated `macro_rules!` macro accepts every supported call written with
//! canonical ids on its own, and hands every other call here, with the text of the matrix
//! files the library was built from. This crate compiles that text with `speke-matrix-build`,
//! decides the call with the same function the tests check against the library's tables, and
//! expands to the combination or to errors that point at the words at fault.

mod arguments;
mod expand;
mod input;
mod literal;
mod matrix_cache;

/// Decides a `speke_supported!` call that the fast path did not match. The input is
/// `[CRATE] ["file name" "file text" ...] (ARGUMENTS)`, as the library's macro writes it.
#[doc(hidden)]
#[proc_macro]
pub fn speke_supported_slow(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    expand::expand(input.into()).into()
}
