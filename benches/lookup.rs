//! What a query of the matrix costs at run time: the generated `const fn` lookup
//! (`Combination::cell`, `Combination::is_supported`) against a `HashMap` keyed by the same
//! combination, and against a linear scan of the parsed model (`speke_matrix_build::Matrix`),
//! which is what code that read the CSV files at run time would search; and iterating every
//! supported cell.
//!
//! Run with `cargo bench --bench lookup`. Every input passes through `black_box`, so the
//! compiler cannot fold a `const fn` call on a known combination into its answer; the target
//! (at most 2 ns a query, at least 10 times faster than the `HashMap`) is read from the output
//! in BENCHMARKS.md, never checked by a test.

use std::collections::HashMap;

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use speke_matrix::{
    supported_cells, Cell, Combination, DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion,
};
use speke_matrix_build::{compile, Matrix, SourceFile};

fn main() {
    divan::main();
}

/// Every combination of the matrix, asking for key rotation so that `is_supported` has a
/// qualifier set to compare; in vocabulary order.
fn all_combinations() -> Vec<Combination> {
    let mut all = Vec::new();
    for &version in SpekeVersion::ALL {
        for &mode in Mode::ALL {
            for &endpoint in EndpointType::ALL {
                for &drm in DrmSystem::ALL {
                    all.push(
                        Combination::new(version, mode, endpoint, drm).with(Qualifier::KeyRotation),
                    );
                }
            }
        }
    }
    all
}

/// A combination that the matrix supports with key rotation, for the one-query benchmarks.
fn one_combination() -> Combination {
    Combination::new(
        SpekeVersion::V1,
        Mode::Live,
        EndpointType::Dash,
        DrmSystem::Widevine,
    )
    .with(Qualifier::KeyRotation)
}

/// The cells in a `HashMap` keyed by combination (without qualifiers), with the standard
/// library's default hasher, as code that built its table at run time would hold them.
fn hash_map() -> HashMap<Combination, Cell> {
    all_combinations()
        .into_iter()
        .map(|c| {
            let key = c.with_qualifiers(Default::default());
            (key, key.cell())
        })
        .collect()
}

/// The parsed model of the very files the library's tables were generated from.
fn model() -> Matrix {
    let files: Vec<SourceFile> = speke_matrix::matrix_sources()
        .iter()
        .map(|(name, text)| SourceFile::new(format!("matrix/{name}"), text.as_bytes()))
        .collect();
    compile("matrix", &files)
        .expect("the library's matrix compiles")
        .matrix
}

/// Finds a combination's cell by walking the model's cells in order and comparing each
/// one's terms, by id, with the combination's.
fn scan(model: &Matrix, combination: &Combination) -> Option<speke_matrix_build::Cell> {
    let (modes, endpoints, drms) = (
        model.modes.len(),
        model.endpoints.len(),
        model.drm_systems.len(),
    );
    model.cells().iter().enumerate().find_map(|(index, &cell)| {
        let drm = index % drms;
        let endpoint = index / drms % endpoints;
        let mode = index / drms / endpoints % modes;
        let version = index / drms / endpoints / modes;
        let same = model.versions[version].term.id == combination.version.id()
            && model.modes[mode].id == combination.mode.id()
            && model.endpoints[endpoint].id == combination.endpoint.id()
            && model.drm_systems[drm].term.id == combination.drm.id();
        same.then_some(cell)
    })
}

/// The harness's own cost a query: passing the combination through `black_box` and
/// reading one field, with no lookup. The other one-query figures include it.
#[divan::bench]
fn one_query_floor(bencher: Bencher) {
    let combination = one_combination();
    bencher.bench_local(|| black_box(black_box(&combination).drm));
}

#[divan::bench]
fn one_query_const_fn_cell(bencher: Bencher) {
    let combination = one_combination();
    bencher.bench_local(|| black_box(black_box(&combination).cell()));
}

#[divan::bench]
fn one_query_const_fn_is_supported(bencher: Bencher) {
    let combination = one_combination();
    bencher.bench_local(|| black_box(black_box(&combination).is_supported()));
}

#[divan::bench]
fn one_query_hash_map(bencher: Bencher) {
    let map = hash_map();
    let combination = one_combination();
    bencher.bench_local(|| {
        let combination = black_box(&combination);
        let key = combination.with_qualifiers(Default::default());
        black_box(map.get(&key).copied())
    });
}

#[divan::bench]
fn one_query_model_scan(bencher: Bencher) {
    let model = model();
    let combination = one_combination();
    bencher.bench_local(|| black_box(scan(&model, black_box(&combination))));
}

/// Each of the following asks every combination of the matrix once an iteration, so that the
/// answers vary as they do in real use; divan's items a second give the time a query.
#[divan::bench]
fn every_combination_const_fn_is_supported(bencher: Bencher) {
    let all = all_combinations();
    bencher.counter(ItemsCount::new(all.len())).bench_local(|| {
        for combination in black_box(all.as_slice()) {
            black_box(combination.is_supported());
        }
    });
}

#[divan::bench]
fn every_combination_hash_map_is_supported(bencher: Bencher) {
    let all = all_combinations();
    let map = hash_map();
    bencher.counter(ItemsCount::new(all.len())).bench_local(|| {
        for combination in black_box(all.as_slice()) {
            let key = combination.with_qualifiers(Default::default());
            let supported = match map.get(&key) {
                Some(Cell::Supported(offered)) => combination.qualifiers.is_subset(*offered),
                _ => false,
            };
            black_box(supported);
        }
    });
}

#[divan::bench]
fn every_combination_model_scan(bencher: Bencher) {
    let all = all_combinations();
    let model = model();
    bencher.counter(ItemsCount::new(all.len())).bench_local(|| {
        for combination in black_box(all.as_slice()) {
            black_box(scan(&model, combination));
        }
    });
}

#[divan::bench]
fn iterate_supported_cells(bencher: Bencher) {
    let count = supported_cells().count();
    bencher
        .counter(ItemsCount::new(count))
        .bench_local(|| supported_cells().for_each(|cell| _ = black_box(cell)));
}
