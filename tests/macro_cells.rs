//! Every call that the macro's fast path accepts, listed from the matrix by the build script,
//! compiles through `speke_supported!` twice: as listed, and in upper case with the qualifiers
//! reversed, which only the proc macro accepts. Both must equal the combination that the
//! runtime API builds from the same words.

use speke_matrix::{
    speke_supported, supported_cells, Combination, DrmSystem, EndpointType, Mode, Qualifier,
    QualifierSet, SpekeVersion,
};

/// A call as the build script lists it: the fast path's value, the proc macro's value, and
/// the words.
type Case = (Combination, Combination, &'static [&'static str]);

macro_rules! each_accepted_call {
    ($( ($($word:ident),*) => ($($shouted:ident),*), )*) => {
        &[$((
            speke_supported!($($word),*),
            speke_supported!($($shouted),*),
            &[$(stringify!($word)),*],
        )),*]
    };
}

/// Evaluated at compile time: the macro's expansion is a const expression.
const CASES: &[Case] = include!(concat!(env!("OUT_DIR"), "/macro_cases.rs"));

/// The combination the runtime API makes of a call's words.
fn parsed(words: &[&str]) -> Combination {
    let combination = Combination::new(
        words[0].parse::<SpekeVersion>().unwrap(),
        words[1].parse::<Mode>().unwrap(),
        words[2].parse::<EndpointType>().unwrap(),
        words[3].parse::<DrmSystem>().unwrap(),
    );
    let qualifiers: QualifierSet = words[4..]
        .iter()
        .map(|w| w.parse::<Qualifier>().unwrap())
        .collect();
    combination.with_qualifiers(qualifiers)
}

#[test]
fn every_accepted_call_expands_to_the_runtime_combination() {
    for &(fast, slow, words) in CASES {
        let expected = parsed(words);
        assert_eq!(fast, expected, "{words:?} through the fast path");
        assert_eq!(slow, expected, "{words:?} through the proc macro");
        assert!(fast.is_supported(), "{words:?}");
    }
}

/// The list covers every supported cell with every subset of up to three offered qualifiers
/// that holds at most one qualifier of each group of alternatives, so no supported cell is left
/// out of the test above.
#[test]
fn the_calls_cover_every_supported_cell() {
    let mut expected: Vec<Combination> = Vec::new();
    for cell in supported_cells() {
        let offered: Vec<Qualifier> = cell.offered.iter().collect();
        for bits in 0..1u64 << offered.len() {
            let asked: QualifierSet = (0..offered.len())
                .filter(|i| bits & 1 << i != 0)
                .map(|i| offered[i])
                .collect();
            let groups: Vec<&str> = asked.iter().filter_map(Qualifier::group).collect();
            let one_of_each_group = groups
                .iter()
                .enumerate()
                .all(|(i, group)| !groups[..i].contains(group));
            if asked.len() <= 3 && one_of_each_group {
                expected.push(cell.combination.with_qualifiers(asked));
            }
        }
    }
    let mut listed: Vec<Combination> = CASES.iter().map(|&(fast, _, _)| fast).collect();
    expected.sort();
    listed.sort();
    assert!(!listed.is_empty());
    assert_eq!(listed, expected);
}
