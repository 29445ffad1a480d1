//! The value of a string literal token. proc-macro2 gives a literal only as written, quotes
//! and escapes included, and parsing it with `syn` would cost every user of the library a
//! large dependency for a few lines.

/// The value of a string literal as Rust source writes it (`"a\nb"`, `r#"a"b"#`), or `None`
/// for any other literal or a malformed escape.
pub fn string_value(written: &str) -> Option<String> {
    if let Some(raw) = written.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw.get(hashes..raw.len().checked_sub(hashes)?)?;
        return body.strip_prefix('"')?.strip_suffix('"').map(str::to_owned);
    }
    let body = written.strip_prefix('"')?.strip_suffix('"')?;
    let mut value = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            value.push(c);
            continue;
        }
        match chars.next()? {
            'n' => value.push('\n'),
            'r' => value.push('\r'),
            't' => value.push('\t'),
            '0' => value.push('\0'),
            '\\' => value.push('\\'),
            '"' => value.push('"'),
            '\'' => value.push('\''),
            'x' => {
                let digits: String = [chars.next()?, chars.next()?].iter().collect();
                value.push(char::from(u8::from_str_radix(&digits, 16).ok()?));
            }
            'u' => {
                if chars.next()? != '{' {
                    return None;
                }
                let mut digits = String::new();
                loop {
                    match chars.next()? {
                        '}' => break,
                        '_' => {}
                        digit => digits.push(digit),
                    }
                }
                value.push(char::from_u32(u32::from_str_radix(&digits, 16).ok()?)?);
            }
            // A backslash at the end of a line continues the string: the line break and the
            // next line's leading whitespace are not part of the value.
            '\n' => while chars.next_if(|c| c.is_whitespace()).is_some() {},
            _ => return None,
        }
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::string_value;

    #[test]
    fn reads_what_debug_formatting_writes() {
        for text in [
            "id,name\nv1,SPEKE v1\r\n",
            "quote \" backslash \\ tab \t nul \0",
            "√ ✓ é \u{7f} \u{200b}",
            "",
        ] {
            assert_eq!(string_value(&format!("{text:?}")).as_deref(), Some(text));
        }
    }

    #[test]
    fn reads_raw_strings_and_continuations() {
        assert_eq!(
            string_value(r###"r#"a "b" c"#"###).as_deref(),
            Some("a \"b\" c")
        );
        assert_eq!(string_value(r#"r"plain""#).as_deref(), Some("plain"));
        assert_eq!(string_value("\"a\\\n    b\"").as_deref(), Some("ab"));
        assert_eq!(string_value(r#""\x41\u{42}""#).as_deref(), Some("AB"));
    }

    #[test]
    fn refuses_what_is_not_a_string() {
        for written in [
            "1",
            "'c'",
            "b\"bytes\"",
            "\"unterminated",
            r#""bad \q escape""#,
        ] {
            assert_eq!(string_value(written), None, "{written}");
        }
    }
}
