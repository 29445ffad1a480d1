//! Renders `speke_supported!` as `macro_rules!` source for the library to include: one arm
//! per call the matrix accepts, written with canonical ids, expanding straight to a const; any
//! other call goes to the proc macro, which understands aliases, any case and any qualifier
//! order, and words every refusal.
//!
//! Also renders the consts those arms expand to, and the list of accepted calls that the
//! library's tests compile.

use std::fmt::Write;

use crate::compile::SourceFile;
use crate::ident;
use crate::model::{Cell, Matrix, TermKind};
use crate::portable::explain::{alternatives_asked, Query};

/// The command that regenerates the macro.
pub const COMMAND: &str = super::rust::COMMAND;

/// A matrix with at most this many accepted calls gets one flat macro; a larger one gets two
/// stages, the first keyed by SPEKE version, mode and endpoint type, the second by DRM system
/// and qualifiers.
///
/// rustc tries the arms of a `macro_rules!` macro in order, so a flat macro costs a little
/// for every arm that a call does not match, while each stage costs one more expansion. In a
/// crate of 2,000 calls under `cargo check` (Rust 1.95, 2 cores, medians of 9 to 12 runs
/// against the same consts written out), a flat macro cost 1.09x with AWS's 25 calls and 1.21x
/// with 270, where two stages cost 1.35x; in a synthetic test flat and staged met near 1,000
/// arms, and at 5,371 arms flat cost 2.5x and staged 1.6x. The limit sits at that crossing,
/// far above any matrix AWS publishes, so that a call costs near the least either way.
pub const FLAT_LIMIT: usize = 1024;

/// The fast path offers the subsets of a cell's qualifiers up to this size. A cell offering
/// many qualifiers would otherwise need an arm for each of their `2^n` subsets; a call asking
/// for more is still accepted, through the proc macro.
pub const FAST_QUALIFIERS: usize = 3;

/// The public macro, and the hidden macros it dispatches to.
const MACRO: &str = "speke_supported";
const SLOW: &str = "__speke_supported_slow";
const BY_CELL: &str = "__speke_supported_by_cell";

/// Where the consts of [`render_values`] live in the library, and the proc macro there.
pub const VALUES_PATH: &str = "__private::combination";
pub const PROC_MACRO_PATH: &str = "__private::speke_supported_slow";

/// A matrix with at most this many accepted calls gets every one of them on the fast path: an
/// arm, a const and a marker impl each. A larger one keeps only its calls without qualifiers
/// there, if those are at most this many, or none; the proc macro accepts the rest, at a
/// higher cost a call, and the marker impls are not generated at all (see [`Extent`]).
///
/// Each accepted call on the fast path costs about 800 bytes of generated code and, measured
/// with a synthetic matrix of 12,712 accepted calls, about 0.9 ms of the library's own dev
/// build (11 s in all, against 0.6 s for the build script; Rust 1.95, 2 shared cores). At this
/// limit the macro files stay under about 3.5 MB and 4 s; uncapped, a synthetic matrix of 10^6
/// cells wrote 1.18 GB of them. The limit is four times [`FLAT_LIMIT`]: far above AWS's 25
/// accepted calls and the downstream test matrix's 1,068, which keep their whole fast path.
pub const FAST_PATH_LIMIT: usize = 4_096;

/// Which of the accepted calls the fast path holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    /// Every accepted call: the matrix has at most the limit.
    Every,
    /// Only the calls without qualifiers: the matrix has more calls than the limit, but at
    /// most the limit without qualifiers.
    Unqualified,
    /// None: even the calls without qualifiers are more than the limit.
    Empty,
}

/// The fast path of a matrix: how many calls it accepts, and which of them the generated
/// macro, consts and marker impls hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FastPath {
    /// Every call the matrix accepts with at most [`FAST_QUALIFIERS`] qualifiers, written with
    /// canonical ids in vocabulary order.
    pub accepted: usize,
    pub extent: Extent,
    /// The limit it was cut at: [`FAST_PATH_LIMIT`] except in tests.
    pub limit: usize,
}

impl FastPath {
    /// The fast path the library generates for this matrix.
    pub fn of(matrix: &Matrix) -> FastPath {
        FastPath::within(matrix, FAST_PATH_LIMIT)
    }

    /// The fast path cut at another limit, so that tests can cross it with a small matrix.
    pub fn within(matrix: &Matrix, limit: usize) -> FastPath {
        // Counted without building or sorting the calls, since a matrix of a million cells
        // has millions of them.
        let (mut accepted, mut unqualified) = (0, 0);
        for offered in matrix.cells() {
            if let Cell::Supported(offered) = *offered {
                unqualified += 1;
                accepted += unordered_subsets(offered, FAST_QUALIFIERS)
                    .into_iter()
                    .filter(|&set| alternatives_asked(matrix, set).is_empty())
                    .count();
            }
        }
        let extent = if accepted <= limit {
            Extent::Every
        } else if unqualified <= limit {
            Extent::Unqualified
        } else {
            Extent::Empty
        };
        FastPath {
            accepted,
            extent,
            limit,
        }
    }

    /// Whether the fast path holds a call, which must be one the matrix accepts: then the
    /// library has a const for it, which the proc macro may expand to as well.
    pub fn holds(&self, call: &Query) -> bool {
        match self.extent {
            Extent::Every => call.qualifiers.count_ones() as usize <= FAST_QUALIFIERS,
            Extent::Unqualified => call.qualifiers == 0,
            Extent::Empty => false,
        }
    }

    /// The calls the fast path holds, in the order of [`accepted_calls`].
    pub fn calls(&self, matrix: &Matrix) -> Vec<Query> {
        match self.extent {
            Extent::Every => accepted_calls(matrix),
            Extent::Unqualified => accepted_calls_iter(matrix)
                .filter(|call| call.qualifiers == 0)
                .collect(),
            Extent::Empty => Vec::new(),
        }
    }
}

/// Every call the matrix accepts with canonical ids in vocabulary order: each supported cell
/// with each subset of the qualifiers it offers (up to [`FAST_QUALIFIERS`] of them) holding at
/// most one of each group of alternatives, in vocabulary order. The fast path holds all of them
/// up to [`FAST_PATH_LIMIT`]; see [`FastPath`].
pub fn accepted_calls(matrix: &Matrix) -> Vec<Query> {
    accepted_calls_iter(matrix).collect()
}

fn accepted_calls_iter(matrix: &Matrix) -> impl Iterator<Item = Query> + '_ {
    let (v, m, e, d) = (
        matrix.versions.len(),
        matrix.modes.len(),
        matrix.endpoints.len(),
        matrix.drm_systems.len(),
    );
    (0..v)
        .flat_map(move |v| {
            (0..m).flat_map(move |m| (0..e).flat_map(move |e| (0..d).map(move |d| (v, m, e, d))))
        })
        .flat_map(move |(version, mode, endpoint, drm)| {
            let offered = match matrix.cell(version, mode, endpoint, drm) {
                Cell::Supported(offered) => Some(offered),
                _ => None,
            };
            // A subset with two qualifiers of one group (two encryption schemes) is refused,
            // so it gets no arm, const or marker impl.
            offered
                .into_iter()
                .flat_map(|offered| subsets(offered, FAST_QUALIFIERS))
                .filter(move |&set| alternatives_asked(matrix, set).is_empty())
                .map(move |qualifiers| Query {
                    version,
                    mode,
                    endpoint,
                    drm,
                    qualifiers,
                })
        })
}

/// The subsets of a bit set with at most `max` members: smallest first, then ordered by their
/// members' bits, as vocabulary order lists them.
fn subsets(set: u64, max: usize) -> Vec<u64> {
    let mut found = unordered_subsets(set, max);
    found.sort_by_key(|&s| {
        let members: Vec<u32> = (0..64).filter(|i| s & 1 << i != 0).collect();
        (members.len(), members)
    });
    found
}

/// The same subsets as [`subsets`], in no particular order.
fn unordered_subsets(set: u64, max: usize) -> Vec<u64> {
    let bits: Vec<u64> = (0..64)
        .map(|i| 1u64 << i)
        .filter(|b| set & b != 0)
        .collect();
    let mut found: Vec<u64> = vec![0];
    for &bit in &bits {
        let grown: Vec<u64> = found
            .iter()
            .filter(|s| (s.count_ones() as usize) < max)
            .map(|s| s | bit)
            .collect();
        found.extend(grown);
    }
    found
}

/// The words of a call as the fast path matches them: each id with `_` for `-`.
pub fn call_words(matrix: &Matrix, query: &Query) -> Vec<String> {
    let mut words = vec![
        ident::snake_case(&matrix.versions[query.version].term.id),
        ident::snake_case(&matrix.modes[query.mode].id),
        ident::snake_case(&matrix.endpoints[query.endpoint].id),
        ident::snake_case(&matrix.drm_systems[query.drm].term.id),
    ];
    words.extend(qualifier_indices(matrix, query.qualifiers).map(|i| {
        let id = &matrix.qualifiers[i].term.id;
        ident::snake_case(id)
    }));
    words
}

/// The indices of the qualifiers in a set, in vocabulary order.
pub fn qualifier_indices(matrix: &Matrix, set: u64) -> impl Iterator<Item = usize> {
    (0..matrix.qualifiers.len().min(64)).filter(move |&i| set & 1 << i != 0)
}

/// The name of the const a call expands to, such as `V1__LIVE__DASH__WIDEVINE__KEY_ROTATION`.
/// Ids have no `__`, so joining them with it keeps every name distinct.
pub fn value_name(matrix: &Matrix, query: &Query) -> String {
    call_words(matrix, query)
        .iter()
        .map(|word| word.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join("__")
}

/// Renders `macro.rs`: the public `speke_supported!` and its hidden stages. `sources` are the
/// files the matrix was compiled from; the proc macro receives their text, so it decides on
/// the very matrix the tables were built from.
pub fn render(matrix: &Matrix, sources: &[SourceFile]) -> String {
    render_fast_path(matrix, sources, &FastPath::of(matrix))
}

/// [`render`] with a given fast path, which tests cut at a small limit.
pub fn render_fast_path(matrix: &Matrix, sources: &[SourceFile], fast_path: &FastPath) -> String {
    let calls = fast_path.calls(matrix);
    let mut out = super::generated_header("//", COMMAND);
    out.push('\n');
    out.push_str(&macro_docs(matrix, fast_path));
    if calls.len() <= FLAT_LIMIT {
        render_flat(&mut out, matrix, &calls);
    } else {
        render_staged(&mut out, matrix, &calls);
    }
    render_slow(&mut out, sources);
    out
}

/// One macro with an arm per accepted call, then the fallback to the proc macro.
fn render_flat(out: &mut String, matrix: &Matrix, calls: &[Query]) {
    writeln!(out, "#[macro_export]\nmacro_rules! {MACRO} {{").unwrap();
    for call in calls {
        let words = call_words(matrix, call).join(", ");
        writeln!(
            out,
            "    ({words} $(,)?) => {{ {} }};",
            value_path(matrix, call)
        )
        .unwrap();
    }
    writeln!(
        out,
        "    ($($input:tt)*) => {{ $crate::{SLOW}! {{ ($($input)*) }} }};\n}}\n"
    )
    .unwrap();
}

/// The public macro hands the call, kept whole for the proc macro, to a stage keyed by
/// version, mode and endpoint type, which hands the rest to a stage per such prefix.
fn render_staged(out: &mut String, matrix: &Matrix, calls: &[Query]) {
    writeln!(
        out,
        "#[macro_export]\nmacro_rules! {MACRO} {{\n    \
         ($($input:tt)*) => {{ $crate::{BY_CELL}! {{ ($($input)*) $($input)* }} }};\n}}\n"
    )
    .unwrap();

    let mut prefixes: Vec<(usize, usize, usize)> = calls
        .iter()
        .map(|c| (c.version, c.mode, c.endpoint))
        .collect();
    prefixes.dedup();
    writeln!(
        out,
        "#[doc(hidden)]\n#[macro_export]\nmacro_rules! {BY_CELL} {{"
    )
    .unwrap();
    for &(version, mode, endpoint) in &prefixes {
        let words = &call_words(
            matrix,
            &Query {
                version,
                mode,
                endpoint,
                drm: 0,
                qualifiers: 0,
            },
        )[..3];
        writeln!(
            out,
            "    ($all:tt {}, $($rest:tt)*) => {{ $crate::{}! {{ $all $($rest)* }} }};",
            words.join(", "),
            stage_name(words)
        )
        .unwrap();
    }
    fallback_arm(out);

    for &(version, mode, endpoint) in &prefixes {
        let in_stage: Vec<&Query> = calls
            .iter()
            .filter(|c| (c.version, c.mode, c.endpoint) == (version, mode, endpoint))
            .collect();
        let words = call_words(matrix, in_stage[0]);
        writeln!(
            out,
            "#[doc(hidden)]\n#[macro_export]\nmacro_rules! {} {{",
            stage_name(&words[..3])
        )
        .unwrap();
        for call in in_stage {
            let words = call_words(matrix, call);
            writeln!(
                out,
                "    ($all:tt {} $(,)?) => {{ {} }};",
                words[3..].join(", "),
                value_path(matrix, call)
            )
            .unwrap();
        }
        fallback_arm(out);
    }
}

fn stage_name(prefix: &[String]) -> String {
    format!("__{MACRO}__{}", prefix.join("__"))
}

/// The last arm of a stage: a call it cannot match goes, whole, to the proc macro.
fn fallback_arm(out: &mut String) {
    writeln!(
        out,
        "    ($all:tt $($rest:tt)*) => {{ $crate::{SLOW}! {{ $all }} }};\n}}\n"
    )
    .unwrap();
}

/// The macro that passes a call to the proc macro with the matrix's sources: one copy of the
/// texts, however many stages fall back to it.
///
/// Shortcoming: every call that takes this path hands the proc macro the whole matrix text
/// (a few kilobytes), because a proc macro has no other way to learn which matrix the library
/// was built from. With 2,000 calls written with aliases, `cargo check` took about 3.9x the
/// time of the same consts written out (about 140 µs a call, in an unoptimised debug build),
/// against 1.09x for canonical ids; the docs steer users to canonical ids. The cost grows with
/// the text: with a synthetic matrix of 10^5 cells (1 MB of CSV, every call on this path since
/// it is over [`FAST_PATH_LIMIT`]), `cargo check` of a crate took about 0.45 s for its first
/// call, which compiles the matrix, and about 3 ms for each further one, which hands over and
/// compares the megabyte of text; a matrix ten times that size would cost ten times as much.
/// The text is written once in this file, so its size on disk does not grow with the calls.
fn render_slow(out: &mut String, sources: &[SourceFile]) {
    writeln!(
        out,
        "#[doc(hidden)]\n#[macro_export]\nmacro_rules! {SLOW} {{"
    )
    .unwrap();
    writeln!(
        out,
        "    ($all:tt) => {{ $crate::{PROC_MACRO_PATH}! {{ [$crate] ["
    )
    .unwrap();
    for source in sources {
        let text = String::from_utf8_lossy(&source.normalized().bytes).into_owned();
        writeln!(out, "        {:?} {:?}", source.name(), text).unwrap();
    }
    writeln!(out, "    ] $all }} }};\n}}").unwrap();
}

fn value_path(matrix: &Matrix, call: &Query) -> String {
    format!("$crate::{VALUES_PATH}::{}", value_name(matrix, call))
}

/// The macro's documentation, with examples taken from the matrix itself.
fn macro_docs(matrix: &Matrix, fast_path: &FastPath) -> String {
    let mut docs = String::from(
        "/// Names a combination that the SPEKE matrix supports, as a const [`Combination`]; a\n\
         /// combination it does not support is a compile error that says why.\n\
         ///\n\
         /// `speke_supported!(VERSION, MODE, ENDPOINT, DRM [, QUALIFIER]...)` takes the ids\n\
         /// of the matrix files with `_` for `-`, their aliases or display names, in any\n\
         /// case. A qualifier asks for that feature: the call compiles only if the cell\n\
         /// offers it.\n\
         ///\n\
         /// Every id it accepts:\n\
         ///\n",
    );
    for kind in TermKind::ALL {
        let ids: Vec<String> = matrix
            .terms(kind)
            .iter()
            .map(|t| format!("`{}`", ident::snake_case(&t.id)))
            .collect();
        writeln!(docs, "/// - {}: {}", kind.what(), ids.join(", ")).unwrap();
    }
    // The example needs no fast path: the proc macro accepts it too.
    let example = accepted_calls_iter(matrix)
        .find(|c| c.qualifiers != 0)
        .or_else(|| accepted_calls_iter(matrix).next());
    if let Some(example) = example {
        let words = call_words(matrix, &example).join(", ");
        writeln!(
            docs,
            "///\n/// ```\n/// use speke_matrix::{{speke_supported, Combination}};\n///\n\
             /// const ENDPOINT: Combination = speke_supported!({words});\n\
             /// assert!(ENDPOINT.is_supported());\n/// ```"
        )
        .unwrap();
    }
    let taken = match fast_path.extent {
        Extent::Every => None,
        Extent::Unqualified => Some("every call with a qualifier, or written otherwise,"),
        Extent::Empty => Some("every call"),
    };
    if let Some(taken) = taken {
        writeln!(
            docs,
            "///\n/// This matrix accepts {} calls with canonical ids, more than the {} that the\n\
             /// generated fast path holds, so {taken}\n\
             /// goes through the proc macro. It accepts and refuses exactly the same calls, at\n\
             /// a higher compile-time cost a call.",
            fast_path.accepted, fast_path.limit
        )
        .unwrap();
    }
    if let Some(refused) = first_unsupported(matrix) {
        let words = call_words(matrix, &refused).join(", ");
        writeln!(
            docs,
            "///\n/// ```compile_fail\n/// const ENDPOINT: speke_matrix::Combination = \
             speke_matrix::speke_supported!({words});\n/// ```"
        )
        .unwrap();
    }
    docs
}

/// The first cell that a grid has and does not support, for the docs' counter-example.
fn first_unsupported(matrix: &Matrix) -> Option<Query> {
    let (v, m, e, d) = (
        matrix.versions.len(),
        matrix.modes.len(),
        matrix.endpoints.len(),
        matrix.drm_systems.len(),
    );
    (0..v)
        .flat_map(|v| {
            (0..m).flat_map(move |m| (0..e).flat_map(move |e| (0..d).map(move |d| (v, m, e, d))))
        })
        .find(|&(v, m, e, d)| matrix.cell(v, m, e, d) == Cell::Unsupported)
        .map(|(version, mode, endpoint, drm)| Query {
            version,
            mode,
            endpoint,
            drm,
            qualifiers: 0,
        })
}

/// Renders `macro_values.rs`: a const per accepted call, which the fast path expands to, so
/// that a call costs the compiler a path rather than an expression to check.
pub fn render_values(matrix: &Matrix) -> String {
    render_values_fast_path(matrix, &FastPath::of(matrix))
}

/// [`render_values`] with a given fast path: a const for each call it holds, and no other.
pub fn render_values_fast_path(matrix: &Matrix, fast_path: &FastPath) -> String {
    let mut out = super::generated_header("//", COMMAND);
    out.push('\n');
    for call in fast_path.calls(matrix) {
        let variant =
            |kind: TermKind, index: usize| ident::camel_case(&matrix.terms(kind)[index].id);
        writeln!(
            out,
            "pub const {}: crate::Combination = crate::Combination {{\n    \
             version: crate::SpekeVersion::{},\n    mode: crate::Mode::{},\n    \
             endpoint: crate::EndpointType::{},\n    drm: crate::DrmSystem::{},\n    \
             qualifiers: crate::QualifierSet::from_bits({:#x}),\n}};",
            value_name(matrix, &call),
            variant(TermKind::Version, call.version),
            variant(TermKind::Mode, call.mode),
            variant(TermKind::Endpoint, call.endpoint),
            variant(TermKind::DrmSystem, call.drm),
            call.qualifiers
        )
        .unwrap();
    }
    out
}

/// Renders `macro_cases.rs` for the library's tests: one `macro_rules` call listing every
/// accepted call twice, as the fast path matches it and in upper case with the qualifiers
/// reversed, which only the proc macro accepts. The test defines `each_accepted_call!`.
///
/// Shortcoming: above [`FAST_PATH_LIMIT`] it lists only the calls the fast path holds, so that
/// a huge matrix does not write an unbounded file into every user's build; the library's test
/// that the list covers every supported cell then fails, which is the point at which someone
/// testing the library against such a matrix needs to know it is not covered.
pub fn render_cases(matrix: &Matrix) -> String {
    render_cases_fast_path(matrix, &FastPath::of(matrix))
}

/// [`render_cases`] with a given fast path, for the benchmark that measures the files uncapped.
pub fn render_cases_fast_path(matrix: &Matrix, fast_path: &FastPath) -> String {
    let mut out = super::generated_header("//", COMMAND);
    out.push_str("each_accepted_call! {\n");
    for call in fast_path.calls(matrix) {
        let words = call_words(matrix, &call);
        let mut shouted: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
        shouted[4..].reverse();
        writeln!(
            out,
            "    ({}) => ({}),",
            words.join(", "),
            shouted.join(", ")
        )
        .unwrap();
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decide::decide;
    use crate::test_matrix;

    #[test]
    fn subsets_are_bounded_and_ordered() {
        assert_eq!(subsets(0, 3), [0]);
        assert_eq!(subsets(0b101, 3), [0, 0b1, 0b100, 0b101]);
        assert_eq!(subsets(0b1111, 1), [0, 0b1, 0b10, 0b100, 0b1000]);
        assert_eq!(subsets(0b1111, 4).len(), 16);
        assert_eq!(subsets(0b1111, 3).len(), 15);
    }

    /// The fast path accepts exactly what the decision accepts, among calls of at most
    /// `FAST_QUALIFIERS` qualifiers written with canonical ids in vocabulary order.
    #[test]
    fn accepted_calls_are_what_the_decision_accepts() {
        let matrix = test_matrix::matrix();
        let calls = accepted_calls(&matrix);
        for call in &calls {
            let words = call_words(&matrix, call);
            let words: Vec<Option<&str>> = words.iter().map(|w| Some(w.as_str())).collect();
            assert_eq!(decide(&matrix, &words).as_ref(), Ok(call));
        }
        let supported_cells = matrix
            .cells()
            .iter()
            .filter(|c| matches!(c, Cell::Supported(_)))
            .count();
        // v1 live cmaf-hls widevine offers three qualifiers (8 subsets, less the 2 holding
        // both encryption schemes) and fairplay two (4); four more live cells offer key
        // rotation (2 each); 13 other cells offer none.
        assert_eq!(supported_cells, 19);
        assert_eq!(calls.len(), 6 + 4 + 4 * 2 + 13);
        assert!(calls
            .iter()
            .all(|call| alternatives_asked(&matrix, call.qualifiers).is_empty()));
    }

    #[test]
    fn value_names_are_distinct() {
        let matrix = test_matrix::matrix();
        let mut names: Vec<String> = accepted_calls(&matrix)
            .iter()
            .map(|c| value_name(&matrix, c))
            .collect();
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count);
        assert!(names.contains(&"V1__LIVE__CMAF_HLS__WIDEVINE__KEY_ROTATION__CENC".to_owned()));
    }

    #[test]
    fn a_small_matrix_gets_one_flat_macro() {
        let matrix = test_matrix::matrix();
        let text = render(&matrix, &test_matrix::sources());
        assert!(text.starts_with("// @generated"));
        assert!(text.contains(
            "    (v1, live, dash, widevine, key_rotation $(,)?) => { \
             $crate::__private::combination::V1__LIVE__DASH__WIDEVINE__KEY_ROTATION };"
        ));
        assert!(!text.contains(BY_CELL));
        assert_eq!(text.matches("#[macro_export]").count(), 2);
        // The proc macro receives each file's name and text.
        assert!(text.contains("\"speke-v2.csv\" \"mode,endpoint,playready,widevine,fairplay\\n"));
    }

    #[test]
    fn a_large_matrix_gets_two_stages() {
        let matrix = test_matrix::matrix();
        let calls = accepted_calls(&matrix);
        let mut text = String::new();
        render_staged(&mut text, &matrix, &calls);
        assert!(text.contains(
            "    ($all:tt v1, live, dash, $($rest:tt)*) => { \
             $crate::__speke_supported__v1__live__dash! { $all $($rest)* } };"
        ));
        assert!(text.contains(
            "macro_rules! __speke_supported__v1__live__dash {\n    \
             ($all:tt playready $(,)?) => { \
             $crate::__private::combination::V1__LIVE__DASH__PLAYREADY };"
        ));
        // A stage per version, mode and endpoint type with a supported cell: 8 of v1, 2 of v2.
        assert_eq!(text.matches("#[macro_export]").count(), 1 + 1 + 10);
        assert_eq!(
            text.matches("$crate::__speke_supported_slow! { $all }")
                .count(),
            11
        );
    }

    #[test]
    fn rendering_is_deterministic() {
        let matrix = test_matrix::matrix();
        let sources = test_matrix::sources();
        assert_eq!(render(&matrix, &sources), render(&matrix, &sources));
        assert_eq!(render_values(&matrix), render_values(&matrix));
    }

    #[test]
    fn cases_list_each_call_twice() {
        let matrix = test_matrix::matrix();
        let text = render_cases(&matrix);
        assert!(text.contains(
            "    (v1, live, cmaf_hls, widevine, key_rotation, cenc) => \
             (V1, LIVE, CMAF_HLS, WIDEVINE, CENC, KEY_ROTATION),"
        ));
    }

    /// Cut at a limit between the test matrix's calls without qualifiers (19) and all of
    /// them (31), the fast path keeps the former and the proc macro decides the rest.
    #[test]
    fn over_the_limit_the_fast_path_keeps_the_calls_without_qualifiers() {
        let matrix = test_matrix::matrix();
        let all = accepted_calls(&matrix);
        assert_eq!(FastPath::within(&matrix, all.len()).extent, Extent::Every);
        let fast_path = FastPath::within(&matrix, 20);
        assert_eq!(
            fast_path,
            FastPath {
                accepted: 31,
                extent: Extent::Unqualified,
                limit: 20
            }
        );
        let held = fast_path.calls(&matrix);
        assert_eq!(held.len(), 19);
        assert!(held.iter().all(|call| call.qualifiers == 0));

        let text = render_fast_path(&matrix, &test_matrix::sources(), &fast_path);
        assert!(text.contains(
            "    (v1, live, dash, widevine $(,)?) => { \
             $crate::__private::combination::V1__LIVE__DASH__WIDEVINE };"
        ));
        assert!(!text.contains("key_rotation $(,)?"));
        assert!(
            text.contains("/// This matrix accepts 31 calls with canonical ids, more than the 20")
        );
        let values = render_values_fast_path(&matrix, &fast_path);
        assert_eq!(values.matches("pub const ").count(), 19);
        assert!(!values.contains("KEY_ROTATION"));

        // Every call the fast path leaves out is still accepted by the decision the proc
        // macro makes, and only the calls it holds have a const to expand to.
        for call in &all {
            let words = call_words(&matrix, call);
            let words: Vec<Option<&str>> = words.iter().map(|w| Some(w.as_str())).collect();
            assert_eq!(decide(&matrix, &words).as_ref(), Ok(call));
            let has_const = values.contains(&format!("pub const {}:", value_name(&matrix, call)));
            assert_eq!(fast_path.holds(call), has_const, "{call:?}");
        }
    }

    /// When even the calls without qualifiers are over the limit, the fast path is empty:
    /// every call goes to the proc macro and no const is written.
    #[test]
    fn far_over_the_limit_the_fast_path_is_empty() {
        let matrix = test_matrix::matrix();
        let fast_path = FastPath::within(&matrix, 18);
        assert_eq!(fast_path.extent, Extent::Empty);
        assert!(fast_path.calls(&matrix).is_empty());
        let text = render_fast_path(&matrix, &test_matrix::sources(), &fast_path);
        assert!(!text.contains(VALUES_PATH));
        assert!(text.contains(
            "macro_rules! speke_supported {\n    \
             ($($input:tt)*) => { $crate::__speke_supported_slow! { ($($input)*) } };\n}"
        ));
        assert!(text.contains("so every call\n/// goes through the proc macro."));
        // The docs' example is still a call the matrix accepts, now through the proc macro.
        let example = accepted_calls(&matrix)
            .into_iter()
            .find(|call| call.qualifiers != 0)
            .unwrap();
        let words = call_words(&matrix, &example).join(", ");
        assert!(words.ends_with("key_rotation"), "{words}");
        assert!(text.contains(&format!("speke_supported!({words});")));
        let values = render_values_fast_path(&matrix, &fast_path);
        assert!(!values.contains("pub const "));
        assert!(values.starts_with("// @generated"));
    }
}
