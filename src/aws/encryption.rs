//! The endpoint type's own encryption struct (`HlsEncryption`, `CmafEncryption`,
//! `DashEncryption`, `MssEncryption`) for a checked combination: its key provider, its key
//! rotation interval, and its encryption method.

use std::num::NonZeroU32;

use aws_sdk_mediapackage::types::{
    CmafEncryption, DashEncryption, HlsEncryption, MssEncryption, SpekeKeyProvider,
};

use crate::aws::method::{self, EncryptionScheme};
use crate::aws::terms::{self, PackageKind};
use crate::aws::{key_provider, Error, KeyProvider, Presets, Protection};
use crate::{Combination, DrmSystem, Keys};

/// The key rotation interval MediaPackage uses when `key_rotation_interval_seconds` is unset,
/// as AWS documents it for the origin endpoint encryption structs. An unset interval means
/// rotation, so turning rotation off takes an explicit 0.
pub const AWS_DEFAULT_KEY_ROTATION_SECONDS: u32 = 60;

/// What the caller decides about an endpoint's encryption beyond its combinations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct EncryptionOptions {
    /// The encryption contract's presets: needed by a SPEKE version with several keys (SPEKE
    /// v2), refused by one with one key (SPEKE v1).
    pub presets: Option<Presets>,
    /// Seconds between key rotations, for combinations that ask for key rotation; `None`
    /// takes [`AWS_DEFAULT_KEY_ROTATION_SECONDS`]. Refused where key rotation is not asked
    /// for, so that a setting is never silently dropped.
    pub key_rotation_interval: Option<NonZeroU32>,
    /// The CMAF encryption scheme, where the DRM systems (and the cells' scheme qualifiers, if
    /// the matrix has them) allow a choice; `None` takes the first of
    /// [`EncryptionScheme::ALL`] that they all allow. Refused on other endpoint types.
    pub encryption_scheme: Option<EncryptionScheme>,
}

impl EncryptionOptions {
    /// The options with these presets.
    pub fn with_presets(self, presets: Presets) -> EncryptionOptions {
        EncryptionOptions {
            presets: Some(presets),
            ..self
        }
    }

    /// The options with this key rotation interval.
    pub fn with_key_rotation_interval(self, seconds: NonZeroU32) -> EncryptionOptions {
        EncryptionOptions {
            key_rotation_interval: Some(seconds),
            ..self
        }
    }

    /// The options with this CMAF encryption scheme.
    pub fn with_encryption_scheme(self, scheme: EncryptionScheme) -> EncryptionOptions {
        EncryptionOptions {
            encryption_scheme: Some(scheme),
            ..self
        }
    }
}

/// An endpoint type's encryption struct.
#[derive(Clone, Debug, PartialEq)]
pub enum Encryption {
    /// Apple HLS (MPEG-TS segments).
    Hls(HlsEncryption),
    /// CMAF Apple HLS.
    Cmaf(CmafEncryption),
    /// DASH: its struct has a key rotation interval but no encryption method field, so how
    /// the segments are encrypted is MediaPackage's choice, not the caller's.
    Dash(DashEncryption),
    /// Microsoft Smooth.
    Mss(MssEncryption),
}

impl Encryption {
    /// The SPEKE key provider inside.
    pub fn speke_key_provider(&self) -> Option<&SpekeKeyProvider> {
        match self {
            Encryption::Hls(e) => e.speke_key_provider(),
            Encryption::Cmaf(e) => e.speke_key_provider(),
            Encryption::Dash(e) => e.speke_key_provider(),
            Encryption::Mss(e) => e.speke_key_provider(),
        }
    }

    /// The `HlsEncryption`, for an `HlsPackage`.
    pub fn into_hls(self) -> Result<HlsEncryption, Error> {
        match self {
            Encryption::Hls(e) => Ok(e),
            other => Err(other.wrong(PackageKind::Hls)),
        }
    }

    /// The `CmafEncryption`, for a `CmafPackageCreateOrUpdateParameters`.
    pub fn into_cmaf(self) -> Result<CmafEncryption, Error> {
        match self {
            Encryption::Cmaf(e) => Ok(e),
            other => Err(other.wrong(PackageKind::Cmaf)),
        }
    }

    /// The `DashEncryption`, for a `DashPackage`.
    pub fn into_dash(self) -> Result<DashEncryption, Error> {
        match self {
            Encryption::Dash(e) => Ok(e),
            other => Err(other.wrong(PackageKind::Dash)),
        }
    }

    /// The `MssEncryption`, for an `MssPackage`.
    pub fn into_mss(self) -> Result<MssEncryption, Error> {
        match self {
            Encryption::Mss(e) => Ok(e),
            other => Err(other.wrong(PackageKind::Mss)),
        }
    }

    pub(crate) fn kind(&self) -> PackageKind {
        match self {
            Encryption::Hls(_) => PackageKind::Hls,
            Encryption::Cmaf(_) => PackageKind::Cmaf,
            Encryption::Dash(_) => PackageKind::Dash,
            Encryption::Mss(_) => PackageKind::Mss,
        }
    }

    fn wrong(&self, wanted: PackageKind) -> Error {
        Error::WrongEncryptionStruct {
            wanted: wanted.encryption_struct(),
            found: self.kind().encryption_struct(),
        }
    }
}

/// The encryption struct for the combinations of one endpoint, one per DRM system.
///
/// The combinations must be supported by the matrix, on a live origin endpoint, and share
/// everything but their DRM system. The struct gets:
/// - the SPEKE key provider of [`speke_key_provider`](crate::aws::speke_key_provider);
/// - a key rotation interval only where the combinations ask for key rotation (which the
///   matrix has checked their cells offer), and 0 everywhere else, since MediaPackage rotates
///   keys by default and AWS requires rotation off beside a SPEKE v2 encryption contract;
/// - on Apple HLS, the method the DRM systems need (AES-128 or SAMPLE-AES); on CMAF, an
///   encryption scheme that every DRM system allows.
pub fn encryption(
    combinations: &[Combination],
    key_provider: &KeyProvider,
    options: &EncryptionOptions,
) -> Result<Encryption, Error> {
    let protection = Protection::from_combinations(combinations)?;
    let kind = key_provider::checked_kind(&protection)?;
    let provider = key_provider::build(&protection, kind, key_provider, options.presets)?;
    let interval = rotation_interval(&protection, kind, options.key_rotation_interval)?;
    if options.encryption_scheme.is_some() && kind != PackageKind::Cmaf {
        return Err(Error::SchemeOnlyOnCmaf {
            endpoint: protection.endpoint(),
        });
    }
    let encryption = match kind {
        PackageKind::Hls => Encryption::Hls(
            HlsEncryption::builder()
                .encryption_method(method::choose_hls_method(
                    protection.endpoint(),
                    protection.drms(),
                )?)
                .set_key_rotation_interval_seconds(interval)
                .speke_key_provider(provider)
                .build(),
        ),
        PackageKind::Cmaf => Encryption::Cmaf(
            CmafEncryption::builder()
                .encryption_method(cmaf_scheme(&protection, options.encryption_scheme)?.to_sdk())
                .set_key_rotation_interval_seconds(interval)
                .speke_key_provider(provider)
                .build(),
        ),
        PackageKind::Dash => Encryption::Dash(
            DashEncryption::builder()
                .set_key_rotation_interval_seconds(interval)
                .speke_key_provider(provider)
                .build(),
        ),
        PackageKind::Mss => Encryption::Mss(
            MssEncryption::builder()
                .speke_key_provider(provider)
                .build(),
        ),
    };
    Ok(encryption)
}

/// The `key_rotation_interval_seconds` of the encryption struct, `None` where it has none.
fn rotation_interval(
    protection: &Protection,
    kind: PackageKind,
    given: Option<NonZeroU32>,
) -> Result<Option<i32>, Error> {
    let asks_rotation =
        terms::qualifier(terms::KEY_ROTATION).is_some_and(|q| protection.qualifiers().contains(q));
    if !asks_rotation {
        if let Some(interval) = given {
            return Err(Error::RotationIntervalWithoutKeyRotation {
                interval: interval.get(),
            });
        }
        return Ok(kind.has_rotation_interval().then_some(0));
    }

    // AWS's own rule, stated on the SDK's EncryptionContractConfiguration: with SPEKE v2 key
    // rotation must be off. The matrix agrees today (no SPEKE v2 cell offers key rotation);
    // should AWS lift the rule, the matrix changes first and this check must go with it.
    if protection.version().keys() == Keys::Several {
        return Err(Error::KeyRotationWithContract {
            endpoint: protection.endpoint(),
            version: protection.version(),
        });
    }
    if !kind.has_rotation_interval() {
        return Err(Error::NoRotationInterval {
            endpoint: protection.endpoint(),
        });
    }
    let seconds = given.map_or(AWS_DEFAULT_KEY_ROTATION_SECONDS, NonZeroU32::get);
    i32::try_from(seconds)
        .map(Some)
        .map_err(|_| Error::RotationIntervalTooLarge { interval: seconds })
}

/// The CMAF scheme: the one the combinations ask for as a qualifier or the caller chose, or
/// else the preferred one that every DRM system allows.
fn cmaf_scheme(
    protection: &Protection,
    chosen: Option<EncryptionScheme>,
) -> Result<EncryptionScheme, Error> {
    let mut wanted: Vec<EncryptionScheme> = Vec::new();
    let asked = protection.qualifiers().iter().map(method::scheme_of);
    for scheme in asked
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .chain(chosen)
    {
        // The same scheme asked for twice (as a qualifier and as the caller's choice) is one
        // scheme, wherever the two stand in the list.
        if !wanted.contains(&scheme) {
            wanted.push(scheme);
        }
    }
    if wanted.len() > 1 {
        return Err(Error::SeveralEncryptionSchemes { schemes: wanted });
    }
    let allowed = protection
        .combinations()
        .map(allowed_schemes)
        .collect::<Result<Vec<_>, _>>()?;
    method::choose_cmaf_scheme(protection.endpoint(), &allowed, wanted.first().copied())
}

/// The schemes a combination's cell offers as qualifiers, or where it offers none, the
/// schemes its DRM system decrypts.
fn allowed_schemes(combination: Combination) -> Result<(DrmSystem, Vec<EncryptionScheme>), Error> {
    let offered = combination.cell().offered().unwrap_or_default();
    let mut schemes = Vec::new();
    for qualifier in offered.iter() {
        schemes.extend(method::scheme_of(qualifier)?);
    }
    if schemes.is_empty() {
        let known =
            method::known_cmaf_schemes(combination.drm.id()).ok_or(Error::NoEncryptionMethod {
                endpoint: combination.endpoint,
                drm: combination.drm,
            })?;
        schemes = known.to_vec();
    }
    Ok((combination.drm, schemes))
}
