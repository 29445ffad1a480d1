// Generic config code bounded on the type-level form refuses an unsupported combination.
use speke_matrix::marker::{drm, endpoint, mode, qualifier, version};
use speke_matrix::{Combination, SupportedCombination, TypedCombination};

type LiveDashFairplay = TypedCombination<version::V2, mode::Live, endpoint::Dash, drm::Fairplay>;
type LiveSmoothRotation = TypedCombination<
    version::V1,
    mode::Live,
    endpoint::Mss,
    drm::Playready,
    (qualifier::KeyRotation,),
>;

fn endpoint_settings<C: SupportedCombination>() -> Combination {
    C::COMBINATION
}

fn main() {
    endpoint_settings::<LiveDashFairplay>();
    endpoint_settings::<LiveSmoothRotation>();
}
