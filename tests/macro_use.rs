//! `speke_supported!` and the type-level form as packager config code uses them: in `const`
//! and `static` items and in a `const fn`, with aliases, any case, any qualifier order and a
//! trailing comma, and as a bound in generic code.

use speke_matrix::marker::{drm, endpoint, mode, qualifier, version};
use speke_matrix::{
    speke_supported, Combination, DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion,
    SupportedCombination, TypedCombination,
};

const LIVE_DASH: Combination = speke_supported!(v1, live, dash, widevine, key_rotation);

static CMAF_FAIRPLAY: Combination = speke_supported!(v2, live, cmaf_hls, fairplay);

/// Picks the DRM system of an endpoint at compile time.
const fn dash_endpoint(use_playready: bool) -> Combination {
    if use_playready {
        speke_supported!(v2, live, dash, playready)
    } else {
        speke_supported!(v2, live, dash, widevine)
    }
}

const PLAYREADY: Combination = dash_endpoint(true);

#[test]
fn calls_are_const_expressions() {
    assert_eq!(
        LIVE_DASH,
        Combination::new(
            SpekeVersion::V1,
            Mode::Live,
            EndpointType::Dash,
            DrmSystem::Widevine
        )
        .with(Qualifier::KeyRotation)
    );
    assert_eq!(CMAF_FAIRPLAY.drm, DrmSystem::Fairplay);
    assert_eq!(PLAYREADY.drm, DrmSystem::Playready);
    assert_eq!(dash_endpoint(false).drm, DrmSystem::Widevine);
}

#[test]
fn aliases_display_names_and_any_case() {
    let expected = LIVE_DASH;
    assert_eq!(
        speke_supported!(speke1, Live, MPEG_DASH, wv, rotation),
        expected
    );
    assert_eq!(
        speke_supported!(SPEKE_V1, LIVE, Dash, Google_Widevine, Key_Rotation),
        expected
    );
    assert_eq!(
        speke_supported!(v1, live, cmaf, fps),
        Combination::new(
            SpekeVersion::V1,
            Mode::Live,
            EndpointType::CmafHls,
            DrmSystem::Fairplay
        )
    );
    assert_eq!(
        speke_supported!(v1, on_demand, smooth_streaming, pr).mode,
        Mode::Vod
    );
}

#[test]
fn trailing_commas_and_raw_identifiers() {
    assert_eq!(
        speke_supported!(v1, live, dash, widevine, key_rotation,),
        LIVE_DASH
    );
    assert_eq!(
        speke_supported!(r#v1, live, dash, widevine, key_rotation),
        LIVE_DASH
    );
}

/// Words passed through a caller's own `macro_rules!` macro reach the proc macro as captured
/// fragments, which it opens.
#[test]
fn words_from_another_macro() {
    macro_rules! live_dash {
        ($drm:ident) => {
            speke_supported!(v1, live, dash, $drm)
        };
        (expr $drm:expr) => {
            speke_supported!(v1, live, dash, $drm)
        };
    }
    assert_eq!(live_dash!(widevine).drm, DrmSystem::Widevine);
    assert_eq!(live_dash!(WV).drm, DrmSystem::Widevine);
    assert_eq!(live_dash!(expr playready).drm, DrmSystem::Playready);
}

/// A DASH endpoint's settings for any combination the matrix supports.
fn endpoint_settings<C: SupportedCombination>() -> Combination {
    C::COMBINATION
}

#[test]
fn the_type_level_form_names_the_same_combination() {
    type LiveDash = TypedCombination<
        version::V1,
        mode::Live,
        endpoint::Dash,
        drm::Widevine,
        (qualifier::KeyRotation,),
    >;
    assert_eq!(endpoint_settings::<LiveDash>(), LIVE_DASH);
    assert_eq!(
        endpoint_settings::<
            TypedCombination<version::V2, mode::Live, endpoint::CmafHls, drm::Fairplay>,
        >(),
        CMAF_FAIRPLAY
    );
}
