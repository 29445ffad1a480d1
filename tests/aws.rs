//! The AWS SDK mapping against the shipped matrix: system IDs, presets, key rotation,
//! encryption methods, refusals with the matrix's explanation, and the reverse mapping.
#![cfg(feature = "aws-sdk")]

use std::num::NonZeroU32;

use speke_matrix::aws::sdk::operation::create_origin_endpoint::CreateOriginEndpointInput;
use speke_matrix::aws::sdk::types::{
    CmafEncryption, CmafEncryptionMethod, DashEncryption, DashPackage,
    EncryptionContractConfiguration, EncryptionMethod, HlsEncryption, HlsPackage, MssPackage,
    OriginEndpoint, PresetSpeke20Audio, PresetSpeke20Video, SpekeKeyProvider,
};
use speke_matrix::aws::{
    self, AudioPreset, Encryption, EncryptionOptions, EncryptionScheme, Error, KeyProvider,
    Presets, VideoPreset, AWS_DEFAULT_KEY_ROTATION_SECONDS,
};
use speke_matrix::{
    supported_cells, Combination, DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion,
};

const WIDEVINE_ID: &str = "edef8ba9-79d6-4ace-a3c8-27dcd51d21ed";
const PLAYREADY_ID: &str = "9a04f079-9840-4286-ab92-e65be0885f95";
const FAIRPLAY_ID: &str = "94ce86fb-07ff-4f43-adb8-93d2fa968ca2";

fn key_provider() -> KeyProvider {
    KeyProvider::new(
        "live-event-42",
        "arn:aws:iam::111122223333:role/SpekeAccess",
        "https://keys.example.com/speke",
    )
}

fn v1_live(endpoint: EndpointType, drm: DrmSystem) -> Combination {
    Combination::new(SpekeVersion::V1, Mode::Live, endpoint, drm)
}

fn v2_live(endpoint: EndpointType, drm: DrmSystem) -> Combination {
    Combination::new(SpekeVersion::V2, Mode::Live, endpoint, drm)
}

fn v2_options() -> EncryptionOptions {
    EncryptionOptions::default().with_presets(Presets::Split {
        audio: AudioPreset::Preset1,
        video: VideoPreset::Preset3,
    })
}

fn build(combinations: &[Combination], options: &EncryptionOptions) -> Result<Encryption, Error> {
    aws::encryption(combinations, &key_provider(), options)
}

fn seconds(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap()
}

// System IDs and the key provider.

#[test]
fn the_key_provider_names_each_drm_system_by_its_dash_if_system_id() {
    let dash = [
        v1_live(EndpointType::Dash, DrmSystem::Widevine),
        v1_live(EndpointType::Dash, DrmSystem::Playready),
    ];
    let provider = aws::speke_key_provider(&dash, &key_provider(), None).unwrap();
    assert_eq!(provider.system_ids(), [WIDEVINE_ID, PLAYREADY_ID]);
    assert_eq!(provider.resource_id(), Some("live-event-42"));
    assert_eq!(
        provider.role_arn(),
        Some("arn:aws:iam::111122223333:role/SpekeAccess")
    );
    assert_eq!(provider.url(), Some("https://keys.example.com/speke"));
    assert_eq!(provider.certificate_arn(), None);
    assert_eq!(provider.encryption_contract_configuration(), None);
}

#[test]
fn every_drm_system_id_of_the_vocabulary_reaches_the_key_provider() {
    for cell in supported_cells().filter(|c| c.combination.mode == Mode::Live) {
        let options = match cell.combination.version.keys() {
            speke_matrix::Keys::One => EncryptionOptions::default(),
            speke_matrix::Keys::Several => v2_options(),
        };
        let encryption = build(&[cell.combination], &options).unwrap();
        let provider = encryption.speke_key_provider().unwrap();
        assert_eq!(provider.system_ids(), [cell.combination.drm.system_id()]);
    }
}

#[test]
fn a_drm_system_given_twice_is_named_once() {
    let c = v1_live(EndpointType::Dash, DrmSystem::Widevine);
    let provider = aws::speke_key_provider(&[c, c], &key_provider(), None).unwrap();
    assert_eq!(provider.system_ids(), [WIDEVINE_ID]);
}

#[test]
fn the_certificate_arn_is_passed_on() {
    let arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc";
    let c = v1_live(EndpointType::Mss, DrmSystem::Playready);
    let provider =
        aws::speke_key_provider(&[c], &key_provider().with_certificate_arn(arn), None).unwrap();
    assert_eq!(provider.certificate_arn(), Some(arn));
}

#[test]
fn an_empty_key_provider_setting_is_refused() {
    let c = v1_live(EndpointType::Mss, DrmSystem::Playready);
    let empty = KeyProvider::new("id", " ", "https://keys.example.com");
    let error = aws::speke_key_provider(&[c], &empty, None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the key provider's role_arn is empty; MediaPackage requires one"
    );
}

#[test]
fn combinations_of_one_endpoint_must_differ_only_in_drm_system() {
    let widevine = v1_live(EndpointType::Dash, DrmSystem::Widevine).with(Qualifier::KeyRotation);
    let playready = v1_live(EndpointType::Dash, DrmSystem::Playready);
    let error = build(&[widevine, playready], &EncryptionOptions::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the combinations of one endpoint must differ only in their DRM system, but `Google \
         Widevine on DASH (live) with SPEKE v1, with key rotation` and `Microsoft PlayReady on \
         DASH (live) with SPEKE v1` differ in more"
    );
    assert_eq!(
        build(&[], &EncryptionOptions::default()).unwrap_err(),
        Error::NoCombination
    );
}

// Unsupported combinations and modes.

#[test]
fn an_unsupported_combination_is_refused_with_the_explanation_of_check() {
    let fairplay = v2_live(EndpointType::Dash, DrmSystem::Fairplay);
    let error = build(&[fairplay], &v2_options()).unwrap_err();
    let expected = fairplay.check().unwrap_err();
    assert_eq!(error, Error::Unsupported(vec![expected]));
    assert_eq!(error.to_string(), expected.to_string());
    assert!(error
        .to_string()
        .starts_with("SPEKE v2 does not support Apple FairPlay on DASH (live)"));
}

#[test]
fn every_unsupported_combination_of_an_endpoint_is_explained() {
    let hls = [
        v1_live(EndpointType::AppleHls, DrmSystem::Widevine),
        v1_live(EndpointType::AppleHls, DrmSystem::Fairplay),
        v1_live(EndpointType::AppleHls, DrmSystem::Playready),
    ];
    let error = build(&hls, &EncryptionOptions::default()).unwrap_err();
    let lines: Vec<String> = [hls[0], hls[2]]
        .iter()
        .map(|c| c.check().unwrap_err().to_string())
        .collect();
    assert_eq!(error.to_string(), lines.join("\n"));
}

#[test]
fn a_key_rotation_the_cell_does_not_offer_is_refused_by_the_matrix() {
    let smooth = v1_live(EndpointType::Mss, DrmSystem::Playready).with(Qualifier::KeyRotation);
    let error = build(&[smooth], &EncryptionOptions::default()).unwrap_err();
    assert_eq!(error.to_string(), smooth.check().unwrap_err().to_string());
}

#[test]
fn a_vod_combination_is_not_an_origin_endpoint() {
    let vod = Combination::new(
        SpekeVersion::V1,
        Mode::Vod,
        EndpointType::Dash,
        DrmSystem::Widevine,
    );
    assert!(vod.is_supported());
    let error = build(&[vod], &EncryptionOptions::default()).unwrap_err();
    assert_eq!(error, Error::NotLive { mode: Mode::Vod });
    assert!(error.to_string().contains("aws-sdk-mediapackagevod"));
}

// SPEKE versions and presets.

#[test]
fn speke_v2_gets_the_encryption_contract_of_its_presets() {
    let cmaf = v2_live(EndpointType::CmafHls, DrmSystem::Widevine);
    let provider = aws::speke_key_provider(
        &[cmaf],
        &key_provider(),
        Some(Presets::Split {
            audio: AudioPreset::Preset2,
            video: VideoPreset::Preset8,
        }),
    )
    .unwrap();
    let contract = provider.encryption_contract_configuration().unwrap();
    assert_eq!(
        contract.preset_speke20_audio(),
        Some(&PresetSpeke20Audio::PresetAudio2)
    );
    assert_eq!(
        contract.preset_speke20_video(),
        Some(&PresetSpeke20Video::PresetVideo8)
    );
}

#[test]
fn shared_is_set_for_audio_and_video_together() {
    let contract = Presets::Shared.to_contract().unwrap();
    assert_eq!(
        contract.preset_speke20_audio(),
        Some(&PresetSpeke20Audio::Shared)
    );
    assert_eq!(
        contract.preset_speke20_video(),
        Some(&PresetSpeke20Video::Shared)
    );
}

#[test]
fn speke_v2_without_presets_is_refused() {
    let cmaf = v2_live(EndpointType::CmafHls, DrmSystem::Widevine);
    let error = build(&[cmaf], &EncryptionOptions::default()).unwrap_err();
    assert_eq!(
        error,
        Error::PresetsRequired {
            version: SpekeVersion::V2
        }
    );
}

#[test]
fn speke_v1_with_presets_is_refused() {
    let dash = v1_live(EndpointType::Dash, DrmSystem::Widevine);
    let error = build(&[dash], &v2_options()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "SPEKE v1 uses one key for all tracks and takes no encryption contract; presets are for \
         a SPEKE version with several keys"
    );
}

#[test]
fn audio_and_video_cannot_both_be_unencrypted() {
    let error = Presets::split(AudioPreset::Unencrypted, VideoPreset::Unencrypted).unwrap_err();
    assert_eq!(error, Error::BothUnencrypted);

    // Built directly, the variant is still refused before it reaches the SDK.
    let both = Presets::Split {
        audio: AudioPreset::Unencrypted,
        video: VideoPreset::Unencrypted,
    };
    let dash = v2_live(EndpointType::Dash, DrmSystem::Widevine);
    let options = EncryptionOptions::default().with_presets(both);
    assert_eq!(
        build(&[dash], &options).unwrap_err(),
        Error::BothUnencrypted
    );
}

#[test]
fn one_unencrypted_side_is_allowed() {
    let presets = Presets::split(AudioPreset::Unencrypted, VideoPreset::Preset1).unwrap();
    assert_eq!(presets.as_strs(), ("UNENCRYPTED", "PRESET-VIDEO-1"));
    let contract = presets.to_contract().unwrap();
    assert_eq!(Presets::from_contract(&contract).unwrap(), presets);
}

#[test]
fn sdk_contracts_that_aws_refuses_are_reported() {
    let shared_with_other = EncryptionContractConfiguration::builder()
        .preset_speke20_audio(PresetSpeke20Audio::Shared)
        .preset_speke20_video(PresetSpeke20Video::PresetVideo1)
        .build();
    assert_eq!(
        Presets::from_contract(&shared_with_other)
            .unwrap_err()
            .to_string(),
        "invalid encryption contract (audio preset SHARED, video preset PRESET-VIDEO-1): SHARED \
         is set for both audio and video or for neither"
    );
    let missing_video = EncryptionContractConfiguration::builder()
        .preset_speke20_audio(PresetSpeke20Audio::PresetAudio1)
        .build();
    assert!(matches!(
        Presets::from_contract(&missing_video),
        Err(Error::InvalidPresets { video: None, .. })
    ));
    let both_unencrypted = EncryptionContractConfiguration::builder()
        .preset_speke20_audio(PresetSpeke20Audio::Unencrypted)
        .preset_speke20_video(PresetSpeke20Video::Unencrypted)
        .build();
    assert_eq!(
        Presets::from_contract(&both_unencrypted),
        Err(Error::BothUnencrypted)
    );
}

// Key rotation.

fn dash_interval(encryption: Encryption) -> Option<i32> {
    encryption
        .into_dash()
        .unwrap()
        .key_rotation_interval_seconds()
}

#[test]
fn key_rotation_takes_the_given_interval_or_aws_default() {
    let dash = v1_live(EndpointType::Dash, DrmSystem::Widevine).with(Qualifier::KeyRotation);
    let by_default = build(&[dash], &EncryptionOptions::default()).unwrap();
    assert_eq!(
        dash_interval(by_default),
        Some(AWS_DEFAULT_KEY_ROTATION_SECONDS as i32)
    );
    let options = EncryptionOptions::default().with_key_rotation_interval(seconds(300));
    assert_eq!(dash_interval(build(&[dash], &options).unwrap()), Some(300));
}

#[test]
fn without_key_rotation_the_interval_is_an_explicit_zero() {
    // MediaPackage rotates every 60 s when the field is unset, so unset would not mean off.
    let dash = v1_live(EndpointType::Dash, DrmSystem::Widevine);
    let encryption = build(&[dash], &EncryptionOptions::default()).unwrap();
    assert_eq!(dash_interval(encryption), Some(0));
}

#[test]
fn an_interval_without_key_rotation_is_refused() {
    let dash = v1_live(EndpointType::Dash, DrmSystem::Widevine);
    let options = EncryptionOptions::default().with_key_rotation_interval(seconds(300));
    assert_eq!(
        build(&[dash], &options).unwrap_err().to_string(),
        "a key rotation interval of 300 s was given, but the combination does not ask for key \
         rotation; ask for it (`key-rotation`) or give no interval"
    );
}

#[test]
fn an_interval_the_sdk_cannot_hold_is_refused() {
    let dash = v1_live(EndpointType::Dash, DrmSystem::Widevine).with(Qualifier::KeyRotation);
    let options = EncryptionOptions::default().with_key_rotation_interval(seconds(u32::MAX));
    assert_eq!(
        build(&[dash], &options).unwrap_err(),
        Error::RotationIntervalTooLarge { interval: u32::MAX }
    );
}

#[test]
fn speke_v2_has_key_rotation_interval_zero_on_dash_and_cmaf() {
    let dash = v2_live(EndpointType::Dash, DrmSystem::Playready);
    assert_eq!(
        dash_interval(build(&[dash], &v2_options()).unwrap()),
        Some(0)
    );
    let cmaf = v2_live(EndpointType::CmafHls, DrmSystem::Fairplay);
    let encryption = build(&[cmaf], &v2_options()).unwrap().into_cmaf().unwrap();
    assert_eq!(encryption.key_rotation_interval_seconds(), Some(0));
}

#[test]
fn speke_v2_with_key_rotation_is_refused_with_the_matrix_explanation() {
    let dash = v2_live(EndpointType::Dash, DrmSystem::Widevine).with(Qualifier::KeyRotation);
    let error = build(&[dash], &v2_options()).unwrap_err();
    assert_eq!(error.to_string(), dash.check().unwrap_err().to_string());
}

#[test]
fn smooth_has_no_interval_at_all() {
    let smooth = v1_live(EndpointType::Mss, DrmSystem::Playready);
    let encryption = build(&[smooth], &EncryptionOptions::default()).unwrap();
    let mss = encryption.into_mss().unwrap();
    assert_eq!(
        mss.speke_key_provider().unwrap().system_ids(),
        [PLAYREADY_ID]
    );
}

// Encryption methods.

#[test]
fn apple_hls_uses_aes_128_or_sample_aes_by_drm_system() {
    let aes = v1_live(EndpointType::AppleHls, DrmSystem::Aes128).with(Qualifier::KeyRotation);
    let hls = build(&[aes], &EncryptionOptions::default())
        .unwrap()
        .into_hls()
        .unwrap();
    assert_eq!(hls.encryption_method(), Some(&EncryptionMethod::Aes128));
    assert_eq!(hls.key_rotation_interval_seconds(), Some(60));

    let fairplay = v1_live(EndpointType::AppleHls, DrmSystem::Fairplay);
    let hls = build(&[fairplay], &EncryptionOptions::default())
        .unwrap()
        .into_hls()
        .unwrap();
    assert_eq!(hls.encryption_method(), Some(&EncryptionMethod::SampleAes));
    assert_eq!(hls.key_rotation_interval_seconds(), Some(0));
}

#[test]
fn apple_hls_cannot_serve_aes_128_and_fairplay_from_one_endpoint() {
    let both = [
        v1_live(EndpointType::AppleHls, DrmSystem::Aes128),
        v1_live(EndpointType::AppleHls, DrmSystem::Fairplay),
    ];
    let error = build(&both, &EncryptionOptions::default()).unwrap_err();
    assert_eq!(
        error,
        Error::ConflictingEncryptionMethods {
            endpoint: EndpointType::AppleHls,
            first: DrmSystem::Aes128,
            second: DrmSystem::Fairplay,
        }
    );
}

fn cmaf_method(
    drms: &[DrmSystem],
    options: &EncryptionOptions,
) -> Result<CmafEncryptionMethod, Error> {
    let combinations: Vec<Combination> = drms
        .iter()
        .map(|&d| v2_live(EndpointType::CmafHls, d))
        .collect();
    let cmaf = build(&combinations, options)?.into_cmaf()?;
    Ok(cmaf.encryption_method().unwrap().clone())
}

#[test]
fn cmaf_uses_cbcs_unless_cenc_is_chosen_and_allowed() {
    let all = [
        DrmSystem::Widevine,
        DrmSystem::Playready,
        DrmSystem::Fairplay,
    ];
    assert_eq!(
        cmaf_method(&all, &v2_options()).unwrap(),
        CmafEncryptionMethod::SampleAes
    );
    let cenc = v2_options().with_encryption_scheme(EncryptionScheme::Cenc);
    assert_eq!(
        cmaf_method(&[DrmSystem::Widevine, DrmSystem::Playready], &cenc).unwrap(),
        CmafEncryptionMethod::AesCtr
    );
    assert_eq!(
        cmaf_method(&all, &cenc).unwrap_err(),
        Error::SchemeNotAllowed {
            endpoint: EndpointType::CmafHls,
            drm: DrmSystem::Fairplay,
            scheme: EncryptionScheme::Cenc,
            allowed: vec![EncryptionScheme::Cbcs],
        }
    );
}

#[test]
fn an_encryption_scheme_is_refused_outside_cmaf() {
    let dash = v2_live(EndpointType::Dash, DrmSystem::Widevine);
    let options = v2_options().with_encryption_scheme(EncryptionScheme::Cbcs);
    assert_eq!(
        build(&[dash], &options).unwrap_err(),
        Error::SchemeOnlyOnCmaf {
            endpoint: EndpointType::Dash
        }
    );
}

#[test]
fn asking_for_the_wrong_encryption_struct_says_which_one_it_is() {
    let dash = v1_live(EndpointType::Dash, DrmSystem::Widevine);
    let error = build(&[dash], &EncryptionOptions::default())
        .unwrap()
        .into_hls()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the combination's endpoint type is configured with DashEncryption, not HlsEncryption"
    );
}

// The reverse.

#[test]
fn every_supported_live_cell_survives_the_round_trip() {
    let mut checked = 0;
    for cell in supported_cells().filter(|c| c.combination.mode == Mode::Live) {
        let options = match cell.combination.version.keys() {
            speke_matrix::Keys::One => EncryptionOptions::default(),
            speke_matrix::Keys::Several => v2_options(),
        };
        let with_offered = cell.combination.with_qualifiers(cell.offered);
        for combination in [cell.combination, with_offered] {
            let encryption = build(&[combination], &options).unwrap();
            let found = aws::identify(&encryption).unwrap();
            assert_eq!(found.combinations().collect::<Vec<_>>(), [combination]);
            assert!(found.check().is_ok());
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} combinations were checked");
}

fn dash_with(system_ids: &[&str], interval: Option<i32>, presets: Option<Presets>) -> DashPackage {
    let provider = SpekeKeyProvider::builder()
        .resource_id("r")
        .role_arn("arn")
        .url("https://k")
        .set_system_ids(Some(system_ids.iter().map(|s| s.to_string()).collect()))
        .set_encryption_contract_configuration(presets.map(|p| p.to_contract().unwrap()))
        .build();
    let encryption = DashEncryption::builder()
        .set_key_rotation_interval_seconds(interval)
        .speke_key_provider(provider)
        .build();
    DashPackage::builder().encryption(encryption).build()
}

#[test]
fn several_system_ids_are_several_combinations() {
    let package = dash_with(&[PLAYREADY_ID, &WIDEVINE_ID.to_uppercase()], Some(0), None);
    let found = aws::identify(&package).unwrap();
    assert_eq!(
        found.combinations().collect::<Vec<_>>(),
        [
            v1_live(EndpointType::Dash, DrmSystem::Playready),
            v1_live(EndpointType::Dash, DrmSystem::Widevine),
        ]
    );
    assert_eq!(
        found.to_string(),
        "Microsoft PlayReady and Google Widevine on DASH (live) with SPEKE v1"
    );
}

#[test]
fn the_interval_says_whether_keys_rotate() {
    let rotating = v1_live(EndpointType::Dash, DrmSystem::Widevine).with(Qualifier::KeyRotation);
    for interval in [None, Some(300)] {
        let found = aws::identify(&dash_with(&[WIDEVINE_ID], interval, None)).unwrap();
        assert_eq!(found.combinations().collect::<Vec<_>>(), [rotating]);
    }
    let error = aws::identify(&dash_with(&[WIDEVINE_ID], Some(-5), None)).unwrap_err();
    assert_eq!(error, Error::NegativeRotationInterval { interval: -5 });
}

#[test]
fn an_encryption_contract_means_speke_v2() {
    let found = aws::identify(&dash_with(&[WIDEVINE_ID], Some(0), Some(Presets::Shared))).unwrap();
    assert_eq!(found.version(), SpekeVersion::V2);
    assert!(found.is_supported());
}

#[test]
fn an_unsupported_value_is_explained_as_the_macro_explains_it() {
    let found = aws::identify(&dash_with(&[FAIRPLAY_ID], Some(0), Some(Presets::Shared))).unwrap();
    let fairplay = v2_live(EndpointType::Dash, DrmSystem::Fairplay);
    assert_eq!(found.combinations().collect::<Vec<_>>(), [fairplay]);
    assert_eq!(
        found.check().unwrap_err().to_string(),
        fairplay.check().unwrap_err().to_string()
    );
}

#[test]
fn speke_v2_with_the_interval_unset_rotates_keys_which_the_matrix_refuses() {
    let found = aws::identify(&dash_with(&[WIDEVINE_ID], None, Some(Presets::Shared))).unwrap();
    let rotating = v2_live(EndpointType::Dash, DrmSystem::Widevine).with(Qualifier::KeyRotation);
    assert_eq!(found.combinations().collect::<Vec<_>>(), [rotating]);
    assert_eq!(
        found.check().unwrap_err().to_string(),
        rotating.check().unwrap_err().to_string()
    );
}

#[test]
fn unknown_system_ids_are_named_with_the_known_ones() {
    let package = dash_with(
        &[
            WIDEVINE_ID,
            "not-a-drm",
            "1077efec-c0b2-4d02-ace3-3c1e52e2fb4b",
        ],
        Some(0),
        None,
    );
    let error = aws::identify(&package).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown DRM system ID `not-a-drm` and `1077efec-c0b2-4d02-ace3-3c1e52e2fb4b`; the \
         matrix knows 9a04f079-9840-4286-ab92-e65be0885f95 (Microsoft PlayReady), \
         edef8ba9-79d6-4ace-a3c8-27dcd51d21ed (Google Widevine), \
         94ce86fb-07ff-4f43-adb8-93d2fa968ca2 (Apple FairPlay) and \
         81376844-f976-481e-a84e-cc25d39b0b33 (AES-128)"
    );
    assert_eq!(
        aws::identify(&dash_with(&[], Some(0), None)).unwrap_err(),
        Error::NoSystemIds
    );
}

#[test]
fn a_wrong_hls_method_for_fairplay_is_reported() {
    let provider = SpekeKeyProvider::builder()
        .resource_id("r")
        .role_arn("arn")
        .url("https://k")
        .system_ids(FAIRPLAY_ID)
        .build();
    let hls = HlsEncryption::builder()
        .encryption_method(EncryptionMethod::Aes128)
        .key_rotation_interval_seconds(0)
        .speke_key_provider(provider)
        .build();
    assert_eq!(
        aws::identify(&hls).unwrap_err().to_string(),
        "Apple FairPlay needs encryption method SAMPLE_AES on Apple HLS, but the value has \
         AES_128"
    );
}

#[test]
fn cenc_for_fairplay_on_cmaf_is_reported() {
    let provider = SpekeKeyProvider::builder()
        .resource_id("r")
        .role_arn("arn")
        .url("https://k")
        .system_ids(WIDEVINE_ID)
        .system_ids(FAIRPLAY_ID)
        .build();
    let cmaf = CmafEncryption::builder()
        .encryption_method(CmafEncryptionMethod::AesCtr)
        .key_rotation_interval_seconds(0)
        .speke_key_provider(provider)
        .build();
    assert_eq!(
        aws::identify(&cmaf).unwrap_err(),
        Error::WrongEncryptionMethod {
            endpoint: EndpointType::CmafHls,
            drm: DrmSystem::Fairplay,
            found: "AES_CTR".into(),
            expected: "SAMPLE_AES".into(),
        }
    );
}

#[test]
fn a_package_without_encryption_names_no_combination() {
    let error = aws::identify(&HlsPackage::builder().build()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the HlsPackage has no encryption, so it names no DRM system"
    );
}

#[test]
fn origin_endpoints_and_create_requests_are_read_through_their_one_package() {
    let smooth = v1_live(EndpointType::Mss, DrmSystem::Playready);
    let mss = build(&[smooth], &EncryptionOptions::default())
        .unwrap()
        .into_mss()
        .unwrap();
    let package = MssPackage::builder().encryption(mss).build();

    let endpoint = OriginEndpoint::builder()
        .id("smooth")
        .mss_package(package.clone())
        .build();
    let found = aws::identify(&endpoint).unwrap();
    assert_eq!(found.combinations().collect::<Vec<_>>(), [smooth]);

    let request = CreateOriginEndpointInput::builder()
        .channel_id("channel")
        .id("smooth")
        .mss_package(package.clone())
        .build()
        .unwrap();
    assert_eq!(aws::identify(&request).unwrap(), found);

    let two = OriginEndpoint::builder()
        .mss_package(package)
        .hls_package(HlsPackage::builder().build())
        .build();
    assert_eq!(
        aws::identify(&two).unwrap_err().to_string(),
        "the OriginEndpoint has 2 packages (hls_package and mss_package), where an origin \
         endpoint has one"
    );
    assert_eq!(
        aws::identify(&OriginEndpoint::builder().build()).unwrap_err(),
        Error::NoPackage {
            sdk: "OriginEndpoint"
        }
    );
}
