//! Packager config for a live CMAF origin endpoint protected with Google Widevine, Microsoft
//! PlayReady and Apple FairPlay through SPEKE v2, with separate audio and video keys chosen by
//! the encryption contract's presets. The combinations are checked at compile time, then
//! become the `CreateOriginEndpoint` request that a deployment would send to MediaPackage.
//! This example builds and prints the request; it never sends it.
//!
//! Run it with `cargo run --example live_cmaf_v2_presets --features aws-sdk`.

use speke_matrix::aws::sdk::operation::create_origin_endpoint::CreateOriginEndpointInput;
use speke_matrix::aws::sdk::types::{
    CmafPackageCreateOrUpdateParameters, HlsManifestCreateOrUpdateParameters, PlaylistType,
};
use speke_matrix::aws::{self, AudioPreset, EncryptionOptions, KeyProvider, Presets, VideoPreset};
use speke_matrix::{speke_supported, Combination};

// The compile-time check: an unsupported combination fails the build here, with the
// explanation of what is supported nearby as the compile error.
const WIDEVINE: Combination = speke_supported!(v2, live, cmaf_hls, widevine);
const PLAYREADY: Combination = speke_supported!(v2, live, cmaf_hls, playready);
const FAIRPLAY: Combination = speke_supported!(v2, live, cmaf_hls, fairplay);

/// One key for all audio, and video keys split by resolution, so that a licence policy can
/// allow the HD and UHD renditions only on devices with hardware DRM.
const PRESETS: Presets = Presets::Split {
    audio: AudioPreset::Preset1,
    video: VideoPreset::Preset3,
};

/// The request for the endpoint, with every DRM setting taken from the checked combinations.
fn create_request() -> Result<CreateOriginEndpointInput, Box<dyn std::error::Error>> {
    let key_provider = KeyProvider::new(
        "concert-live-2026-06-21",
        "arn:aws:iam::111122223333:role/MediaPackageSpekeAccess",
        "https://drm.example.com/speke/v2.0/copyProtection",
    )
    .with_certificate_arn("arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-speke");

    // SPEKE v2 with presets: key rotation stays off (interval 0), and FairPlay makes the
    // encryption scheme cbcs, which Widevine and PlayReady decrypt too.
    let options = EncryptionOptions::default().with_presets(PRESETS);
    let encryption =
        aws::encryption(&[WIDEVINE, PLAYREADY, FAIRPLAY], &key_provider, &options)?.into_cmaf()?;

    let manifest = HlsManifestCreateOrUpdateParameters::builder()
        .id("concert-live-cmaf-index")
        .manifest_name("index")
        .playlist_type(PlaylistType::Event)
        .playlist_window_seconds(60)
        .build();
    let package = CmafPackageCreateOrUpdateParameters::builder()
        .encryption(encryption)
        .segment_duration_seconds(4)
        .hls_manifests(manifest)
        .build();
    let request = CreateOriginEndpointInput::builder()
        .channel_id("concert-live")
        .id("concert-live-cmaf")
        .description("CMAF; Widevine, PlayReady and FairPlay through SPEKE v2 presets")
        .cmaf_package(package)
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
    use speke_matrix::aws::sdk::types::CmafEncryptionMethod;

    #[test]
    fn the_request_configures_the_checked_combinations() {
        let request = create_request().unwrap();
        let found = aws::identify(&request).unwrap();
        assert_eq!(
            found.combinations().collect::<Vec<_>>(),
            [WIDEVINE, PLAYREADY, FAIRPLAY]
        );
        let encryption = request.cmaf_package().unwrap().encryption().unwrap();
        assert_eq!(encryption.key_rotation_interval_seconds(), Some(0));
        assert_eq!(
            encryption.encryption_method(),
            Some(&CmafEncryptionMethod::SampleAes)
        );
        let contract = encryption
            .speke_key_provider()
            .and_then(|p| p.encryption_contract_configuration())
            .unwrap();
        assert_eq!(Presets::from_contract(contract).unwrap(), PRESETS);
    }
}
