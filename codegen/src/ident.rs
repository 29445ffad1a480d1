//! Ids of the vocabulary and the Rust names made from them: `key-rotation` is written
//! `key_rotation` in macro input and becomes the variant `KeyRotation`.

/// Rust's strict and reserved keywords, which cannot name a macro argument once `-` becomes `_`.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Checks that an id is lowercase words of letters and digits joined by `-`, starting with a
/// letter, and not a Rust keyword once written with `_`; says what to write instead if not.
pub fn check(id: &str) -> Result<(), String> {
    check_as("id", id)
}

/// [`check`] for another value written as an id, such as a qualifier's group; `what` names
/// the value in the message.
pub fn check_as(what: &str, id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err(format!(
            "empty {what}; write lowercase words joined by `-`, such as `apple-hls`"
        ));
    }
    let words_ok = id.split('-').all(|word| {
        !word.is_empty()
            && word
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    });
    let shown = crate::portable::spelling::quoted(id);
    if !words_ok {
        let hint = suggested_id(id);
        let hint = if hint.is_empty() || hint == id {
            String::new()
        } else {
            format!(" (such as `{hint}`)")
        };
        return Err(format!(
            "invalid {what} {shown}; expected lowercase letters and digits with `-` between \
             words{hint}"
        ));
    }
    if !id.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err(format!(
            "invalid {what} {shown}; it must start with a letter, because it becomes a Rust name"
        ));
    }
    let snake = snake_case(id);
    if KEYWORDS.contains(&snake.as_str()) {
        return Err(format!(
            "{what} `{id}` is the Rust keyword `{snake}`, which macro input cannot use; choose \
             another {what}"
        ));
    }
    Ok(())
}

/// A valid id close to an invalid one, for the error message, and for recognising the word a
/// grid uses for the term whose id is wrong.
pub fn suggested_id(id: &str) -> String {
    let lowered: String = id
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    lowered
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The id as macro input and Rust paths write it: `key-rotation` is `key_rotation`.
pub fn snake_case(id: &str) -> String {
    id.replace('-', "_")
}

/// The id as an enum variant: `key-rotation` is `KeyRotation`, `aes-128` is `Aes128`, and
/// `v2-1` is `V2_1` so that it stays apart from `v21`.
pub fn camel_case(id: &str) -> String {
    let mut camel = String::with_capacity(id.len());
    for word in id.split('-') {
        let digit_meets_digit = camel.ends_with(|c: char| c.is_ascii_digit())
            && word.starts_with(|c: char| c.is_ascii_digit());
        if digit_meets_digit {
            camel.push('_');
        }
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            camel.push(first.to_ascii_uppercase());
            camel.extend(chars);
        }
    }
    camel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ids() {
        for id in ["v1", "apple-hls", "aes-128", "key-rotation", "v2-1"] {
            assert_eq!(check(id), Ok(()), "{id}");
        }
    }

    #[test]
    fn invalid_ids_say_what_to_write() {
        assert!(check("Apple HLS")
            .unwrap_err()
            .contains("such as `apple-hls`"));
        assert!(check("key_rotation")
            .unwrap_err()
            .contains("such as `key-rotation`"));
        assert!(check("128-aes")
            .unwrap_err()
            .contains("must start with a letter"));
        assert!(check("a--b").is_err());
        assert!(check("").unwrap_err().starts_with("empty id"));
        assert!(check_as("group", "Encryption Scheme")
            .unwrap_err()
            .starts_with("invalid group `Encryption Scheme`"));
        assert!(check("type").unwrap_err().contains("Rust keyword"));
        assert!(check("self").is_err());
    }

    #[test]
    fn rust_names() {
        assert_eq!(camel_case("apple-hls"), "AppleHls");
        assert_eq!(camel_case("aes-128"), "Aes128");
        assert_eq!(camel_case("v2-1"), "V2_1");
        assert_eq!(camel_case("v21"), "V21");
        assert_eq!(snake_case("cmaf-hls"), "cmaf_hls");
    }
}
