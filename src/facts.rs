//! Facts the matrix files state beside the grids: each SPEKE version's CPIX version, key
//! scheme and source, each DRM system's system ID, each qualifier's group and phrase.

use crate::tables::{DRM_SYSTEM_IDS, QUALIFIER_FACTS, VERSION_FACTS};
use crate::{DrmSystem, Qualifier, SpekeVersion};

/// How many content keys a SPEKE version uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Keys {
    /// One key for all audio and video tracks.
    One,
    /// Several distinct keys, chosen by the encryption contract's presets.
    Several,
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
    /// The DASH-IF system ID that SPEKE requests name the DRM system by, a lowercase UUID.
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
