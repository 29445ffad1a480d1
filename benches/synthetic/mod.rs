//! A synthetic matrix generator for the benchmarks: a matrix directory's files, as text, with
//! as many SPEKE versions, endpoint types, DRM systems and qualifiers as asked, so that the
//! build helper's cost can be measured from a thousand cells up to a million.
//!
//! The output depends only on the shape: cells are drawn from a fixed hash of their position,
//! not from a random source, so every run measures the same bytes. It lives under `benches/`
//! because only the benchmarks and their tests need it; library users never compile it.

use speke_matrix_build::SourceFile;

/// How many terms of each kind the matrix defines. Its cells are the product of the first
/// four counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    pub versions: usize,
    pub modes: usize,
    pub endpoints: usize,
    pub drm_systems: usize,
    pub qualifiers: usize,
}

impl Shape {
    /// The shapes the scaling benchmark compiles: 10^3, 10^4, 10^5 and 10^6 cells, each with
    /// more versions, endpoint types and DRM systems than the last, and six qualifiers.
    pub const SCALES: [Shape; 4] = [
        Shape::new(2, 2, 10, 25),
        Shape::new(4, 2, 25, 50),
        Shape::new(10, 2, 50, 100),
        Shape::new(20, 2, 125, 200),
    ];

    pub const fn new(versions: usize, modes: usize, endpoints: usize, drm_systems: usize) -> Self {
        Shape {
            versions,
            modes,
            endpoints,
            drm_systems,
            qualifiers: 6,
        }
    }

    /// The number of cells of the dense table: one per version, mode, endpoint type and DRM
    /// system, whether or not a grid has it.
    pub const fn cells(&self) -> usize {
        self.versions * self.modes * self.endpoints * self.drm_systems
    }
}

/// The files of a matrix directory of this shape, sorted by name as the build script reads
/// them, with paths under `matrix/`.
pub fn files(shape: &Shape) -> Vec<SourceFile> {
    let mut files = vec![
        SourceFile::new("matrix/drm-systems.csv", drm_systems(shape)),
        SourceFile::new("matrix/endpoints.csv", endpoints(shape)),
        SourceFile::new("matrix/modes.csv", modes(shape)),
        SourceFile::new("matrix/qualifiers.csv", qualifiers(shape)),
    ];
    for version in 0..shape.versions {
        let path = format!("matrix/speke-{}.csv", version_id(version));
        files.push(SourceFile::new(path, grid(shape, version)));
    }
    files.push(SourceFile::new("matrix/versions.csv", versions(shape)));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn version_id(version: usize) -> String {
    format!("v{}", version + 1)
}

/// The first two modes are AWS's; more are invented, for shapes that ask for them.
fn mode_id(mode: usize) -> String {
    match mode {
        0 => "live".to_owned(),
        1 => "vod".to_owned(),
        _ => format!("mode-{}", mode + 1),
    }
}

fn versions(shape: &Shape) -> String {
    let mut text = String::from("id,name,aliases,cpix-version,keys,source,as-of\n");
    for version in 0..shape.versions {
        let id = version_id(version);
        let keys = if version % 2 == 0 { "one" } else { "several" };
        text.push_str(&format!(
            "{id},SPEKE {id},speke-{id},2.{},{keys},https://example.invalid/{id},2026-12-03\n",
            version % 4
        ));
    }
    text
}

fn modes(shape: &Shape) -> String {
    let mut text = String::from("id,name,aliases\n");
    for mode in 0..shape.modes {
        let id = mode_id(mode);
        text.push_str(&format!("{id},Mode {},{id}-mode\n", mode + 1));
    }
    text
}

fn endpoints(shape: &Shape) -> String {
    let mut text = String::from("id,name,aliases\n");
    for endpoint in 1..=shape.endpoints {
        text.push_str(&format!(
            "endpoint-{endpoint},Endpoint {endpoint},ep{endpoint} | packager-{endpoint}\n"
        ));
    }
    text
}

fn drm_systems(shape: &Shape) -> String {
    let mut text = String::from("id,name,aliases,system-id\n");
    for drm in 1..=shape.drm_systems {
        text.push_str(&format!(
            "drm-{drm},DRM System {drm},d{drm},{drm:08x}-0000-4000-8000-{drm:012x}\n"
        ));
    }
    text
}

/// Half the qualifiers form a group of alternatives, as encryption schemes do.
fn qualifiers(shape: &Shape) -> String {
    let mut text = String::from("id,name,aliases,group,phrase\n");
    for qualifier in 1..=shape.qualifiers {
        let group = if qualifier % 2 == 0 { "scheme" } else { "" };
        text.push_str(&format!(
            "qualifier-{qualifier},qualifier {qualifier},q{qualifier},{group},\
             with qualifier {qualifier}\n"
        ));
    }
    text
}

/// A version's grid. Some rows and columns are left out, so that the table has cells that no
/// grid has; rows name their endpoint type by id or by alias in turn, and cells are `no`,
/// `yes`, or `yes` with one to three qualifiers, so that every path of the cell reader runs.
fn grid(shape: &Shape, version: usize) -> String {
    let columns: Vec<usize> = (1..=shape.drm_systems)
        .filter(|drm| (version + drm) % 13 != 0)
        .collect();
    let mut text = String::from("mode,endpoint");
    for drm in &columns {
        text.push_str(&format!(",drm-{drm}"));
    }
    text.push('\n');
    for mode in 0..shape.modes {
        for endpoint in 1..=shape.endpoints {
            if (version + mode + endpoint) % 11 == 0 {
                continue;
            }
            let endpoint_word = if endpoint % 2 == 0 {
                format!("endpoint-{endpoint}")
            } else {
                format!("ep{endpoint}")
            };
            text.push_str(&format!("{},{endpoint_word}", mode_id(mode)));
            for &drm in &columns {
                text.push(',');
                let draw = mix([version, mode, endpoint, drm]);
                cell(&mut text, draw, shape.qualifiers);
            }
            text.push('\n');
        }
    }
    text
}

/// Writes a cell from a draw: 40% `no`, 30% plain `yes`, 30% `yes` with qualifiers.
fn cell(text: &mut String, draw: u64, qualifiers: usize) {
    match draw % 10 {
        0..=3 => text.push_str("no"),
        4..=6 => text.push_str("yes"),
        _ => {
            text.push_str("yes");
            let count = 1 + (draw >> 8) as usize % 3;
            let first = 1 + (draw >> 16) as usize % qualifiers;
            for offset in 0..count.min(qualifiers) {
                let qualifier = 1 + (first - 1 + offset * 2) % qualifiers;
                text.push_str(&format!(" + qualifier-{qualifier}"));
            }
        }
    }
}

/// A fixed hash of a cell's position (SplitMix64's finaliser over the four indices), so that
/// neighbouring cells differ and the same shape always gets the same cells.
fn mix(indices: [usize; 4]) -> u64 {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    for index in indices {
        state ^= index as u64;
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        state = (state ^ (state >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        state = (state ^ (state >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        state ^= state >> 31;
    }
    state
}
