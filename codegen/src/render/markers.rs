//! Renders the matrix as types for generic config code: a marker type per term, in a module
//! per kind, the trait `SupportedCombination`, and an implementation of it for every call the
//! macro accepts with canonical ids, so that a bound on that trait refuses what the macro
//! refuses.
//!
//! The implementations are only correct when complete: a missing one would refuse a supported
//! combination. So a matrix whose accepted calls exceed
//! [`FAST_PATH_LIMIT`](super::macro_rules::FAST_PATH_LIMIT) gets none at all,
//! and the trait's docs and error message say so, rather than an incomplete set.

use std::fmt::Write;

use super::macro_rules::{qualifier_indices, value_name, Extent, FastPath, COMMAND, VALUES_PATH};
use crate::ident;
use crate::model::{Matrix, TermKind};

/// The module of each kind's marker types, inside the library's `marker` module.
pub fn module(kind: TermKind) -> &'static str {
    match kind {
        TermKind::Version => "version",
        TermKind::Mode => "mode",
        TermKind::Endpoint => "endpoint",
        TermKind::DrmSystem => "drm",
        TermKind::Qualifier => "qualifier",
    }
}

/// Renders `markers.rs`, which the library includes in its `marker` module, where the type
/// `TypedCombination` is written by hand.
pub fn render(matrix: &Matrix) -> String {
    render_fast_path(matrix, &FastPath::of(matrix))
}

/// [`render`] with a given fast path, which tests cut at a small limit: the implementations
/// are written only if it holds every accepted call.
pub fn render_fast_path(matrix: &Matrix, fast_path: &FastPath) -> String {
    let mut out = super::generated_header("//", COMMAND);
    for kind in TermKind::ALL {
        writeln!(
            out,
            "\n/// A marker type per {}, named as the enum variant.\npub mod {} {{",
            kind.what(),
            module(kind)
        )
        .unwrap();
        for term in matrix.terms(kind) {
            writeln!(
                out,
                "    /// {} (`{}`).\n    pub enum {} {{}}",
                term.name,
                ident::snake_case(&term.id),
                ident::camel_case(&term.id)
            )
            .unwrap();
        }
        out.push_str("}\n");
    }

    out.push('\n');
    out.push_str(&supported_combination_trait(fast_path));
    if fast_path.extent != Extent::Every {
        return out;
    }
    for call in fast_path.calls(matrix) {
        let marker = |kind: TermKind, index: usize| {
            format!(
                "{}::{}",
                module(kind),
                ident::camel_case(&matrix.terms(kind)[index].id)
            )
        };
        let qualifiers: Vec<String> = qualifier_indices(matrix, call.qualifiers)
            .map(|i| marker(TermKind::Qualifier, i))
            .collect();
        let qualifiers = match qualifiers.as_slice() {
            [] => "()".to_owned(),
            [only] => format!("({only},)"),
            many => format!("({})", many.join(", ")),
        };
        writeln!(
            out,
            "#[diagnostic::do_not_recommend]\n\
             impl SupportedCombination for TypedCombination<{}, {}, {}, {}, {qualifiers}> {{\n    \
             const COMBINATION: crate::Combination = crate::{VALUES_PATH}::{};\n}}",
            marker(TermKind::Version, call.version),
            marker(TermKind::Mode, call.mode),
            marker(TermKind::Endpoint, call.endpoint),
            marker(TermKind::DrmSystem, call.drm),
            value_name(matrix, &call)
        )
        .unwrap();
    }
    out
}

/// The trait, with docs and an error message that say whether this matrix implements it.
fn supported_combination_trait(fast_path: &FastPath) -> String {
    let (docs, note) = if fast_path.extent == Extent::Every {
        (
            "/// Implemented only for the [`TypedCombination`]s that the matrix supports, with\n\
             /// qualifiers the cell offers (at most three, in vocabulary order): exactly the calls\n\
             /// that `speke_supported!` accepts written with canonical ids."
                .to_owned(),
            "`speke_supported!` with the same words says why, and what is supported nearby"
                .to_owned(),
        )
    } else {
        let limit = fast_path.limit;
        (
            format!(
                "/// Not implemented for any type with this matrix: it accepts {} calls, more than\n\
                 /// the {limit} for which the type-level form is generated (the build's time and\n\
                 /// size grow with them). Use `speke_supported!` or `Combination::check` instead.\n\
                 ///\n\
                 /// With a matrix of at most {limit} accepted calls it is implemented for exactly\n\
                 /// the [`TypedCombination`]s that `speke_supported!` accepts written with\n\
                 /// canonical ids.",
                fast_path.accepted
            ),
            format!(
                "this matrix accepts {} calls, more than the {limit} for which the type-level \
                 form is generated, so no combination implements this trait; use \
                 `speke_supported!` instead",
                fast_path.accepted
            ),
        )
    };
    format!(
        "{docs}\n\
         ///\n\
         /// The implementations are marked `#[diagnostic::do_not_recommend]`: otherwise an error\n\
         /// for an unsupported combination would list a screenful of supported ones, in full\n\
         /// paths.\n\
         ///\n\
         /// Shortcoming: the compiler prints one message for every combination that lacks the\n\
         /// trait, so the error cannot say why a particular one is unsupported, as\n\
         /// `speke_supported!` does; its note sends the reader there.\n\
         #[diagnostic::on_unimplemented(\n    \
         message = \"the SPEKE matrix does not support this combination\",\n    \
         label = \"not a supported SPEKE combination\",\n    \
         note = {note:?},\n    \
         note = \"qualifiers are a tuple in vocabulary order, such as `(qualifier::KeyRotation,)`\"\n\
         )]\n\
         pub trait SupportedCombination {{\n    \
         /// The combination the type stands for.\n    \
         const COMBINATION: crate::Combination;\n\
         }}\n\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::macro_rules::accepted_calls;
    use crate::test_matrix;

    #[test]
    fn a_marker_per_term_and_an_impl_per_accepted_call() {
        let matrix = test_matrix::matrix();
        let text = render(&matrix);
        assert!(text.starts_with("// @generated"));
        assert!(text.contains(
            "pub mod drm {\n    /// Microsoft PlayReady (`playready`).\n    pub enum Playready {}"
        ));
        assert!(text.contains("    /// AES-128 (`aes_128`).\n    pub enum Aes128 {}"));
        assert!(text.contains(
            "impl SupportedCombination for TypedCombination<version::V1, mode::Live, \
             endpoint::CmafHls, drm::Widevine, (qualifier::KeyRotation, qualifier::Cenc)> {\n    \
             const COMBINATION: crate::Combination = \
             crate::__private::combination::V1__LIVE__CMAF_HLS__WIDEVINE__KEY_ROTATION__CENC;\n}"
        ));
        assert!(text.contains("endpoint::Mss, drm::Playready, ()> {"));
        assert_eq!(
            text.matches("impl SupportedCombination").count(),
            accepted_calls(&matrix).len()
        );
        assert!(!text.contains("version::V2, mode::Live, endpoint::Dash, drm::Fairplay"));
        // The cell offers both encryption schemes, but a combination uses one of them.
        assert!(text.contains("drm::Widevine, (qualifier::Cbcs,)> {"));
        assert!(!text.contains("qualifier::Cbcs, qualifier::Cenc"));
    }

    /// An incomplete set of impls would refuse supported combinations, so a matrix over the
    /// limit gets none, and a trait whose docs and error message say why.
    #[test]
    fn over_the_limit_no_combination_implements_the_trait() {
        let matrix = test_matrix::matrix();
        let complete = render(&matrix);
        assert!(complete.contains("/// Implemented only for the [`TypedCombination`]s"));
        assert!(complete.contains("pub trait SupportedCombination {"));

        let fast_path = FastPath::within(&matrix, 20);
        let text = render_fast_path(&matrix, &fast_path);
        assert!(text.contains("pub trait SupportedCombination {"));
        assert_eq!(text.matches("impl SupportedCombination").count(), 0);
        assert!(text.contains(
            "/// Not implemented for any type with this matrix: it accepts 31 calls, more than\n\
             /// the 20 for which the type-level form is generated"
        ));
        assert!(text.contains(
            "note = \"this matrix accepts 31 calls, more than the 20 for which the type-level \
             form is generated, so no combination implements this trait; use \
             `speke_supported!` instead\","
        ));
        // The marker types are still there, so code naming them keeps compiling.
        assert!(text.contains("    pub enum Playready {}"));
    }
}
