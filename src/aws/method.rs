//! Which encryption method an endpoint type uses for its DRM systems: AES-128 or SAMPLE-AES
//! on Apple HLS, and a common encryption scheme, cbcs or cenc, on CMAF.
//!
//! The matrix says which DRM systems an endpoint type supports, not how it encrypts for them,
//! so what each DRM system needs is written here, by DRM id. Where the matrix has encryption
//! scheme qualifiers (`cbcs`, `cenc`), they take precedence: a cell that offers only `cbcs`
//! gets cbcs.

use std::fmt;

use aws_sdk_mediapackage::types::{CmafEncryptionMethod, EncryptionMethod};

use crate::aws::terms;
use crate::aws::Error;
use crate::{DrmSystem, EndpointType, Qualifier};

/// A common encryption scheme (ISO/IEC 23001-7), which the SDK calls a CMAF encryption
/// method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EncryptionScheme {
    /// AES-CBC with pattern encryption: the SDK's `CmafEncryptionMethod::SampleAes`.
    Cbcs,
    /// AES-CTR: the SDK's `CmafEncryptionMethod::AesCtr`.
    Cenc,
}

impl EncryptionScheme {
    /// Both schemes, in the order of preference when the DRM systems allow either: cbcs first,
    /// since FairPlay, PlayReady (4.0 and later) and Widevine all decrypt it, so that one
    /// CMAF output can serve every player.
    pub const ALL: [EncryptionScheme; 2] = [EncryptionScheme::Cbcs, EncryptionScheme::Cenc];

    /// The scheme's name, which is also the id of its qualifier where the matrix has one.
    pub const fn id(self) -> &'static str {
        match self {
            EncryptionScheme::Cbcs => "cbcs",
            EncryptionScheme::Cenc => "cenc",
        }
    }

    /// The SDK's CMAF encryption method.
    pub fn to_sdk(self) -> CmafEncryptionMethod {
        match self {
            EncryptionScheme::Cbcs => CmafEncryptionMethod::SampleAes,
            EncryptionScheme::Cenc => CmafEncryptionMethod::AesCtr,
        }
    }

    /// The scheme of an SDK CMAF encryption method, if this SDK version knows it.
    pub fn from_sdk(method: &CmafEncryptionMethod) -> Option<EncryptionScheme> {
        EncryptionScheme::ALL
            .into_iter()
            .find(|s| s.to_sdk() == *method)
    }

    fn from_id(id: &str) -> Option<EncryptionScheme> {
        EncryptionScheme::ALL.into_iter().find(|s| s.id() == id)
    }
}

impl fmt::Display for EncryptionScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The Apple HLS (MPEG-TS) method a DRM system needs, by DRM id: AES-128 encrypts whole
/// segments, and FairPlay decrypts only SAMPLE-AES.
pub(crate) fn hls_method(drm_id: &str) -> Option<EncryptionMethod> {
    match drm_id {
        "aes-128" => Some(EncryptionMethod::Aes128),
        "fairplay" => Some(EncryptionMethod::SampleAes),
        _ => None,
    }
}

/// The CMAF schemes a DRM system decrypts, by DRM id. FairPlay needs cbcs; PlayReady and
/// Widevine decrypt both.
pub(crate) fn known_cmaf_schemes(drm_id: &str) -> Option<&'static [EncryptionScheme]> {
    match drm_id {
        "fairplay" => Some(&[EncryptionScheme::Cbcs]),
        "playready" | "widevine" => Some(&EncryptionScheme::ALL),
        _ => None,
    }
}

/// The scheme a qualifier stands for, if it is an encryption scheme qualifier. A qualifier in
/// the same group as `cbcs` or `cenc` but with another id is a scheme this code cannot map to
/// the SDK.
pub(crate) fn scheme_of(qualifier: Qualifier) -> Result<Option<EncryptionScheme>, Error> {
    if let Some(scheme) = EncryptionScheme::from_id(qualifier.id()) {
        return Ok(Some(scheme));
    }
    let scheme_groups = EncryptionScheme::ALL
        .into_iter()
        .filter_map(|s| terms::qualifier(s.id()).and_then(Qualifier::group));
    match qualifier.group() {
        Some(group) if scheme_groups.clone().any(|g| g == group) => {
            Err(Error::UnknownEncryptionScheme { qualifier })
        }
        _ => Ok(None),
    }
}

/// The one Apple HLS method that every DRM system of the endpoint needs.
pub(crate) fn choose_hls_method(
    endpoint: EndpointType,
    drms: &[DrmSystem],
) -> Result<EncryptionMethod, Error> {
    let mut chosen: Option<(DrmSystem, EncryptionMethod)> = None;
    for &drm in drms {
        let method = hls_method(drm.id()).ok_or(Error::NoEncryptionMethod { endpoint, drm })?;
        match &chosen {
            Some((first, earlier)) if *earlier != method => {
                return Err(Error::ConflictingEncryptionMethods {
                    endpoint,
                    first: *first,
                    second: drm,
                })
            }
            Some(_) => {}
            None => chosen = Some((drm, method)),
        }
    }
    chosen.map(|(_, method)| method).ok_or(Error::NoCombination)
}

/// The CMAF scheme for the endpoint: `wanted` if every DRM system allows it, otherwise the
/// first scheme of [`EncryptionScheme::ALL`] that they all allow. `allowed` lists, for each
/// DRM system, the schemes its cell offers or, where the matrix has no scheme qualifiers,
/// those the DRM system decrypts.
pub(crate) fn choose_cmaf_scheme(
    endpoint: EndpointType,
    allowed: &[(DrmSystem, Vec<EncryptionScheme>)],
    wanted: Option<EncryptionScheme>,
) -> Result<EncryptionScheme, Error> {
    if let Some(scheme) = wanted {
        return match allowed.iter().find(|(_, a)| !a.contains(&scheme)) {
            Some((drm, a)) => Err(Error::SchemeNotAllowed {
                endpoint,
                drm: *drm,
                scheme,
                allowed: a.clone(),
            }),
            None => Ok(scheme),
        };
    }
    let common = EncryptionScheme::ALL
        .into_iter()
        .find(|s| allowed.iter().all(|(_, a)| a.contains(s)));
    common.ok_or_else(|| {
        let disjoint = allowed.iter().enumerate().find_map(|(i, (first, a))| {
            allowed[i + 1..]
                .iter()
                .find(|(_, b)| !a.iter().any(|s| b.contains(s)))
                .map(|&(second, _)| (*first, second))
        });
        match disjoint {
            Some((first, second)) => Error::ConflictingEncryptionMethods {
                endpoint,
                first,
                second,
            },
            None => Error::NoCombination,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::terms::PackageKind;

    fn drm(id: &str) -> DrmSystem {
        *DrmSystem::ALL.iter().find(|d| d.id() == id).unwrap()
    }

    fn cmaf() -> EndpointType {
        PackageKind::Cmaf.endpoint().unwrap()
    }

    fn hls() -> EndpointType {
        PackageKind::Hls.endpoint().unwrap()
    }

    fn known(id: &str) -> (DrmSystem, Vec<EncryptionScheme>) {
        (drm(id), known_cmaf_schemes(id).unwrap().to_vec())
    }

    #[test]
    fn hls_uses_aes_128_for_the_aes_128_drm_and_sample_aes_for_fairplay() {
        assert_eq!(
            choose_hls_method(hls(), &[drm("aes-128")]).unwrap(),
            EncryptionMethod::Aes128
        );
        assert_eq!(
            choose_hls_method(hls(), &[drm("fairplay")]).unwrap(),
            EncryptionMethod::SampleAes
        );
    }

    #[test]
    fn hls_refuses_aes_128_and_fairplay_on_one_endpoint() {
        let error = choose_hls_method(hls(), &[drm("aes-128"), drm("fairplay")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "AES-128 and Apple FairPlay need different encryption methods on Apple HLS, so \
             one endpoint cannot serve both; use one endpoint for each"
        );
    }

    #[test]
    fn hls_has_no_method_for_a_drm_system_this_code_does_not_know() {
        let error = choose_hls_method(hls(), &[drm("widevine")]).unwrap_err();
        assert!(matches!(error, Error::NoEncryptionMethod { .. }), "{error}");
    }

    #[test]
    fn cmaf_takes_cbcs_for_fairplay_and_by_preference_for_the_others() {
        let fairplay = [known("fairplay"), known("widevine")];
        assert_eq!(
            choose_cmaf_scheme(cmaf(), &fairplay, None).unwrap(),
            EncryptionScheme::Cbcs
        );
        let widevine = [known("widevine"), known("playready")];
        assert_eq!(
            choose_cmaf_scheme(cmaf(), &widevine, None).unwrap(),
            EncryptionScheme::Cbcs
        );
        assert_eq!(
            choose_cmaf_scheme(cmaf(), &widevine, Some(EncryptionScheme::Cenc)).unwrap(),
            EncryptionScheme::Cenc
        );
    }

    #[test]
    fn cmaf_refuses_cenc_for_fairplay() {
        let error = choose_cmaf_scheme(
            cmaf(),
            &[known("widevine"), known("fairplay")],
            Some(EncryptionScheme::Cenc),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "Apple FairPlay does not allow the cenc encryption scheme on CMAF Apple HLS; it \
             allows cbcs"
        );
    }

    // The shipped matrix has no scheme qualifiers, so these tests give the schemes that
    // cells would offer directly.
    #[test]
    fn cmaf_follows_the_schemes_the_cells_offer() {
        let only_cenc = [
            (drm("widevine"), vec![EncryptionScheme::Cenc]),
            (drm("playready"), EncryptionScheme::ALL.to_vec()),
        ];
        assert_eq!(
            choose_cmaf_scheme(cmaf(), &only_cenc, None).unwrap(),
            EncryptionScheme::Cenc
        );
    }

    #[test]
    fn cmaf_names_the_two_drm_systems_with_no_common_scheme() {
        let disjoint = [
            known("playready"),
            (drm("widevine"), vec![EncryptionScheme::Cenc]),
            known("fairplay"),
        ];
        let error = choose_cmaf_scheme(cmaf(), &disjoint, None).unwrap_err();
        assert_eq!(
            error,
            Error::ConflictingEncryptionMethods {
                endpoint: cmaf(),
                first: drm("widevine"),
                second: drm("fairplay"),
            }
        );
    }

    #[test]
    fn the_schemes_map_to_the_sdk_methods_and_back() {
        assert_eq!(
            EncryptionScheme::Cbcs.to_sdk(),
            CmafEncryptionMethod::SampleAes
        );
        assert_eq!(
            EncryptionScheme::Cenc.to_sdk(),
            CmafEncryptionMethod::AesCtr
        );
        for scheme in EncryptionScheme::ALL {
            assert_eq!(EncryptionScheme::from_sdk(&scheme.to_sdk()), Some(scheme));
        }
    }
}
