//! What a `speke_supported!` call names, decided from its words alone: the combination, or
//! every reason to refuse the call. The proc macro is a thin shell around this function, so
//! the decision is tested here, without a compiler, on the same model the library's tables are
//! rendered from.

use crate::ident;
use crate::model::{Matrix, TermKind};
use crate::portable::explain::{explain, Query};
use crate::portable::spelling;

/// The shape of a call, as usage messages show it.
pub const USAGE: &str = "speke_supported!(VERSION, MODE, ENDPOINT, DRM [, QUALIFIER]...)";

/// The kinds of the words every call starts with, in order; qualifiers follow.
pub const REQUIRED: [TermKind; 4] = [
    TermKind::Version,
    TermKind::Mode,
    TermKind::Endpoint,
    TermKind::DrmSystem,
];

/// What a refusal points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// The word at this position of the call.
    Word(usize),
    /// The call's arguments as a whole.
    Call,
}

/// One reason to refuse a call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub target: Target,
    pub message: String,
}

/// Every reason to refuse a call, and a combination to stand in for it, so that the caller
/// can still expand to a well-typed value: the words that were understood, the first term of
/// each kind for the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub refusals: Vec<Refusal>,
    pub placeholder: Query,
}

/// A usage message: what is wrong, then the expected shape of a call.
pub fn usage(problem: &str) -> String {
    format!("{problem}; usage: {USAGE}")
}

/// Decides a call from its words, in the order written. A word is `None` where the caller has
/// already refused the argument (a literal where an identifier belongs): it is neither
/// reported again nor guessed at, and the call is refused, with no refusal of its own if
/// nothing else is wrong.
///
/// A call is accepted when its four required words name a SPEKE version, a mode, an endpoint
/// type and a DRM system, every further word names a distinct qualifier, and the matrix
/// supports the combination with those qualifiers. Otherwise every problem is reported: each
/// unknown or misplaced word, each duplicated qualifier, and, when every word was understood,
/// why the matrix does not support the combination.
pub fn decide(matrix: &Matrix, words: &[Option<&str>]) -> Result<Query, Refused> {
    let mut query = Query {
        version: 0,
        mode: 0,
        endpoint: 0,
        drm: 0,
        qualifiers: 0,
    };
    if let Some(problem) = missing_words(matrix, words) {
        return Err(Refused {
            refusals: vec![Refusal {
                target: Target::Call,
                message: usage(&problem),
            }],
            placeholder: query,
        });
    }

    let mut refusals = Vec::new();
    let mut understood = true;
    for (position, word) in words.iter().enumerate() {
        let kind = REQUIRED
            .get(position)
            .copied()
            .unwrap_or(TermKind::Qualifier);
        let Some(word) = word else {
            understood = false;
            continue;
        };
        let index = match resolve(matrix, kind, word) {
            Ok(index) => index,
            Err(message) => {
                understood = false;
                refusals.push(Refusal {
                    target: Target::Word(position),
                    message,
                });
                continue;
            }
        };
        match kind {
            TermKind::Version => query.version = index,
            TermKind::Mode => query.mode = index,
            TermKind::Endpoint => query.endpoint = index,
            TermKind::DrmSystem => query.drm = index,
            TermKind::Qualifier => {
                let bit = 1u64 << index;
                if query.qualifiers & bit != 0 {
                    let name = &matrix.qualifiers[index].term.name;
                    refusals.push(Refusal {
                        target: Target::Word(position),
                        message: usage(&format!(
                            "duplicated qualifier `{word}`: {name} is already asked for"
                        )),
                    });
                }
                query.qualifiers |= bit;
            }
        }
    }

    if understood {
        if let Some(explanation) = explain(matrix, &query) {
            refusals.push(Refusal {
                target: Target::Call,
                message: explanation,
            });
        }
    }
    if understood && refusals.is_empty() {
        Ok(query)
    } else {
        Err(Refused {
            refusals,
            placeholder: query,
        })
    }
}

/// The index of the term of `kind` that a word names. A word of another kind is a usage
/// mistake (arguments out of order, or one left out); any other word is unknown, and the
/// message lists the valid ones with the nearest spelling.
fn resolve(matrix: &Matrix, kind: TermKind, word: &str) -> Result<usize, String> {
    matrix.find(kind, word).map_err(|_| {
        match TermKind::ALL
            .into_iter()
            .find(|&other| other != kind && matrix.find(other, word).is_ok())
        {
            Some(other) => usage(&format!(
                "expected {} here, found the {} `{word}`",
                with_article(kind.what()),
                other.what()
            )),
            None => unknown_word(matrix, kind, word),
        }
    })
}

/// "unknown DRM system `widevin`; expected one of ... (did you mean `widevine`?)", with ids
/// written as macro input writes them (`aes_128`, not `aes-128`), so that what is suggested
/// can be typed as it is.
fn unknown_word(matrix: &Matrix, kind: TermKind, word: &str) -> String {
    let ids: Vec<String> = matrix
        .terms(kind)
        .iter()
        .map(|term| ident::snake_case(&term.id))
        .collect();
    let candidates = matrix
        .spellings
        .get(&kind)
        .into_iter()
        .flatten()
        .map(|(spelling, &index)| (spelling.as_str(), ids[index].as_str()));
    let suggestion = spelling::closest(word, candidates);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    spelling::unknown_word(kind.what(), word, &ids, suggestion)
}

/// When the words are in order but some required ones are left out, says which ("missing the
/// endpoint type"); when there are too few words to tell, says how many are expected. `None`
/// when every required word has its place, right or wrong.
fn missing_words(matrix: &Matrix, words: &[Option<&str>]) -> Option<String> {
    let kinds: Option<Vec<TermKind>> = words
        .iter()
        .map(|word| {
            let word = (*word)?;
            TermKind::ALL
                .into_iter()
                .find(|&kind| matrix.find(kind, word).is_ok())
        })
        .collect();
    if let Some(kinds) = kinds.filter(|kinds| !kinds.is_empty()) {
        // Required kinds appear at most once each and in order, qualifiers only after them.
        let in_order = kinds.windows(2).all(|pair| {
            pair[0] < pair[1] || (pair[0] == TermKind::Qualifier && pair[1] == TermKind::Qualifier)
        });
        let missing: Vec<String> = REQUIRED
            .iter()
            .filter(|kind| !kinds.contains(kind))
            .map(|kind| format!("the {}", kind.what()))
            .collect();
        if in_order && !missing.is_empty() {
            return Some(format!("missing {}", spelling::join(&missing)));
        }
    }
    (words.len() < REQUIRED.len()).then(|| {
        let found = match words.len() {
            0 => "none".to_owned(),
            n => n.to_string(),
        };
        format!(
            "expected at least {} arguments, found {found}",
            REQUIRED.len()
        )
    })
}

/// "a mode", "an endpoint type".
fn with_article(what: &str) -> String {
    let article = match what.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    };
    format!("{article} {what}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portable::explain::is_supported;
    use crate::test_matrix;

    fn run(words: &[&str]) -> Result<Query, Refused> {
        let words: Vec<Option<&str>> = words.iter().copied().map(Some).collect();
        decide(&test_matrix::matrix(), &words)
    }

    fn refusals(words: &[&str]) -> Vec<(Target, String)> {
        run(words)
            .unwrap_err()
            .refusals
            .into_iter()
            .map(|r| (r.target, r.message))
            .collect()
    }

    #[test]
    fn accepts_a_supported_cell_with_an_offered_qualifier() {
        let query = run(&["v1", "live", "dash", "widevine", "key_rotation"]).unwrap();
        assert_eq!(
            (query.version, query.mode, query.endpoint, query.drm),
            (0, 0, 2, 1)
        );
        assert_eq!(query.qualifiers, 0b1);
    }

    #[test]
    fn accepts_aliases_any_case_and_any_qualifier_order() {
        let canonical = run(&["v1", "live", "cmaf_hls", "widevine", "key_rotation", "cenc"]);
        for words in [
            ["V1", "Live", "CMAF", "WV", "cenc", "rotation"],
            [
                "speke_v1",
                "LIVE",
                "cmaf_apple_hls",
                "Google_Widevine",
                "CENC",
                "Key_Rotation",
            ],
        ] {
            assert_eq!(run(&words), canonical, "{words:?}");
        }
    }

    #[test]
    fn refuses_an_unsupported_cell_with_the_shared_explanation() {
        assert_eq!(
            refusals(&["v2", "live", "dash", "fairplay"]),
            [(
                Target::Call,
                "SPEKE v2 does not support Apple FairPlay on DASH (live); Apple FairPlay with \
                 SPEKE v2 is supported on CMAF Apple HLS (live); DASH with SPEKE v2 (live) \
                 supports Microsoft PlayReady and Google Widevine"
                    .to_owned()
            )]
        );
    }

    /// The clause that opens every refusal of a call asking for both encryption schemes.
    const BOTH_SCHEMES: &str =
        "cbcs and cenc are alternatives (encryption-scheme): an endpoint uses one of them, so \
         ask for one";

    #[test]
    fn refuses_two_alternatives_on_a_cell_offering_both() {
        // The cell offers key rotation, cbcs and cenc; each scheme alone is accepted.
        assert!(run(&["v1", "live", "cmaf_hls", "widevine", "key_rotation", "cbcs"]).is_ok());
        assert!(run(&["v1", "live", "cmaf_hls", "widevine", "cenc"]).is_ok());
        assert_eq!(
            refusals(&["v1", "live", "cmaf_hls", "widevine", "cenc", "cbcs"]),
            [(
                Target::Call,
                format!(
                    "{BOTH_SCHEMES}; SPEKE v1 supports Google Widevine on CMAF Apple HLS (live) \
                     with either cbcs or cenc"
                )
            )]
        );
    }

    #[test]
    fn two_alternatives_come_first_then_what_the_cell_lacks() {
        // FairPlay on live CMAF offers cbcs only.
        let found = refusals(&["v1", "live", "cmaf_hls", "fairplay", "cbcs", "cenc"]);
        assert_eq!(found.len(), 1);
        let expected = format!(
            "{BOTH_SCHEMES}; SPEKE v1 supports Apple FairPlay on CMAF Apple HLS (live) but \
             without cenc; SPEKE v1 (live) offers cenc on CMAF Apple HLS (Google Widevine)"
        );
        assert_eq!(found[0].1, expected);

        // An unsupported cell: the usual explanation follows, and no other version is said to
        // support a combination that none can.
        let found = refusals(&["v2", "live", "dash", "fairplay", "cbcs", "cenc"]);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].1.starts_with(&format!(
                "{BOTH_SCHEMES}; SPEKE v2 does not support Apple FairPlay on DASH (live)"
            )),
            "{}",
            found[0].1
        );
        assert!(!found[0].1.contains("this combination"), "{}", found[0].1);
    }

    #[test]
    fn every_call_with_two_alternatives_is_refused_with_them_first() {
        let matrix = test_matrix::matrix();
        let both = 0b110;
        for v in 0..matrix.versions.len() {
            for m in 0..matrix.modes.len() {
                for e in 0..matrix.endpoints.len() {
                    for d in 0..matrix.drm_systems.len() {
                        for rotation in [0, 0b1] {
                            let query = Query {
                                version: v,
                                mode: m,
                                endpoint: e,
                                drm: d,
                                qualifiers: both | rotation,
                            };
                            assert!(!is_supported(&matrix, &query), "{query:?}");
                            let text = explain(&matrix, &query).unwrap();
                            assert!(text.starts_with(BOTH_SCHEMES), "{text}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn refuses_a_qualifier_the_cell_does_not_offer() {
        let found = refusals(&["v1", "live", "mss", "playready", "key_rotation"]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Target::Call);
        let expected = "SPEKE v1 supports Microsoft PlayReady on Microsoft Smooth (live) \
                        but without key rotation";
        assert!(found[0].1.starts_with(expected), "{}", found[0].1);
    }

    #[test]
    fn an_unknown_word_points_at_itself_and_suggests_the_nearest() {
        assert_eq!(
            refusals(&["v1", "live", "dash", "widevin"]),
            [(
                Target::Word(3),
                "unknown DRM system `widevin`; expected one of playready, widevine, fairplay, \
                 aes_128 (did you mean `widevine`?)"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn every_unknown_word_is_reported_at_once() {
        let found = refusals(&["v3", "live", "dashh", "widevine", "key_rotaton"]);
        let targets: Vec<Target> = found.iter().map(|(t, _)| *t).collect();
        assert_eq!(targets, [Target::Word(0), Target::Word(2), Target::Word(4)]);
        assert!(
            found[1].1.contains("did you mean `dash`?"),
            "{}",
            found[1].1
        );
    }

    #[test]
    fn words_out_of_order_are_usage_mistakes() {
        let found = refusals(&["v1", "dash", "live", "widevine"]);
        assert_eq!(
            found,
            [
                (
                    Target::Word(1),
                    usage("expected a mode here, found the endpoint type `dash`")
                ),
                (
                    Target::Word(2),
                    usage("expected an endpoint type here, found the mode `live`")
                ),
            ]
        );
    }

    #[test]
    fn a_left_out_word_is_named() {
        assert_eq!(
            refusals(&["v2", "live", "fairplay"]),
            [(Target::Call, usage("missing the endpoint type"))]
        );
        assert_eq!(
            refusals(&["v1", "widevine", "key_rotation"]),
            [(
                Target::Call,
                usage("missing the mode and the endpoint type")
            )]
        );
    }

    #[test]
    fn too_few_words_to_tell() {
        assert_eq!(
            refusals(&[]),
            [(
                Target::Call,
                usage("expected at least 4 arguments, found none")
            )]
        );
        assert_eq!(
            refusals(&["v1", "nonsense"]),
            [(
                Target::Call,
                usage("expected at least 4 arguments, found 2")
            )]
        );
    }

    #[test]
    fn a_duplicated_qualifier_is_a_usage_mistake() {
        assert_eq!(
            refusals(&["v1", "live", "dash", "widevine", "key_rotation", "rotation"]),
            [(
                Target::Word(5),
                usage("duplicated qualifier `rotation`: key rotation is already asked for")
            )]
        );
    }

    #[test]
    fn a_second_drm_system_is_not_a_qualifier() {
        assert_eq!(
            refusals(&["v1", "live", "dash", "widevine", "playready"]),
            [(
                Target::Word(4),
                usage("expected a qualifier here, found the DRM system `playready`")
            )]
        );
    }

    #[test]
    fn a_word_already_refused_is_not_reported_again() {
        let matrix = test_matrix::matrix();
        let refused =
            decide(&matrix, &[Some("v2"), Some("live"), None, Some("fairplay")]).unwrap_err();
        assert!(refused.refusals.is_empty());
        assert_eq!(refused.placeholder.drm, 2);
    }

    /// The decision equals the explanation's own support check on every combination of
    /// indices and every set of qualifiers, written as ids.
    #[test]
    fn agrees_with_the_matrix_everywhere() {
        let matrix = test_matrix::matrix();
        let ids = |kind: TermKind| -> Vec<String> {
            matrix.terms(kind).iter().map(|t| t.id.clone()).collect()
        };
        let qualifiers = ids(TermKind::Qualifier);
        for (v, version) in ids(TermKind::Version).iter().enumerate() {
            for (m, mode) in ids(TermKind::Mode).iter().enumerate() {
                for (e, endpoint) in ids(TermKind::Endpoint).iter().enumerate() {
                    for (d, drm) in ids(TermKind::DrmSystem).iter().enumerate() {
                        for set in 0..1u64 << qualifiers.len() {
                            let mut words = vec![
                                Some(version.as_str()),
                                Some(mode),
                                Some(endpoint),
                                Some(drm),
                            ];
                            words.extend(
                                (0..qualifiers.len())
                                    .filter(|i| set & 1 << i != 0)
                                    .map(|i| Some(qualifiers[i].as_str())),
                            );
                            let query = Query {
                                version: v,
                                mode: m,
                                endpoint: e,
                                drm: d,
                                qualifiers: set,
                            };
                            let decided = decide(&matrix, &words);
                            assert_eq!(decided.is_ok(), is_supported(&matrix, &query), "{words:?}");
                            match decided {
                                Ok(found) => assert_eq!(found, query),
                                Err(refused) => assert_eq!(refused.placeholder, query),
                            }
                        }
                    }
                }
            }
        }
    }
}
