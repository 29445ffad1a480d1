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

/// The candidate nearest to `word`, if one is near enough to be a likely typo and no other id
/// is as near (for `v3`, `v1` and `v2` are equally likely, so neither is suggested).
///
/// Each candidate is a spelling (an id, a display name or an alias) and the id it stands for;
/// the id is what is suggested.
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<&'a str> {
    let word = normalize(word);
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    for (spelling, id) in candidates {
        let distance = edit_distance(&word, &normalize(spelling));
        if distance > (word.chars().count() / 3).max(1) {
            continue;
        }
        match best {
            Some((best_distance, _)) if distance > best_distance => {}
            Some((best_distance, best_id)) if distance == best_distance => {
                tied |= best_id != id;
            }
            _ => {
                best = Some((distance, id));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, id)| id)
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

/// Shows a value inside backticks, shortened so that a runaway value cannot flood a terminal,
/// and with control characters escaped (`\n`), so that a message stays on one line.
pub fn quoted(value: &str) -> String {
    const MAX_CHARS: usize = 48;
    let count = value.chars().count();
    let shown: String = value
        .chars()
        .take(MAX_CHARS)
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    if count <= MAX_CHARS {
        format!("`{shown}`")
    } else {
        format!("`{shown}…` ({count} characters)")
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
        let versions = [("v1", "v1"), ("speke-v1", "v1"), ("v2", "v2")];
        assert_eq!(closest("v3", versions), None);
        assert_eq!(closest("speke-v", versions), Some("v1"));
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("dash", "dash"), 0);
        assert_eq!(edit_distance("dahs", "dash"), 1);
        assert_eq!(edit_distance("widevin", "widevine"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ca", "abc"), 3);
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
        assert_eq!(quoted("a\nb\tc"), "`a\\nb\\tc`");
    }
}
