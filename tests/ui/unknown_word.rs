// Typos in a packager config: the error points at the word and suggests the nearest one.
use speke_matrix::{speke_supported, Combination};

const WIDEVINE: Combination = speke_supported!(v1, live, dash, widevin);
const SMOOTH: Combination = speke_supported!(v1, vod, smoth, playready);

fn main() {
    println!("{WIDEVINE} {SMOOTH}");
}
