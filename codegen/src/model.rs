//! The validated matrix: the vocabulary and a dense table of cells, one per SPEKE version,
//! mode, endpoint type and DRM system. Everything downstream (generated Rust, docs, the macro,
//! the CLI) reads this model, never the CSV text.

use std::collections::BTreeMap;

use crate::diagnostic::Location;
use crate::portable::explain::MatrixView;

/// The five kinds of word in the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermKind {
    Version,
    Mode,
    Endpoint,
    DrmSystem,
    Qualifier,
}

impl TermKind {
    pub const ALL: [TermKind; 5] = [
        TermKind::Version,
        TermKind::Mode,
        TermKind::Endpoint,
        TermKind::DrmSystem,
        TermKind::Qualifier,
    ];

    /// The kind as messages name it: "unknown endpoint type `hsl`".
    pub fn what(self) -> &'static str {
        match self {
            TermKind::Version => "SPEKE version",
            TermKind::Mode => "mode",
            TermKind::Endpoint => "endpoint type",
            TermKind::DrmSystem => "DRM system",
            TermKind::Qualifier => "qualifier",
        }
    }

    /// The vocabulary file that defines this kind of word.
    pub fn file_name(self) -> &'static str {
        match self {
            TermKind::Version => "versions.csv",
            TermKind::Mode => "modes.csv",
            TermKind::Endpoint => "endpoints.csv",
            TermKind::DrmSystem => "drm-systems.csv",
            TermKind::Qualifier => "qualifiers.csv",
        }
    }
}

/// A word of the vocabulary: its id, the name the reference prints, and other accepted
/// spellings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Where the term is defined, for diagnostics about it.
    pub at: Location,
}

/// How many content keys a SPEKE version uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Keys {
    /// One key for all audio and video tracks.
    One,
    /// Several keys, chosen by the encryption contract's presets.
    Several,
}

impl Keys {
    pub fn id(self) -> &'static str {
        match self {
            Keys::One => "one",
            Keys::Several => "several",
        }
    }
}

/// A SPEKE version and the facts the reference states about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub term: Term,
    pub cpix_version: String,
    pub keys: Keys,
    /// Where its grid was transcribed from, and as of which date (YYYY-MM-DD).
    pub source: String,
    pub as_of: String,
}

/// A DRM system and the system ID that SPEKE requests name it by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrmSystem {
    pub term: Term,
    /// The DASH-IF system ID, a lowercase UUID.
    pub system_id: String,
}

/// Something a cell may offer beyond plain support, such as key rotation or an encryption
/// scheme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qualifier {
    pub term: Term,
    /// Qualifiers of one group are alternatives (the encryption schemes `cbcs` and `cenc`): an
    /// endpoint uses one of them, and a cell lists those it allows.
    pub group: Option<String>,
    /// How docs print the qualifier after a check mark: "with key rotation".
    pub phrase: String,
}

/// What a grid says of one combination of version, mode, endpoint type and DRM system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cell {
    /// The version's grid has no row for the endpoint type in this mode, or no column for the
    /// DRM system.
    NotInGrid,
    Unsupported,
    /// Supported, offering the qualifiers in the bit set (bit `i` for qualifier `i`).
    Supported(u64),
}

/// The rows and columns of one version's grid, in the order of its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    pub path: String,
    /// The DRM systems of the grid's columns, by index.
    pub columns: Vec<usize>,
    /// The (mode, endpoint type) of the grid's rows, by index.
    pub rows: Vec<(usize, usize)>,
}

impl Grid {
    /// The endpoint types of a mode's rows, in the grid's order: what the docs' tables list
    /// under the mode's name.
    pub fn endpoints_of(&self, mode: usize) -> Vec<usize> {
        self.rows
            .iter()
            .filter(|&&(m, _)| m == mode)
            .map(|&(_, endpoint)| endpoint)
            .collect()
    }
}

/// The whole validated matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    pub versions: Vec<Version>,
    pub modes: Vec<Term>,
    pub endpoints: Vec<Term>,
    pub drm_systems: Vec<DrmSystem>,
    pub qualifiers: Vec<Qualifier>,
    /// One grid per version, in the order of `versions`.
    pub grids: Vec<Grid>,
    /// Cells in version, mode, endpoint type, DRM system order.
    pub(crate) cells: Vec<Cell>,
    /// Every accepted spelling, normalised, to the index of its term, one map per kind.
    pub(crate) spellings: BTreeMap<TermKind, BTreeMap<String, usize>>,
}

impl Matrix {
    /// The terms of one kind, in vocabulary order.
    pub fn terms(&self, kind: TermKind) -> Vec<&Term> {
        match kind {
            TermKind::Version => self.versions.iter().map(|v| &v.term).collect(),
            TermKind::Mode => self.modes.iter().collect(),
            TermKind::Endpoint => self.endpoints.iter().collect(),
            TermKind::DrmSystem => self.drm_systems.iter().map(|d| &d.term).collect(),
            TermKind::Qualifier => self.qualifiers.iter().map(|q| &q.term).collect(),
        }
    }

    /// The index of the term a word names (its id, display name or an alias, in any case and
    /// with `_` for `-`), or the message for an unknown word.
    pub fn find(&self, kind: TermKind, word: &str) -> Result<usize, String> {
        crate::vocabulary::find(&self.spellings, || self.terms(kind), kind, word)
    }

    /// The cell of a combination, by indices.
    pub fn cell(&self, version: usize, mode: usize, endpoint: usize, drm: usize) -> Cell {
        self.cells[self.cell_index(version, mode, endpoint, drm)]
    }

    pub(crate) fn cell_index(
        &self,
        version: usize,
        mode: usize,
        endpoint: usize,
        drm: usize,
    ) -> usize {
        ((version * self.modes.len() + mode) * self.endpoints.len() + endpoint)
            * self.drm_systems.len()
            + drm
    }

    /// All cells, in version, mode, endpoint type, DRM system order.
    pub fn cells(&self) -> &[Cell] {
        &self.cells
    }

    /// The display names of the qualifiers in a bit set.
    pub fn qualifier_names(&self, set: u64) -> Vec<&str> {
        self.qualifiers
            .iter()
            .enumerate()
            .filter(|&(i, _)| set & (1 << i) != 0)
            .map(|(_, q)| q.term.name.as_str())
            .collect()
    }
}

impl MatrixView for Matrix {
    fn version_count(&self) -> usize {
        self.versions.len()
    }
    fn mode_count(&self) -> usize {
        self.modes.len()
    }
    fn endpoint_count(&self) -> usize {
        self.endpoints.len()
    }
    fn drm_count(&self) -> usize {
        self.drm_systems.len()
    }
    fn qualifier_count(&self) -> usize {
        self.qualifiers.len()
    }
    fn version_name(&self, version: usize) -> &str {
        &self.versions[version].term.name
    }
    fn mode_name(&self, mode: usize) -> &str {
        &self.modes[mode].name
    }
    fn endpoint_name(&self, endpoint: usize) -> &str {
        &self.endpoints[endpoint].name
    }
    fn drm_name(&self, drm: usize) -> &str {
        &self.drm_systems[drm].term.name
    }
    fn qualifier_name(&self, qualifier: usize) -> &str {
        &self.qualifiers[qualifier].term.name
    }
    fn qualifier_group(&self, qualifier: usize) -> Option<&str> {
        self.qualifiers[qualifier].group.as_deref()
    }
    fn has_column(&self, version: usize, drm: usize) -> bool {
        self.grids[version].columns.contains(&drm)
    }
    fn has_row(&self, version: usize, mode: usize, endpoint: usize) -> bool {
        self.grids[version].rows.contains(&(mode, endpoint))
    }
    fn offered(&self, version: usize, mode: usize, endpoint: usize, drm: usize) -> Option<u64> {
        match self.cell(version, mode, endpoint, drm) {
            Cell::Supported(offered) => Some(offered),
            Cell::NotInGrid | Cell::Unsupported => None,
        }
    }
}
