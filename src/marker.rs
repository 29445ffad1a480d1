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

// The trait `SupportedCombination` is generated with its implementations, so that its docs and
// error message can say when a matrix too large for the type-level form gets none (see
// `FAST_PATH_LIMIT` in `speke-matrix-build`).
include!(concat!(env!("OUT_DIR"), "/markers.rs"));
