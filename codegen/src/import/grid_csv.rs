//! The canonical text of a grid file (`speke-v1.csv`): the header `mode,endpoint` and a column
//! per DRM system in the page's order, a row per mode and endpoint type in the page's order,
//! cells `yes`, `no` or `yes + <qualifier>...` with qualifiers in vocabulary order, LF line
//! endings and a final newline. The shipped grids are written in this form, so importing the
//! page they came from gives them back byte for byte, and a later import shows as a small diff.

use crate::grid::ROW_COLUMNS;

use super::phrases::Reading;

/// A grid row to write: the mode's id, the endpoint type's id, and the cells in column order.
pub struct Line<'a> {
    pub mode: &'a str,
    pub endpoint: &'a str,
    pub cells: &'a [Reading],
}

/// The grid file's text. `qualifier_ids` are the matrix's qualifier ids by index, to spell a
/// cell's qualifier bits. Ids need no quoting: they are letters, digits and `-`.
pub fn write(drm_ids: &[&str], lines: &[Line<'_>], qualifier_ids: &[&str]) -> String {
    let mut out = String::new();
    let header: Vec<&str> = ROW_COLUMNS
        .iter()
        .copied()
        .chain(drm_ids.iter().copied())
        .collect();
    out.push_str(&header.join(","));
    out.push('\n');
    for line in lines {
        out.push_str(line.mode);
        out.push(',');
        out.push_str(line.endpoint);
        for &cell in line.cells {
            out.push(',');
            out.push_str(&cell_text(cell, qualifier_ids));
        }
        out.push('\n');
    }
    out
}

/// A cell as the grid grammar writes it.
pub fn cell_text(reading: Reading, qualifier_ids: &[&str]) -> String {
    match reading {
        Reading::Unsupported => "no".to_owned(),
        Reading::Supported(offered) => {
            let mut text = "yes".to_owned();
            for (index, id) in qualifier_ids.iter().enumerate() {
                if index < 64 && offered & (1 << index) != 0 {
                    text.push_str(" + ");
                    text.push_str(id);
                }
            }
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_canonical_form() {
        let qualifiers = ["key-rotation", "cbcs", "cenc"];
        let cells = [
            Reading::Unsupported,
            Reading::Supported(0),
            Reading::Supported(0b101),
        ];
        let text = write(
            &["playready", "widevine", "fairplay"],
            &[Line {
                mode: "live",
                endpoint: "dash",
                cells: &cells,
            }],
            &qualifiers,
        );
        assert_eq!(
            text,
            "mode,endpoint,playready,widevine,fairplay\n\
             live,dash,no,yes,yes + key-rotation + cenc\n"
        );
    }
}
