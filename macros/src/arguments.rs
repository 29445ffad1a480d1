//! The user's arguments: comma-separated words, each meant to be one identifier. Anything else
//! is refused here with a usage message, and the remaining words go on to be decided, so that
//! one call reports every mistake at once.
//!
//! Not offered: the keyword form (`drm = widevine`) that the issue allows. Positional words
//! already read as the reference's tables do, and a second grammar would double the usage
//! messages to keep right; it is refused as an argument that is not an identifier.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use speke_matrix_build::decide::usage;

use crate::literal::string_value;

/// Where a message points: from the first token of an argument to its last.
#[derive(Clone, Copy)]
pub struct Place {
    pub first: Span,
    pub last: Span,
}

/// One argument: the word it names, if it names one, and what is wrong with how it is
/// written, if anything.
pub struct Argument {
    pub place: Place,
    /// `None` when no word can be read from the argument; its problem says why.
    pub word: Option<String>,
    pub problem: Option<String>,
}

/// The arguments, and the mistakes that belong to no argument (an empty one between commas),
/// each with the number of arguments before it.
pub struct Arguments {
    pub list: Vec<Argument>,
    pub stray: Vec<(usize, Place, String)>,
}

pub fn split(stream: TokenStream) -> Arguments {
    let mut arguments = Arguments {
        list: Vec::new(),
        stray: Vec::new(),
    };
    let mut current: Vec<TokenTree> = Vec::new();
    for tree in flatten(stream) {
        match &tree {
            TokenTree::Punct(punct) if punct.as_char() == ',' => {
                if current.is_empty() {
                    let place = Place {
                        first: punct.span(),
                        last: punct.span(),
                    };
                    let message = usage("expected an argument before this comma");
                    arguments.stray.push((arguments.list.len(), place, message));
                } else {
                    arguments.list.push(read(&current));
                }
                current.clear();
            }
            _ => current.push(tree),
        }
    }
    if !current.is_empty() {
        arguments.list.push(read(&current));
    }
    arguments
}

/// The tokens with invisible groups opened: a caller's own `macro_rules!` macro may pass a
/// word as a captured fragment, which arrives wrapped in a group without delimiters.
fn flatten(stream: TokenStream) -> Vec<TokenTree> {
    let mut trees = Vec::new();
    for tree in stream {
        match tree {
            TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
                trees.extend(flatten(group.stream()));
            }
            other => trees.push(other),
        }
    }
    trees
}

fn read(tokens: &[TokenTree]) -> Argument {
    let place = Place {
        first: tokens[0].span(),
        last: tokens[tokens.len() - 1].span(),
    };
    let argument = |word: Option<String>, problem: Option<String>| Argument {
        place,
        word,
        problem: problem.map(|p| usage(&p)),
    };
    match tokens {
        [TokenTree::Ident(ident)] => {
            let text = ident.to_string();
            let word = text.strip_prefix("r#").unwrap_or(&text).to_owned();
            argument(Some(word), None)
        }
        // A string's value still goes on to be decided, so that the call's other mistakes
        // are found in the same build.
        [TokenTree::Literal(literal)] => {
            let written = literal.to_string();
            let value = string_value(&written);
            let hint = value
                .as_deref()
                .map(as_identifier)
                .filter(|ident| !ident.is_empty())
                .map_or(String::new(), |ident| format!("; write `{ident}`"));
            argument(
                value,
                Some(format!(
                    "expected an identifier, found the literal {written}{hint}"
                )),
            )
        }
        _ => match dashed_word(tokens) {
            Some(word) => {
                let problem = format!(
                    "expected one identifier, found `{word}`; write `{}`",
                    word.replace('-', "_")
                );
                argument(Some(word), Some(problem))
            }
            None => {
                let written: TokenStream = tokens.iter().cloned().collect();
                argument(
                    None,
                    Some(format!("expected an identifier, found `{written}`")),
                )
            }
        },
    }
}

/// `apple-hls` or `aes-128` as written in a CSV file: words and numbers joined by `-`, which
/// Rust reads as a subtraction. Returns the word as written.
fn dashed_word(tokens: &[TokenTree]) -> Option<String> {
    if tokens.len() < 3 || tokens.len() % 2 == 0 {
        return None;
    }
    let mut word = String::new();
    for (i, tree) in tokens.iter().enumerate() {
        let part = match tree {
            TokenTree::Punct(p) if i % 2 == 1 && p.as_char() == '-' => "-".to_owned(),
            TokenTree::Ident(ident) if i % 2 == 0 => ident.to_string(),
            TokenTree::Literal(literal) if i % 2 == 0 => {
                let text = literal.to_string();
                text.chars()
                    .all(|c| c.is_ascii_alphanumeric())
                    .then_some(text)?
            }
            _ => return None,
        };
        word.push_str(&part);
    }
    Some(word)
}

/// A string as an identifier would write it, or an empty string if it cannot be one.
fn as_identifier(value: &str) -> String {
    let ident: String = value
        .trim()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    let valid = ident.starts_with(|c: char| c.is_alphabetic())
        && ident.chars().all(|c| c.is_alphanumeric() || c == '_');
    if valid {
        ident
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Vec<(Option<String>, Option<String>)> {
        split(text.parse().unwrap())
            .list
            .into_iter()
            .map(|a| (a.word, a.problem))
            .collect()
    }

    #[test]
    fn words_are_identifiers() {
        let found = read_all("v1, live, r#dash, widevine,");
        let words: Vec<Option<String>> = found.iter().map(|(w, _)| w.clone()).collect();
        assert_eq!(
            words,
            ["v1", "live", "dash", "widevine"].map(|w| Some(w.to_owned()))
        );
        assert!(found.iter().all(|(_, problem)| problem.is_none()));
    }

    #[test]
    fn a_literal_is_refused_with_the_identifier_to_write() {
        let found = read_all(r#""google widevine", 2"#);
        assert_eq!(found[0].0.as_deref(), Some("google widevine"));
        assert_eq!(found[1].0, None);
        assert_eq!(
            found[0].1.as_deref(),
            Some(
                "expected an identifier, found the literal \"google widevine\"; write \
                 `google_widevine`; usage: speke_supported!(VERSION, MODE, ENDPOINT, DRM [, \
                 QUALIFIER]...)"
            )
        );
        assert!(found[1]
            .1
            .as_deref()
            .unwrap()
            .starts_with("expected an identifier, found the literal 2;"));
    }

    #[test]
    fn a_dashed_id_is_read_and_refused() {
        let found = read_all("apple-hls, aes-128");
        assert_eq!(found[0].0.as_deref(), Some("apple-hls"));
        assert!(found[0]
            .1
            .as_deref()
            .unwrap()
            .starts_with("expected one identifier, found `apple-hls`; write `apple_hls`;"));
        assert_eq!(found[1].0.as_deref(), Some("aes-128"));
    }

    #[test]
    fn other_tokens_are_refused() {
        let found = read_all("drm = widevine, (v1)");
        assert_eq!(found[0].0, None);
        assert!(found[0]
            .1
            .as_deref()
            .unwrap()
            .starts_with("expected an identifier, found `drm = widevine`;"));
        assert_eq!(found[1].0, None);
    }

    #[test]
    fn an_empty_argument_is_a_stray_mistake() {
        let arguments = split("v1,, live".parse().unwrap());
        assert_eq!(arguments.list.len(), 2);
        assert_eq!(arguments.stray.len(), 1);
        assert!(arguments.stray[0]
            .2
            .starts_with("expected an argument before this comma"));
        assert_eq!(arguments.stray[0].0, 1);
    }
}
