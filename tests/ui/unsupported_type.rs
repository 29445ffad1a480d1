// Generic config code bounded on the type-level form refuses an unsupported combination.
use speke_matrix::marker::{drm, endpoint, mode, qualifier, version};
use speke_matrix::{Combination, SupportedCombination, TypedCombination};

fn dash_endpoint<C: SupportedCombination>() -> Combination {
    C::COMBINATION
}

fn main() {
    dash_endpoint::<TypedCombination<version::V2, mode::Live, endpoint::Dash, drm::Fairplay>>();
    dash_endpoint::<
        TypedCombination<version::V1, mode::Live, endpoint::Mss, drm::Playready, (qualifier::KeyRotation,)>,
    >();
}
