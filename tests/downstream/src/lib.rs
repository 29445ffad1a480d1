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
    use speke_matrix::{
        supported_cells, DrmSystem, EndpointType, Mode, Qualifier, QualifierSet, SpekeVersion,
    };

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

    /// Live DASH with SPEKE v1 and PlayReady, a cell that offers both encryption schemes.
    const LIVE_DASH: Combination = Combination::new(
        SpekeVersion::V1,
        Mode::Live,
        EndpointType::Dash,
        DrmSystem::Playready,
    );

    // The refusal holds in a const, as config code would check it.
    const _: () = assert!(!LIVE_DASH
        .with(Qualifier::Cbcs)
        .with(Qualifier::Cenc)
        .is_supported());

    #[test]
    fn two_encryption_schemes_are_refused_with_the_explanation() {
        assert!(LIVE_DASH.with(Qualifier::Cbcs).is_supported());
        assert!(LIVE_DASH.with(Qualifier::Cenc).is_supported());
        let both = LIVE_DASH.with(Qualifier::Cbcs).with(Qualifier::Cenc);
        assert!(both.cell().offered().unwrap().contains(Qualifier::Cenc));
        assert!(!both.is_supported());
        assert_eq!(
            both.check().unwrap_err().to_string(),
            "cbcs and cenc are alternatives (encryption-scheme): an endpoint uses one of them, \
             so ask for one; SPEKE v1 supports Microsoft PlayReady on DASH (live) with either \
             cbcs or cenc"
        );
    }

    /// Whether a qualifier set holds two qualifiers of one group, from `Qualifier::group()`.
    fn two_of_a_group(asked: QualifierSet) -> bool {
        let groups: Vec<&str> = asked.iter().filter_map(Qualifier::group).collect();
        groups
            .iter()
            .enumerate()
            .any(|(i, group)| groups[..i].contains(group))
    }

    #[test]
    fn every_offered_subset_is_supported_unless_it_holds_two_of_a_group() {
        let mut refused = 0;
        for cell in supported_cells() {
            let offered: Vec<Qualifier> = cell.offered.iter().collect();
            for bits in 0..1u64 << offered.len() {
                let asked: QualifierSet = (0..offered.len())
                    .filter(|i| bits & 1 << i != 0)
                    .map(|i| offered[i])
                    .collect();
                let combination = cell.combination.with_qualifiers(asked);
                let two = two_of_a_group(asked);
                assert_eq!(combination.is_supported(), !two, "{combination}");
                if two {
                    refused += 1;
                    let text = combination.check().unwrap_err().to_string();
                    assert!(text.starts_with("cbcs and cenc are alternatives"), "{text}");
                }
            }
        }
        // Cells offering both schemes exist in this matrix, so the refusal was exercised.
        assert!(refused > 0);
    }

    /// Whether a typed combination implements `SupportedCombination`, that is, whether the
    /// macro's fast path accepts the call: the marker impls are generated from the same list
    /// of accepted calls as the fast path's arms. Method lookup tries `Probe` itself before
    /// the reference the fallback is implemented for, so the answer is `true` exactly where
    /// the bound holds.
    struct Probe<T>(std::marker::PhantomData<T>);
    trait Accepted {
        fn accepted(&self) -> bool {
            true
        }
    }
    impl<T: SupportedCombination> Accepted for Probe<T> {}
    trait NotAccepted {
        fn accepted(&self) -> bool {
            false
        }
    }
    impl<T> NotAccepted for &Probe<T> {}

    macro_rules! accepted {
        ($version:ident, $mode:ident, $endpoint:ident, $drm:ident, ($($qualifier:ident),*)) => {
            (&Probe::<
                TypedCombination<
                    version::$version,
                    mode::$mode,
                    endpoint::$endpoint,
                    drm::$drm,
                    ($(qualifier::$qualifier,)*),
                >,
            >(std::marker::PhantomData))
                .accepted()
        };
    }

    #[test]
    fn accepted_calls_never_hold_two_of_a_group() {
        // Each scheme alone, and with a qualifier of no group, is accepted...
        assert!(accepted!(V1, Live, Dash, Playready, (Cbcs)));
        assert!(accepted!(V1, Live, Dash, Playready, (Cenc)));
        assert!(accepted!(V1, Live, Dash, Playready, (KeyRotation, Cenc)));
        assert!(accepted!(
            V2_1,
            Live,
            CmafHls,
            Widevine,
            (KeyRotation, Cbcs, Hdcp)
        ));
        // ...and both schemes together never, though every cell named offers both.
        assert!(!accepted!(V1, Live, Dash, Playready, (Cbcs, Cenc)));
        assert!(!accepted!(
            V1,
            Live,
            Dash,
            Playready,
            (KeyRotation, Cbcs, Cenc)
        ));
        assert!(!accepted!(V1, Live, CmafHls, Fairplay, (Cbcs, Cenc)));
        assert!(!accepted!(
            V2_1,
            Live,
            CmafHls,
            Widevine,
            (Cbcs, Cenc, Hdcp)
        ));
        assert!(!accepted!(V2_1, Vod, Dash, Playready, (Cbcs, Cenc)));
        // The probe can tell: a cell this matrix does not support is not accepted either.
        assert!(!accepted!(V1, Live, Mss, Widevine, ()));
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
