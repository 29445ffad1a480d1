//! The generated tables against the reference, AWS's page "Choosing the right SPEKE version"
//! (kept in the project as `shared/reference/choosing-speke-version.md`), cell for cell.
//!
//! The expected grids below are transcribed by hand from that page, laid out as it lays them
//! out, and are not computed from the matrix files or the code under test: if a CSV cell, a
//! display name or the table compiler drifts from the reference, a test here fails. When AWS
//! changes the page, change this file and the CSV files together.

use speke_matrix::{
    Cell, Combination, DrmSystem, EndpointType, Keys, Mode, Qualifier, QualifierSet, SpekeVersion,
};

/// A cell as the reference prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Printed {
    /// An empty cell.
    Blank,
    /// `√`.
    Check,
    /// `√ with key rotation`.
    CheckWithKeyRotation,
}

const __: Printed = Printed::Blank;
const YES: Printed = Printed::Check;
const ROT: Printed = Printed::CheckWithKeyRotation;

/// A row of a table: the endpoint type, and a cell per column.
type Row = (&'static str, &'static [Printed]);

/// One of the reference's tables: its title, its DRM system columns, and its rows grouped
/// under the mode headings "Live" and "VOD".
struct Table {
    version: &'static str,
    columns: &'static [&'static str],
    sections: &'static [(&'static str, &'static [Row])],
}

/// "SPEKE v1 – Support matrix for protocol and DRM system".
const SPEKE_V1: Table = Table {
    version: "SPEKE v1",
    columns: &[
        "Microsoft PlayReady",
        "Google Widevine",
        "Apple FairPlay",
        "AES-128",
    ],
    sections: &[
        (
            "Live",
            &[
                ("Apple HLS", &[__, __, ROT, ROT]),
                ("CMAF Apple HLS", &[__, ROT, ROT, __]),
                ("DASH", &[ROT, ROT, __, __]),
                ("Microsoft Smooth", &[YES, __, __, __]),
            ],
        ),
        (
            "VOD",
            &[
                ("Apple HLS", &[__, __, YES, YES]),
                ("CMAF Apple HLS", &[__, YES, YES, __]),
                ("DASH", &[YES, YES, __, __]),
                ("Microsoft Smooth", &[YES, __, __, __]),
            ],
        ),
    ],
};

/// "SPEKE v2 – Support matrix for protocol and DRM system": no AES-128 column, and only the
/// live CMAF and DASH rows.
const SPEKE_V2: Table = Table {
    version: "SPEKE v2",
    columns: &["Microsoft PlayReady", "Google Widevine", "Apple FairPlay"],
    sections: &[(
        "Live",
        &[
            ("CMAF Apple HLS", &[YES, YES, YES]),
            ("DASH", &[YES, YES, __]),
        ],
    )],
};

const TABLES: [&Table; 2] = [&SPEKE_V1, &SPEKE_V2];

/// What the reference says of a combination: `None` where its table has no such row or column.
fn printed(
    version: SpekeVersion,
    mode: Mode,
    endpoint: EndpointType,
    drm: DrmSystem,
) -> Option<Printed> {
    let table = TABLES.iter().find(|t| t.version == version.name())?;
    let column = table.columns.iter().position(|&c| c == drm.name())?;
    let (_, rows) = table.sections.iter().find(|(m, _)| *m == mode.name())?;
    let (_, cells) = rows.iter().find(|(e, _)| *e == endpoint.name())?;
    Some(cells[column])
}

/// The cell the library should have where the reference prints `printed`.
fn expected_cell(printed: Option<Printed>) -> Cell {
    match printed {
        None => Cell::NotInGrid,
        Some(Printed::Blank) => Cell::Unsupported,
        Some(Printed::Check) => Cell::Supported(QualifierSet::EMPTY),
        Some(Printed::CheckWithKeyRotation) => {
            Cell::Supported(QualifierSet::of(Qualifier::KeyRotation))
        }
    }
}

#[test]
fn the_transcription_is_well_formed() {
    // Guards the hand-written tables themselves, so that a row with a missing cell cannot make
    // the comparison below look at the wrong column.
    for table in TABLES {
        for (_, rows) in table.sections {
            for (endpoint, cells) in *rows {
                assert_eq!(cells.len(), table.columns.len(), "{endpoint}");
            }
        }
    }
    let supported = |table: &Table, wanted: Printed| -> usize {
        let cells = table.sections.iter().flat_map(|(_, rows)| rows.iter());
        cells
            .flat_map(|(_, cells)| cells.iter())
            .filter(|&&cell| cell == wanted)
            .count()
    };
    // Counted on the reference page: 14 check marks in the v1 table, 6 of them with key
    // rotation; 5 in the v2 table, none with key rotation.
    assert_eq!(supported(&SPEKE_V1, YES) + supported(&SPEKE_V1, ROT), 14);
    assert_eq!(supported(&SPEKE_V1, ROT), 6);
    assert_eq!(supported(&SPEKE_V2, YES), 5);
    assert_eq!(supported(&SPEKE_V2, ROT), 0);
}

#[test]
fn every_name_in_the_reference_is_a_term_of_the_library() {
    // Without this, a misspelled name in the transcription would read as "not in the grid"
    // and the comparison would pass for the wrong reason.
    for table in TABLES {
        assert!(
            SpekeVersion::ALL.iter().any(|v| v.name() == table.version),
            "{}",
            table.version
        );
        for column in table.columns {
            assert!(
                DrmSystem::ALL.iter().any(|d| d.name() == *column),
                "{column}"
            );
        }
        for (mode, rows) in table.sections {
            assert!(Mode::ALL.iter().any(|m| m.name() == *mode), "{mode}");
            for (endpoint, _) in *rows {
                assert!(
                    EndpointType::ALL.iter().any(|e| e.name() == *endpoint),
                    "{endpoint}"
                );
            }
        }
    }
}

#[test]
fn every_cell_equals_the_reference() {
    let mut differences = Vec::new();
    let mut compared = 0;
    for &version in SpekeVersion::ALL {
        for &mode in Mode::ALL {
            for &endpoint in EndpointType::ALL {
                for &drm in DrmSystem::ALL {
                    let expected = expected_cell(printed(version, mode, endpoint, drm));
                    let found = Combination::new(version, mode, endpoint, drm).cell();
                    if found != expected {
                        differences.push(format!(
                            "{drm} on {endpoint} ({mode}) with {version}: \
                             expected {expected:?}, found {found:?}"
                        ));
                    }
                    compared += 1;
                }
            }
        }
    }
    assert!(
        differences.is_empty(),
        "the tables differ from the reference:\n{}",
        differences.join("\n")
    );
    assert_eq!(compared, 2 * 2 * 4 * 4);
}

#[test]
fn speke_v2_has_no_aes_128_column_and_no_hls_smooth_or_vod_rows() {
    use DrmSystem::*;
    use EndpointType::*;
    let v2 = |mode, endpoint, drm| Combination::new(SpekeVersion::V2, mode, endpoint, drm).cell();
    for endpoint in [AppleHls, CmafHls, Dash, Mss] {
        for mode in [Mode::Live, Mode::Vod] {
            assert_eq!(v2(mode, endpoint, Aes128), Cell::NotInGrid);
        }
    }
    for drm in [Playready, Widevine, Fairplay, Aes128] {
        assert_eq!(v2(Mode::Live, AppleHls, drm), Cell::NotInGrid);
        assert_eq!(v2(Mode::Live, Mss, drm), Cell::NotInGrid);
        for endpoint in [AppleHls, CmafHls, Dash, Mss] {
            assert_eq!(v2(Mode::Vod, endpoint, drm), Cell::NotInGrid);
        }
    }
    // The one blank cell of the v2 table is a cell of the grid, unlike the rows above.
    assert_eq!(v2(Mode::Live, Dash, Fairplay), Cell::Unsupported);
}

#[test]
fn key_rotation_is_offered_only_where_the_reference_prints_it() {
    let rotating = Combination::new(
        SpekeVersion::V1,
        Mode::Live,
        EndpointType::AppleHls,
        DrmSystem::Aes128,
    )
    .with(Qualifier::KeyRotation);
    assert!(rotating.is_supported());
    let vod = Combination {
        mode: Mode::Vod,
        ..rotating
    };
    assert!(!vod.is_supported());
    assert!(vod.with_qualifiers(QualifierSet::EMPTY).is_supported());
    let v2 = Combination::new(
        SpekeVersion::V2,
        Mode::Live,
        EndpointType::Dash,
        DrmSystem::Playready,
    );
    assert!(v2.is_supported());
    assert!(!v2.with(Qualifier::KeyRotation).is_supported());
}

#[test]
fn display_names_are_the_reference_words() {
    let names = |all: &[&'static str]| all.to_vec();
    assert_eq!(
        SpekeVersion::ALL
            .iter()
            .map(|v| v.name())
            .collect::<Vec<_>>(),
        names(&["SPEKE v1", "SPEKE v2"])
    );
    assert_eq!(
        Mode::ALL.iter().map(|m| m.name()).collect::<Vec<_>>(),
        names(&["Live", "VOD"])
    );
    assert_eq!(
        EndpointType::ALL
            .iter()
            .map(|e| e.name())
            .collect::<Vec<_>>(),
        names(&["Apple HLS", "CMAF Apple HLS", "DASH", "Microsoft Smooth"])
    );
    assert_eq!(
        DrmSystem::ALL.iter().map(|d| d.name()).collect::<Vec<_>>(),
        names(&[
            "Microsoft PlayReady",
            "Google Widevine",
            "Apple FairPlay",
            "AES-128"
        ])
    );
    // The reference prints the qualifier as "with key rotation" after a check mark.
    assert_eq!(
        Qualifier::ALL.iter().map(|q| q.name()).collect::<Vec<_>>(),
        names(&["key rotation"])
    );
    assert_eq!(Qualifier::KeyRotation.phrase(), "with key rotation");
    assert_eq!(Qualifier::KeyRotation.group(), None);
}

#[test]
fn ids_are_the_ones_the_issue_fixes() {
    let ids = |all: &[&'static str]| all.to_vec();
    assert_eq!(
        SpekeVersion::ALL.iter().map(|v| v.id()).collect::<Vec<_>>(),
        ids(&["v1", "v2"])
    );
    assert_eq!(
        Mode::ALL.iter().map(|m| m.id()).collect::<Vec<_>>(),
        ids(&["live", "vod"])
    );
    assert_eq!(
        EndpointType::ALL.iter().map(|e| e.id()).collect::<Vec<_>>(),
        ids(&["apple-hls", "cmaf-hls", "dash", "mss"])
    );
    assert_eq!(
        DrmSystem::ALL.iter().map(|d| d.id()).collect::<Vec<_>>(),
        ids(&["playready", "widevine", "fairplay", "aes-128"])
    );
    assert_eq!(
        Qualifier::ALL.iter().map(|q| q.id()).collect::<Vec<_>>(),
        ids(&["key-rotation"])
    );
}

#[test]
fn drm_system_ids_are_the_dash_if_ones() {
    // From the DASH-IF registry, as SPEKE requests name them.
    assert_eq!(
        DrmSystem::Playready.system_id(),
        "9a04f079-9840-4286-ab92-e65be0885f95"
    );
    assert_eq!(
        DrmSystem::Widevine.system_id(),
        "edef8ba9-79d6-4ace-a3c8-27dcd51d21ed"
    );
    assert_eq!(
        DrmSystem::Fairplay.system_id(),
        "94ce86fb-07ff-4f43-adb8-93d2fa968ca2"
    );
    // AES-128 appears only in the SPEKE v1 table, and SPEKE v1's examples name HLS AES-128 by
    // this ID (which AWS calls implementation specific rather than registered); the ClearKey ID
    // `3ea8778f-…` belongs to the newer MediaPackage v2 API, which this table does not cover.
    assert_eq!(
        DrmSystem::Aes128.system_id(),
        "81376844-f976-481e-a84e-cc25d39b0b33"
    );
}

#[test]
fn per_version_facts_are_the_reference_ones() {
    // The page's opening paragraph: SPEKE v1 uses one key for every track and CPIX 2.0;
    // SPEKE v2 uses several distinct keys and CPIX 2.3.
    assert_eq!(SpekeVersion::V1.cpix_version(), "2.0");
    assert_eq!(SpekeVersion::V1.keys(), Keys::One);
    assert_eq!(SpekeVersion::V2.cpix_version(), "2.3");
    assert_eq!(SpekeVersion::V2.keys(), Keys::Several);
    for &version in SpekeVersion::ALL {
        assert_eq!(
            version.source(),
            concat!(
                "https://docs.aws.amazon.com/mediapackage/latest/ug/",
                "encryption-choosing-speke-version.html"
            )
        );
    }
}
