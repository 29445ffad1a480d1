//! The shape in which the library's `macro_rules!` macro hands a call over:
//! `[CRATE] ["file name" "file text" ...] (ARGUMENTS)`. Only generated code writes it, so a
//! mismatch is reported as misuse of a hidden macro rather than explained.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use speke_matrix_build::SourceFile;

use crate::literal::string_value;

/// A call as handed over.
pub struct Input {
    /// The path of the `speke_matrix` crate as the caller sees it (`$crate`).
    pub krate: TokenStream,
    /// The matrix files the library was built from, as string literals written in Rust
    /// (quoted and escaped): comparing them as written is enough to find a cached matrix.
    pub sources: Vec<String>,
    /// The user's arguments, with their spans.
    pub arguments: TokenStream,
    /// The group that holds the arguments, whose span stands for an empty call.
    pub arguments_span: Span,
}

/// Misuse of the hidden macro, with the span to report it at.
pub struct Misuse {
    pub span: Span,
    pub message: String,
}

pub fn parse(input: TokenStream) -> Result<Input, Misuse> {
    let mut trees = input.into_iter();
    let krate = bracketed(trees.next(), "the crate path")?;
    let sources = literals(bracketed(trees.next(), "the matrix files")?)?;
    let (arguments, arguments_span) = match trees.next() {
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
            (group.stream(), group.span())
        }
        other => {
            return Err(misuse(
                other.as_ref(),
                "expected the arguments in parentheses",
            ))
        }
    };
    if let Some(extra) = trees.next() {
        return Err(misuse(
            Some(&extra),
            "unexpected tokens after the arguments",
        ));
    }
    Ok(Input {
        krate,
        sources,
        arguments,
        arguments_span,
    })
}

fn bracketed(tree: Option<TokenTree>, what: &str) -> Result<TokenStream, Misuse> {
    match tree {
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Bracket => {
            Ok(group.stream())
        }
        other => Err(misuse(
            other.as_ref(),
            &format!("expected {what} in brackets"),
        )),
    }
}

/// The literals as written, an even number of them: a file's name, then its text.
fn literals(stream: TokenStream) -> Result<Vec<String>, Misuse> {
    let mut written = Vec::new();
    for tree in stream {
        match &tree {
            TokenTree::Literal(literal) => written.push(literal.to_string()),
            other => return Err(misuse(Some(other), "expected a string literal")),
        }
    }
    if written.len() % 2 != 0 {
        return Err(Misuse {
            span: Span::call_site(),
            message: misuse_message("expected a file name and a text for each matrix file"),
        });
    }
    Ok(written)
}

/// The files that literals as written by [`parse`] hold.
pub fn source_files(written: &[String]) -> Result<Vec<SourceFile>, Misuse> {
    let values: Option<Vec<String>> = written.iter().map(|w| string_value(w)).collect();
    let Some(values) = values else {
        return Err(Misuse {
            span: Span::call_site(),
            message: misuse_message("expected string literals for the matrix files"),
        });
    };
    Ok(values
        .chunks(2)
        .map(|pair| SourceFile::new(pair[0].clone(), pair[1].clone()))
        .collect())
}

fn misuse(tree: Option<&TokenTree>, problem: &str) -> Misuse {
    Misuse {
        span: tree.map_or_else(Span::call_site, TokenTree::span),
        message: misuse_message(problem),
    }
}

fn misuse_message(problem: &str) -> String {
    format!(
        "{problem}; this hidden macro is called only by `speke_matrix::speke_supported!`, \
         use that instead"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_handed_over_call() {
        let input: TokenStream =
            r#"[speke_matrix] ["modes.csv" "id,name,aliases\nlive,Live,\n"] (v1, live)"#
                .parse()
                .unwrap();
        let Ok(input) = parse(input) else {
            panic!("the call does not parse")
        };
        assert_eq!(input.krate.to_string(), "speke_matrix");
        let Ok(files) = source_files(&input.sources) else {
            panic!("the literals are not strings")
        };
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].path, "modes.csv");
        assert_eq!(files[0].bytes, b"id,name,aliases\nlive,Live,\n");
        assert_eq!(input.arguments.to_string(), "v1 , live");
    }

    #[test]
    fn says_that_the_macro_is_hidden() {
        for text in [
            "(v1, live)",
            "[speke_matrix] [\"a\"] (v1)",
            "[k] [x] (v1)",
            "[k] [] (v1) x",
        ] {
            let Err(misuse) = parse(text.parse().unwrap()) else {
                panic!("accepted {text}")
            };
            assert!(
                misuse.message.ends_with("use that instead"),
                "{}",
                misuse.message
            );
        }
    }
}
