// Calls that leave a word out, or name nothing at all.
use speke_matrix::{speke_supported, Combination};

const NO_ENDPOINT: Combination = speke_supported!(v2, live, fairplay);
const NOTHING: Combination = speke_supported!();

fn main() {
    println!("{NO_ENDPOINT} {NOTHING}");
}
