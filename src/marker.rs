//! The matrix as types, for generic config code: `fn endpoint<C: SupportedCombination>()`
//! accepts only the combinations that `speke_supported!` accepts.
//!
//! ```
//! use speke_matrix::marker::{drm, endpoint, mode, qualifier, version};
//! use speke_matrix::{Combination, SupportedCombination, TypedCombination};
//!
//! /// A DASH endpoint's DRM settings, for any combination the matrix supports.
//! fn dash_drm<C: SupportedCombination>() -> Combination {
//!     C::COMBINATION
//! }
//!
//! type LiveWidevine = TypedCombination<
//!     version::V1,
//!     mode::Live,
//!     endpoint::Dash,
//!     drm::Widevine,
//!     (qualifier::KeyRotation,),
//! >;
//! assert!(dash_drm::<LiveWidevine>().is_supported());
//! ```
//!
//! An unsupported combination does not implement the trait:
//!
//! ```compile_fail
//! use speke_matrix::marker::{drm, endpoint, mode, version};
//! use speke_matrix::{SupportedCombination, TypedCombination};
//!
//! fn dash_drm<C: SupportedCombination>() {}
//! dash_drm::<TypedCombination<version::V2, mode::Live, endpoint::Dash, drm::Fairplay>>();
//! ```

use std::fmt;
use std::marker::PhantomData;

use crate::Combination;

/// A combination as a type: a marker type from each of [`version`], [`mode`], [`endpoint`] and
/// [`drm`], and a tuple of [`qualifier`] markers in the order of the vocabulary (`()` for
/// none, `(qualifier::KeyRotation,)` for one).
///
/// Never constructed; it exists to be named in bounds and turbofish calls.
pub struct TypedCombination<Version, Mode, Endpoint, Drm, Qualifiers = ()> {
    _types: PhantomData<Markers<Version, Mode, Endpoint, Drm, Qualifiers>>,
}

/// The marker types, held by a function pointer type so that `TypedCombination` is `Send`,
/// `Sync` and `'static` whatever they are.
type Markers<V, M, E, D, Q> = fn() -> (V, M, E, D, Q);

impl<V, M, E, D, Q> fmt::Debug for TypedCombination<V, M, E, D, Q> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::any::type_name::<Self>())
    }
}

/// Implemented only for the [`TypedCombination`]s that the matrix supports, with qualifiers
/// the cell offers (at most three, in vocabulary order): exactly the calls that
/// `speke_supported!` accepts written with canonical ids.
///
/// The implementations are marked `#[diagnostic::do_not_recommend]`: otherwise an error for an
/// unsupported combination would list a screenful of supported ones, in full paths.
///
/// Shortcoming: the compiler prints one message for every combination that lacks the trait,
/// so the error cannot say why a particular one is unsupported, as `speke_supported!` does;
/// its note sends the reader there.
#[diagnostic::on_unimplemented(
    message = "the SPEKE matrix does not support this combination",
    label = "not a supported SPEKE combination",
    note = "`speke_supported!` with the same words says why, and what is supported nearby",
    note = "qualifiers are a tuple in vocabulary order, such as `(qualifier::KeyRotation,)`"
)]
pub trait SupportedCombination {
    /// The combination the type stands for.
    const COMBINATION: Combination;
}

include!(concat!(env!("OUT_DIR"), "/markers.rs"));
