// The endpoint type and the mode swapped, and a second DRM system where a qualifier belongs.
use speke_matrix::{speke_supported, Combination};

const SWAPPED: Combination = speke_supported!(v1, dash, live, widevine);
const TWO_DRMS: Combination = speke_supported!(v1, live, dash, widevine, playready);

fn main() {
    println!("{SWAPPED} {TWO_DRMS}");
}
