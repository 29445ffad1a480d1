//! What one endpoint's encryption protects a stream with: one SPEKE version, mode, endpoint
//! type and set of qualifiers, and one or more DRM systems. Each DRM system makes one
//! combination, and a key provider names them all.

use std::fmt;

use crate::aws::Error;
use crate::{Combination, DrmSystem, EndpointType, Mode, QualifierSet, SpekeVersion, Unsupported};

/// The combinations that one endpoint serves: they share everything but the DRM system.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Protection {
    version: SpekeVersion,
    mode: Mode,
    endpoint: EndpointType,
    qualifiers: QualifierSet,
    drms: Vec<DrmSystem>,
}

impl Protection {
    /// The protection of one endpoint from its combinations, one per DRM system, in the
    /// order given. A DRM system given twice counts once.
    ///
    /// One key provider request serves every DRM system of an endpoint, so the combinations
    /// must agree on SPEKE version, mode, endpoint type and qualifiers (key rotation is a
    /// setting of the endpoint, not of one DRM system).
    pub fn from_combinations(combinations: &[Combination]) -> Result<Protection, Error> {
        let (first, rest) = combinations.split_first().ok_or(Error::NoCombination)?;
        let mut protection = Protection::new(
            first.version,
            first.mode,
            first.endpoint,
            first.qualifiers,
            vec![first.drm],
        );
        for other in rest {
            let same = Combination {
                drm: other.drm,
                ..*first
            };
            if *other != same {
                return Err(Error::MixedCombinations {
                    first: *first,
                    other: *other,
                });
            }
            if !protection.drms.contains(&other.drm) {
                protection.drms.push(other.drm);
            }
        }
        Ok(protection)
    }

    pub(crate) fn new(
        version: SpekeVersion,
        mode: Mode,
        endpoint: EndpointType,
        qualifiers: QualifierSet,
        drms: Vec<DrmSystem>,
    ) -> Protection {
        Protection {
            version,
            mode,
            endpoint,
            qualifiers,
            drms,
        }
    }

    /// The SPEKE version the key provider speaks: with one key for all tracks (SPEKE v1) it
    /// takes no encryption contract, with several keys (SPEKE v2) it needs presets.
    pub fn version(&self) -> SpekeVersion {
        self.version
    }

    /// Whether the stream is live or VOD. Building SDK values takes live, the only mode that
    /// MediaPackage origin endpoints package; reading them back always gives live.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The endpoint type, which decides the SDK package and encryption struct that configure
    /// the endpoint, such as `DashPackage` and `DashEncryption` for DASH.
    pub fn endpoint(&self) -> EndpointType {
        self.endpoint
    }

    /// The qualifiers asked for, such as key rotation.
    pub fn qualifiers(&self) -> QualifierSet {
        self.qualifiers
    }

    /// The DRM systems, in the order given or found.
    pub fn drms(&self) -> &[DrmSystem] {
        &self.drms
    }

    /// One combination per DRM system.
    pub fn combinations(&self) -> impl Iterator<Item = Combination> + '_ {
        self.drms.iter().map(|&drm| {
            Combination::new(self.version, self.mode, self.endpoint, drm)
                .with_qualifiers(self.qualifiers)
        })
    }

    /// Whether the matrix supports every combination.
    pub fn is_supported(&self) -> bool {
        self.combinations().all(|c| c.is_supported())
    }

    /// `Ok` if the matrix supports every combination; otherwise
    /// [`Error::Unsupported`] with the explanation of each one it does not, the same
    /// explanation as [`Combination::check`] and the macro give.
    pub fn check(&self) -> Result<(), Error> {
        let unsupported: Vec<Unsupported> = self
            .combinations()
            .filter_map(|c| c.check().err())
            .collect();
        if unsupported.is_empty() {
            Ok(())
        } else {
            Err(Error::Unsupported(unsupported))
        }
    }
}

/// "Google Widevine and Microsoft PlayReady on DASH (live) with SPEKE v1, with key rotation".
impl fmt::Display for Protection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let drms: Vec<&str> = self.drms.iter().map(|d| d.name()).collect();
        let mode = crate::portable::explain::mode_in_text(self.mode.name());
        write!(
            f,
            "{} on {} ({mode}) with {}",
            crate::portable::spelling::join(&drms),
            self.endpoint,
            self.version
        )?;
        if !self.qualifiers.is_empty() {
            write!(f, ", with {}", self.qualifiers)?;
        }
        Ok(())
    }
}
