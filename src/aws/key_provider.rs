//! The SDK's SPEKE key provider for one endpoint: the caller's key server, the DRM system IDs
//! of the vocabulary data, and for SPEKE v2 the encryption contract.

use aws_sdk_mediapackage::types::{EncryptionContractConfiguration, SpekeKeyProvider};

use crate::aws::terms::{self, PackageKind};
use crate::aws::{Error, Presets, Protection};
use crate::{Combination, Keys};

/// Where MediaPackage asks for content keys: the settings of a SPEKE key provider that are
/// the caller's, not the matrix's.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct KeyProvider {
    resource_id: String,
    role_arn: String,
    url: String,
    certificate_arn: Option<String>,
}

impl KeyProvider {
    /// A key provider from the content id that key requests carry, the IAM role MediaPackage
    /// assumes to call the key server, and the key server's URL.
    pub fn new(
        resource_id: impl Into<String>,
        role_arn: impl Into<String>,
        url: impl Into<String>,
    ) -> KeyProvider {
        KeyProvider {
            resource_id: resource_id.into(),
            role_arn: role_arn.into(),
            url: url.into(),
            certificate_arn: None,
        }
    }

    /// The same key provider with the Certificate Manager certificate that MediaPackage uses
    /// to encrypt content keys end to end.
    pub fn with_certificate_arn(self, certificate_arn: impl Into<String>) -> KeyProvider {
        KeyProvider {
            certificate_arn: Some(certificate_arn.into()),
            ..self
        }
    }

    /// The content id that MediaPackage puts in every key request, by which the key server
    /// knows which stream's keys to return, such as a channel or event name.
    pub fn resource_id(&self) -> &str {
        &self.resource_id
    }

    /// The ARN of the IAM role that MediaPackage assumes to call the key server; its trust
    /// policy must let MediaPackage assume it.
    pub fn role_arn(&self) -> &str {
        &self.role_arn
    }

    /// The key server's SPEKE endpoint, where MediaPackage sends its CPIX key requests.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The ARN of the Certificate Manager certificate whose public key the key server
    /// encrypts the content keys with, so that only MediaPackage can read them; `None` leaves
    /// them protected by the HTTPS connection alone.
    pub fn certificate_arn(&self) -> Option<&str> {
        self.certificate_arn.as_deref()
    }

    /// MediaPackage requires the resource id, role ARN and URL; an empty one would fail only
    /// when the request is sent.
    fn check_fields(&self) -> Result<(), Error> {
        let fields = [
            ("resource_id", &self.resource_id),
            ("role_arn", &self.role_arn),
            ("url", &self.url),
        ];
        match fields.iter().find(|(_, value)| value.trim().is_empty()) {
            Some(&(field, _)) => Err(Error::EmptyKeyProviderField { field }),
            None => Ok(()),
        }
    }
}

/// The SDK's SPEKE key provider for the combinations of one endpoint, one per DRM system.
///
/// The combinations must be supported by the matrix and share everything but their DRM
/// system (see [`Protection::from_combinations`]). `presets` is the encryption contract: a
/// SPEKE version with several keys (SPEKE v2) needs one, and a version with one key (SPEKE v1)
/// takes none.
pub fn speke_key_provider(
    combinations: &[Combination],
    key_provider: &KeyProvider,
    presets: Option<Presets>,
) -> Result<SpekeKeyProvider, Error> {
    let protection = Protection::from_combinations(combinations)?;
    let kind = checked_kind(&protection)?;
    build(&protection, kind, key_provider, presets)
}

/// The package kind of a protection that the matrix supports on an origin endpoint.
pub(crate) fn checked_kind(protection: &Protection) -> Result<PackageKind, Error> {
    let live = terms::live_mode()?;
    if protection.mode() != live {
        return Err(Error::NotLive {
            mode: protection.mode(),
        });
    }
    protection.check()?;
    PackageKind::of(protection.endpoint())
}

/// The key provider of a checked protection.
pub(crate) fn build(
    protection: &Protection,
    kind: PackageKind,
    key_provider: &KeyProvider,
    presets: Option<Presets>,
) -> Result<SpekeKeyProvider, Error> {
    key_provider.check_fields()?;
    let contract = encryption_contract(protection, kind, presets)?;
    let builder = SpekeKeyProvider::builder()
        .resource_id(&key_provider.resource_id)
        .role_arn(&key_provider.role_arn)
        .url(&key_provider.url)
        .set_certificate_arn(key_provider.certificate_arn.clone())
        .set_encryption_contract_configuration(contract);
    let builder = protection
        .drms()
        .iter()
        .fold(builder, |b, drm| b.system_ids(drm.system_id()));
    Ok(builder.build())
}

/// The encryption contract, which selects SPEKE v2: the versions.csv `keys` column says
/// whether a version uses several keys, so no version id is written here.
fn encryption_contract(
    protection: &Protection,
    kind: PackageKind,
    presets: Option<Presets>,
) -> Result<Option<EncryptionContractConfiguration>, Error> {
    let version = protection.version();
    match (version.keys(), presets) {
        (Keys::One, None) => Ok(None),
        (Keys::One, Some(_)) => Err(Error::PresetsRefused { version }),
        (Keys::Several, None) => Err(Error::PresetsRequired { version }),
        (Keys::Several, Some(_)) if !kind.takes_encryption_contract() => {
            Err(Error::EncryptionContractRefused {
                endpoint: protection.endpoint(),
            })
        }
        (Keys::Several, Some(presets)) => presets.to_contract().map(Some),
    }
}
