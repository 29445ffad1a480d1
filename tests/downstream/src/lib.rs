//! Packager config code in a crate of its own, compiled against a matrix that this crate
//! keeps in `matrix/`: AWS's grids with encryption-scheme qualifiers added, FairPlay on live
//! DASH under SPEKE v2, and an invented SPEKE v2.1 grid whose every cell offers six
//! qualifiers. None of that is in the library's own matrix, so every call below compiles only
//! if `SPEKE_MATRIX_DIR` reached both the tables and the macro. The matrix accepts more calls
//! than one flat macro serves (see `FLAT_LIMIT` in `speke-matrix-build`), so the macro takes
//! its two-stage shape here.

use speke_matrix::marker::{drm, endpoint, mode, qualifier, version};
use speke_matrix::{speke_supported, Combination, SupportedCombination, TypedCombination};

/// The live endpoints of a channel, checked when this crate compiles.
pub const LIVE_ENDPOINTS: [Combination; 5] = [
    speke_supported!(v2, live, dash, fairplay),
    speke_supported!(v2_1, live, cmaf_hls, widevine, key_rotation, cenc, hdcp),
    speke_supported!(v1, live, mss, playready),
    // Four qualifiers: more than the fast path lists, so decided by the proc macro.
    speke_supported!(v2_1, live, mss, playready, key_rotation, cbcs, hdcp, multi_key),
    // Not canonical, so decided by the proc macro from the same matrix text.
    speke_supported!(SPEKE_V2_1, Live, HLS, FPS, hdcp, cbcs),
];

/// DRM settings for any combination the matrix supports.
pub fn settings<C: SupportedCombination>() -> Combination {
    C::COMBINATION
}

/// A VOD DASH endpoint, named as a type.
pub fn vod_dash() -> Combination {
    settings::<
        TypedCombination<
            version::V2_1,
            mode::Vod,
            endpoint::Dash,
            drm::Playready,
            (qualifier::Cbcs, qualifier::Hdcp),
        >,
    >()
}

#[cfg(test)]
mod tests {
    use super::*;
    use speke_matrix::{DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion};

    #[test]
    fn the_macro_and_the_tables_see_this_crates_matrix() {
        for endpoint in LIVE_ENDPOINTS {
            assert!(endpoint.is_supported(), "{endpoint}");
        }
        assert_eq!(LIVE_ENDPOINTS[4].version, SpekeVersion::V2_1);
        assert_eq!(LIVE_ENDPOINTS[4].endpoint, EndpointType::AppleHls);
        assert_eq!(
            LIVE_ENDPOINTS[4].qualifiers.iter().collect::<Vec<_>>(),
            [Qualifier::Cbcs, Qualifier::Hdcp]
        );
        let vod = vod_dash();
        assert_eq!((vod.mode, vod.drm), (Mode::Vod, DrmSystem::Playready));
        assert_eq!(vod, speke_supported!(v2_1, vod, dash, playready, hdcp, cbcs));
    }

    #[test]
    fn what_this_matrix_refuses_is_still_refused() {
        let refused = Combination::new(
            SpekeVersion::V2,
            Mode::Live,
            EndpointType::Dash,
            DrmSystem::Fairplay,
        )
        .with(Qualifier::Cenc);
        assert!(refused.check().is_err());
    }
}
