//! A combination of SPEKE version, mode, endpoint type, DRM system and qualifiers, and the
//! `const fn` lookup of its cell in the generated tables.

use std::fmt;

use crate::tables::{CELLS, CELL_KINDS, QUALIFIER_GROUP_MASKS};
use crate::{DrmSystem, EndpointType, Mode, Qualifier, QualifierSet, SpekeVersion, Unsupported};

/// What a grid says of a version, mode, endpoint type and DRM system.
///
/// ```
/// use speke_matrix::{Cell, Combination, DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion};
///
/// let live_hls = Combination::new(
///     SpekeVersion::V1,
///     Mode::Live,
///     EndpointType::AppleHls,
///     DrmSystem::Fairplay,
/// );
/// let cell = live_hls.cell();
/// assert!(cell.is_supported());
/// assert!(cell.offered().unwrap().contains(Qualifier::KeyRotation));
///
/// let v2_vod =
///     Combination::new(SpekeVersion::V2, Mode::Vod, EndpointType::Dash, DrmSystem::Widevine);
/// assert_eq!(v2_vod.cell(), Cell::NotInGrid);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// The version's grid has no row for the endpoint type in this mode, or no column for the
    /// DRM system.
    NotInGrid,
    /// The grid has the cell, and it is not supported (an empty cell in AWS's tables).
    Unsupported,
    /// Supported, offering these qualifiers.
    Supported(QualifierSet),
}

impl Cell {
    /// Whether the cell is supported, with or without qualifiers.
    pub const fn is_supported(self) -> bool {
        matches!(self, Cell::Supported(_))
    }

    /// The qualifiers a supported cell offers (possibly none), or `None` if it is not
    /// supported.
    pub const fn offered(self) -> Option<QualifierSet> {
        match self {
            Cell::Supported(offered) => Some(offered),
            Cell::NotInGrid | Cell::Unsupported => None,
        }
    }
}

/// A DRM set-up a packager endpoint would use: which SPEKE version, live or VOD, which endpoint
/// type, which DRM system, and which qualifiers (such as key rotation) it asks for.
///
/// Every lookup is a `const fn`, so a combination can be checked when the program compiles:
///
/// ```
/// use speke_matrix::{Combination, DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion};
///
/// const CMAF_FAIRPLAY: Combination =
///     Combination::new(SpekeVersion::V2, Mode::Live, EndpointType::CmafHls, DrmSystem::Fairplay);
/// const _: () = assert!(CMAF_FAIRPLAY.is_supported());
///
/// // SPEKE v2 offers no key rotation yet; `check` says why, and what is supported nearby.
/// let rotating = CMAF_FAIRPLAY.with(Qualifier::KeyRotation);
/// let error = rotating.check().unwrap_err();
/// assert!(error.to_string().starts_with(
///     "SPEKE v2 supports Apple FairPlay on CMAF Apple HLS (live) but without key rotation"
/// ));
/// ```
///
/// The order (`Ord`) is that of the vocabulary files: version, then mode, endpoint type, DRM
/// system and qualifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Combination {
    /// The SPEKE version the key provider speaks.
    pub version: SpekeVersion,
    /// Live or VOD.
    pub mode: Mode,
    /// The packager endpoint type.
    pub endpoint: EndpointType,
    /// The DRM system the content keys are for.
    pub drm: DrmSystem,
    /// The qualifiers asked for; the combination is supported only if its cell offers them all.
    pub qualifiers: QualifierSet,
}

impl Combination {
    /// A combination that asks for no qualifier.
    pub const fn new(
        version: SpekeVersion,
        mode: Mode,
        endpoint: EndpointType,
        drm: DrmSystem,
    ) -> Self {
        Combination {
            version,
            mode,
            endpoint,
            drm,
            qualifiers: QualifierSet::EMPTY,
        }
    }

    /// The same combination, asking for one more qualifier.
    pub const fn with(self, qualifier: Qualifier) -> Self {
        Combination {
            qualifiers: self.qualifiers.with(qualifier),
            ..self
        }
    }

    /// The same combination, asking for exactly these qualifiers.
    pub const fn with_qualifiers(self, qualifiers: QualifierSet) -> Self {
        Combination { qualifiers, ..self }
    }

    /// The cell of the combination's version, mode, endpoint type and DRM system, whatever
    /// qualifiers it asks for.
    pub const fn cell(&self) -> Cell {
        let modes = Mode::ALL.len();
        let endpoints = EndpointType::ALL.len();
        let drms = DrmSystem::ALL.len();
        let index = ((self.version.index() * modes + self.mode.index()) * endpoints
            + self.endpoint.index())
            * drms
            + self.drm.index();
        CELL_KINDS[CELLS[index] as usize]
    }

    /// Whether the matrix supports the combination, with every qualifier it asks for. A
    /// combination that asks for two qualifiers of one group of alternatives (two encryption
    /// schemes) is not supported, whatever its cell offers: an endpoint uses one of them.
    pub const fn is_supported(&self) -> bool {
        match self.cell() {
            Cell::Supported(offered) => {
                self.qualifiers.is_subset(offered) && self.asks_one_of_each_group()
            }
            Cell::NotInGrid | Cell::Unsupported => false,
        }
    }

    /// Whether the combination asks for at most one qualifier of each group of alternatives.
    const fn asks_one_of_each_group(&self) -> bool {
        let asked = self.qualifiers.bits();
        let mut group = 0;
        while group < QUALIFIER_GROUP_MASKS.len() {
            if (asked & QUALIFIER_GROUP_MASKS[group]).count_ones() > 1 {
                return false;
            }
            group += 1;
        }
        true
    }

    /// `Ok` if the matrix supports the combination; otherwise an error that explains why and
    /// names what is supported nearby.
    pub fn check(&self) -> Result<(), Unsupported> {
        if self.is_supported() {
            Ok(())
        } else {
            Err(Unsupported::new(*self))
        }
    }
}

/// "Google Widevine on DASH (live) with SPEKE v1, with key rotation".
impl fmt::Display for Combination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mode = crate::portable::explain::mode_in_text(self.mode.name());
        write!(
            f,
            "{} on {} ({mode}) with {}",
            self.drm, self.endpoint, self.version
        )?;
        if !self.qualifiers.is_empty() {
            write!(f, ", with {}", self.qualifiers)?;
        }
        Ok(())
    }
}

/// A supported cell: the combination with no qualifier asked for, and what the cell offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SupportedCell {
    /// The cell's version, mode, endpoint type and DRM system, asking for no qualifier.
    pub combination: Combination,
    /// The qualifiers the cell offers; the combination is supported with any subset of them
    /// that holds at most one qualifier of each group of alternatives.
    pub offered: QualifierSet,
}

/// Every supported cell, in vocabulary order: versions, then modes, endpoint types and DRM
/// systems.
///
/// ```
/// use speke_matrix::{supported_cells, DrmSystem, SpekeVersion};
///
/// let v2_fairplay: Vec<String> = supported_cells()
///     .filter(|cell| cell.combination.version == SpekeVersion::V2)
///     .filter(|cell| cell.combination.drm == DrmSystem::Fairplay)
///     .map(|cell| cell.combination.endpoint.to_string())
///     .collect();
/// assert_eq!(v2_fairplay, ["CMAF Apple HLS"]);
/// ```
pub fn supported_cells() -> impl Iterator<Item = SupportedCell> {
    SpekeVersion::ALL.iter().flat_map(|&version| {
        Mode::ALL.iter().flat_map(move |&mode| {
            EndpointType::ALL.iter().flat_map(move |&endpoint| {
                DrmSystem::ALL.iter().filter_map(move |&drm| {
                    let combination = Combination::new(version, mode, endpoint, drm);
                    combination.cell().offered().map(|offered| SupportedCell {
                        combination,
                        offered,
                    })
                })
            })
        })
    })
}
