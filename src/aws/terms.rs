//! The vocabulary ids that the AWS mapping gives a meaning to.
//!
//! Endpoint types, modes, DRM systems and qualifiers are generated from the matrix files, so
//! this code names them by their CSV id, never by enum variant: a term added to the CSV still
//! compiles, and reaches a clear error here rather than a missing match arm.

use crate::aws::Error;
use crate::{EndpointType, Mode, Qualifier};

/// The id of the mode that MediaPackage origin endpoints serve.
pub(crate) const LIVE: &str = "live";

/// The id of the key rotation qualifier.
pub(crate) const KEY_ROTATION: &str = "key-rotation";

/// The SDK package, and its encryption struct, that configures an endpoint type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PackageKind {
    Hls,
    Cmaf,
    Dash,
    Mss,
}

impl PackageKind {
    pub(crate) const ALL: [PackageKind; 4] = [
        PackageKind::Hls,
        PackageKind::Cmaf,
        PackageKind::Dash,
        PackageKind::Mss,
    ];

    /// The id of the endpoint type in `endpoints.csv`.
    pub(crate) const fn endpoint_id(self) -> &'static str {
        match self {
            PackageKind::Hls => "apple-hls",
            PackageKind::Cmaf => "cmaf-hls",
            PackageKind::Dash => "dash",
            PackageKind::Mss => "mss",
        }
    }

    /// The SDK's encryption struct, as messages name it.
    pub(crate) const fn encryption_struct(self) -> &'static str {
        match self {
            PackageKind::Hls => "HlsEncryption",
            PackageKind::Cmaf => "CmafEncryption",
            PackageKind::Dash => "DashEncryption",
            PackageKind::Mss => "MssEncryption",
        }
    }

    /// Whether the encryption struct has `key_rotation_interval_seconds`: Microsoft Smooth's
    /// has not.
    pub(crate) const fn has_rotation_interval(self) -> bool {
        !matches!(self, PackageKind::Mss)
    }

    /// Whether AWS accepts an encryption contract (SPEKE v2) on the endpoint type. The SDK
    /// documents `encryptionContractConfiguration` for DASH and CMAF endpoints only.
    pub(crate) const fn takes_encryption_contract(self) -> bool {
        matches!(self, PackageKind::Cmaf | PackageKind::Dash)
    }

    /// The package kind of an endpoint type, by its id.
    pub(crate) fn from_id(id: &str) -> Option<PackageKind> {
        PackageKind::ALL.into_iter().find(|k| k.endpoint_id() == id)
    }

    /// The package kind of an endpoint type, or an error for one this code does not know.
    pub(crate) fn of(endpoint: EndpointType) -> Result<PackageKind, Error> {
        PackageKind::from_id(endpoint.id()).ok_or(Error::UnknownEndpointType { endpoint })
    }

    /// The matrix's endpoint type that this package configures.
    pub(crate) fn endpoint(self) -> Result<EndpointType, Error> {
        EndpointType::ALL
            .iter()
            .copied()
            .find(|e| e.id() == self.endpoint_id())
            .ok_or(Error::TermNotInMatrix {
                kind: "endpoint type",
                id: self.endpoint_id(),
                needed_for: self.encryption_struct(),
            })
    }
}

/// The qualifier with this id, if the matrix has one.
pub(crate) fn qualifier(id: &str) -> Option<Qualifier> {
    Qualifier::ALL.iter().copied().find(|q| q.id() == id)
}

/// The mode of MediaPackage origin endpoints.
pub(crate) fn live_mode() -> Result<Mode, Error> {
    Mode::ALL
        .iter()
        .copied()
        .find(|m| m.id() == LIVE)
        .ok_or(Error::TermNotInMatrix {
            kind: "mode",
            id: LIVE,
            needed_for: "origin endpoints",
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_package_kind_maps_to_an_endpoint_type_of_the_shipped_matrix() {
        for kind in PackageKind::ALL {
            let endpoint = kind.endpoint().unwrap();
            assert_eq!(PackageKind::of(endpoint).unwrap(), kind);
        }
    }

    #[test]
    fn an_endpoint_id_the_code_does_not_know_has_no_package_kind() {
        assert_eq!(PackageKind::from_id("ll-hls"), None);
        assert_eq!(PackageKind::from_id("Apple HLS"), None);
    }
}
