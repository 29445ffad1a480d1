//! Renders the model as one standalone HTML page: the facts of each SPEKE version and its grid
//! in colour, with the CSS inline and no script, font or image to fetch, so that the page reads
//! the same from a file, an intranet or a CI artefact.
//!
//! Colour is never the only signal: a supported cell also carries the check mark and its text,
//! and an unsupported one a dash and a hidden label, for readers who cannot see the colours.

use std::fmt::Write;

use super::markdown::{cell_text, is_web_address, keys_text, title, CHECK_MARK};
use crate::model::{Cell, Matrix};

/// The command that regenerates the page.
pub const COMMAND: &str = "speke-matrix render html";

const STYLE: &str = "\
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; \
padding: 0 1rem; color: #1b1f24; }
table { border-collapse: collapse; margin: 1rem 0 2rem; }
caption { text-align: left; font-weight: 600; padding: 0.5rem 0; }
th, td { border: 1px solid #c8ccd1; padding: 0.4rem 0.7rem; text-align: center; }
thead th { background: #eef0f3; }
tbody th { text-align: left; font-weight: normal; }
tr.mode th { background: #dfe3e8; font-weight: 600; }
.yes { background: #c9ecd2; }
.yes.offers { background: #9ed9ae; }
.no { background: #f6e1e1; color: #8a5a5a; }
.legend span { display: inline-block; padding: 0.2rem 0.6rem; margin-right: 0.5rem; \
border: 1px solid #c8ccd1; }
.hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; \
clip: rect(0 0 0 0); }
";

/// The whole page.
pub fn render(matrix: &Matrix) -> String {
    let [first, second] = super::generated_notice(COMMAND);
    let mut out = format!(
        "<!-- {} -->\n<!-- {} -->\n",
        escape(&first),
        escape(&second)
    );
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>SPEKE support matrix</title>\n");
    writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>").unwrap();
    out.push_str("<h1>SPEKE support matrix</h1>\n");
    out.push_str(
        "<p>Which DRM systems AWS Elemental MediaPackage supports through SPEKE, for each SPEKE \
         version, live or VOD, and endpoint type.</p>\n",
    );
    writeln!(
        out,
        "<p class=\"legend\"><span class=\"yes\">{CHECK_MARK} supported</span><span \
         class=\"yes offers\">{CHECK_MARK} supported, with what the cell offers</span><span \
         class=\"no\">– not supported</span></p>"
    )
    .unwrap();

    out.push_str("<h2>SPEKE versions</h2>\n<ul>\n");
    for version in &matrix.versions {
        writeln!(
            out,
            "<li><strong>{}</strong>: CPIX {}, {}. As of {}, from {}</li>",
            escape(&version.term.name),
            escape(&version.cpix_version),
            keys_text(version.keys),
            escape(&version.as_of),
            source(&version.source)
        )
        .unwrap();
    }
    out.push_str("</ul>\n");

    for version in 0..matrix.versions.len() {
        writeln!(
            out,
            "<h2>{}</h2>",
            escape(&matrix.versions[version].term.name)
        )
        .unwrap();
        out.push_str(&table(matrix, version));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A version's source: a link if it is a web address, text otherwise.
fn source(text: &str) -> String {
    let text = escape(text);
    if is_web_address(&text) {
        format!("<a href=\"{text}\">{text}</a>")
    } else {
        text
    }
}

/// One version's grid as a table: DRM systems as columns, a row group per mode.
fn table(matrix: &Matrix, version: usize) -> String {
    let grid = &matrix.grids[version];
    let mut out = String::from("<table>\n");
    writeln!(
        out,
        "<caption>{}</caption>",
        escape(&title(matrix, version))
    )
    .unwrap();
    out.push_str("<thead><tr><th scope=\"col\">Endpoint type</th>");
    for &drm in &grid.columns {
        write!(
            out,
            "<th scope=\"col\">{}</th>",
            escape(&matrix.drm_systems[drm].term.name)
        )
        .unwrap();
    }
    out.push_str("</tr></thead>\n");

    for (mode, term) in matrix.modes.iter().enumerate() {
        let endpoints = grid.endpoints_of(mode);
        if endpoints.is_empty() {
            continue;
        }
        out.push_str("<tbody>\n");
        writeln!(
            out,
            "<tr class=\"mode\"><th colspan=\"{}\" scope=\"rowgroup\">{}</th></tr>",
            grid.columns.len() + 1,
            escape(&term.name)
        )
        .unwrap();
        for endpoint in endpoints {
            write!(
                out,
                "<tr><th scope=\"row\">{}</th>",
                escape(&matrix.endpoints[endpoint].name)
            )
            .unwrap();
            for &drm in &grid.columns {
                out.push_str(&cell(matrix, matrix.cell(version, mode, endpoint, drm)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
    out
}

/// A cell reads as in the Markdown docs; one that offers qualifiers has a darker colour.
fn cell(matrix: &Matrix, cell: Cell) -> String {
    match cell {
        Cell::Supported(_) => {
            let text = cell_text(matrix, cell);
            let class = if text == CHECK_MARK {
                "yes"
            } else {
                "yes offers"
            };
            format!("<td class=\"{class}\">{}</td>", escape(&text))
        }
        Cell::Unsupported | Cell::NotInGrid => {
            "<td class=\"no\">–<span class=\"hidden\"> not supported</span></td>".to_owned()
        }
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_matrix::{matrix, with_files};

    #[test]
    fn the_page_is_standalone_and_says_it_is_generated() {
        let page = render(&matrix(&[]));
        assert!(page.starts_with("<!-- @generated by speke-matrix"));
        assert!(page.contains("regenerate with: speke-matrix render html -->"));
        assert!(page.contains("<!DOCTYPE html>"));
        assert!(page.contains("<style>"));
        // Nothing to fetch: no script, stylesheet link, image or web font.
        for fetch in ["<script", "<link", "<img", "@import", "url("] {
            assert!(!page.contains(fetch), "the page contains {fetch}");
        }
        assert!(page.trim_end().ends_with("</html>"));
    }

    #[test]
    fn cells_are_coloured_by_support_and_say_what_they_offer() {
        let page = render(&matrix(&[]));
        assert!(page.contains(
            "<tr><th scope=\"row\">DASH</th><td class=\"yes offers\">√ with key rotation</td>\
             <td class=\"yes\">√</td><td class=\"no\">"
        ));
        assert!(page.contains("<th colspan=\"4\" scope=\"rowgroup\">VOD</th>"));
        assert!(page.contains("<caption>SPEKE v2 – Support matrix for protocol and DRM system"));
    }

    #[test]
    fn names_are_escaped() {
        let m = with_files(&[(
            "endpoints.csv",
            "id,name,aliases\napple-hls,Apple <HLS> & co,\ndash,DASH,\n",
        )]);
        let page = render(&m);
        assert!(page.contains("Apple &lt;HLS&gt; &amp; co"));
        assert!(!page.contains("<HLS>"));
    }
}
