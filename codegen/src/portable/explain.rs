//! Why a combination is not supported, and what is supported nearby.
//!
//! The build helper's model and the library's generated tables both answer the questions of
//! [`MatrixView`], so the macro, the CLI and the runtime library give one explanation, word for
//! word.

use super::spelling::join;

/// What an explanation needs to know of a matrix. Every term is named by its index in the
/// vocabulary; qualifiers are a bit set, bit `i` for the qualifier of index `i`.
pub trait MatrixView {
    fn version_count(&self) -> usize;
    fn mode_count(&self) -> usize;
    fn endpoint_count(&self) -> usize;
    fn drm_count(&self) -> usize;
    fn qualifier_count(&self) -> usize;
    fn version_name(&self, version: usize) -> &str;
    fn mode_name(&self, mode: usize) -> &str;
    fn endpoint_name(&self, endpoint: usize) -> &str;
    fn drm_name(&self, drm: usize) -> &str;
    fn qualifier_name(&self, qualifier: usize) -> &str;
    /// The group of alternatives the qualifier belongs to (such as `encryption-scheme`), if any.
    fn qualifier_group(&self, qualifier: usize) -> Option<&str>;
    /// Whether the version's grid has a column for the DRM system.
    fn has_column(&self, version: usize, drm: usize) -> bool;
    /// Whether the version's grid has a row for the endpoint type in the mode.
    fn has_row(&self, version: usize, mode: usize, endpoint: usize) -> bool;
    /// The qualifiers a supported cell offers, or `None` where the cell is not supported or not
    /// in the grid.
    fn offered(&self, version: usize, mode: usize, endpoint: usize, drm: usize) -> Option<u64>;
}

/// A combination to explain, by indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Query {
    pub version: usize,
    pub mode: usize,
    pub endpoint: usize,
    pub drm: usize,
    pub qualifiers: u64,
}

/// Whether the matrix supports the combination with every qualifier it asks for, and it asks
/// for at most one qualifier of each group of alternatives.
pub fn is_supported(view: &impl MatrixView, q: &Query) -> bool {
    view.offered(q.version, q.mode, q.endpoint, q.drm)
        .is_some_and(|offered| q.qualifiers & !offered == 0)
        && alternatives_asked(view, q.qualifiers).is_empty()
}

/// The groups of which a qualifier set holds two or more members, each with those members as
/// a bit set, in the order of the groups' first members in the vocabulary. An endpoint uses
/// one qualifier of a group (one encryption scheme), so a set holding two asks for the
/// impossible.
pub fn alternatives_asked(view: &impl MatrixView, set: u64) -> Vec<(&str, u64)> {
    let mut groups: Vec<(&str, u64)> = Vec::new();
    for i in (0..view.qualifier_count().min(64)).filter(|&i| set & (1 << i) != 0) {
        let Some(group) = view.qualifier_group(i) else {
            continue;
        };
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => *members |= 1 << i,
            None => groups.push((group, 1 << i)),
        }
    }
    groups.retain(|(_, members)| members.count_ones() > 1);
    groups
}

/// Why the combination is not supported and what is supported nearby, or `None` when it is
/// supported. Clauses are joined by `; ` and the text has no final full stop, so that callers
/// can embed it in their own sentences.
pub fn explain(view: &impl MatrixView, q: &Query) -> Option<String> {
    let mut clauses = alternatives_clauses(view, q);
    match cell_clauses(view, q) {
        Some(more) => clauses.extend(more),
        None if clauses.is_empty() => return None,
        None => clauses.push(either_clause(view, q)),
    }
    Some(clauses.join("; "))
}

/// Why the cell does not support the combination with the qualifiers it asks for, or `None`
/// when it does (groups of alternatives aside).
fn cell_clauses(view: &impl MatrixView, q: &Query) -> Option<Vec<String>> {
    let clauses = if !view.has_column(q.version, q.drm) {
        missing_column(view, q)
    } else if !view.has_row(q.version, q.mode, q.endpoint) {
        missing_row(view, q)
    } else {
        match view.offered(q.version, q.mode, q.endpoint, q.drm) {
            None => unsupported_cell(view, q),
            Some(offered) if q.qualifiers & !offered != 0 => {
                missing_qualifiers(view, q, q.qualifiers & !offered)
            }
            Some(_) => return None,
        }
    };
    Some(clauses)
}

/// "cbcs and cenc are alternatives (encryption-scheme): an endpoint uses one of them, so ask
/// for one", for each group of which the query asks for several members.
fn alternatives_clauses(view: &impl MatrixView, q: &Query) -> Vec<String> {
    alternatives_asked(view, q.qualifiers)
        .into_iter()
        .map(|(group, members)| {
            format!(
                "{} are alternatives ({group}): an endpoint uses one of them, so ask for one",
                qualifier_names(view, members)
            )
        })
        .collect()
}

/// "SPEKE v1 supports Google Widevine on CMAF Apple HLS (live) with either cbcs or cenc": for
/// a cell that offers every qualifier asked for, groups of alternatives aside, which of them
/// the cell lets a combination choose from.
fn either_clause(view: &impl MatrixView, q: &Query) -> String {
    let (version, drm) = (view.version_name(q.version), view.drm_name(q.drm));
    let endpoint = view.endpoint_name(q.endpoint);
    let mode = mode_in_text(view.mode_name(q.mode));
    let choices: Vec<String> = alternatives_asked(view, q.qualifiers)
        .into_iter()
        .map(|(_, members)| {
            let names: Vec<&str> = (0..view.qualifier_count().min(64))
                .filter(|&i| members & (1 << i) != 0)
                .map(|i| view.qualifier_name(i))
                .collect();
            match names.as_slice() {
                [init @ .., last] if !init.is_empty() => {
                    format!("either {} or {last}", init.join(", "))
                }
                _ => join(&names),
            }
        })
        .collect();
    format!(
        "{version} supports {drm} on {endpoint} ({mode}) with {}",
        join(&choices)
    )
}

/// The mode as running text: "Live" reads "live", while "VOD" stays as it is.
pub fn mode_in_text(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

/// The names of the qualifiers in a bit set, joined as prose.
pub fn qualifier_names(view: &impl MatrixView, set: u64) -> String {
    let names: Vec<&str> = (0..view.qualifier_count())
        .filter(|&i| i < 64 && set & (1 << i) != 0)
        .map(|i| view.qualifier_name(i))
        .collect();
    join(&names)
}

fn supports(view: &impl MatrixView, v: usize, m: usize, e: usize, d: usize, wanted: u64) -> bool {
    view.offered(v, m, e, d)
        .is_some_and(|offered| wanted & !offered == 0)
}

/// Names of the DRM systems an endpoint type supports in a version and mode.
fn drms_on(view: &impl MatrixView, v: usize, m: usize, e: usize) -> Vec<&str> {
    (0..view.drm_count())
        .filter(|&d| supports(view, v, m, e, d, 0))
        .map(|d| view.drm_name(d))
        .collect()
}

/// Names of the endpoint types that support a DRM system in a version and mode.
fn endpoints_for(view: &impl MatrixView, v: usize, m: usize, d: usize, wanted: u64) -> Vec<&str> {
    (0..view.endpoint_count())
        .filter(|&e| supports(view, v, m, e, d, wanted))
        .map(|e| view.endpoint_name(e))
        .collect()
}

/// Names of the other versions that support the same cell.
fn other_versions<'a>(view: &'a impl MatrixView, q: &Query, wanted: u64) -> Vec<&'a str> {
    (0..view.version_count())
        .filter(|&v| v != q.version && supports(view, v, q.mode, q.endpoint, q.drm, wanted))
        .map(|v| view.version_name(v))
        .collect()
}

/// "DASH with SPEKE v2 (live) supports Microsoft PlayReady and Google Widevine".
fn endpoint_clause(view: &impl MatrixView, q: &Query) -> String {
    let (version, endpoint) = (view.version_name(q.version), view.endpoint_name(q.endpoint));
    let mode = mode_in_text(view.mode_name(q.mode));
    let drms = drms_on(view, q.version, q.mode, q.endpoint);
    if drms.is_empty() {
        format!("{endpoint} with {version} ({mode}) supports no DRM system")
    } else {
        format!(
            "{endpoint} with {version} ({mode}) supports {}",
            join(&drms)
        )
    }
}

/// "Apple FairPlay with SPEKE v2 is supported on CMAF Apple HLS (live)".
fn drm_clause(view: &impl MatrixView, q: &Query) -> String {
    let (version, drm) = (view.version_name(q.version), view.drm_name(q.drm));
    let mode = mode_in_text(view.mode_name(q.mode));
    let endpoints = endpoints_for(view, q.version, q.mode, q.drm, 0);
    if endpoints.is_empty() {
        format!("{drm} with {version} is not supported on any endpoint type ({mode})")
    } else {
        format!(
            "{drm} with {version} is supported on {} ({mode})",
            join(&endpoints)
        )
    }
}

/// "SPEKE v1 supports it": other versions that support the same cell.
fn elsewhere_clause(view: &impl MatrixView, q: &Query) -> Option<String> {
    // No version supports a combination asking for two alternatives; the first clause says so.
    if !alternatives_asked(view, q.qualifiers).is_empty() {
        return None;
    }
    let others = other_versions(view, q, q.qualifiers);
    let verb = if others.len() == 1 {
        "supports"
    } else {
        "support"
    };
    (!others.is_empty()).then(|| format!("{} {verb} this combination", join(&others)))
}

fn missing_column(view: &impl MatrixView, q: &Query) -> Vec<String> {
    let (version, drm) = (view.version_name(q.version), view.drm_name(q.drm));
    let mut clauses = vec![format!(
        "{version} does not support {drm} on any endpoint type"
    )];
    let with_column: Vec<&str> = (0..view.version_count())
        .filter(|&v| view.has_column(v, q.drm))
        .map(|v| view.version_name(v))
        .collect();
    if with_column.is_empty() {
        clauses.push(format!("no SPEKE version of the matrix has a {drm} column"));
    } else {
        clauses.push(format!("{drm} is in the grid of {}", join(&with_column)));
    }
    if view.has_row(q.version, q.mode, q.endpoint) {
        clauses.push(endpoint_clause(view, q));
    }
    clauses
}

fn missing_row(view: &impl MatrixView, q: &Query) -> Vec<String> {
    let version = view.version_name(q.version);
    let endpoint = view.endpoint_name(q.endpoint);
    let mode = mode_in_text(view.mode_name(q.mode));
    let mode_present = (0..view.endpoint_count()).any(|e| view.has_row(q.version, q.mode, e));
    let mut clauses = Vec::new();
    if mode_present {
        clauses.push(format!(
            "{version} does not support {endpoint} endpoints ({mode})"
        ));
        let with_row: Vec<&str> = (0..view.version_count())
            .filter(|&v| view.has_row(v, q.mode, q.endpoint))
            .map(|v| view.version_name(v))
            .collect();
        if !with_row.is_empty() {
            clauses.push(format!(
                "{endpoint} endpoints ({mode}) are in the grid of {}",
                join(&with_row)
            ));
        }
        clauses.push(drm_clause(view, q));
    } else {
        clauses.push(format!("{version} does not support {mode} endpoints"));
        let with_mode: Vec<&str> = (0..view.version_count())
            .filter(|&v| (0..view.endpoint_count()).any(|e| view.has_row(v, q.mode, e)))
            .map(|v| view.version_name(v))
            .collect();
        if !with_mode.is_empty() {
            clauses.push(format!(
                "{mode} endpoints are in the grid of {}",
                join(&with_mode)
            ));
        }
    }
    clauses.extend(elsewhere_clause(view, q));
    clauses
}

fn unsupported_cell(view: &impl MatrixView, q: &Query) -> Vec<String> {
    let (version, drm) = (view.version_name(q.version), view.drm_name(q.drm));
    let endpoint = view.endpoint_name(q.endpoint);
    let mode = mode_in_text(view.mode_name(q.mode));
    let mut clauses = vec![
        format!("{version} does not support {drm} on {endpoint} ({mode})"),
        drm_clause(view, q),
        endpoint_clause(view, q),
    ];
    clauses.extend(elsewhere_clause(view, q));
    clauses
}

fn missing_qualifiers(view: &impl MatrixView, q: &Query, missing: u64) -> Vec<String> {
    let (version, drm) = (view.version_name(q.version), view.drm_name(q.drm));
    let endpoint = view.endpoint_name(q.endpoint);
    let mode = mode_in_text(view.mode_name(q.mode));
    let names = qualifier_names(view, missing);
    let mut clauses = vec![format!(
        "{version} supports {drm} on {endpoint} ({mode}) but without {names}"
    )];

    let endpoints = endpoints_for(view, q.version, q.mode, q.drm, missing);
    if !endpoints.is_empty() {
        clauses.push(format!(
            "{drm} with {version} offers {names} on {} ({mode})",
            join(&endpoints)
        ));
    } else {
        let cells: Vec<String> = (0..view.endpoint_count())
            .filter_map(|e| {
                let drms: Vec<&str> = (0..view.drm_count())
                    .filter(|&d| supports(view, q.version, q.mode, e, d, missing))
                    .map(|d| view.drm_name(d))
                    .collect();
                (!drms.is_empty()).then(|| format!("{} ({})", view.endpoint_name(e), join(&drms)))
            })
            .collect();
        if cells.is_empty() {
            clauses.push(format!("no {mode} cell of {version} offers {names}"));
        } else {
            clauses.push(format!(
                "{version} ({mode}) offers {names} on {}",
                join(&cells)
            ));
        }
    }

    let elsewhere: Vec<String> = (0..view.version_count())
        .flat_map(|v| (0..view.mode_count()).map(move |m| (v, m)))
        .filter(|&(v, m)| (v, m) != (q.version, q.mode))
        .filter(|&(v, m)| supports(view, v, m, q.endpoint, q.drm, missing))
        .map(|(v, m)| {
            format!(
                "{} ({})",
                view.version_name(v),
                mode_in_text(view.mode_name(m))
            )
        })
        .collect();
    if !elsewhere.is_empty() {
        clauses.push(format!(
            "{drm} on {endpoint} offers {names} with {}",
            join(&elsewhere)
        ));
    }
    clauses
}
