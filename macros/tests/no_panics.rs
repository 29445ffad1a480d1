//! Property tests: whatever tokens reach the proc macro, it expands to a well-formed token
//! stream, never panics, and refuses with at least one non-empty message exactly the calls
//! that a plain reading of the grammar and the matrix refuses.
//!
//! A proc-macro crate can export nothing but its macros, so this test compiles the macro's
//! modules itself (`#[path]` below) and calls `expand::expand`, the function the proc macro's
//! entry point hands its input to, with `proc_macro2` tokens. Those modules' own unit tests are
//! compiled into this binary too and run a second time; they take milliseconds.
//!
//! Each property runs 256 cases, so that `cargo test` stays quick; set `PROPTEST_CASES` for a
//! longer run (`PROPTEST_CASES=100000 cargo test -p speke-matrix-macros --test no_panics`).
//! Failures are not saved to files: a case found here becomes a named test in this file.

// The modules as the proc-macro crate declares them, so that their `crate::` paths resolve.
#[path = "../src/arguments.rs"]
mod arguments;
#[path = "../src/expand.rs"]
mod expand;
#[path = "../src/input.rs"]
mod input;
#[path = "../src/literal.rs"]
mod literal;
#[path = "../src/matrix_cache.rs"]
mod matrix_cache;

use std::ffi::CString;
use std::str::FromStr;

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::test_runner::Config;
use speke_matrix_build::decide::{decide, REQUIRED};
use speke_matrix_build::{compile, ident, Matrix, SourceFile, TermKind};

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(256);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// A small matrix in the shape of AWS's reference, with a group of two encryption scheme
/// qualifiers so that calls can name several qualifiers, in the order the library's build
/// script hands the files over. Written here because no file of this package may read the
/// library's `matrix/` directory.
const FILES: [(&str, &str); 7] = [
    (
        "drm-systems.csv",
        "id,name,aliases,system-id\n\
         playready,Microsoft PlayReady,pr,9a04f079-9840-4286-ab92-e65be0885f95\n\
         widevine,Google Widevine,google-widevine | wv,edef8ba9-79d6-4ace-a3c8-27dcd51d21ed\n\
         fairplay,Apple FairPlay,fps,94ce86fb-07ff-4f43-adb8-93d2fa968ca2\n",
    ),
    (
        "endpoints.csv",
        "id,name,aliases\n\
         apple-hls,Apple HLS,hls\n\
         cmaf-hls,CMAF Apple HLS,cmaf\n\
         dash,DASH,mpeg-dash\n",
    ),
    (
        "modes.csv",
        "id,name,aliases\nlive,Live,\nvod,VOD,on-demand\n",
    ),
    (
        "qualifiers.csv",
        "id,name,aliases,group,phrase\n\
         key-rotation,key rotation,rotation,,with key rotation\n\
         cbcs,cbcs,,encryption-scheme,with cbcs\n\
         cenc,cenc,,encryption-scheme,with cenc\n",
    ),
    (
        "speke-v1.csv",
        "mode,endpoint,playready,widevine,fairplay\n\
         live,apple-hls,no,no,yes + key-rotation\n\
         live,cmaf-hls,no,yes + key-rotation + cbcs + cenc,yes + cbcs\n\
         live,dash,yes + key-rotation,yes + key-rotation,no\n\
         vod,dash,yes,yes,no\n",
    ),
    (
        "speke-v2.csv",
        "mode,endpoint,playready,widevine,fairplay\n\
         live,cmaf-hls,yes,yes + cbcs,yes\n\
         live,dash,yes,yes,no\n",
    ),
    (
        "versions.csv",
        "id,name,aliases,cpix-version,keys,source,as-of\n\
         v1,SPEKE v1,speke-v1,2.0,one,https://example.invalid/speke,2026-12-03\n\
         v2,SPEKE v2,speke-v2,2.3,several,https://example.invalid/speke,2026-12-03\n",
    ),
];

/// Crate paths the library's macro may hand over. The compiler hands `$crate` over as one
/// identifier, which only it can make; outside a compiler, proc-macro2 reads the text as `$`
/// followed by `crate`, so that is what these tests can give.
const CRATE_PATHS: &[&str] = &["k", "$crate", "::speke_matrix", "crate"];

/// The call the mutations start from, which the matrix supports.
const VALID_CALL: &str = "v1, live, dash, widevine, key_rotation";

/// Words a call may hold: every kind of term, aliases, dashed ids, other spellings, Rust
/// keywords and raw identifiers.
const WORDS: &[&str] = &[
    "v1",
    "v2",
    "V1",
    "speke_v1",
    "live",
    "vod",
    "LIVE",
    "on_demand",
    "dash",
    "cmaf_hls",
    "cmaf",
    "apple_hls",
    "hls",
    "mss",
    "widevine",
    "playready",
    "pr",
    "wv",
    "fairplay",
    "google_widevine",
    "widevin",
    "key_rotation",
    "rotation",
    "cbcs",
    "cenc",
    "encryption_scheme",
    "_",
    "__",
    "self",
    "Self",
    "crate",
    "super",
    "fn",
    "type",
    "async",
    "dyn",
    "r#type",
    "r#fn",
    "r#v1",
    "r#live",
    "é",
    "ñandú",
    "日本",
];

/// Literals of every kind, as source code writes them.
const LITERALS: &[&str] = &[
    "\"v1\"",
    "\"key-rotation\"",
    "\"google widevine\"",
    "\"\"",
    "\" \"",
    "\"a\\nb\"",
    "\"\\u{1F600}\"",
    "\"\\x41\"",
    "r\"live\"",
    "r#\"a \"quoted\" word\"#",
    "r##\"\"##",
    "\"dash\"suffix",
    "b\"dash\"",
    "br\"dash\"",
    "b\"\\xff\"",
    "c\"dash\"",
    "cr\"dash\"",
    "'x'",
    "'\\''",
    "'\\u{1F600}'",
    "b'a'",
    "0",
    "1",
    "128",
    "1_000",
    "0x1F",
    "0b101",
    "0o17",
    "1u8",
    "2usize",
    "1.5",
    "1e3",
    "2.0f32",
    "1E-7f64",
];

/// Every character that can be a punctuation token.
const PUNCTUATION: &[char] = &[
    ',', ',', ',', '-', '-', '=', '$', '#', '!', '.', ':', ';', '<', '>', '+', '*', '/', '%', '^',
    '&', '|', '@', '~', '?', '\'',
];

/// A token tree described as plain data, so that proptest can generate and shrink it and a
/// failing case prints readably; [`build`] makes the tokens.
#[derive(Clone, Debug)]
enum Piece {
    Word(String),
    Literal(Lit),
    Punct(char, bool),
    Group(Delim, Vec<Piece>),
}

/// A literal: as written in source code, or through each of `Literal`'s constructors.
#[derive(Clone, Debug)]
enum Lit {
    Written(String),
    Str(String),
    RawStr(String),
    ByteStr(Vec<u8>),
    CStr(Vec<u8>),
    Char(char),
    Byte(u8),
    Signed(i64),
    Unsigned(u64),
    Float(f64),
}

#[derive(Clone, Copy, Debug)]
enum Delim {
    Parenthesis,
    Brace,
    Bracket,
    /// The invisible group a `macro_rules!` fragment arrives in.
    None,
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(str::to_owned),
        1 => "[a-zA-Z_][a-zA-Z0-9_]{0,8}",
    ]
}

fn literal() -> impl Strategy<Value = Lit> {
    prop_oneof![
        2 => prop::sample::select(LITERALS).prop_map(|text| Lit::Written(text.to_owned())),
        2 => prop_oneof![prop::sample::select(WORDS).prop_map(str::to_owned), any::<String>()]
            .prop_map(Lit::Str),
        1 => any::<String>().prop_map(Lit::RawStr),
        1 => prop::collection::vec(any::<u8>(), 0..8).prop_map(Lit::ByteStr),
        1 => prop::collection::vec(1..=255u8, 0..8).prop_map(Lit::CStr),
        1 => any::<char>().prop_map(Lit::Char),
        1 => any::<u8>().prop_map(Lit::Byte),
        1 => any::<i64>().prop_map(Lit::Signed),
        1 => any::<u64>().prop_map(Lit::Unsigned),
        1 => (-1e9..1e9f64).prop_map(Lit::Float),
    ]
}

fn delimiter() -> impl Strategy<Value = Delim> {
    prop_oneof![
        Just(Delim::Parenthesis),
        Just(Delim::Brace),
        Just(Delim::Bracket),
        Just(Delim::None),
    ]
}

fn leaf() -> impl Strategy<Value = Piece> {
    prop_oneof![
        3 => word().prop_map(Piece::Word),
        2 => literal().prop_map(Piece::Literal),
        3 => (prop::sample::select(PUNCTUATION), any::<bool>())
            .prop_map(|(c, joint)| Piece::Punct(c, joint)),
    ]
}

/// Any token tree, groups nested up to three deep.
fn piece() -> impl Strategy<Value = Piece> {
    leaf().prop_recursive(3, 32, 6, |inner| {
        (delimiter(), prop::collection::vec(inner, 0..6))
            .prop_map(|(delim, pieces)| Piece::Group(delim, pieces))
    })
}

fn pieces() -> impl Strategy<Value = Vec<Piece>> {
    prop::collection::vec(piece(), 0..12)
}

fn build(pieces: &[Piece]) -> TokenStream {
    pieces.iter().map(build_one).collect()
}

fn build_one(piece: &Piece) -> TokenTree {
    match piece {
        Piece::Word(word) => match word.strip_prefix("r#") {
            Some(raw) => Ident::new_raw(raw, Span::call_site()).into(),
            None => Ident::new(word, Span::call_site()).into(),
        },
        Piece::Literal(lit) => build_literal(lit).into(),
        Piece::Punct(c, joint) => {
            let spacing = if *joint {
                Spacing::Joint
            } else {
                Spacing::Alone
            };
            Punct::new(*c, spacing).into()
        }
        Piece::Group(delim, pieces) => {
            let delimiter = match delim {
                Delim::Parenthesis => Delimiter::Parenthesis,
                Delim::Brace => Delimiter::Brace,
                Delim::Bracket => Delimiter::Bracket,
                Delim::None => Delimiter::None,
            };
            Group::new(delimiter, build(pieces)).into()
        }
    }
}

fn build_literal(lit: &Lit) -> Literal {
    match lit {
        Lit::Written(text) => written_literal(text),
        Lit::Str(value) => Literal::string(value),
        Lit::RawStr(value) => written_literal(&raw_string(value)),
        Lit::ByteStr(bytes) => Literal::byte_string(bytes),
        Lit::CStr(bytes) => match CString::new(bytes.clone()) {
            Ok(string) => Literal::c_string(&string),
            Err(_) => unreachable!("the strategy generates no NUL byte"),
        },
        Lit::Char(c) => Literal::character(*c),
        Lit::Byte(b) => Literal::byte_character(*b),
        Lit::Signed(n) => Literal::i64_suffixed(*n),
        Lit::Unsigned(n) => Literal::u64_unsuffixed(*n),
        Lit::Float(f) => Literal::f64_unsuffixed(*f),
    }
}

/// A value as a raw string literal, with enough `#` that no quote in it ends the literal.
/// Source code cannot hold a lone carriage return, so those become spaces.
fn raw_string(value: &str) -> String {
    let value = value.replace('\r', " ");
    let mut hashes = String::from("#");
    while value.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{value}\"{hashes}")
}

fn written_literal(text: &str) -> Literal {
    match TokenStream::from_str(text).map(|s| s.into_iter().collect::<Vec<_>>()) {
        Ok(trees) => match trees.as_slice() {
            [TokenTree::Literal(literal)] => literal.clone(),
            _ => panic!("the test's literal {text} is not one literal token"),
        },
        Err(error) => panic!("the test's literal {text} does not lex: {error}"),
    }
}

/// A call as the library's `macro_rules!` macro hands it over: the crate path, the matrix
/// files as literals, and the arguments.
fn handed_over(literals: TokenStream, arguments: TokenStream) -> TokenStream {
    handed_over_to("k", literals, arguments)
}

/// [`handed_over`] with another crate path, as source code writes it.
fn handed_over_to(krate: &str, literals: TokenStream, arguments: TokenStream) -> TokenStream {
    let krate: TokenStream = krate.parse().unwrap();
    let mut call = TokenStream::from(TokenTree::from(Group::new(Delimiter::Bracket, krate)));
    call.extend([
        TokenTree::from(Group::new(Delimiter::Bracket, literals)),
        TokenTree::from(Group::new(Delimiter::Parenthesis, arguments)),
    ]);
    call
}

/// The matrix files as the library's build script writes them: escaped string literals.
fn file_literals() -> TokenStream {
    FILES
        .iter()
        .flat_map(|(name, text)| [Literal::string(name), Literal::string(text)])
        .map(TokenTree::from)
        .collect()
}

fn matrix() -> Matrix {
    match compile("matrix", &files()) {
        Ok(compiled) => compiled.matrix,
        Err(diagnostics) => panic!("the test matrix does not compile: {diagnostics:?}"),
    }
}

fn files() -> Vec<SourceFile> {
    FILES
        .iter()
        .map(|(name, text)| SourceFile::new(*name, *text))
        .collect()
}

/// The words of a call if it is written as the grammar asks, comma-separated identifiers
/// with at most a trailing comma, read without the macro's own code; `None` if it is not.
fn plain_words(pieces: &[Piece]) -> Option<Vec<String>> {
    let mut flat = Vec::new();
    flatten_invisible(pieces, &mut flat);
    let mut segments: Vec<Vec<&Piece>> = vec![Vec::new()];
    for piece in flat {
        match piece {
            Piece::Punct(',', _) => segments.push(Vec::new()),
            other => segments.last_mut()?.push(other),
        }
    }
    if segments.len() > 1 && segments.last().is_some_and(Vec::is_empty) {
        segments.pop();
    }
    if segments.len() == 1 && segments[0].is_empty() {
        return Some(Vec::new());
    }
    segments
        .iter()
        .map(|segment| match segment.as_slice() {
            [Piece::Word(word)] => Some(word.strip_prefix("r#").unwrap_or(word).to_owned()),
            _ => None,
        })
        .collect()
}

fn flatten_invisible<'a>(pieces: &'a [Piece], out: &mut Vec<&'a Piece>) {
    for piece in pieces {
        match piece {
            Piece::Group(Delim::None, inner) => flatten_invisible(inner, out),
            other => out.push(other),
        }
    }
}

/// Whether the matrix accepts a call with these words.
fn accepts(matrix: &Matrix, words: &[String]) -> bool {
    let words: Vec<Option<&str>> = words.iter().map(|w| Some(w.as_str())).collect();
    decide(matrix, &words).is_ok()
}

/// The messages of the `compile_error!`s in an expansion, at any depth, decoded; `None` for
/// an error whose message is not one string literal.
fn error_messages(stream: &TokenStream) -> Vec<Option<String>> {
    let trees: Vec<TokenTree> = stream.clone().into_iter().collect();
    let mut messages = Vec::new();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                let message = match (trees.get(i + 1), trees.get(i + 2)) {
                    (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(body)))
                        if bang.as_char() == '!' && body.delimiter() == Delimiter::Brace =>
                    {
                        let body: Vec<TokenTree> = body.stream().into_iter().collect();
                        match body.as_slice() {
                            [TokenTree::Literal(message)] => {
                                literal::string_value(&message.to_string())
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                };
                messages.push(message);
            }
            TokenTree::Group(group) => messages.extend(error_messages(&group.stream())),
            _ => {}
        }
    }
    messages
}

/// What every expansion must be: tokens that print and lex back to themselves, whose errors
/// each carry a message. Returns the messages.
fn expand_checked(input: TokenStream) -> Result<(TokenStream, Vec<String>), TestCaseError> {
    let output = expand::expand(input);
    let text = output.to_string();
    prop_assert!(!text.trim().is_empty(), "an empty expansion");
    let lexed = TokenStream::from_str(&text);
    prop_assert!(lexed.is_ok(), "the expansion does not lex: {}", text);
    if let Ok(lexed) = lexed {
        prop_assert_eq!(
            lexed.to_string(),
            text.clone(),
            "the expansion does not round-trip"
        );
    }
    let mut messages = Vec::new();
    for message in error_messages(&output) {
        prop_assert!(
            message.is_some(),
            "an error without a string message: {}",
            text
        );
        let message = message.unwrap_or_default();
        prop_assert!(
            !message.trim().is_empty(),
            "an empty error message: {}",
            text
        );
        messages.push(message);
    }
    Ok((output, messages))
}

/// Checks a call handed over with the test matrix: refused exactly when the plain reading
/// refuses it, with a stand-in value after the errors; accepted as the same value as the
/// call written with canonical ids.
fn check_call(matrix: &Matrix, arguments: &[Piece]) -> Result<(), TestCaseError> {
    let (output, messages) = expand_checked(handed_over(file_literals(), build(arguments)))?;
    let text = output.to_string();
    let expected = plain_words(arguments).filter(|words| accepts(matrix, words));
    match expected {
        Some(words) => {
            prop_assert!(messages.is_empty(), "refused {words:?}: {messages:?}");
            let canonical: Vec<String> = canonical_ids(matrix, &words);
            let canonical = handed_over(file_literals(), canonical.join(", ").parse().unwrap());
            prop_assert_eq!(text, expand::expand(canonical).to_string());
        }
        None => {
            prop_assert!(!messages.is_empty(), "accepted {}", build(arguments));
            prop_assert!(
                text.contains("k :: Combination :: new"),
                "no stand-in: {}",
                text
            );
        }
    }
    Ok(())
}

/// The ids, written as macro input writes them, of the terms that accepted words name.
fn canonical_ids(matrix: &Matrix, words: &[String]) -> Vec<String> {
    words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let kind = REQUIRED.get(i).copied().unwrap_or(TermKind::Qualifier);
            let Ok(index) = matrix.find(kind, word) else {
                panic!("the accepted word `{word}` names no {}", kind.what())
            };
            ident::snake_case(&matrix.terms(kind)[index].id)
        })
        .collect()
}

/// The valid call as pieces.
fn valid_call() -> Vec<Piece> {
    let mut pieces = Vec::new();
    for (i, word) in VALID_CALL.split(", ").enumerate() {
        if i > 0 {
            pieces.push(Piece::Punct(',', false));
        }
        pieces.push(Piece::Word(word.to_owned()));
    }
    pieces
}

/// A change to a call's tokens, at places given as fractions of its length.
#[derive(Clone, Debug)]
enum Edit {
    Delete(f64),
    Insert(f64, Vec<Piece>),
    Replace(f64, Piece),
    Swap(f64, f64),
    Duplicate(f64),
    /// Puts this many tokens from a place into a group.
    Wrap(f64, usize, Delim),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..1.0f64;
    // Dashed ids as a CSV file writes them (`apple-hls`, `key-rotation`), which Rust reads
    // as three tokens.
    let dashed = (word(), word())
        .prop_map(|(a, b)| vec![Piece::Word(a), Piece::Punct('-', false), Piece::Word(b)]);
    prop_oneof![
        1 => at.clone().prop_map(Edit::Delete),
        1 => (at.clone(), prop_oneof![prop::collection::vec(piece(), 1..3), dashed])
            .prop_map(|(at, pieces)| Edit::Insert(at, pieces)),
        1 => (at.clone(), piece()).prop_map(|(at, piece)| Edit::Replace(at, piece)),
        // Another spelling in place of a word, which the matrix may well accept.
        2 => (at.clone(), word()).prop_map(|(at, word)| Edit::Replace(at, Piece::Word(word))),
        1 => (at.clone(), at.clone()).prop_map(|(a, b)| Edit::Swap(a, b)),
        1 => at.clone().prop_map(Edit::Duplicate),
        1 => (at, 1..4usize, delimiter()).prop_map(|(at, len, delim)| Edit::Wrap(at, len, delim)),
    ]
}

fn index(at: f64, len: usize) -> usize {
    ((at * len as f64) as usize).min(len)
}

fn apply(pieces: &mut Vec<Piece>, edit: &Edit) {
    let last = pieces.len().saturating_sub(1);
    match edit {
        Edit::Insert(at, new) => {
            let i = index(*at, pieces.len());
            pieces.splice(i..i, new.iter().cloned());
        }
        _ if pieces.is_empty() => {}
        Edit::Delete(at) => {
            pieces.remove(index(*at, last));
        }
        Edit::Replace(at, piece) => pieces[index(*at, last)] = piece.clone(),
        Edit::Swap(a, b) => pieces.swap(index(*a, last), index(*b, last)),
        Edit::Duplicate(at) => {
            let i = index(*at, last);
            pieces.insert(i, pieces[i].clone());
        }
        Edit::Wrap(at, len, delim) => {
            let i = index(*at, last);
            let end = (i + len).min(pieces.len());
            let inner: Vec<Piece> = pieces.drain(i..end).collect();
            pieces.insert(i, Piece::Group(*delim, inner));
        }
    }
}

/// The matrix files as literals the way a mutation left them: each a string with its value,
/// or another literal.
#[derive(Clone, Debug)]
enum FileLiteral {
    Str(String),
    RawStr(String),
    Other(Lit),
}

/// A change to the matrix files handed over.
#[derive(Clone, Debug)]
enum FileEdit {
    /// Gives the literal at a place another string value.
    Rewrite(f64, String),
    /// Inserts text into the string at a place, at a fraction of its length.
    Splice(f64, f64, String),
    /// Writes the string at a place as a raw string, which must change nothing.
    Raw(f64),
    /// Replaces the literal at a place with a literal of another kind.
    Other(f64, Lit),
    Drop(f64),
}

fn file_edit() -> impl Strategy<Value = FileEdit> {
    let at = 0.0..1.0f64;
    let text = prop_oneof![
        prop::sample::select(&["", ",", "\n", "\"", "yes", "no", "+", " + cenc", "\u{feff}"][..])
            .prop_map(str::to_owned),
        prop::sample::select(WORDS).prop_map(str::to_owned),
        any::<String>(),
    ];
    prop_oneof![
        (at.clone(), text.clone()).prop_map(|(at, text)| FileEdit::Rewrite(at, text)),
        (at.clone(), at.clone(), text).prop_map(|(at, to, text)| FileEdit::Splice(at, to, text)),
        at.clone().prop_map(FileEdit::Raw),
        (at.clone(), literal()).prop_map(|(at, lit)| FileEdit::Other(at, lit)),
        at.prop_map(FileEdit::Drop),
    ]
}

fn apply_file_edit(literals: &mut Vec<FileLiteral>, edit: &FileEdit) {
    if literals.is_empty() {
        return;
    }
    let last = literals.len() - 1;
    match edit {
        FileEdit::Rewrite(at, text) => literals[index(*at, last)] = FileLiteral::Str(text.clone()),
        FileEdit::Splice(at, to, text) => {
            if let FileLiteral::Str(value) | FileLiteral::RawStr(value) =
                &mut literals[index(*at, last)]
            {
                let mut i = index(*to, value.len());
                while !value.is_char_boundary(i) {
                    i -= 1;
                }
                value.insert_str(i, text);
            }
        }
        FileEdit::Raw(at) => {
            let literal = &mut literals[index(*at, last)];
            if let FileLiteral::Str(value) = literal {
                *literal = FileLiteral::RawStr(value.replace('\r', " "));
            }
        }
        FileEdit::Other(at, lit) => literals[index(*at, last)] = FileLiteral::Other(lit.clone()),
        FileEdit::Drop(at) => {
            literals.remove(index(*at, last));
        }
    }
}

/// The files the literals hold if they all are strings, a name then a text.
fn literal_files(literals: &[FileLiteral]) -> Option<Vec<SourceFile>> {
    let values: Option<Vec<&str>> = literals
        .iter()
        .map(|literal| match literal {
            FileLiteral::Str(value) | FileLiteral::RawStr(value) => Some(value.as_str()),
            FileLiteral::Other(_) => None,
        })
        .collect();
    let values = values.filter(|values| values.len() % 2 == 0)?;
    Some(
        values
            .chunks(2)
            .map(|pair| SourceFile::new(pair[0], pair[1]))
            .collect(),
    )
}

fn build_file_literals(literals: &[FileLiteral]) -> TokenStream {
    literals
        .iter()
        .map(|literal| match literal {
            FileLiteral::Str(value) => Literal::string(value),
            FileLiteral::RawStr(value) => written_literal(&raw_string(value)),
            FileLiteral::Other(lit) => build_literal(lit),
        })
        .map(TokenTree::from)
        .collect()
}

proptest! {
    #![proptest_config(config())]

    /// Arbitrary tokens instead of the handed-over shape: misuse of the hidden macro.
    #[test]
    fn any_tokens_are_refused_without_a_panic(pieces in pieces()) {
        let (_, messages) = expand_checked(build(&pieces))?;
        prop_assert!(!messages.is_empty(), "accepted {}", build(&pieces));
    }

    /// Arbitrary tokens as the user's arguments, with the library's matrix handed over.
    #[test]
    fn any_arguments_are_decided_as_the_grammar_says(pieces in pieces()) {
        check_call(&matrix(), &pieces)?;
    }

    /// The valid call, changed a few times.
    #[test]
    fn mutated_calls_are_decided_as_the_grammar_says(
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let mut call = valid_call();
        for edit in &edits {
            apply(&mut call, edit);
        }
        check_call(&matrix(), &call)?;
    }

    /// The hidden call's matrix literals, changed: the call is accepted exactly when the
    /// literals are strings, a name and a text for each file, that compile to a matrix that
    /// supports the call.
    #[test]
    fn mutated_matrix_literals_never_panic(
        edits in prop::collection::vec(file_edit(), 1..4),
        krate in prop::sample::select(CRATE_PATHS),
    ) {
        let mut literals: Vec<FileLiteral> = FILES
            .iter()
            .flat_map(|(name, text)| [name, text])
            .map(|value| FileLiteral::Str((*value).to_owned()))
            .collect();
        for edit in &edits {
            apply_file_edit(&mut literals, edit);
        }
        let arguments: TokenStream = VALID_CALL.parse().unwrap();
        let input = handed_over_to(krate, build_file_literals(&literals), arguments);
        let (output, messages) = expand_checked(input)?;
        let krate: TokenStream = krate.parse().unwrap();
        prop_assert!(
            !messages.is_empty() || output.to_string().starts_with(&krate.to_string()),
            "the combination is not under the crate path: {}",
            output
        );

        let words: Vec<String> = VALID_CALL.split(", ").map(str::to_owned).collect();
        let expected = literal_files(&literals)
            .and_then(|files| compile("matrix", &files).ok())
            .is_some_and(|compiled| accepts(&compiled.matrix, &words));
        prop_assert_eq!(messages.is_empty(), expected, "{:?}", messages);
    }
}

#[test]
fn the_valid_call_is_accepted() {
    let matrix = matrix();
    assert!(plain_words(&valid_call()).is_some_and(|words| accepts(&matrix, &words)));
    let output = expand::expand(handed_over(file_literals(), VALID_CALL.parse().unwrap()));
    assert_eq!(
        output.to_string(),
        "k :: __private :: combination :: V1__LIVE__DASH__WIDEVINE__KEY_ROTATION"
    );
}

#[test]
fn raw_string_files_give_the_same_expansion() {
    let raw: TokenStream = FILES
        .iter()
        .flat_map(|(name, text)| [raw_string(name), raw_string(text)])
        .map(|written| TokenTree::from(written_literal(&written)))
        .collect();
    let call = "v1, live, cmaf_hls, widevine, cenc, key_rotation";
    let escaped = expand::expand(handed_over(file_literals(), call.parse().unwrap()));
    let raw = expand::expand(handed_over(raw, call.parse().unwrap()));
    assert_eq!(raw.to_string(), escaped.to_string());
    assert_eq!(
        escaped.to_string(),
        "k :: __private :: combination :: V1__LIVE__CMAF_HLS__WIDEVINE__KEY_ROTATION__CENC"
    );

    // The cell offers both encryption schemes, but a call may ask for one of them only.
    let both = "v1, live, cmaf_hls, widevine, cbcs, cenc, key_rotation";
    let refused = expand::expand(handed_over(file_literals(), both.parse().unwrap())).to_string();
    assert!(
        refused.contains(
            "compile_error ! { \"cbcs and cenc are alternatives (encryption-scheme): an endpoint \
             uses one of them, so ask for one"
        ),
        "{refused}"
    );
}

#[test]
fn no_arguments_and_a_lone_comma_are_refused() {
    for arguments in ["", ",", "v1, live, dash, widevine,,", "$"] {
        let output = expand::expand(handed_over(file_literals(), arguments.parse().unwrap()));
        let messages = error_messages(&output);
        assert!(!messages.is_empty(), "accepted ({arguments})");
        assert!(messages.iter().all(Option::is_some), "{output}");
    }
}
