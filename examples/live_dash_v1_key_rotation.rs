//! Packager config for a live DASH origin endpoint protected with Google Widevine and Microsoft
//! PlayReady through SPEKE v1, with key rotation. The combinations are checked at compile time,
//! then become the `CreateOriginEndpoint` request that a deployment would send to
//! MediaPackage. This example builds and prints the request; it never sends it.
//!
//! Run it with `cargo run --example live_dash_v1_key_rotation --features aws-sdk`.

use std::num::NonZeroU32;

use speke_matrix::aws::sdk::operation::create_origin_endpoint::CreateOriginEndpointInput;
use speke_matrix::aws::sdk::types::DashPackage;
use speke_matrix::aws::{self, EncryptionOptions, KeyProvider};
use speke_matrix::{speke_supported, Combination};

// The compile-time check: an unsupported combination fails the build here, with the
// explanation of what is supported nearby as the compile error.
const WIDEVINE: Combination = speke_supported!(v1, live, dash, widevine, key_rotation);
const PLAYREADY: Combination = speke_supported!(v1, live, dash, playready, key_rotation);

/// New content keys every five minutes: often enough to limit what one leaked key exposes,
/// rarely enough to keep the key server's load low.
const KEY_ROTATION_SECONDS: NonZeroU32 = NonZeroU32::new(300).unwrap();

/// The request for the endpoint, with every DRM setting taken from the checked combinations.
fn create_request() -> Result<CreateOriginEndpointInput, Box<dyn std::error::Error>> {
    let key_provider = KeyProvider::new(
        "sports-live-2026-final",
        "arn:aws:iam::111122223333:role/MediaPackageSpekeAccess",
        "https://drm.example.com/speke/v1.0/copyProtection",
    );
    let options = EncryptionOptions::default().with_key_rotation_interval(KEY_ROTATION_SECONDS);
    let encryption =
        aws::encryption(&[WIDEVINE, PLAYREADY], &key_provider, &options)?.into_dash()?;

    let package = DashPackage::builder()
        .encryption(encryption)
        .segment_duration_seconds(6)
        .manifest_window_seconds(60)
        .min_buffer_time_seconds(30)
        .suggested_presentation_delay_seconds(25)
        .build();
    let request = CreateOriginEndpointInput::builder()
        .channel_id("sports-live")
        .id("sports-live-dash")
        .description("DASH; Widevine and PlayReady through SPEKE v1; keys rotate every 5 min")
        .manifest_name("index")
        .startover_window_seconds(3600)
        .dash_package(package)
        .build()?;
    Ok(request)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("{:#?}", create_request()?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_configures_the_checked_combinations() {
        let request = create_request().unwrap();
        let found = aws::identify(&request).unwrap();
        assert_eq!(
            found.combinations().collect::<Vec<_>>(),
            [WIDEVINE, PLAYREADY]
        );
        let encryption = request.dash_package().unwrap().encryption().unwrap();
        assert_eq!(encryption.key_rotation_interval_seconds(), Some(300));
    }
}
