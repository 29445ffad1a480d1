// Key rotation on endpoints whose cells do not offer it: Microsoft Smooth live, and VOD.
use speke_matrix::{speke_supported, Combination};

const LIVE_SMOOTH: Combination = speke_supported!(v1, live, mss, playready, key_rotation);
const VOD_DASH: Combination = speke_supported!(v1, vod, dash, widevine, key_rotation);

fn main() {
    println!("{LIVE_SMOOTH} {VOD_DASH}");
}
