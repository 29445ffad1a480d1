// Words written as in the CSV files or as strings, where the macro takes identifiers.
use speke_matrix::{speke_supported, Combination};

const QUOTED: Combination = speke_supported!(v1, live, dash, "widevine");
const DASHED: Combination = speke_supported!(v1, live, apple-hls, fairplay);
const NUMBER: Combination = speke_supported!(2, live, dash, widevine);

fn main() {
    println!("{QUOTED} {DASHED} {NUMBER}");
}
