//! Renders the matrix as types for generic config code: a marker type per term, in a module
//! per kind, and an implementation of `SupportedCombination` for every call the macro's fast
//! path accepts, so that a bound on that trait refuses what the macro refuses.

use std::fmt::Write;

use super::macro_rules::{accepted_calls, qualifier_indices, value_name, COMMAND, VALUES_PATH};
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

/// Renders `markers.rs`, which the library includes in its `marker` module, where the trait
/// `SupportedCombination` and the type `TypedCombination` are written by hand.
pub fn render(matrix: &Matrix) -> String {
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
    for call in accepted_calls(matrix) {
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

#[cfg(test)]
mod tests {
    use super::*;
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
}
