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
//! let fairplay =
//!     Combination::new(SpekeVersion::V2, Mode::Live, EndpointType::Dash, DrmSystem::Fairplay);
//! let error = fairplay.check().unwrap_err();
//! assert!(error
//!     .to_string()
//!     .starts_with("SPEKE v2 does not support Apple FairPlay on DASH (live)"));
//! ```
//!
//! # Words
//!
//! The five vocabulary enums, [`SpekeVersion`], [`Mode`], [`EndpointType`], [`DrmSystem`] and
//! [`Qualifier`], parse from an id (`apple-hls`), its Rust spelling (`apple_hls`), the name
//! the reference prints (`Apple HLS`) or an alias (`hls`), in any case. A word that names
//! nothing gets an error that lists the valid ids and suggests the nearest:
//!
//! ```
//! use speke_matrix::{DrmSystem, EndpointType};
//!
//! assert_eq!("CMAF Apple HLS".parse(), Ok(EndpointType::CmafHls));
//! assert_eq!("WV".parse(), Ok(DrmSystem::Widevine));
//! let error = "fairplya".parse::<DrmSystem>().unwrap_err();
//! assert!(error.to_string().ends_with("(did you mean `fairplay`?)"));
//! ```
//!
//! # The whole matrix
//!
//! [`supported_cells`] lists every supported cell with the qualifiers it offers; facts such as
//! [`SpekeVersion::cpix_version`] and [`DrmSystem::system_id`] come from the same files.
//!
//! ```
//! use speke_matrix::{supported_cells, Qualifier};
//!
//! for cell in supported_cells().filter(|c| c.offered.contains(Qualifier::KeyRotation)) {
//!     println!("{} ({})", cell.combination, cell.combination.drm.system_id());
//! }
//! ```
//!
//! # Feature `serde`
//!
//! Off by default. Vocabulary terms serialize as their ids and read from any spelling that
//! `FromStr` accepts; a [`QualifierSet`] is a list of ids; a [`Combination`] is a map
//! `{version, mode, endpoint, drm, qualifiers}` whose `qualifiers` may be left out. Reading a
//! combination that the matrix does not support fails with the explanation of
//! [`Combination::check`], so a packager config file read at run time is checked as strictly
//! as code is when it compiles.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use speke_matrix::Combination;
//!
//! let ok: Combination = serde_json::from_str(
//!     r#"{"version": "v1", "mode": "live", "endpoint": "dash", "drm": "widevine",
//!         "qualifiers": ["key-rotation"]}"#,
//! ).unwrap();
//! assert!(ok.is_supported());
//!
//! let refused = serde_json::from_str::<Combination>(
//!     r#"{"version": "v2", "mode": "live", "endpoint": "dash", "drm": "fairplay"}"#,
//! );
//! let message = refused.unwrap_err().to_string();
//! assert!(message.starts_with("SPEKE v2 does not support Apple FairPlay"));
//! # }
//! ```
//!
//! The matrix itself, as tables: [`support_matrix`].

#![warn(missing_docs)]

#[cfg(feature = "aws-sdk")]
pub mod aws;
mod combination;
mod facts;
mod qualifier_set;
#[cfg(feature = "serde")]
mod serde_impls;
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
pub use qualifier_set::{QualifierIter, QualifierSet};
pub use tables::{DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion};
pub use unsupported::Unsupported;
pub use vocabulary::{ParseTermError, Term};

// The build script renders these docs into OUT_DIR, rather than this module including the
// committed docs/support-matrix.md, so that a build from another matrix (SPEKE_MATRIX_DIR)
// documents the tables it compiled. For the shipped matrix the two texts are the same bytes,
// which the docs_fresh test checks.
/// The support matrix as tables, one per SPEKE version, generated from the same CSV files as
/// the types of this crate.
pub mod support_matrix {
    #![doc = include_str!(concat!(env!("OUT_DIR"), "/support-matrix.md"))]
}

/// The matrix files these tables were compiled from: each file's name (such as
/// `speke-v1.csv`) and text, sorted by name. The macro and the CLI compile them again with
/// `speke-matrix-build`, so that they see the very matrix these tables were built from.
///
/// ```
/// let names: Vec<&str> = speke_matrix::matrix_sources().iter().map(|(name, _)| *name).collect();
/// assert!(names.contains(&"versions.csv"));
/// ```
pub fn matrix_sources() -> &'static [(&'static str, &'static str)] {
    &tables::SOURCES
}
