//! Facts the matrix files state beside the grids: each SPEKE version's CPIX version, key
//! scheme and source, each DRM system's system ID, each qualifier's group and phrase.

use crate::tables::{DRM_SYSTEM_IDS, QUALIFIER_FACTS, VERSION_FACTS};
use crate::{DrmSystem, Qualifier, SpekeVersion};

/// How many content keys a SPEKE version uses, as `versions.csv` states it.
///
/// ```
/// use speke_matrix::{Keys, SpekeVersion};
///
/// assert_eq!(SpekeVersion::V1.keys(), Keys::One);
/// assert_eq!(SpekeVersion::V2.keys().id(), "several");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Keys {
    /// One key for all audio and video tracks.
    One,
    /// Several distinct keys, chosen by the encryption contract's presets.
    Several,
}

impl Keys {
    /// Both values, in the order `versions.csv` documents them.
    pub const ALL: &'static [Keys] = &[Keys::One, Keys::Several];

    /// The value as `versions.csv` writes it: `one` or `several`.
    pub const fn id(self) -> &'static str {
        match self {
            Keys::One => "one",
            Keys::Several => "several",
        }
    }
}

pub(crate) struct VersionFacts {
    pub(crate) cpix_version: &'static str,
    pub(crate) keys: Keys,
    pub(crate) source: &'static str,
    pub(crate) as_of: &'static str,
}

pub(crate) struct QualifierFacts {
    pub(crate) group: Option<&'static str>,
    pub(crate) phrase: &'static str,
}

/// Per-version facts from `versions.csv`.
///
/// ```
/// use speke_matrix::SpekeVersion;
///
/// assert_eq!(SpekeVersion::V2.cpix_version(), "2.3");
/// assert!(SpekeVersion::V2.source().starts_with("https://"));
/// ```
impl SpekeVersion {
    /// The CPIX version of the version's requests and responses, such as `2.3`.
    pub const fn cpix_version(self) -> &'static str {
        VERSION_FACTS[self.index()].cpix_version
    }

    /// One key for all tracks, or several.
    pub const fn keys(self) -> Keys {
        VERSION_FACTS[self.index()].keys
    }

    /// The page the version's grid was transcribed from.
    pub const fn source(self) -> &'static str {
        VERSION_FACTS[self.index()].source
    }

    /// The date (YYYY-MM-DD) the grid was checked against its source.
    pub const fn as_of(self) -> &'static str {
        VERSION_FACTS[self.index()].as_of
    }
}

impl DrmSystem {
    /// The DASH-IF system ID that SPEKE requests name the DRM system by, a lowercase UUID: the
    /// value a MediaPackage `SpekeKeyProvider` lists in its `system_ids`.
    ///
    /// ```
    /// use speke_matrix::DrmSystem;
    ///
    /// assert_eq!(DrmSystem::Widevine.system_id(), "edef8ba9-79d6-4ace-a3c8-27dcd51d21ed");
    /// ```
    pub const fn system_id(self) -> &'static str {
        DRM_SYSTEM_IDS[self.index()]
    }
}

impl Qualifier {
    /// The group of alternatives the qualifier belongs to (such as encryption schemes), if any.
    pub const fn group(self) -> Option<&'static str> {
        QUALIFIER_FACTS[self.index()].group
    }

    /// How docs print the qualifier after a check mark, such as "with key rotation".
    pub const fn phrase(self) -> &'static str {
        QUALIFIER_FACTS[self.index()].phrase
    }
}
