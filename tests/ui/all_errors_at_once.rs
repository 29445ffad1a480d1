// Several mistakes in one call are reported together. The call still expands to a
// `Combination` that keeps the words it understood, so the code around it reports nothing more.
use speke_matrix::{speke_supported, Combination, DrmSystem};

const fn uses_widevine(combination: Combination) -> bool {
    matches!(combination.drm, DrmSystem::Widevine)
}

const ENDPOINT: Combination = speke_supported!(v3, live, dsh, widevine, key_rotaton,, "cbcs");
const _: () = assert!(uses_widevine(ENDPOINT));

fn main() {
    println!("{ENDPOINT}");
}
