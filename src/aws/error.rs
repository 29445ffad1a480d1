//! The errors of the AWS mapping: a combination the matrix does not support, settings AWS
//! would refuse, and SDK values that name no combination.

use std::fmt;

use crate::aws::EncryptionScheme;
use crate::portable::spelling::join;
use crate::{
    Combination, DrmSystem, EndpointType, Keys, Mode, Qualifier, SpekeVersion, Unsupported,
};

/// What went wrong turning combinations into SDK values, or SDK values into combinations.
/// Each message is lowercase, names what was found and what was expected, and has no final
/// full stop.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The matrix does not support these combinations; each explains why in the words of
    /// [`Combination::check`] and the macro.
    Unsupported(Vec<Unsupported>),
    /// No combination was given.
    NoCombination,
    /// Combinations for one endpoint that differ in more than their DRM system.
    MixedCombinations {
        first: Combination,
        other: Combination,
    },
    /// A mode other than live: origin endpoints package live streams.
    NotLive { mode: Mode },
    /// An endpoint type (added to the CSV) that the mapping has no SDK package for.
    UnknownEndpointType { endpoint: EndpointType },
    /// The matrix lacks a term, by id, that the mapping needs.
    TermNotInMatrix {
        kind: &'static str,
        id: &'static str,
        needed_for: &'static str,
    },
    /// A key provider setting that MediaPackage requires is empty.
    EmptyKeyProviderField { field: &'static str },
    /// A SPEKE version with several keys was given no presets.
    PresetsRequired { version: SpekeVersion },
    /// A SPEKE version with one key was given presets.
    PresetsRefused { version: SpekeVersion },
    /// An encryption contract on an endpoint type where AWS accepts none.
    EncryptionContractRefused { endpoint: EndpointType },
    /// Audio and video presets both `UNENCRYPTED`.
    BothUnencrypted,
    /// An SDK encryption contract whose presets AWS would refuse.
    InvalidPresets {
        audio: Option<String>,
        video: Option<String>,
        reason: &'static str,
    },
    /// A key rotation interval for a combination that does not ask for key rotation.
    RotationIntervalWithoutKeyRotation { interval: u32 },
    /// Key rotation asked for beside an encryption contract, where AWS requires it off.
    KeyRotationWithContract {
        endpoint: EndpointType,
        version: SpekeVersion,
    },
    /// Key rotation asked for on an endpoint type whose encryption has no interval.
    NoRotationInterval { endpoint: EndpointType },
    /// A key rotation interval that the SDK's `i32` cannot hold.
    RotationIntervalTooLarge { interval: u32 },
    /// A DRM system whose encryption method on the endpoint type the mapping does not know.
    NoEncryptionMethod {
        endpoint: EndpointType,
        drm: DrmSystem,
    },
    /// DRM systems that need different encryption methods on one endpoint.
    ConflictingEncryptionMethods {
        endpoint: EndpointType,
        first: DrmSystem,
        second: DrmSystem,
    },
    /// An encryption scheme qualifier other than `cbcs` and `cenc`.
    UnknownEncryptionScheme { qualifier: Qualifier },
    /// More than one encryption scheme asked for, by qualifiers or by the options.
    SeveralEncryptionSchemes { schemes: Vec<EncryptionScheme> },
    /// An encryption scheme that a DRM system or its cell does not allow.
    SchemeNotAllowed {
        endpoint: EndpointType,
        drm: DrmSystem,
        scheme: EncryptionScheme,
        allowed: Vec<EncryptionScheme>,
    },
    /// An encryption scheme chosen for an endpoint type other than CMAF.
    SchemeOnlyOnCmaf { endpoint: EndpointType },
    /// An encryption struct asked for that the endpoint type does not use.
    WrongEncryptionStruct {
        wanted: &'static str,
        found: &'static str,
    },
    /// An SDK value with no encryption.
    NoEncryption { sdk: &'static str },
    /// An SDK encryption value with no SPEKE key provider.
    NoKeyProvider { sdk: &'static str },
    /// A key provider with no system ID.
    NoSystemIds,
    /// System IDs that no DRM system of the matrix has.
    UnknownSystemIds { found: Vec<String> },
    /// A negative key rotation interval.
    NegativeRotationInterval { interval: i32 },
    /// No SPEKE version of the matrix uses the keys that the value implies.
    VersionNotInMatrix { keys: Keys },
    /// Several SPEKE versions use the keys that the value implies.
    AmbiguousVersion {
        keys: Keys,
        versions: Vec<SpekeVersion>,
    },
    /// An encryption method that a DRM system cannot use on the endpoint type.
    WrongEncryptionMethod {
        endpoint: EndpointType,
        drm: DrmSystem,
        found: String,
        expected: String,
    },
    /// An origin endpoint value with no package.
    NoPackage { sdk: &'static str },
    /// An origin endpoint value with more than one package.
    SeveralPackages {
        sdk: &'static str,
        packages: Vec<&'static str>,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Unsupported(all) => {
                let explanations: Vec<String> = all.iter().map(Unsupported::explanation).collect();
                f.write_str(&explanations.join("\n"))
            }
            Error::NoCombination => f.write_str(
                "no combination given; an endpoint's encryption needs at least one DRM system",
            ),
            Error::MixedCombinations { first, other } => write!(
                f,
                "the combinations of one endpoint must differ only in their DRM system, but \
                 `{first}` and `{other}` differ in more"
            ),
            Error::NotLive { mode } => write!(
                f,
                "{mode} combinations are not configured on MediaPackage origin endpoints, which \
                 package live streams; VOD packaging configurations belong to the MediaPackage \
                 VOD API (crate `aws-sdk-mediapackagevod`), which speke-matrix does not cover"
            ),
            Error::UnknownEndpointType { endpoint } => write!(
                f,
                "endpoint type `{}` ({endpoint}) has no MediaPackage package in speke-matrix's \
                 AWS mapping; it knows {}",
                endpoint.id(),
                join(&crate::aws::terms::PackageKind::ALL.map(|k| k.endpoint_id()))
            ),
            Error::TermNotInMatrix {
                kind,
                id,
                needed_for,
            } => write!(
                f,
                "the matrix has no {kind} with id `{id}`, which {needed_for} needs"
            ),
            Error::EmptyKeyProviderField { field } => write!(
                f,
                "the key provider's {field} is empty; MediaPackage requires one"
            ),
            Error::PresetsRequired { version } => write!(
                f,
                "{version} uses several keys and needs an encryption contract; give its audio \
                 and video presets (`Presets::Shared` for one key for all tracks)"
            ),
            Error::PresetsRefused { version } => write!(
                f,
                "{version} uses one key for all tracks and takes no encryption contract; \
                 presets are for a SPEKE version with several keys"
            ),
            Error::EncryptionContractRefused { endpoint } => write!(
                f,
                "AWS accepts an encryption contract (SPEKE v2 presets) only on DASH and CMAF \
                 endpoints, not on {endpoint}"
            ),
            Error::BothUnencrypted => f.write_str(
                "audio and video presets cannot both be UNENCRYPTED, since nothing would be \
                 encrypted; give a PRESET-AUDIO or PRESET-VIDEO preset for one of them",
            ),
            Error::InvalidPresets {
                audio,
                video,
                reason,
            } => write!(
                f,
                "invalid encryption contract (audio preset {}, video preset {}): {reason}",
                audio.as_deref().unwrap_or("missing"),
                video.as_deref().unwrap_or("missing")
            ),
            Error::RotationIntervalWithoutKeyRotation { interval } => write!(
                f,
                "a key rotation interval of {interval} s was given, but the combination does \
                 not ask for key rotation; ask for it (`{}`) or give no interval",
                crate::aws::terms::KEY_ROTATION
            ),
            Error::KeyRotationWithContract { endpoint, version } => write!(
                f,
                "{endpoint} with {version} has an encryption contract, and AWS requires key \
                 rotation off beside one (key_rotation_interval_seconds = 0)"
            ),
            Error::NoRotationInterval { endpoint } => write!(
                f,
                "{endpoint} has no key rotation interval in the SDK, so key rotation cannot be \
                 set on it"
            ),
            Error::RotationIntervalTooLarge { interval } => write!(
                f,
                "a key rotation interval of {interval} s is more than the SDK holds ({} s)",
                i32::MAX
            ),
            Error::NoEncryptionMethod { endpoint, drm } => write!(
                f,
                "speke-matrix does not know which encryption method {drm} (`{}`) needs on \
                 {endpoint}; src/aws/method.rs lists the DRM systems it knows",
                drm.id()
            ),
            Error::ConflictingEncryptionMethods {
                endpoint,
                first,
                second,
            } => write!(
                f,
                "{first} and {second} need different encryption methods on {endpoint}, so one \
                 endpoint cannot serve both; use one endpoint for each"
            ),
            Error::UnknownEncryptionScheme { qualifier } => write!(
                f,
                "qualifier `{}` is an encryption scheme that speke-matrix cannot map to the \
                 SDK; it knows {}",
                qualifier.id(),
                join(&EncryptionScheme::ALL.map(|s| s.id()))
            ),
            Error::SeveralEncryptionSchemes { schemes } => write!(
                f,
                "the encryption schemes {} are all asked for, but an endpoint uses one",
                join(&schemes.iter().map(|s| s.id()).collect::<Vec<_>>())
            ),
            Error::SchemeNotAllowed {
                endpoint,
                drm,
                scheme,
                allowed,
            } => write!(
                f,
                "{drm} does not allow the {scheme} encryption scheme on {endpoint}; it allows {}",
                join(&allowed.iter().map(|s| s.id()).collect::<Vec<_>>())
            ),
            Error::SchemeOnlyOnCmaf { endpoint } => write!(
                f,
                "an encryption scheme is chosen only for CMAF endpoints; {endpoint} has no CMAF \
                 encryption method"
            ),
            Error::WrongEncryptionStruct { wanted, found } => write!(
                f,
                "the combination's endpoint type is configured with {found}, not {wanted}"
            ),
            Error::NoEncryption { sdk } => {
                write!(f, "the {sdk} has no encryption, so it names no DRM system")
            }
            Error::NoKeyProvider { sdk } => write!(
                f,
                "the {sdk} has no SPEKE key provider, so it names no DRM system"
            ),
            Error::NoSystemIds => f.write_str("the SPEKE key provider names no DRM system ID"),
            Error::UnknownSystemIds { found } => {
                let found: Vec<String> = found.iter().map(|id| format!("`{id}`")).collect();
                let known: Vec<String> = DrmSystem::ALL
                    .iter()
                    .map(|d| format!("{} ({})", d.system_id(), d.name()))
                    .collect();
                write!(
                    f,
                    "unknown DRM system ID {}; the matrix knows {}",
                    join(&found),
                    join(&known)
                )
            }
            Error::NegativeRotationInterval { interval } => write!(
                f,
                "key_rotation_interval_seconds is {interval}; AWS takes 0 (no rotation) or a \
                 positive number of seconds"
            ),
            Error::VersionNotInMatrix { keys } => write!(
                f,
                "the matrix has no SPEKE version with {}, which the value's {} implies",
                keys_text(*keys),
                contract_text(*keys)
            ),
            Error::AmbiguousVersion { keys, versions } => {
                let names: Vec<&str> = versions.iter().map(|v| v.name()).collect();
                write!(
                    f,
                    "{} all use {}, so the value's {} does not tell which one it is",
                    join(&names),
                    keys_text(*keys),
                    contract_text(*keys)
                )
            }
            Error::WrongEncryptionMethod {
                endpoint,
                drm,
                found,
                expected,
            } => write!(
                f,
                "{drm} needs encryption method {expected} on {endpoint}, but the value has \
                 {found}"
            ),
            Error::NoPackage { sdk } => {
                write!(f, "the {sdk} has no package, so it names no endpoint type")
            }
            Error::SeveralPackages { sdk, packages } => write!(
                f,
                "the {sdk} has {} packages ({}), where an origin endpoint has one",
                packages.len(),
                join(packages)
            ),
        }
    }
}

impl std::error::Error for Error {}

fn keys_text(keys: Keys) -> &'static str {
    match keys {
        Keys::One => "one key for all tracks",
        Keys::Several => "several keys",
    }
}

fn contract_text(keys: Keys) -> &'static str {
    match keys {
        Keys::One => "lack of an encryption contract",
        Keys::Several => "encryption contract",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every endpoint type of the shipped matrix is known, so the message is checked on one of
    // them; `PackageKind::from_id` is what turns an unknown id into this error.
    #[test]
    fn an_unknown_endpoint_type_names_the_ones_the_mapping_knows() {
        let endpoint = EndpointType::ALL[0];
        let message = Error::UnknownEndpointType { endpoint }.to_string();
        assert_eq!(
            message,
            format!(
                "endpoint type `{}` ({}) has no MediaPackage package in speke-matrix's AWS \
                 mapping; it knows apple-hls, cmaf-hls, dash and mss",
                endpoint.id(),
                endpoint.name()
            )
        );
    }
}
