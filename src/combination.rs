//! A combination of SPEKE version, mode, endpoint type, DRM system and qualifiers, and the
//! `const fn` lookup of its cell in the generated tables.

use std::fmt;

use crate::tables::{CELLS, CELL_KINDS};
use crate::{DrmSystem, EndpointType, Mode, Qualifier, QualifierSet, SpekeVersion, Unsupported};

/// What a grid says of a version, mode, endpoint type and DRM system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// The version's grid has no row for the endpoint type in this mode, or no column for the
    /// DRM system.
    NotInGrid,
    /// The grid has the cell, and it is not supported.
    Unsupported,
    /// Supported, offering these qualifiers.
    Supported(QualifierSet),
}

impl Cell {
    pub const fn is_supported(self) -> bool {
        matches!(self, Cell::Supported(_))
    }

    /// The qualifiers a supported cell offers.
    pub const fn offered(self) -> Option<QualifierSet> {
        match self {
            Cell::Supported(offered) => Some(offered),
            Cell::NotInGrid | Cell::Unsupported => None,
        }
    }
}

/// A DRM set-up a packager endpoint would use: which SPEKE version, live or VOD, which endpoint
/// type, which DRM system, and which qualifiers (such as key rotation) it asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Combination {
    pub version: SpekeVersion,
    pub mode: Mode,
    pub endpoint: EndpointType,
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

    /// Whether the matrix supports the combination, with every qualifier it asks for.
    pub const fn is_supported(&self) -> bool {
        match self.cell() {
            Cell::Supported(offered) => self.qualifiers.is_subset(offered),
            Cell::NotInGrid | Cell::Unsupported => false,
        }
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
    pub combination: Combination,
    pub offered: QualifierSet,
}

/// Every supported cell, in vocabulary order: versions, then modes, endpoint types and DRM
/// systems.
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
