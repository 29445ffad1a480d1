//! The runtime API as a user sees it: parsing and printing words, qualifier sets, the list of
//! supported cells, lookups in `const` context, and the explanation of each kind of refusal.

use speke_matrix::{
    supported_cells, Cell, Combination, DrmSystem, EndpointType, Mode, ParseTermError, Qualifier,
    QualifierSet, SpekeVersion, Term,
};

use DrmSystem::{Aes128, Fairplay, Playready, Widevine};
use EndpointType::{AppleHls, CmafHls, Dash, Mss};
use Mode::{Live, Vod};
use SpekeVersion::{V1, V2};

// Checked when this file compiles: the lookups are `const fn`s.
const LIVE_DASH_ROTATING: Combination =
    Combination::new(V1, Live, Dash, Widevine).with(Qualifier::KeyRotation);
const _: () = assert!(LIVE_DASH_ROTATING.is_supported());
const _: () = assert!(!Combination::new(V2, Live, Dash, Fairplay).is_supported());
const _: () = assert!(!Combination::new(V2, Live, Dash, Widevine)
    .with(Qualifier::KeyRotation)
    .is_supported());
const V2_VOD: Cell = Combination::new(V2, Vod, Dash, Widevine).cell();
const _: () = assert!(matches!(V2_VOD, Cell::NotInGrid));
const OFFERED: QualifierSet = match LIVE_DASH_ROTATING.cell().offered() {
    Some(offered) => offered,
    None => QualifierSet::EMPTY,
};
const _: () = assert!(OFFERED.contains(Qualifier::KeyRotation));
const _: () = assert!(QualifierSet::of(Qualifier::KeyRotation).is_subset(OFFERED));
const _: () = assert!(DrmSystem::ALL.len() == 4 && EndpointType::ALL.len() == 4);
const _: () = assert!(SpekeVersion::V2.index() == 1);

#[test]
fn const_lookups_agree_with_run_time_ones() {
    // The same questions as the `const` assertions above, asked at run time, so that a
    // difference between the two evaluations would show.
    assert!(LIVE_DASH_ROTATING.is_supported());
    assert_eq!(V2_VOD, Cell::NotInGrid);
    assert_eq!(OFFERED, QualifierSet::of(Qualifier::KeyRotation));
}

/// Every spelling of every term of a kind parses back to the term: the id, the Rust id, the
/// display name and each alias, as written, upper-cased and with spaces for separators.
fn every_spelling_parses<T: Term + std::str::FromStr<Err = ParseTermError>>() {
    for &term in T::ALL {
        let mut spellings = vec![term.id(), term.rust_id(), term.name()];
        spellings.extend(term.aliases());
        for spelling in spellings {
            let variants = [
                spelling.to_owned(),
                spelling.to_uppercase(),
                spelling.to_lowercase(),
                spelling.replace('-', " "),
                format!("  {spelling}\t"),
            ];
            for variant in variants {
                assert_eq!(variant.parse::<T>(), Ok(term), "{variant:?}");
            }
        }
    }
}

#[test]
fn every_spelling_of_every_term_parses() {
    every_spelling_parses::<SpekeVersion>();
    every_spelling_parses::<Mode>();
    every_spelling_parses::<EndpointType>();
    every_spelling_parses::<DrmSystem>();
    every_spelling_parses::<Qualifier>();
}

#[test]
fn words_people_write_parse() {
    assert_eq!("PlayReady".parse(), Ok(Playready));
    assert_eq!("Microsoft PlayReady".parse(), Ok(Playready));
    assert_eq!("wv".parse(), Ok(Widevine));
    assert_eq!("FPS".parse(), Ok(Fairplay));
    assert_eq!("aes_128".parse(), Ok(Aes128));
    assert_eq!("AES-128".parse(), Ok(Aes128));
    assert_eq!("apple_hls".parse(), Ok(AppleHls));
    assert_eq!("cmaf".parse(), Ok(CmafHls));
    assert_eq!("CMAF Apple HLS".parse(), Ok(CmafHls));
    assert_eq!("MPEG-DASH".parse(), Ok(Dash));
    assert_eq!("Smooth Streaming".parse(), Ok(Mss));
    assert_eq!("video on demand".parse(), Ok(Vod));
    assert_eq!("LIVE".parse(), Ok(Live));
    assert_eq!("speke_v2".parse(), Ok(V2));
    assert_eq!("SPEKE v1".parse(), Ok(V1));
    assert_eq!("Key Rotation".parse(), Ok(Qualifier::KeyRotation));
    assert_eq!("rotation".parse(), Ok(Qualifier::KeyRotation));
}

#[test]
fn an_unknown_word_lists_the_ids_and_suggests_the_nearest() {
    let error = "widevin".parse::<DrmSystem>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown DRM system `widevin`; expected one of playready, widevine, fairplay, aes-128 \
         (did you mean `widevine`?)"
    );
    assert_eq!(error.kind(), "DRM system");
    assert_eq!(error.found(), "widevin");
    assert_eq!(
        error.expected(),
        ["playready", "widevine", "fairplay", "aes-128"]
    );
    assert_eq!(error.suggestion(), Some("widevine"));

    // The suggestion is an id even when the nearest spelling is a display name or an alias.
    let error = "Microsoft PlayRedy".parse::<DrmSystem>().unwrap_err();
    assert_eq!(error.suggestion(), Some("playready"));
    let error = "smoth".parse::<EndpointType>().unwrap_err();
    assert_eq!(error.suggestion(), Some("mss"));

    let error = "key-rotaton".parse::<Qualifier>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown qualifier `key-rotaton`; expected one of key-rotation \
         (did you mean `key-rotation`?)"
    );
    let error = "v3".parse::<SpekeVersion>().unwrap_err();
    assert!(error
        .to_string()
        .starts_with("unknown SPEKE version `v3`; expected one of v1, v2"));
}

#[test]
fn a_word_far_from_every_term_gets_no_suggestion() {
    let error = "nagra".parse::<DrmSystem>().unwrap_err();
    assert_eq!(error.suggestion(), None);
    assert_eq!(
        error.to_string(),
        "unknown DRM system `nagra`; expected one of playready, widevine, fairplay, aes-128"
    );
    let error = "".parse::<Mode>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown mode ``; expected one of live, vod"
    );
}

#[test]
fn display_writes_the_reference_name() {
    assert_eq!(Widevine.to_string(), "Google Widevine");
    assert_eq!(Aes128.to_string(), "AES-128");
    assert_eq!(CmafHls.to_string(), "CMAF Apple HLS");
    assert_eq!(Mss.to_string(), "Microsoft Smooth");
    assert_eq!(Vod.to_string(), "VOD");
    assert_eq!(V2.to_string(), "SPEKE v2");
    assert_eq!(Qualifier::KeyRotation.to_string(), "key rotation");
    assert_eq!(
        LIVE_DASH_ROTATING.to_string(),
        "Google Widevine on DASH (live) with SPEKE v1, with key rotation"
    );
    assert_eq!(
        Combination::new(V1, Vod, AppleHls, Aes128).to_string(),
        "AES-128 on Apple HLS (VOD) with SPEKE v1"
    );
}

#[test]
fn ids_rust_ids_and_indices() {
    assert_eq!(AppleHls.id(), "apple-hls");
    assert_eq!(AppleHls.rust_id(), "apple_hls");
    assert_eq!(Aes128.rust_id(), "aes_128");
    assert_eq!(Qualifier::KeyRotation.rust_id(), "key_rotation");
    assert_eq!(
        Mss.aliases(),
        ["smooth", "microsoft-smooth", "smooth-streaming"]
    );
    assert_eq!(<Mode as Term>::KIND, "mode");
    assert_eq!(<EndpointType as Term>::KIND, "endpoint type");
    fn indices_follow_all<T: Term>() {
        for (position, term) in T::ALL.iter().enumerate() {
            assert_eq!(term.index(), position, "{term:?}");
        }
        let mut sorted = T::ALL.to_vec();
        sorted.sort();
        assert_eq!(sorted, T::ALL, "Ord follows the vocabulary order");
    }
    indices_follow_all::<SpekeVersion>();
    indices_follow_all::<Mode>();
    indices_follow_all::<EndpointType>();
    indices_follow_all::<DrmSystem>();
    indices_follow_all::<Qualifier>();
}

#[test]
fn qualifier_set_operations() {
    let rotation = QualifierSet::of(Qualifier::KeyRotation);
    let empty = QualifierSet::EMPTY;
    assert!(empty.is_empty());
    assert_eq!(empty.len(), 0);
    assert_eq!(rotation.len(), 1);
    assert!(rotation.contains(Qualifier::KeyRotation));
    assert!(!empty.contains(Qualifier::KeyRotation));
    assert_eq!(empty.with(Qualifier::KeyRotation), rotation);
    assert_eq!(rotation.without(Qualifier::KeyRotation), empty);
    assert!(empty.is_subset(rotation));
    assert!(rotation.is_subset(rotation));
    assert!(!rotation.is_subset(empty));
    assert_eq!(rotation.union(empty), rotation);
    assert_eq!(rotation.intersection(empty), empty);
    assert_eq!(rotation.difference(empty), rotation);
    assert_eq!(rotation.difference(rotation), empty);
    assert_eq!(QualifierSet::ALL, rotation);
    assert_eq!(QualifierSet::default(), empty);
    assert_eq!(QualifierSet::from(Qualifier::KeyRotation), rotation);
    assert_eq!(rotation.bits(), 1);
    // Bits that stand for no qualifier are dropped.
    assert_eq!(QualifierSet::from_bits(u64::MAX), QualifierSet::ALL);
}

#[test]
fn qualifier_sets_iterate_collect_and_print() {
    let rotation = QualifierSet::of(Qualifier::KeyRotation);
    assert_eq!(
        rotation.iter().collect::<Vec<_>>(),
        [Qualifier::KeyRotation]
    );
    assert_eq!(rotation.iter().len(), 1);
    assert_eq!(QualifierSet::EMPTY.iter().next(), None);
    let mut seen = Vec::new();
    for qualifier in rotation {
        seen.push(qualifier);
    }
    assert_eq!(seen, [Qualifier::KeyRotation]);
    let collected: QualifierSet = [Qualifier::KeyRotation, Qualifier::KeyRotation]
        .into_iter()
        .collect();
    assert_eq!(collected, rotation);
    let mut extended = QualifierSet::EMPTY;
    extended.extend([Qualifier::KeyRotation]);
    assert_eq!(extended, rotation);
    assert_eq!(rotation.to_string(), "key rotation");
    assert_eq!(QualifierSet::EMPTY.to_string(), "");
    assert_eq!(format!("{rotation:?}"), "{KeyRotation}");
}

#[test]
fn a_combination_asks_for_qualifiers() {
    let plain = Combination::new(V1, Live, Dash, Widevine);
    assert!(plain.qualifiers.is_empty());
    assert_eq!(plain.with(Qualifier::KeyRotation), LIVE_DASH_ROTATING);
    assert_eq!(plain.with_qualifiers(QualifierSet::ALL), LIVE_DASH_ROTATING);
    assert_eq!(
        LIVE_DASH_ROTATING.with_qualifiers(QualifierSet::EMPTY),
        plain
    );
    // The cell does not depend on the qualifiers asked for.
    assert_eq!(plain.cell(), LIVE_DASH_ROTATING.cell());
    assert_eq!(plain.check(), Ok(()));
    assert_eq!(LIVE_DASH_ROTATING.check(), Ok(()));
}

#[test]
fn cells_say_what_they_offer() {
    assert_eq!(Cell::NotInGrid.offered(), None);
    assert_eq!(Cell::Unsupported.offered(), None);
    assert!(!Cell::NotInGrid.is_supported());
    assert!(!Cell::Unsupported.is_supported());
    let plain = Cell::Supported(QualifierSet::EMPTY);
    assert!(plain.is_supported());
    assert_eq!(plain.offered(), Some(QualifierSet::EMPTY));
}

#[test]
fn supported_cells_count_and_order() {
    let cells: Vec<_> = supported_cells().collect();
    // 14 check marks in the reference's v1 table and 5 in its v2 table.
    assert_eq!(cells.len(), 19);
    let rotating = cells.iter().filter(|c| !c.offered.is_empty()).count();
    assert_eq!(rotating, 6);

    // Vocabulary order: version, then mode, endpoint type and DRM system.
    for pair in cells.windows(2) {
        assert!(pair[0].combination < pair[1].combination, "{pair:?}");
    }
    let first = cells[0];
    assert_eq!(
        first.combination,
        Combination::new(V1, Live, AppleHls, Fairplay)
    );
    assert_eq!(first.offered, QualifierSet::of(Qualifier::KeyRotation));
    let last = cells[cells.len() - 1];
    assert_eq!(last.combination, Combination::new(V2, Live, Dash, Widevine));
    assert_eq!(last.offered, QualifierSet::EMPTY);

    // Exactly the cells whose combination is supported, each asking for no qualifier.
    let mut brute_force = Vec::new();
    for &version in SpekeVersion::ALL {
        for &mode in Mode::ALL {
            for &endpoint in EndpointType::ALL {
                for &drm in DrmSystem::ALL {
                    let combination = Combination::new(version, mode, endpoint, drm);
                    if combination.is_supported() {
                        brute_force.push(combination);
                    }
                }
            }
        }
    }
    let listed: Vec<Combination> = cells.iter().map(|c| c.combination).collect();
    assert_eq!(listed, brute_force);
    for cell in &cells {
        assert!(cell.combination.qualifiers.is_empty());
        assert!(cell
            .combination
            .with_qualifiers(cell.offered)
            .is_supported());
    }
}

/// The explanation `check()` gives for a combination it refuses.
fn refusal(combination: Combination) -> String {
    let error = combination.check().unwrap_err();
    assert_eq!(error.combination(), combination);
    assert_eq!(error.explanation(), error.to_string());
    error.to_string()
}

#[test]
fn a_drm_system_without_a_column_is_explained() {
    assert_eq!(
        refusal(Combination::new(V2, Live, CmafHls, Aes128)),
        "SPEKE v2 does not support AES-128 on any endpoint type; \
         AES-128 is in the grid of SPEKE v1; \
         CMAF Apple HLS with SPEKE v2 (live) supports Microsoft PlayReady, Google Widevine and \
         Apple FairPlay"
    );
}

#[test]
fn an_endpoint_type_without_a_row_is_explained() {
    assert_eq!(
        refusal(Combination::new(V2, Live, AppleHls, Fairplay)),
        "SPEKE v2 does not support Apple HLS endpoints (live); \
         Apple HLS endpoints (live) are in the grid of SPEKE v1; \
         Apple FairPlay with SPEKE v2 is supported on CMAF Apple HLS (live); \
         SPEKE v1 supports this combination"
    );
}

#[test]
fn a_mode_without_rows_is_explained() {
    assert_eq!(
        refusal(Combination::new(V2, Vod, Dash, Widevine)),
        "SPEKE v2 does not support VOD endpoints; \
         VOD endpoints are in the grid of SPEKE v1; \
         SPEKE v1 supports this combination"
    );
}

#[test]
fn an_unsupported_cell_is_explained() {
    assert_eq!(
        refusal(Combination::new(V1, Live, Dash, Fairplay)),
        "SPEKE v1 does not support Apple FairPlay on DASH (live); \
         Apple FairPlay with SPEKE v1 is supported on Apple HLS and CMAF Apple HLS (live); \
         DASH with SPEKE v1 (live) supports Microsoft PlayReady and Google Widevine"
    );
}

#[test]
fn a_missing_qualifier_is_explained() {
    // Another endpoint type offers it with the same DRM system.
    assert_eq!(
        refusal(Combination::new(V1, Live, Mss, Playready).with(Qualifier::KeyRotation)),
        "SPEKE v1 supports Microsoft PlayReady on Microsoft Smooth (live) but without key \
         rotation; Microsoft PlayReady with SPEKE v1 offers key rotation on DASH (live)"
    );
    // No cell of the version and mode offers it, but the other mode does.
    assert_eq!(
        refusal(Combination::new(V1, Vod, Dash, Widevine).with(Qualifier::KeyRotation)),
        "SPEKE v1 supports Google Widevine on DASH (VOD) but without key rotation; \
         no VOD cell of SPEKE v1 offers key rotation; \
         Google Widevine on DASH offers key rotation with SPEKE v1 (live)"
    );
    // SPEKE v2 offers no key rotation yet; SPEKE v1 does on the same cell.
    assert_eq!(
        refusal(Combination::new(V2, Live, CmafHls, Widevine).with(Qualifier::KeyRotation)),
        "SPEKE v2 supports Google Widevine on CMAF Apple HLS (live) but without key rotation; \
         no live cell of SPEKE v2 offers key rotation; \
         Google Widevine on CMAF Apple HLS offers key rotation with SPEKE v1 (live)"
    );
}

#[test]
fn unsupported_is_an_error() {
    let error: Box<dyn std::error::Error> = Box::new(
        Combination::new(V1, Live, Dash, Fairplay)
            .check()
            .unwrap_err(),
    );
    assert!(error.source().is_none());
    assert!(error.to_string().starts_with("SPEKE v1 does not support"));
    let error: Box<dyn std::error::Error> = Box::new("x".parse::<Mode>().unwrap_err());
    assert!(error.to_string().starts_with("unknown mode `x`"));
}

#[test]
fn matrix_sources_are_the_csv_files() {
    let names: Vec<&str> = speke_matrix::matrix_sources()
        .iter()
        .map(|(name, _)| *name)
        .collect();
    assert_eq!(
        names,
        [
            "drm-systems.csv",
            "endpoints.csv",
            "modes.csv",
            "qualifiers.csv",
            "speke-v1.csv",
            "speke-v2.csv",
            "versions.csv"
        ]
    );
    let (_, v2) = speke_matrix::matrix_sources()
        .iter()
        .find(|(name, _)| *name == "speke-v2.csv")
        .unwrap();
    assert!(v2.starts_with("mode,endpoint,playready,widevine,fairplay"));
}
