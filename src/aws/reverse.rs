//! From SDK values back to combinations: for a configuration that arrives at run time, read
//! from a file or from an existing origin endpoint, which combinations it is, so that the
//! matrix can say whether it supports them.

use aws_sdk_mediapackage::operation::create_origin_endpoint::CreateOriginEndpointInput;
use aws_sdk_mediapackage::types::{
    CmafEncryption, CmafEncryptionMethod, CmafPackage, CmafPackageCreateOrUpdateParameters,
    DashEncryption, DashPackage, EncryptionMethod, HlsEncryption, HlsPackage, MssEncryption,
    MssPackage, OriginEndpoint, SpekeKeyProvider,
};

use crate::aws::method::{self, EncryptionScheme};
use crate::aws::terms::{self, PackageKind};
use crate::aws::{Encryption, Error, Presets, Protection};
use crate::portable::spelling::join;
use crate::{DrmSystem, EndpointType, Keys, Qualifier, QualifierSet, SpekeVersion};

/// An SDK value that configures one endpoint's encryption: an encryption struct, a package,
/// an origin endpoint or a request to create one. Implemented for the SDK's types only.
pub trait EncryptionValue: sealed::Sealed {}

pub(crate) mod sealed {
    use super::*;

    /// What [`identify`](super::identify) reads of a value.
    pub trait Sealed {
        fn view(&self) -> Result<View<'_>, Error>;
    }

    /// The fields of an encryption struct that say which combination it is.
    pub struct View<'a> {
        pub(crate) kind: PackageKind,
        pub(crate) key_provider: Option<&'a SpekeKeyProvider>,
        pub(crate) method: Method<'a>,
        pub(crate) rotation_interval: Option<i32>,
    }

    /// The encryption method field, on the endpoint types whose struct has one.
    pub enum Method<'a> {
        NoField,
        Hls(Option<&'a EncryptionMethod>),
        Cmaf(Option<&'a CmafEncryptionMethod>),
    }
}

use sealed::{Method, Sealed, View};

/// Which combinations an SDK value configures, one per DRM system, as a [`Protection`];
/// its [`check`](Protection::check) says whether the matrix supports them, with the same
/// explanation as the macro.
///
/// - The endpoint type is that of the value's type (an `HlsEncryption` is Apple HLS).
/// - The mode is live: the value's types are those of MediaPackage's origin endpoints, which
///   package live streams (VOD packaging configurations are other types, in the MediaPackage
///   VOD API). The value itself carries no mode, so it is the API, not the value, that says.
/// - The SPEKE version is the one with several keys if the key provider has an encryption
///   contract, and the one with one key if not (the versions.csv `keys` column).
/// - The DRM systems are those whose system IDs the key provider names, in its order.
/// - Key rotation is asked for when the interval is positive or unset, since MediaPackage
///   rotates keys every 60 s by default; 0 turns it off.
/// - Where the matrix has encryption scheme qualifiers, a CMAF value's scheme is asked for
///   too; where it has none, an encryption method that a DRM system cannot use is an error.
pub fn identify(value: &impl EncryptionValue) -> Result<Protection, Error> {
    let view = value.view()?;
    let endpoint = view.kind.endpoint()?;
    let mode = terms::live_mode()?;
    let key_provider = view.key_provider.ok_or(Error::NoKeyProvider {
        sdk: view.kind.encryption_struct(),
    })?;

    let contract = key_provider.encryption_contract_configuration();
    if let Some(contract) = contract {
        Presets::from_contract(contract)?;
    }
    let keys = if contract.is_some() {
        Keys::Several
    } else {
        Keys::One
    };
    let version = version_with(keys)?;
    let drms = drms_of(key_provider.system_ids())?;

    let mut qualifiers = QualifierSet::EMPTY;
    if rotates(view.kind, view.rotation_interval)? {
        qualifiers = qualifiers.with(key_rotation()?);
    }
    match view.method {
        Method::Hls(Some(found)) => check_hls_method(endpoint, &drms, found)?,
        Method::Cmaf(Some(found)) => {
            if let Some(qualifier) = cmaf_scheme_qualifier(endpoint, &drms, found)? {
                qualifiers = qualifiers.with(qualifier);
            }
        }
        // An unset method is left to MediaPackage's default, which this code does not
        // assume; the DRM systems are still checked against the matrix.
        Method::Hls(None) | Method::Cmaf(None) | Method::NoField => {}
    }
    Ok(Protection::new(version, mode, endpoint, qualifiers, drms))
}

/// The one SPEKE version that uses these keys.
fn version_with(keys: Keys) -> Result<SpekeVersion, Error> {
    let versions: Vec<SpekeVersion> = SpekeVersion::ALL
        .iter()
        .copied()
        .filter(|v| v.keys() == keys)
        .collect();
    match versions.as_slice() {
        [] => Err(Error::VersionNotInMatrix { keys }),
        [version] => Ok(*version),
        _ => Err(Error::AmbiguousVersion { keys, versions }),
    }
}

/// The DRM systems of the system IDs, compared without regard to case; every unknown ID is
/// reported at once.
fn drms_of(system_ids: &[String]) -> Result<Vec<DrmSystem>, Error> {
    if system_ids.is_empty() {
        return Err(Error::NoSystemIds);
    }
    let mut drms = Vec::new();
    let mut unknown = Vec::new();
    for id in system_ids {
        let found = DrmSystem::ALL
            .iter()
            .copied()
            .find(|d| d.system_id().eq_ignore_ascii_case(id.trim()));
        match found {
            Some(drm) if !drms.contains(&drm) => drms.push(drm),
            Some(_) => {}
            None => unknown.push(id.clone()),
        }
    }
    if unknown.is_empty() {
        Ok(drms)
    } else {
        Err(Error::UnknownSystemIds { found: unknown })
    }
}

/// Whether the value rotates keys.
fn rotates(kind: PackageKind, interval: Option<i32>) -> Result<bool, Error> {
    if !kind.has_rotation_interval() {
        return Ok(false);
    }
    match interval {
        None => Ok(true),
        Some(0) => Ok(false),
        Some(seconds) if seconds > 0 => Ok(true),
        Some(seconds) => Err(Error::NegativeRotationInterval { interval: seconds }),
    }
}

fn key_rotation() -> Result<Qualifier, Error> {
    terms::qualifier(terms::KEY_ROTATION).ok_or(Error::TermNotInMatrix {
        kind: "qualifier",
        id: terms::KEY_ROTATION,
        needed_for: "a rotating key",
    })
}

/// An error if a DRM system the code knows needs another Apple HLS method.
fn check_hls_method(
    endpoint: EndpointType,
    drms: &[DrmSystem],
    found: &EncryptionMethod,
) -> Result<(), Error> {
    for &drm in drms {
        if let Some(expected) = method::hls_method(drm.id()) {
            if expected != *found {
                return Err(Error::WrongEncryptionMethod {
                    endpoint,
                    drm,
                    found: found.as_str().to_owned(),
                    expected: expected.as_str().to_owned(),
                });
            }
        }
    }
    Ok(())
}

/// The qualifier of a CMAF value's scheme where the matrix has one, so that the matrix
/// judges it; otherwise an error if a DRM system the code knows cannot use the scheme.
fn cmaf_scheme_qualifier(
    endpoint: EndpointType,
    drms: &[DrmSystem],
    found: &CmafEncryptionMethod,
) -> Result<Option<Qualifier>, Error> {
    let wrong = |drm: DrmSystem, allowed: &[EncryptionScheme]| {
        let expected: Vec<String> = allowed
            .iter()
            .map(|s| s.to_sdk().as_str().to_owned())
            .collect();
        Error::WrongEncryptionMethod {
            endpoint,
            drm,
            found: found.as_str().to_owned(),
            expected: join(&expected),
        }
    };
    let Some(scheme) = EncryptionScheme::from_sdk(found) else {
        return Err(wrong(drms[0], &EncryptionScheme::ALL));
    };
    if let Some(qualifier) = terms::qualifier(scheme.id()) {
        return Ok(Some(qualifier));
    }
    for &drm in drms {
        if let Some(allowed) = method::known_cmaf_schemes(drm.id()) {
            if !allowed.contains(&scheme) {
                return Err(wrong(drm, allowed));
            }
        }
    }
    Ok(None)
}

macro_rules! encryption_struct {
    ($type:ty, $kind:expr, |$e:ident| $method:expr, $interval:expr) => {
        impl EncryptionValue for $type {}
        impl Sealed for $type {
            fn view(&self) -> Result<View<'_>, Error> {
                let $e = self;
                Ok(View {
                    kind: $kind,
                    key_provider: $e.speke_key_provider(),
                    method: $method,
                    rotation_interval: $interval,
                })
            }
        }
    };
}

encryption_struct!(
    HlsEncryption,
    PackageKind::Hls,
    |e| Method::Hls(e.encryption_method()),
    e.key_rotation_interval_seconds()
);
encryption_struct!(
    CmafEncryption,
    PackageKind::Cmaf,
    |e| Method::Cmaf(e.encryption_method()),
    e.key_rotation_interval_seconds()
);
encryption_struct!(
    DashEncryption,
    PackageKind::Dash,
    |e| Method::NoField,
    e.key_rotation_interval_seconds()
);
encryption_struct!(MssEncryption, PackageKind::Mss, |e| Method::NoField, None);

macro_rules! package {
    ($($type:ident),* $(,)?) => {$(
        impl EncryptionValue for $type {}
        impl Sealed for $type {
            fn view(&self) -> Result<View<'_>, Error> {
                self.encryption()
                    .ok_or(Error::NoEncryption { sdk: stringify!($type) })?
                    .view()
            }
        }
    )*};
}

package!(
    HlsPackage,
    CmafPackage,
    CmafPackageCreateOrUpdateParameters,
    DashPackage,
    MssPackage,
);

impl EncryptionValue for Encryption {}
impl Sealed for Encryption {
    fn view(&self) -> Result<View<'_>, Error> {
        match self {
            Encryption::Hls(e) => e.view(),
            Encryption::Cmaf(e) => e.view(),
            Encryption::Dash(e) => e.view(),
            Encryption::Mss(e) => e.view(),
        }
    }
}

/// The one package of an origin endpoint value, from its optional package fields.
fn one_package<'a>(
    sdk: &'static str,
    packages: [(&'static str, Option<&'a dyn Sealed>); 4],
) -> Result<View<'a>, Error> {
    let set: Vec<(&'static str, &'a dyn Sealed)> = packages
        .into_iter()
        .filter_map(|(name, package)| package.map(|p| (name, p)))
        .collect();
    match set.as_slice() {
        [] => Err(Error::NoPackage { sdk }),
        [(_, package)] => package.view(),
        _ => Err(Error::SeveralPackages {
            sdk,
            packages: set.iter().map(|(name, _)| *name).collect(),
        }),
    }
}

/// An origin endpoint, as the service describes one or as a request creates one: both carry
/// the same four optional package fields.
macro_rules! origin_endpoint {
    ($($type:ident),* $(,)?) => {$(
        impl EncryptionValue for $type {}
        impl Sealed for $type {
            fn view(&self) -> Result<View<'_>, Error> {
                one_package(
                    stringify!($type),
                    [
                        ("hls_package", self.hls_package().map(|p| p as &dyn Sealed)),
                        ("cmaf_package", self.cmaf_package().map(|p| p as &dyn Sealed)),
                        ("dash_package", self.dash_package().map(|p| p as &dyn Sealed)),
                        ("mss_package", self.mss_package().map(|p| p as &dyn Sealed)),
                    ],
                )
            }
        }
    )*};
}

origin_endpoint!(OriginEndpoint, CreateOriginEndpointInput);
