// Key rotation asked for twice, once by its alias.
use speke_matrix::{speke_supported, Combination};

const LIVE_DASH: Combination = speke_supported!(v1, live, dash, widevine, key_rotation, rotation);

fn main() {
    println!("{LIVE_DASH}");
}
