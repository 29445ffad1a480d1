// HLS AES-128 is a SPEKE v1 option; the SPEKE v2 grid has no AES-128 column, no Apple HLS
// rows and no VOD rows.
use speke_matrix::{speke_supported, Combination};

const LIVE_HLS_AES: Combination = speke_supported!(v2, live, apple_hls, aes_128);
const LIVE_HLS_FAIRPLAY: Combination = speke_supported!(v2, live, apple_hls, fairplay);
const VOD_DASH: Combination = speke_supported!(v2, vod, dash, widevine);

fn main() {
    println!("{LIVE_HLS_AES} {LIVE_HLS_FAIRPLAY} {VOD_DASH}");
}
