//! Words of the matrix vocabulary as people type them: normalising a spelling, finding the
//! nearest valid one, and the wording of "unknown word" messages.

/// The form in which two spellings of one word compare equal: case-insensitive, with `_`,
/// spaces and `-` all the same (`Key_Rotation`, `key rotation` and `key-rotation` match).
pub fn normalize(word: &str) -> String {
    let mut normal = String::with_capacity(word.len());
    let mut pending_dash = false;
    for c in word.trim().chars() {
        if c == '-' || c == '_' || c.is_whitespace() {
            pending_dash = !normal.is_empty();
        } else {
            if pending_dash {
                normal.push('-');
                pending_dash = false;
            }
            normal.extend(c.to_lowercase());
        }
    }
    normal
}

/// The candidate nearest to `word`, if one is near enough to be a likely typo.
///
/// Each candidate is a spelling (an id, a display name or an alias) and the id it stands for;
/// the id is what is suggested.
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<&'a str> {
    let word = normalize(word);
    let mut best: Option<(usize, &str)> = None;
    for (spelling, id) in candidates {
        let distance = edit_distance(&word, &normalize(spelling));
        let near_enough = distance <= (word.chars().count() / 3).max(1);
        if near_enough && best.is_none_or(|(best_distance, _)| distance < best_distance) {
            best = Some((distance, id));
        }
    }
    best.map(|(_, id)| id)
}

/// The edit distance between two words, in characters, counting a swap of two neighbouring
/// characters as one edit (`hsl` is one edit from `hls`), as typos usually are.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the dynamic-programming table: two rows back, the previous, the current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 0..a.len() {
        current[0] = i + 1;
        for j in 0..b.len() {
            let substitution = previous[j] + usize::from(a[i] != b[j]);
            let mut best = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                best = best.min(before[j - 1] + 1);
            }
            current[j + 1] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// "unknown DRM system `widevin`; expected one of playready, widevine (did you mean
/// `widevine`?)": the message for a word that is not in the vocabulary.
pub fn unknown_word(
    what: &str,
    found: &str,
    expected: &[&str],
    suggestion: Option<&str>,
) -> String {
    let mut message = format!("unknown {what} {}", quoted(found));
    if expected.is_empty() {
        message.push_str(&format!("; the matrix defines no {what}"));
    } else {
        message.push_str(&format!("; expected one of {}", expected.join(", ")));
    }
    if let Some(suggestion) = suggestion {
        message.push_str(&format!(" (did you mean `{suggestion}`?)"));
    }
    message
}

/// Shows a value inside backticks, shortened so that a runaway value cannot flood a terminal.
pub fn quoted(value: &str) -> String {
    const MAX_CHARS: usize = 48;
    let count = value.chars().count();
    if count <= MAX_CHARS {
        format!("`{value}`")
    } else {
        let head: String = value.chars().take(MAX_CHARS).collect();
        format!("`{head}…` ({count} characters)")
    }
}

/// Joins items as prose: "a", "a and b", "a, b and c".
pub fn join<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_normalize_alike() {
        for spelling in [
            "key-rotation",
            "Key_Rotation",
            " key  rotation ",
            "KEY-_rotation",
        ] {
            assert_eq!(normalize(spelling), "key-rotation");
        }
    }

    #[test]
    fn suggests_the_nearest_id() {
        let candidates = [
            ("playready", "playready"),
            ("widevine", "widevine"),
            ("wv", "widevine"),
        ];
        assert_eq!(closest("widevin", candidates), Some("widevine"));
        assert_eq!(closest("PlayReddy", candidates), Some("playready"));
        assert_eq!(closest("nagra", candidates), None);
        let endpoints = [("hls", "apple-hls"), ("dash", "dash")];
        assert_eq!(closest("hsl", endpoints), Some("apple-hls"));
        assert_eq!(closest("dahs", endpoints), Some("dash"));
    }

    #[test]
    fn unknown_word_says_what_was_expected() {
        let message = unknown_word(
            "DRM system",
            "widevin",
            &["playready", "widevine"],
            Some("widevine"),
        );
        assert_eq!(
            message,
            "unknown DRM system `widevin`; expected one of playready, widevine (did you mean `widevine`?)"
        );
    }

    #[test]
    fn joins_as_prose() {
        assert_eq!(join::<&str>(&[]), "");
        assert_eq!(join(&["a"]), "a");
        assert_eq!(join(&["a", "b"]), "a and b");
        assert_eq!(join(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn long_values_are_shortened() {
        let long = "x".repeat(100);
        assert!(quoted(&long).ends_with("…` (100 characters)"));
    }
}
