//! The decision that `speke_supported!` makes, proven equal to the runtime lookup over every
//! combination of the library's matrix and every set of qualifiers: the macro refuses exactly
//! what `Combination::is_supported` refuses, and words the refusal as `Combination::check`
//! does.

use speke_matrix::{
    Combination, DrmSystem, EndpointType, Mode, Qualifier, QualifierSet, SpekeVersion, Term,
};
use speke_matrix_build::decide::{decide, Target};
use speke_matrix_build::{compile, SourceFile};

#[test]
fn the_macro_decides_as_the_runtime_lookup() {
    let files: Vec<SourceFile> = speke_matrix::matrix_sources()
        .iter()
        .map(|&(name, text)| SourceFile::new(name, text))
        .collect();
    let matrix = compile("matrix", &files).unwrap().matrix;

    let mut checked = 0;
    for &version in SpekeVersion::ALL {
        for &mode in Mode::ALL {
            for &endpoint in EndpointType::ALL {
                for &drm in DrmSystem::ALL {
                    for bits in 0..1u64 << Qualifier::ALL.len() {
                        let qualifiers = QualifierSet::from_iter(
                            Qualifier::ALL
                                .iter()
                                .copied()
                                .filter(|q| bits & 1 << q.index() != 0),
                        );
                        let combination = Combination::new(version, mode, endpoint, drm)
                            .with_qualifiers(qualifiers);
                        let mut words = vec![
                            version.rust_id(),
                            mode.rust_id(),
                            endpoint.rust_id(),
                            drm.rust_id(),
                        ];
                        words.extend(qualifiers.iter().map(Term::rust_id));
                        let words: Vec<Option<&str>> = words.into_iter().map(Some).collect();

                        match (decide(&matrix, &words), combination.check()) {
                            (Ok(query), Ok(())) => {
                                assert_eq!(
                                    (query.version, query.mode, query.endpoint, query.drm),
                                    (version.index(), mode.index(), endpoint.index(), drm.index())
                                );
                                assert_eq!(query.qualifiers, qualifiers.bits());
                            }
                            (Err(refused), Err(unsupported)) => {
                                assert_eq!(refused.refusals.len(), 1, "{combination}");
                                assert_eq!(refused.refusals[0].target, Target::Call);
                                assert_eq!(refused.refusals[0].message, unsupported.to_string());
                            }
                            (decided, checked) => panic!(
                                "{combination}: the macro decides {decided:?}, \
                                 the runtime {checked:?}"
                            ),
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    let cells =
        SpekeVersion::ALL.len() * Mode::ALL.len() * EndpointType::ALL.len() * DrmSystem::ALL.len();
    assert_eq!(checked, cells << Qualifier::ALL.len());
}
