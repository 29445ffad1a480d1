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
    /// The matrix, which follows AWS's documentation, does not support one or more of the
    /// combinations. Returned by [`speke_key_provider`](crate::aws::speke_key_provider),
    /// [`encryption`](crate::aws::encryption) and
    /// [`Protection::check`](crate::aws::Protection::check), with one [`Unsupported`] per
    /// refused combination, each explaining why in the words of [`Combination::check`] and
    /// the macro.
    Unsupported(Vec<Unsupported>),
    /// An empty list of combinations was given: an endpoint's encryption names at least one
    /// DRM system, so there is nothing to configure.
    NoCombination,
    /// The combinations given for one endpoint differ in more than their DRM system. One key
    /// provider request serves every DRM system of an endpoint, so they must share the SPEKE
    /// version, mode, endpoint type and qualifiers such as key rotation.
    MixedCombinations {
        /// The first combination given, which the others are compared with.
        first: Combination,
        /// The first later combination that differs from `first` in something other than its
        /// DRM system.
        other: Combination,
    },
    /// The combinations are not for live streams. MediaPackage origin endpoints, whose SDK
    /// values this module builds, package live streams only; VOD packaging configurations
    /// belong to another API that speke-matrix does not cover.
    NotLive {
        /// The mode the combinations name instead of live, such as VOD.
        mode: Mode,
    },
    /// The combinations name an endpoint type that exists in `endpoints.csv` but that this
    /// mapping has no MediaPackage package for, typically one added to the data after this
    /// code was written. The mapping knows Apple HLS, CMAF Apple HLS, DASH and Microsoft
    /// Smooth.
    UnknownEndpointType {
        /// The endpoint type without a package.
        endpoint: EndpointType,
    },
    /// The matrix files no longer define a term that the mapping relies on by its CSV id, for
    /// example after the live mode or the key rotation qualifier was renamed or removed. The
    /// data, not the caller's input, needs fixing.
    TermNotInMatrix {
        /// What sort of term is missing: `"mode"`, `"qualifier"` or `"endpoint type"`.
        kind: &'static str,
        /// The CSV id the mapping looked for, such as `live` or `key-rotation`.
        id: &'static str,
        /// What the term was needed for, such as origin endpoints, a rotating key, or the SDK
        /// encryption struct of an endpoint type.
        needed_for: &'static str,
    },
    /// A [`KeyProvider`](crate::aws::KeyProvider) setting that MediaPackage requires is empty
    /// or only whitespace. Caught before the SDK value is built, since AWS would refuse it
    /// only when the request is sent.
    EmptyKeyProviderField {
        /// The SDK name of the empty setting: `resource_id`, `role_arn` or `url`.
        field: &'static str,
    },
    /// The combinations use a SPEKE version with several keys (SPEKE v2), which needs an
    /// encryption contract, but no presets were given to say how audio and video are keyed.
    PresetsRequired {
        /// The SPEKE version of the combinations.
        version: SpekeVersion,
    },
    /// Presets were given for a SPEKE version with one key for all tracks (SPEKE v1), which
    /// takes no encryption contract; setting one would switch the key provider to SPEKE v2.
    PresetsRefused {
        /// The SPEKE version of the combinations.
        version: SpekeVersion,
    },
    /// SPEKE v2 presets were given for an endpoint type whose key provider AWS does not
    /// accept an encryption contract on: AWS takes one on DASH and CMAF endpoints only.
    EncryptionContractRefused {
        /// The endpoint type of the combinations.
        endpoint: EndpointType,
    },
    /// The audio and video presets are both `UNENCRYPTED`, which AWS refuses because nothing
    /// would be encrypted. Returned by [`Presets::split`](crate::aws::Presets::split),
    /// [`Presets::checked`](crate::aws::Presets::checked) and every conversion to or from the
    /// SDK's encryption contract.
    BothUnencrypted,
    /// An encryption contract read from an SDK value breaks one of AWS's preset rules: a
    /// preset is missing, `SHARED` is paired with something else, or a preset is one AWS
    /// does not document (a value this SDK version does not know).
    InvalidPresets {
        /// The audio preset as the contract spells it, or `None` where the contract has none.
        audio: Option<String>,
        /// The video preset as the contract spells it, or `None` where the contract has none.
        video: Option<String>,
        /// The AWS rule the presets break, as the closing phrase of the message.
        reason: &'static str,
    },
    /// [`EncryptionOptions`](crate::aws::EncryptionOptions) gives a key rotation interval,
    /// but the combinations do not ask for key rotation. Refused rather than dropped, so that
    /// a setting the caller made is never silently ignored.
    RotationIntervalWithoutKeyRotation {
        /// The interval given, in seconds.
        interval: u32,
    },
    /// The combinations ask for key rotation with a SPEKE version that uses an encryption
    /// contract (SPEKE v2), and AWS requires key rotation off beside a contract
    /// (`key_rotation_interval_seconds` = 0).
    KeyRotationWithContract {
        /// The endpoint type of the combinations.
        endpoint: EndpointType,
        /// The SPEKE version of the combinations, one with several keys.
        version: SpekeVersion,
    },
    /// The combinations ask for key rotation on an endpoint type whose SDK encryption struct
    /// has no key rotation interval to set, as is the case for Microsoft Smooth.
    NoRotationInterval {
        /// The endpoint type of the combinations.
        endpoint: EndpointType,
    },
    /// The key rotation interval is longer than the SDK's `key_rotation_interval_seconds`, an
    /// `i32`, can hold (about 68 years).
    RotationIntervalTooLarge {
        /// The interval given, in seconds.
        interval: u32,
    },
    /// The mapping does not know which encryption method a DRM system needs on the endpoint
    /// type: on Apple HLS it knows AES-128 and FairPlay, and on CMAF, for a cell that offers
    /// no encryption scheme qualifier, it knows FairPlay, PlayReady and Widevine.
    NoEncryptionMethod {
        /// The endpoint type of the combinations.
        endpoint: EndpointType,
        /// The DRM system whose encryption method is unknown.
        drm: DrmSystem,
    },
    /// Two DRM systems of one endpoint need encryption methods that cannot be reconciled, such
    /// as AES-128 (whole segments) and FairPlay (SAMPLE-AES) on Apple HLS, or two CMAF DRM
    /// systems with no encryption scheme in common. Such DRM systems need an endpoint each.
    ConflictingEncryptionMethods {
        /// The endpoint type of the combinations.
        endpoint: EndpointType,
        /// The earlier of the two DRM systems in the order given.
        first: DrmSystem,
        /// The later DRM system, whose method or schemes do not agree with `first`'s.
        second: DrmSystem,
    },
    /// A qualifier in the same group as the `cbcs` and `cenc` encryption scheme qualifiers has
    /// another id, so the mapping cannot turn it into an SDK CMAF encryption method.
    UnknownEncryptionScheme {
        /// The qualifier, as the matrix defines it.
        qualifier: Qualifier,
    },
    /// More than one encryption scheme is asked for, by the combinations' qualifiers and the
    /// scheme chosen in [`EncryptionOptions`](crate::aws::EncryptionOptions) together, while a
    /// CMAF endpoint encrypts with one.
    SeveralEncryptionSchemes {
        /// The schemes asked for, qualifiers first and the chosen one last.
        schemes: Vec<EncryptionScheme>,
    },
    /// The encryption scheme asked for, by a qualifier or in
    /// [`EncryptionOptions`](crate::aws::EncryptionOptions), is one that a DRM system of the
    /// endpoint cannot use there, such as cenc for FairPlay on CMAF.
    SchemeNotAllowed {
        /// The endpoint type of the combinations.
        endpoint: EndpointType,
        /// The first DRM system, in the order given, that does not allow the scheme.
        drm: DrmSystem,
        /// The scheme asked for.
        scheme: EncryptionScheme,
        /// The schemes that DRM system allows: those its cell offers as qualifiers, or where
        /// the matrix has none, those the DRM system decrypts.
        allowed: Vec<EncryptionScheme>,
    },
    /// [`EncryptionOptions`](crate::aws::EncryptionOptions) chooses an encryption scheme for
    /// an endpoint type other than CMAF Apple HLS, the only one whose encryption method is a
    /// common encryption scheme; the choice would otherwise be silently dropped.
    SchemeOnlyOnCmaf {
        /// The endpoint type of the combinations.
        endpoint: EndpointType,
    },
    /// One of [`Encryption`](crate::aws::Encryption)'s conversions (`into_hls`, `into_cmaf`,
    /// `into_dash`, `into_mss`) was asked for an encryption struct that the combinations'
    /// endpoint type does not use, for example an `HlsEncryption` for a DASH endpoint.
    WrongEncryptionStruct {
        /// The SDK encryption struct asked for, such as `HlsEncryption`.
        wanted: &'static str,
        /// The SDK encryption struct the value holds, the one its endpoint type uses, such
        /// as `DashEncryption`.
        found: &'static str,
    },
    /// [`identify`](crate::aws::identify) was given a package whose encryption is unset: the
    /// endpoint serves the stream in the clear, so it names no DRM system.
    NoEncryption {
        /// The SDK package type without encryption, such as `DashPackage`.
        sdk: &'static str,
    },
    /// [`identify`](crate::aws::identify) was given an encryption struct with no SPEKE key
    /// provider, so it names no DRM system and no SPEKE version.
    NoKeyProvider {
        /// The SDK encryption struct without a key provider, such as `CmafEncryption`.
        sdk: &'static str,
    },
    /// [`identify`](crate::aws::identify) found a SPEKE key provider whose list of DRM system
    /// IDs is empty, so it names no DRM system.
    NoSystemIds,
    /// [`identify`](crate::aws::identify) found DRM system IDs in the key provider that no
    /// DRM system in `drm-systems.csv` has; IDs are compared without regard to case or
    /// surrounding whitespace.
    UnknownSystemIds {
        /// Every unknown system ID, as the key provider writes it, in its order.
        found: Vec<String>,
    },
    /// [`identify`](crate::aws::identify) found a negative `key_rotation_interval_seconds`;
    /// AWS takes 0 for no key rotation or a positive number of seconds.
    NegativeRotationInterval {
        /// The interval found, in seconds.
        interval: i32,
    },
    /// [`identify`](crate::aws::identify) cannot name the SPEKE version: an encryption
    /// contract implies a version with several keys, its absence one with one key, and
    /// `versions.csv` has no version with those keys.
    VersionNotInMatrix {
        /// The keys the value implies.
        keys: Keys,
    },
    /// [`identify`](crate::aws::identify) cannot name the SPEKE version because
    /// `versions.csv` has several versions with the keys the value implies (for example SPEKE
    /// v2.0 and v2.1, which an encryption contract does not tell apart).
    AmbiguousVersion {
        /// The keys the value implies.
        keys: Keys,
        /// Every SPEKE version with those keys, in the matrix's order.
        versions: Vec<SpekeVersion>,
    },
    /// [`identify`](crate::aws::identify) found an encryption method that a DRM system of the
    /// value cannot use on the endpoint type, such as AES-128 for FairPlay on Apple HLS or
    /// AES-CTR (cenc) for FairPlay on CMAF, or a CMAF method this SDK version does not know.
    WrongEncryptionMethod {
        /// The endpoint type of the value.
        endpoint: EndpointType,
        /// The first DRM system, in the key provider's order, that cannot use the method; for
        /// a method this SDK version does not know, simply the first DRM system.
        drm: DrmSystem,
        /// The method found, as the SDK spells it on the wire, such as `SAMPLE_AES`.
        found: String,
        /// The method or methods the DRM system needs, in the SDK's spelling and joined into
        /// one phrase, such as `AES_128` or `SAMPLE_AES and AES_CTR`.
        expected: String,
    },
    /// [`identify`](crate::aws::identify) was given an origin endpoint, or a request to
    /// create one, with none of its package fields set, so it names no endpoint type.
    NoPackage {
        /// The SDK type: `OriginEndpoint` or `CreateOriginEndpointInput`.
        sdk: &'static str,
    },
    /// [`identify`](crate::aws::identify) was given an origin endpoint, or a request to
    /// create one, with more than one package field set, where MediaPackage gives each
    /// origin endpoint one endpoint type.
    SeveralPackages {
        /// The SDK type: `OriginEndpoint` or `CreateOriginEndpointInput`.
        sdk: &'static str,
        /// The package fields that are set, such as `hls_package` and `dash_package`.
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
