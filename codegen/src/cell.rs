//! The grammar of a grid cell: `no`, `yes`, or `yes` followed by the qualifiers the cell
//! offers, each after a `+` (`yes + key-rotation`, `yes + cbcs + cenc`).

/// A cell as written, before its qualifier words are looked up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellText<'a> {
    No,
    /// Supported, with each qualifier word and its character offset in the cell.
    Yes(Vec<(&'a str, usize)>),
}

/// Parses a cell, or says what is wrong with it. Words compare without regard to case, and
/// `√` and `✓` (as the reference prints them) read as `yes`.
pub fn parse<'a>(
    text: &'a str,
    example_qualifier: Option<&str>,
) -> Result<CellText<'a>, (usize, String)> {
    // A grid has a cell per DRM system on every row, so the common case allocates nothing:
    // the example for messages is written only when there is a message.
    let example = || example_qualifier.map_or(String::new(), |q| format!(", or `yes + {q}`"));
    if text.is_empty() {
        return Err((0, format!("empty cell; write `yes`, `no`{}", example())));
    }
    if text.eq_ignore_ascii_case("no") {
        return Ok(CellText::No);
    }
    if text.eq_ignore_ascii_case("yes") {
        return Ok(CellText::Yes(Vec::new()));
    }
    let mut parts = text.split('+');
    let head = parts.next().unwrap_or_default().trim();
    let rest: Vec<&str> = parts.collect();
    let is_yes = head.eq_ignore_ascii_case("yes") || head == "√" || head == "✓";
    let is_no = head.eq_ignore_ascii_case("no");
    if is_no && rest.is_empty() {
        return Ok(CellText::No);
    }
    if is_no {
        let supported = text.replacen(head, "yes", 1);
        return Err((
            0,
            format!(
                "qualifiers after `no` in {}; a cell that is not supported offers none: write \
                 `no`, or {} if the combination is supported",
                crate::portable::spelling::quoted(text),
                crate::portable::spelling::quoted(&supported)
            ),
        ));
    }
    if !is_yes {
        let found = crate::portable::spelling::quoted(text);
        return Err((
            0,
            format!(
                "unknown cell value {found}; expected `yes`, `no`{}",
                example()
            ),
        ));
    }
    let mut qualifiers = Vec::new();
    let mut offset = text.split('+').next().unwrap_or_default().chars().count() + 1;
    for part in rest {
        let word = part.trim();
        let lead = part.chars().count() - part.trim_start().chars().count();
        if word.is_empty() {
            return Err((
                offset - 1,
                format!(
                    "missing qualifier after `+`{}",
                    example_hint(example_qualifier)
                ),
            ));
        }
        qualifiers.push((word, offset + lead));
        offset += part.chars().count() + 1;
    }
    Ok(CellText::Yes(qualifiers))
}

fn example_hint(example_qualifier: Option<&str>) -> String {
    example_qualifier.map_or(String::new(), |q| format!(", as in `yes + {q}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cells() {
        assert_eq!(parse("yes", None), Ok(CellText::Yes(vec![])));
        assert_eq!(parse("YES", None), Ok(CellText::Yes(vec![])));
        assert_eq!(parse("√", None), Ok(CellText::Yes(vec![])));
        assert_eq!(parse("no", None), Ok(CellText::No));
    }

    #[test]
    fn qualifiers_and_their_offsets() {
        let cell = parse("yes + key-rotation +cbcs", None).unwrap();
        assert_eq!(cell, CellText::Yes(vec![("key-rotation", 6), ("cbcs", 20)]));
    }

    #[test]
    fn bad_cells() {
        assert!(parse("", Some("key-rotation"))
            .unwrap_err()
            .1
            .contains("`yes + key-rotation`"));
        assert!(parse("maybe", None)
            .unwrap_err()
            .1
            .starts_with("unknown cell value `maybe`"));
        assert!(parse("no + key-rotation", None).is_err());
        assert_eq!(parse("yes +", None).unwrap_err().0, 4);
    }
}
