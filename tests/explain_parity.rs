//! The runtime library and the build helper must explain every refusal in the same words, since
//! the macro and the CLI use the build helper's model while `Combination::check()` uses the
//! generated tables. This test compiles the embedded matrix sources again with
//! `speke-matrix-build` and compares the two for every combination and qualifier subset.

use speke_matrix::{Combination, DrmSystem, EndpointType, Mode, Qualifier, SpekeVersion, Term};
use speke_matrix_build::{Matrix, Query, SourceFile, TermKind};

/// The model the build helper makes of the very files the library's tables came from.
fn model() -> Matrix {
    let files: Vec<SourceFile> = speke_matrix::matrix_sources()
        .iter()
        .map(|(name, text)| SourceFile::new(format!("matrix/{name}"), text.as_bytes()))
        .collect();
    match speke_matrix_build::compile("matrix", &files) {
        Ok(compiled) => compiled.matrix,
        Err(diagnostics) => panic!("the embedded sources do not compile: {diagnostics:?}"),
    }
}

/// Checks that the model's terms of a kind are the library's, in the same order, so that an
/// index means the same term on both sides.
fn same_terms<T: Term>(model: &Matrix, kind: TermKind) {
    let model_ids: Vec<&str> = model.terms(kind).iter().map(|t| t.id.as_str()).collect();
    let library_ids: Vec<&str> = T::ALL.iter().map(|t| t.id()).collect();
    assert_eq!(model_ids, library_ids, "{kind:?}");
}

/// The qualifier subsets to try: all of them while there are few qualifiers, otherwise every
/// single qualifier and every pair, since 2^n subsets of a large vocabulary would make the
/// test slow without reaching new clauses of the explanation (it treats the missing
/// qualifiers as one set, whatever their number).
fn qualifier_subsets() -> Vec<u64> {
    let count = Qualifier::ALL.len();
    if count <= 6 {
        return (0..1u64 << count).collect();
    }
    let mut subsets = vec![0];
    for i in 0..count {
        subsets.push(1 << i);
        for j in i + 1..count {
            subsets.push(1 << i | 1 << j);
        }
    }
    subsets
}

#[test]
fn the_model_has_the_library_vocabulary() {
    let model = model();
    same_terms::<SpekeVersion>(&model, TermKind::Version);
    same_terms::<Mode>(&model, TermKind::Mode);
    same_terms::<EndpointType>(&model, TermKind::Endpoint);
    same_terms::<DrmSystem>(&model, TermKind::DrmSystem);
    same_terms::<Qualifier>(&model, TermKind::Qualifier);
}

#[test]
fn every_explanation_is_the_build_helpers() {
    let model = model();
    let subsets = qualifier_subsets();
    let mut refused = 0;
    for &version in SpekeVersion::ALL {
        for &mode in Mode::ALL {
            for &endpoint in EndpointType::ALL {
                for &drm in DrmSystem::ALL {
                    for &bits in &subsets {
                        let qualifiers = Qualifier::ALL
                            .iter()
                            .copied()
                            .filter(|q| bits & 1 << q.index() != 0)
                            .collect();
                        let combination = Combination::new(version, mode, endpoint, drm)
                            .with_qualifiers(qualifiers);
                        let query = Query {
                            version: version.index(),
                            mode: mode.index(),
                            endpoint: endpoint.index(),
                            drm: drm.index(),
                            qualifiers: bits,
                        };
                        let from_model = speke_matrix_build::explain(&model, &query);
                        let from_library = combination.check().err().map(|e| e.to_string());
                        assert_eq!(from_library, from_model, "{combination:?}");
                        assert_eq!(
                            combination.is_supported(),
                            speke_matrix_build::is_supported(&model, &query),
                            "{combination:?}"
                        );
                        refused += usize::from(from_model.is_some());
                    }
                }
            }
        }
    }
    // Guards against a loop that compared nothing: the reference refuses most combinations.
    assert!(refused > 0);
}

#[test]
fn every_cell_is_the_build_helpers() {
    let model = model();
    for &version in SpekeVersion::ALL {
        for &mode in Mode::ALL {
            for &endpoint in EndpointType::ALL {
                for &drm in DrmSystem::ALL {
                    let library = Combination::new(version, mode, endpoint, drm).cell();
                    let built =
                        model.cell(version.index(), mode.index(), endpoint.index(), drm.index());
                    let library = match library {
                        speke_matrix::Cell::NotInGrid => speke_matrix_build::Cell::NotInGrid,
                        speke_matrix::Cell::Unsupported => speke_matrix_build::Cell::Unsupported,
                        speke_matrix::Cell::Supported(offered) => {
                            speke_matrix_build::Cell::Supported(offered.bits())
                        }
                    };
                    assert_eq!(library, built, "{version:?} {mode:?} {endpoint:?} {drm:?}");
                }
            }
        }
    }
}
