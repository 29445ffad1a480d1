//! The SPEKE DRM support matrix of AWS Elemental MediaPackage as typed Rust: which DRM systems
//! work with which endpoint types, for each SPEKE version, live or VOD, and with which
//! qualifiers such as key rotation.
//!
//! The tables are compiled at build time from the CSV files in `matrix/` (or the directory that
//! the `SPEKE_MATRIX_DIR` environment variable names). Every enum here is generated from
//! those files: adding a DRM system or an endpoint type is a CSV edit.
//!
//! ```
//! use speke_matrix::{Combination, DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion};
//!
//! const DASH_WIDEVINE: Combination =
//!     Combination::new(SpekeVersion::V1, Mode::Live, EndpointType::Dash, DrmSystem::Widevine)
//!         .with(Qualifier::KeyRotation);
//! const _: () = assert!(DASH_WIDEVINE.is_supported());
//!
//! let fairplay = Combination::new(SpekeVersion::V2, Mode::Live, EndpointType::Dash, DrmSystem::Fairplay);
//! let error = fairplay.check().unwrap_err();
//! assert!(error.to_string().starts_with("SPEKE v2 does not support Apple FairPlay on DASH (live)"));
//! ```

mod combination;
mod facts;
mod qualifier_set;
mod unsupported;
mod vocabulary;

/// The explanation and spelling code shared with `speke-matrix-build`, copied into `OUT_DIR`
/// by the build script so that both crates compile the same source.
#[allow(dead_code)]
mod portable {
    pub mod explain {
        include!(concat!(env!("OUT_DIR"), "/explain.rs"));
    }
    pub mod spelling {
        include!(concat!(env!("OUT_DIR"), "/spelling.rs"));
    }
}

/// The tables generated from the matrix files.
mod tables {
    use crate::facts::{Keys, QualifierFacts, VersionFacts};
    use crate::{Cell, QualifierSet};

    include!(concat!(env!("OUT_DIR"), "/matrix.rs"));
}

// `speke_supported!` and its hidden stages, generated from the matrix. A `#[macro_export]`
// macro that comes from `include!` cannot be named by an absolute path inside this crate
// (rustc's `macro_expanded_macro_exports_accessed_by_absolute_paths`), and its stages call
// each other by `$crate::` paths, so the library never calls it; its own doc tests and other
// crates can.
include!(concat!(env!("OUT_DIR"), "/macro.rs"));

pub mod marker;

/// What `speke_supported!` expands to; not public API.
#[doc(hidden)]
pub mod __private {
    pub use speke_matrix_macros::speke_supported_slow;

    /// A const per call that the macro's generated fast path accepts.
    pub mod combination {
        include!(concat!(env!("OUT_DIR"), "/macro_values.rs"));
    }
}

pub use combination::{supported_cells, Cell, Combination, SupportedCell};
pub use facts::Keys;
pub use marker::{SupportedCombination, TypedCombination};
pub use qualifier_set::QualifierSet;
pub use tables::{DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion};
pub use unsupported::Unsupported;
pub use vocabulary::{ParseTermError, Term};

/// The matrix files these tables were compiled from: each file's name and text.
pub fn matrix_sources() -> &'static [(&'static str, &'static str)] {
    &tables::SOURCES
}
