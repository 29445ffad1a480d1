// HLS AES-128 is a SPEKE v1 option; the SPEKE v2 grid has no AES-128 column and no VOD rows.
use speke_matrix::{speke_supported, Combination};

const LIVE_HLS_AES: Combination = speke_supported!(v2, live, apple_hls, aes_128);
const VOD_DASH: Combination = speke_supported!(v2, vod, dash, widevine);

fn main() {
    println!("{LIVE_HLS_AES} {VOD_DASH}");
}
