//! The error for a combination the matrix does not support, with the explanation that the
//! macro and the CLI print too: the same code renders it from the library's tables.

use std::fmt;

use crate::portable::explain::{explain, MatrixView, Query};
use crate::tables::{HAS_COLUMN, HAS_ROW};
use crate::{Combination, DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion};

/// A combination the matrix does not support, as [`Combination::check`] returns it. Its
/// `Display` says why, and what is supported nearby, in the words the macro and the CLI use.
///
/// ```
/// use speke_matrix::{Combination, DrmSystem, EndpointType, Mode, SpekeVersion};
///
/// let smooth =
///     Combination::new(SpekeVersion::V1, Mode::Live, EndpointType::Mss, DrmSystem::Widevine);
/// let error = smooth.check().unwrap_err();
/// assert_eq!(error.combination(), smooth);
/// assert!(error
///     .to_string()
///     .starts_with("SPEKE v1 does not support Google Widevine on Microsoft Smooth (live)"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Unsupported {
    combination: Combination,
}

impl Unsupported {
    pub(crate) fn new(combination: Combination) -> Self {
        Unsupported { combination }
    }

    /// The combination that is not supported.
    pub fn combination(&self) -> Combination {
        self.combination
    }

    /// The explanation: clauses joined by `; `, without a final full stop, so that it can
    /// end a sentence of the caller's own. `Display` writes the same text.
    pub fn explanation(&self) -> String {
        explain_combination(&self.combination).unwrap_or_default()
    }
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explanation())
    }
}

impl std::error::Error for Unsupported {}

/// The explanation of a combination, or `None` if it is supported.
pub(crate) fn explain_combination(c: &Combination) -> Option<String> {
    let query = Query {
        version: c.version.index(),
        mode: c.mode.index(),
        endpoint: c.endpoint.index(),
        drm: c.drm.index(),
        qualifiers: c.qualifiers.bits(),
    };
    explain(&Tables, &query)
}

/// The generated tables, seen as the explanation sees a matrix.
struct Tables;

impl MatrixView for Tables {
    fn version_count(&self) -> usize {
        SpekeVersion::ALL.len()
    }
    fn mode_count(&self) -> usize {
        Mode::ALL.len()
    }
    fn endpoint_count(&self) -> usize {
        EndpointType::ALL.len()
    }
    fn drm_count(&self) -> usize {
        DrmSystem::ALL.len()
    }
    fn qualifier_count(&self) -> usize {
        Qualifier::ALL.len()
    }
    fn version_name(&self, version: usize) -> &str {
        SpekeVersion::ALL[version].name()
    }
    fn mode_name(&self, mode: usize) -> &str {
        Mode::ALL[mode].name()
    }
    fn endpoint_name(&self, endpoint: usize) -> &str {
        EndpointType::ALL[endpoint].name()
    }
    fn drm_name(&self, drm: usize) -> &str {
        DrmSystem::ALL[drm].name()
    }
    fn qualifier_name(&self, qualifier: usize) -> &str {
        Qualifier::ALL[qualifier].name()
    }
    fn qualifier_group(&self, qualifier: usize) -> Option<&str> {
        Qualifier::ALL[qualifier].group()
    }
    fn has_column(&self, version: usize, drm: usize) -> bool {
        HAS_COLUMN[version * DrmSystem::ALL.len() + drm]
    }
    fn has_row(&self, version: usize, mode: usize, endpoint: usize) -> bool {
        HAS_ROW[(version * Mode::ALL.len() + mode) * EndpointType::ALL.len() + endpoint]
    }
    fn offered(&self, version: usize, mode: usize, endpoint: usize, drm: usize) -> Option<u64> {
        let combination = Combination::new(
            SpekeVersion::ALL[version],
            Mode::ALL[mode],
            EndpointType::ALL[endpoint],
            DrmSystem::ALL[drm],
        );
        combination.cell().offered().map(|set| set.bits())
    }
}
