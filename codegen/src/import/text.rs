//! The text a reader sees in a piece of page markup: Markdown escapes (`AES\-128`), emphasis,
//! inline tags (`<br>`) and character references (`&nbsp;`) undone, whitespace collapsed.

/// The text of Markdown source, as the page renders it.
pub fn from_markdown(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let emphasis = emphasis_marks(&chars);
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            // A backslash before punctuation stands for the punctuation itself; AWS escapes
            // `-`, `.` and `(` freely (`AES\-128`, `v2\.3`).
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(next);
                i += 2;
                continue;
            }
            '*' | '_' if emphasis[i] => {}
            '`' => {}
            // A link keeps its text and drops its target.
            '[' => {}
            ']' if next == Some('(') => {
                if let Some(close) = chars[i..].iter().position(|&c| c == ')') {
                    i += close + 1;
                    continue;
                }
            }
            _ => {
                if let Some((text, len)) = markup(&chars[i..]) {
                    out.push(text);
                    i += len;
                    continue;
                }
                out.push(c);
            }
        }
        i += 1;
    }
    collapse(&out)
}

/// Which `*` and `_` characters mark emphasis: a run that a later run of the same character
/// and length closes (`**Live**`). A run left unpaired is text, such as a footnote mark in
/// `√*`, so that it reaches the cell reader and is reported rather than lost. `_` inside a
/// word (`key_rotation`) is text too.
fn emphasis_marks(chars: &[char]) -> Vec<bool> {
    let mut runs: Vec<(char, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            i += 2;
            continue;
        }
        if c != '*' && c != '_' {
            i += 1;
            continue;
        }
        let len = chars[i..].iter().take_while(|&&d| d == c).count();
        let before = i.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(i + len).copied();
        let inside_word = c == '_'
            && before.is_some_and(char::is_alphanumeric)
            && after.is_some_and(char::is_alphanumeric);
        if !inside_word {
            runs.push((c, i, len));
        }
        i += len;
    }
    let mut marks = vec![false; chars.len()];
    let mut paired = vec![false; runs.len()];
    for open in 0..runs.len() {
        if paired[open] {
            continue;
        }
        let (c, start, len) = runs[open];
        let close =
            (open + 1..runs.len()).find(|&r| !paired[r] && runs[r].0 == c && runs[r].2 == len);
        if let Some(close) = close {
            paired[open] = true;
            paired[close] = true;
            let (_, close_start, _) = runs[close];
            marks[start..start + len].fill(true);
            marks[close_start..close_start + len].fill(true);
        }
    }
    marks
}

/// The text of HTML content: tags become spaces, references are decoded.
pub fn from_html(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let chars: Vec<char> = raw.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match markup(&chars[i..]) {
            Some((text, len)) => {
                out.push(text);
                i += len;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    collapse(&out)
}

/// The markup that both Markdown and HTML content may hold at the start of `chars`: a tag,
/// which reads as a space, or a character reference, which reads as its character. Returns
/// what it reads as and how many characters it spans, or `None` when `chars` starts with
/// anything else, including a `<` or `&` that is text.
fn markup(chars: &[char]) -> Option<(char, usize)> {
    match chars.first()? {
        '<' => tag_len(chars).map(|len| (' ', len)),
        '&' => entity(chars),
        _ => None,
    }
}

/// The length of a tag at the start of `chars` (`<br>`, `</b>`, `<p class="x">`), or `None`
/// when the `<` is text (`a < b`).
fn tag_len(chars: &[char]) -> Option<usize> {
    let starts_tag = chars
        .get(1)
        .is_some_and(|&c| c.is_ascii_alphabetic() || c == '/' || c == '!');
    if !starts_tag {
        return None;
    }
    chars.iter().position(|&c| c == '>').map(|end| end + 1)
}

/// The character a reference at the start of `chars` stands for, and the reference's length.
/// Only the references that documentation pages use are known; another stays as text, so
/// that a cell holding it is reported rather than misread.
fn entity(chars: &[char]) -> Option<(char, usize)> {
    let end = chars.iter().take(12).position(|&c| c == ';')?;
    let name: String = chars[1..end].iter().collect();
    let decoded = match name.as_str() {
        "nbsp" | "#160" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "check" | "checkmark" => '✓',
        "radic" => '√',
        _ => numeric_reference(&name)?,
    };
    Some((decoded, end + 1))
}

fn numeric_reference(name: &str) -> Option<char> {
    let digits = name.strip_prefix('#')?;
    let code = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => digits.parse().ok()?,
    };
    char::from_u32(code)
}

/// Trims, and makes each run of whitespace (non-breaking spaces included) one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_and_emphasis() {
        assert_eq!(from_markdown(r"AES\-128"), "AES-128");
        assert_eq!(from_markdown(r"CPIX v2\.3"), "CPIX v2.3");
        assert_eq!(from_markdown("**Live**"), "Live");
        assert_eq!(from_markdown("__VOD__"), "VOD");
        assert_eq!(from_markdown("key_rotation"), "key_rotation");
        assert_eq!(from_markdown(r"a \* b"), "a * b");
        assert_eq!(from_markdown("`cbcs`"), "cbcs");
        assert_eq!(from_markdown("*Note:* text"), "Note: text");
        assert_eq!(from_markdown("√*"), "√*");
        assert_eq!(from_markdown("√ ** x"), "√ ** x");
    }

    #[test]
    fn markdown_tags_links_and_references() {
        assert_eq!(
            from_markdown(" √ <br> with&nbsp;key rotation "),
            "√ with key rotation"
        );
        assert_eq!(from_markdown("[SPEKE v1](https://x.invalid/a)"), "SPEKE v1");
        assert_eq!(from_markdown("&#x221a;"), "√");
        assert_eq!(from_markdown("a < b & c"), "a < b & c");
        assert_eq!(from_markdown("&bogus;"), "&bogus;");
    }

    #[test]
    fn html_text() {
        assert_eq!(
            from_html("<p>&#8730;</p>\n<p>with key   rotation</p>"),
            "√ with key rotation"
        );
        assert_eq!(from_html("AES-128 &amp; more"), "AES-128 & more");
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(collapse("  √ \u{a0}  with  "), "√ with");
    }
}
