//! Compile-fail snapshots of `speke_supported!` and the type-level form: one file per class of
//! mistake, each a piece of packager config code, with the errors a user reads beside it in
//! `tests/ui/*.stderr`. Regenerate them with `TRYBUILD=overwrite cargo test --test macro_ui`
//! and read the diff as prose.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
