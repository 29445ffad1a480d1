// A live DASH endpoint that asks SPEKE v2 for FairPlay, which MediaPackage does not offer.
use speke_matrix::{speke_supported, Combination};

const LIVE_DASH: Combination = speke_supported!(v2, live, dash, fairplay);

fn main() {
    println!("{LIVE_DASH}");
}
