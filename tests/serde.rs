//! The `serde` feature: terms as ids, qualifier sets as lists, combinations as maps, and config
//! files that ask for a combination the matrix does not support refused with the explanation
//! `Combination::check()` gives.

use std::collections::BTreeMap;

use serde_json::{from_str, from_value, json, to_string, Value};
use speke_matrix::{
    supported_cells, Combination, DrmSystem, EndpointType, Keys, Mode, Qualifier, QualifierSet,
    SpekeVersion, Term,
};

/// The message of a JSON error without serde_json's "at line L column C" suffix.
fn message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(end) => text[..end].to_owned(),
        None => text,
    }
}

fn term_round_trips<T: Term + serde::Serialize + serde::de::DeserializeOwned>() {
    for &term in T::ALL {
        let text = to_string(&term).unwrap();
        assert_eq!(text, format!("\"{}\"", term.id()));
        assert_eq!(from_str::<T>(&text).unwrap(), term);
        let by_name = to_string(term.name()).unwrap();
        assert_eq!(from_str::<T>(&by_name).unwrap(), term, "{by_name}");
        let by_rust_id = to_string(&term.rust_id().to_uppercase()).unwrap();
        assert_eq!(from_str::<T>(&by_rust_id).unwrap(), term, "{by_rust_id}");
        for alias in term.aliases() {
            assert_eq!(from_str::<T>(&to_string(alias).unwrap()).unwrap(), term);
        }
    }
}

#[test]
fn every_term_serializes_as_its_id_and_reads_back_from_any_spelling() {
    term_round_trips::<SpekeVersion>();
    term_round_trips::<Mode>();
    term_round_trips::<EndpointType>();
    term_round_trips::<DrmSystem>();
    term_round_trips::<Qualifier>();
}

#[test]
fn terms_serialize_as_the_csv_ids() {
    assert_eq!(to_string(&DrmSystem::Aes128).unwrap(), r#""aes-128""#);
    assert_eq!(to_string(&EndpointType::CmafHls).unwrap(), r#""cmaf-hls""#);
    assert_eq!(to_string(&Mode::Vod).unwrap(), r#""vod""#);
    assert_eq!(to_string(&SpekeVersion::V2).unwrap(), r#""v2""#);
    assert_eq!(
        to_string(&Qualifier::KeyRotation).unwrap(),
        r#""key-rotation""#
    );
}

#[test]
fn terms_read_from_the_spellings_people_write() {
    assert_eq!(
        from_str::<DrmSystem>(r#""AES_128""#).unwrap(),
        DrmSystem::Aes128
    );
    assert_eq!(
        from_str::<DrmSystem>(r#""Apple FairPlay""#).unwrap(),
        DrmSystem::Fairplay
    );
    assert_eq!(
        from_str::<EndpointType>(r#""MPEG-DASH""#).unwrap(),
        EndpointType::Dash
    );
    assert_eq!(from_str::<Mode>(r#""Video on demand""#).unwrap(), Mode::Vod);
    assert_eq!(
        from_str::<SpekeVersion>(r#""SPEKE v2""#).unwrap(),
        SpekeVersion::V2
    );
    assert_eq!(
        from_str::<Qualifier>(r#""rotation""#).unwrap(),
        Qualifier::KeyRotation
    );
}

#[test]
fn an_unknown_word_gets_the_from_str_message() {
    let error = from_str::<DrmSystem>(r#""widevin""#).unwrap_err();
    assert_eq!(
        message(&error),
        "unknown DRM system `widevin`; expected one of playready, widevine, fairplay, aes-128 \
         (did you mean `widevine`?)"
    );
    assert_eq!(error.line(), 1);
    let parse_error = "widevin".parse::<DrmSystem>().unwrap_err();
    assert_eq!(message(&error), parse_error.to_string());

    let error = from_str::<EndpointType>(r#""apple-hsl""#).unwrap_err();
    assert_eq!(
        message(&error),
        "unknown endpoint type `apple-hsl`; expected one of apple-hls, cmaf-hls, dash, mss \
         (did you mean `apple-hls`?)"
    );
}

#[test]
fn a_term_of_the_wrong_type_says_what_was_expected() {
    let error = from_str::<EndpointType>("3").unwrap_err();
    assert_eq!(
        message(&error),
        "invalid type: integer `3`, expected a string naming one endpoint type \
         (apple-hls, cmaf-hls, dash, mss)"
    );
}

#[test]
fn qualifier_sets_are_lists_of_ids() {
    let rotation = QualifierSet::of(Qualifier::KeyRotation);
    assert_eq!(to_string(&rotation).unwrap(), r#"["key-rotation"]"#);
    assert_eq!(to_string(&QualifierSet::EMPTY).unwrap(), "[]");
    assert_eq!(from_str::<QualifierSet>("[]").unwrap(), QualifierSet::EMPTY);
    assert_eq!(
        from_str::<QualifierSet>(r#"["Key Rotation"]"#).unwrap(),
        rotation
    );

    let error = from_str::<QualifierSet>(r#"["key-rotation", "rotation"]"#).unwrap_err();
    assert_eq!(
        message(&error),
        "qualifier `key-rotation` is listed twice; list each qualifier once"
    );
    let error = from_str::<QualifierSet>(r#"["key-rotaton"]"#).unwrap_err();
    assert_eq!(
        message(&error),
        "unknown qualifier `key-rotaton`; expected one of key-rotation \
         (did you mean `key-rotation`?)"
    );
    let error = from_str::<QualifierSet>(r#""key-rotation""#).unwrap_err();
    assert_eq!(
        message(&error),
        "invalid type: string \"key-rotation\", expected a list of qualifiers, \
         such as [\"key-rotation\"]"
    );
}

#[test]
fn keys_are_one_or_several() {
    assert_eq!(to_string(&Keys::One).unwrap(), r#""one""#);
    assert_eq!(to_string(&Keys::Several).unwrap(), r#""several""#);
    assert_eq!(from_str::<Keys>(r#""one""#).unwrap(), Keys::One);
    assert_eq!(from_str::<Keys>(r#""Several""#).unwrap(), Keys::Several);
    let error = from_str::<Keys>(r#""three""#).unwrap_err();
    assert_eq!(
        message(&error),
        "invalid keys `three`; expected `one` (one key for all tracks) or `several` \
         (keys by preset)"
    );
}

#[test]
fn a_combination_is_a_map_of_ids() {
    let combination = Combination::new(
        SpekeVersion::V1,
        Mode::Live,
        EndpointType::AppleHls,
        DrmSystem::Fairplay,
    )
    .with(Qualifier::KeyRotation);
    assert_eq!(
        to_string(&combination).unwrap(),
        concat!(
            r#"{"version":"v1","mode":"live","endpoint":"apple-hls","drm":"fairplay","#,
            r#""qualifiers":["key-rotation"]}"#
        )
    );
    let plain = combination.with_qualifiers(QualifierSet::EMPTY);
    assert_eq!(
        to_string(&plain).unwrap(),
        r#"{"version":"v1","mode":"live","endpoint":"apple-hls","drm":"fairplay","qualifiers":[]}"#
    );
}

/// A packager's config as a team might keep it: endpoints by name, each with its DRM set-up.
const PACKAGER_CONFIG: &str = r#"{
    "channel-1-dash": {
        "version": "v1",
        "mode": "live",
        "endpoint": "dash",
        "drm": "playready",
        "qualifiers": ["key-rotation"]
    },
    "channel-1-cmaf": {
        "version": "SPEKE v2",
        "mode": "Live",
        "endpoint": "CMAF Apple HLS",
        "drm": "FairPlay"
    },
    "library-hls": {
        "drm": "aes_128",
        "endpoint": "hls",
        "mode": "VOD",
        "version": "speke-v1"
    }
}"#;

#[test]
fn a_realistic_config_reads_into_combinations() {
    let endpoints: BTreeMap<String, Combination> = from_str(PACKAGER_CONFIG).unwrap();
    let expected = [
        (
            "channel-1-cmaf",
            Combination::new(
                SpekeVersion::V2,
                Mode::Live,
                EndpointType::CmafHls,
                DrmSystem::Fairplay,
            ),
        ),
        (
            "channel-1-dash",
            Combination::new(
                SpekeVersion::V1,
                Mode::Live,
                EndpointType::Dash,
                DrmSystem::Playready,
            )
            .with(Qualifier::KeyRotation),
        ),
        (
            "library-hls",
            Combination::new(
                SpekeVersion::V1,
                Mode::Vod,
                EndpointType::AppleHls,
                DrmSystem::Aes128,
            ),
        ),
    ];
    let found: Vec<(&str, Combination)> = endpoints.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(found, expected);
}

#[test]
fn a_combination_nested_in_a_larger_document_reads_too() {
    let document = json!({
        "name": "evening news",
        "drm": [
            {"version": "v2", "mode": "live", "endpoint": "dash", "drm": "widevine"},
            {"version": "v2", "mode": "live", "endpoint": "dash", "drm": "playready"}
        ]
    });
    let drm: Vec<Combination> = from_value(document["drm"].clone()).unwrap();
    let drms: Vec<DrmSystem> = drm.iter().map(|c| c.drm).collect();
    assert_eq!(drms, [DrmSystem::Widevine, DrmSystem::Playready]);
}

/// The message a config asking for `text` gets, and the explanation `check()` gives for
/// `combination`; the two must be the same.
fn refusal(text: &str, combination: Combination) -> String {
    let error = from_str::<Combination>(text).unwrap_err();
    let explanation = combination.check().unwrap_err().to_string();
    assert_eq!(message(&error), explanation, "{text}");
    explanation
}

#[test]
fn an_unsupported_cell_is_refused_with_the_check_explanation() {
    let explanation = refusal(
        r#"{"version": "v1", "mode": "live", "endpoint": "dash", "drm": "fairplay"}"#,
        Combination::new(
            SpekeVersion::V1,
            Mode::Live,
            EndpointType::Dash,
            DrmSystem::Fairplay,
        ),
    );
    assert!(explanation.starts_with("SPEKE v1 does not support Apple FairPlay on DASH (live)"));
}

#[test]
fn a_missing_qualifier_is_refused_with_the_check_explanation() {
    let explanation = refusal(
        r#"{"version": "v2", "mode": "live", "endpoint": "cmaf-hls", "drm": "widevine",
            "qualifiers": ["key-rotation"]}"#,
        Combination::new(
            SpekeVersion::V2,
            Mode::Live,
            EndpointType::CmafHls,
            DrmSystem::Widevine,
        )
        .with(Qualifier::KeyRotation),
    );
    assert!(explanation.starts_with(
        "SPEKE v2 supports Google Widevine on CMAF Apple HLS (live) but without key rotation"
    ));
}

#[test]
fn a_combination_outside_the_grid_is_refused_with_the_check_explanation() {
    let column = refusal(
        r#"{"version": "v2", "mode": "live", "endpoint": "cmaf-hls", "drm": "aes-128"}"#,
        Combination::new(
            SpekeVersion::V2,
            Mode::Live,
            EndpointType::CmafHls,
            DrmSystem::Aes128,
        ),
    );
    assert!(column.starts_with("SPEKE v2 does not support AES-128 on any endpoint type"));
    let row = refusal(
        r#"{"version": "v2", "mode": "live", "endpoint": "mss", "drm": "playready"}"#,
        Combination::new(
            SpekeVersion::V2,
            Mode::Live,
            EndpointType::Mss,
            DrmSystem::Playready,
        ),
    );
    assert!(row.starts_with("SPEKE v2 does not support Microsoft Smooth endpoints (live)"));
    let mode = refusal(
        r#"{"version": "v2", "mode": "vod", "endpoint": "dash", "drm": "widevine"}"#,
        Combination::new(
            SpekeVersion::V2,
            Mode::Vod,
            EndpointType::Dash,
            DrmSystem::Widevine,
        ),
    );
    assert!(mode.starts_with("SPEKE v2 does not support VOD endpoints"));
}

#[test]
fn one_bad_entry_fails_the_whole_config() {
    let config = PACKAGER_CONFIG.replace(r#""drm": "playready""#, r#""drm": "fairplay""#);
    let error = from_str::<BTreeMap<String, Combination>>(&config).unwrap_err();
    assert!(
        message(&error).starts_with("SPEKE v1 does not support Apple FairPlay on DASH (live)"),
        "{error}"
    );
    // The position points into the config, at the end of the offending entry.
    assert_eq!(error.line(), 8);
}

#[test]
fn missing_duplicate_and_unknown_fields_are_refused() {
    let missing =
        from_str::<Combination>(r#"{"version": "v1", "mode": "live", "endpoint": "dash"}"#)
            .unwrap_err();
    assert_eq!(message(&missing), "missing field `drm`");

    let duplicate = from_str::<Combination>(
        r#"{"version": "v1", "mode": "live", "mode": "vod", "endpoint": "dash",
            "drm": "widevine"}"#,
    )
    .unwrap_err();
    assert_eq!(message(&duplicate), "duplicate field `mode`");

    let unknown = from_str::<Combination>(
        r#"{"version": "v1", "mode": "live", "endpoint": "dash", "drn": "widevine"}"#,
    )
    .unwrap_err();
    assert_eq!(
        message(&unknown),
        "unknown field `drn`; expected one of version, mode, endpoint, drm, qualifiers \
         (did you mean `drm`?)"
    );

    // A misspelled `qualifiers` must not read as a combination that asks for none.
    let singular = from_str::<Combination>(
        r#"{"version": "v1", "mode": "live", "endpoint": "dash", "drm": "widevine",
            "qualifier": ["key-rotation"]}"#,
    )
    .unwrap_err();
    assert!(message(&singular).ends_with("(did you mean `qualifiers`?)"));
}

#[test]
fn an_unknown_word_inside_a_combination_is_located() {
    let error = from_str::<Combination>(
        r#"{
            "version": "v1",
            "mode": "live",
            "endpoint": "dassh",
            "drm": "widevine"
        }"#,
    )
    .unwrap_err();
    assert_eq!(
        message(&error),
        "unknown endpoint type `dassh`; expected one of apple-hls, cmaf-hls, dash, mss \
         (did you mean `dash`?)"
    );
    assert_eq!(error.line(), 4);
}

#[test]
fn a_combination_reads_from_a_list_of_fields_too() {
    let combination: Combination = from_str(r#"["v1", "vod", "dash", "widevine"]"#).unwrap();
    assert_eq!(
        combination,
        Combination::new(
            SpekeVersion::V1,
            Mode::Vod,
            EndpointType::Dash,
            DrmSystem::Widevine
        )
    );
    let rotating: Combination =
        from_str(r#"["v1", "live", "dash", "widevine", ["key-rotation"]]"#).unwrap();
    assert!(rotating.qualifiers.contains(Qualifier::KeyRotation));
    let short = from_str::<Combination>(r#"["v1", "live"]"#).unwrap_err();
    assert_eq!(
        message(&short),
        "invalid length 2, expected at least 4 fields"
    );
    let refused = from_str::<Combination>(r#"["v2", "vod", "dash", "widevine"]"#).unwrap_err();
    assert!(message(&refused).starts_with("SPEKE v2 does not support VOD endpoints"));
}

/// Every subset of a set, the empty set included.
fn subsets(set: QualifierSet) -> Vec<QualifierSet> {
    let members: Vec<Qualifier> = set.iter().collect();
    (0u64..1 << members.len())
        .map(|mask| {
            members
                .iter()
                .enumerate()
                .filter(|&(i, _)| mask & (1 << i) != 0)
                .map(|(_, &q)| q)
                .collect()
        })
        .collect()
}

#[test]
fn every_supported_cell_round_trips_with_every_qualifier_it_offers() {
    let mut count = 0;
    for cell in supported_cells() {
        for qualifiers in subsets(cell.offered) {
            let combination = cell.combination.with_qualifiers(qualifiers);
            let text = to_string(&combination).unwrap();
            assert_eq!(
                from_str::<Combination>(&text).unwrap(),
                combination,
                "{text}"
            );
            let value: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(value["drm"], combination.drm.id());
            count += 1;
        }
    }
    // 19 supported cells in the reference, 6 of which also offer key rotation.
    assert_eq!(count, 25);
}

#[test]
fn every_unsupported_combination_is_refused_as_check_refuses_it() {
    let mut refused = 0;
    for &version in SpekeVersion::ALL {
        for &mode in Mode::ALL {
            for &endpoint in EndpointType::ALL {
                for &drm in DrmSystem::ALL {
                    for qualifiers in subsets(QualifierSet::ALL) {
                        let combination = Combination::new(version, mode, endpoint, drm)
                            .with_qualifiers(qualifiers);
                        let Err(unsupported) = combination.check() else {
                            continue;
                        };
                        let value = json!({
                            "version": version.id(),
                            "mode": mode.id(),
                            "endpoint": endpoint.id(),
                            "drm": drm.id(),
                            "qualifiers": qualifiers.iter().map(|q| q.id()).collect::<Vec<_>>(),
                        });
                        let error = from_value::<Combination>(value).unwrap_err();
                        assert_eq!(error.to_string(), unsupported.to_string());
                        refused += 1;
                    }
                }
            }
        }
    }
    // 2 versions x 2 modes x 4 endpoint types x 4 DRM systems x 2 qualifier sets, less the 25
    // supported ones.
    assert_eq!(refused, 2 * 2 * 4 * 4 * 2 - 25);
}
