//! `speke-matrix import`, run as a process on revisions of AWS's page written here: a new
//! directory or an in-place update, the printed cell-level changes, new vocabulary rows that
//! the build refuses until filled in, errors that write nothing, and the round trip through
//! the rendered docs.

mod support;

use std::fs;
use std::path::Path;

use support::{run_in, small_matrix, write_shipped_matrix, TempDir};

/// The tables of AWS's page as its Markdown prints them, spacing and escapes included.
const PAGE: &str = "\
# Choosing the right SPEKE version<a name=\"encryption-choosing-speke-version\"></a>\n\
\n\
**Supported protocols and DRM platforms**\n\
\n\
The following tables list the different protocols and DRM platforms that SPEKE v1 and SPEKE v2 \
support:\n\
\n\
\n\
|  |  |  |  |  | \n\
| --- |--- |--- |--- |--- |\n\
| SPEKE v1 – Support matrix for protocol and DRM system | Microsoft PlayReady | Google Widevine | \
Apple FairPlay | AES\\-128 | \n\
| Live | \n\
| Apple HLS |   |   |  √   with key rotation  |  √   with key rotation  | \n\
| CMAF Apple HLS |   |  √   with key rotation  |  √   with key rotation  |   | \n\
| DASH |  √   with key rotation  |  √   with key rotation  |   |   | \n\
| Microsoft Smooth | √ |   |   |   | \n\
| VOD | \n\
| Apple HLS |   |   | √ | √ | \n\
| CMAF Apple HLS |   | √ | √ |   | \n\
| DASH | √ | √ |   |   | \n\
| Microsoft Smooth | √ |   |   |   | \n\
\n\
\n\
|  |  |  |  | \n\
| --- |--- |--- |--- |\n\
| SPEKE v2 – Support matrix for protocol and DRM system | Microsoft PlayReady | Google Widevine | \
Apple FairPlay | \n\
| Live | \n\
| CMAF Apple HLS | √ | √ | √ | \n\
| DASH | √  | √  |   | ";

/// A later revision: "Not supported" for blank cells, "Has key rotation", key rotation for
/// PlayReady on live DASH with SPEKE v2, a new Irdeto column in SPEKE v2 only, and VOD rows.
fn revised_page() -> String {
    PAGE.replace("|   |", "| Not supported |")
        .replace("√   with key rotation", "√ Has key rotation")
        .replace(
            "|  |  |  |  | \n| --- |--- |--- |--- |\n| SPEKE v2 – Support matrix for protocol and \
             DRM system | Microsoft PlayReady | Google Widevine | Apple FairPlay | \n| Live | \n| \
             CMAF Apple HLS | √ | √ | √ | \n| DASH | √  | √  | Not supported | ",
            "|  |  |  |  |  | \n| --- |--- |--- |--- |--- |\n| SPEKE v2 – Support matrix for \
             protocol and DRM system | Microsoft PlayReady | Google Widevine | Apple FairPlay | \
             Irdeto | \n| Live | \n| CMAF Apple HLS | √ | √ | √ | √ | \n| DASH | √ with key \
             rotation | √ | Not supported | √ | \n| VOD | \n| CMAF Apple HLS | √ | √ | √ | \
             Not supported | ",
        )
}

fn shipped_file(name: &str) -> &'static str {
    speke_matrix::matrix_sources()
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("no shipped {name}"))
}

/// The entries of a directory, sorted, so that a test sees any leftover temporary directory.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_page_imports_into_a_new_directory_unchanged() {
    let dir = TempDir::new("import-default");
    dir.write("page.md", PAGE);
    let run = run_in(dir.path(), &["import", "page.md"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "# Changes from the built-in matrix to matrix-imported\n\nNo changes.\n"
    );
    assert_eq!(
        run.stderr,
        "imported SPEKE v1 and SPEKE v2 from page.md into matrix-imported (0 warnings)\n"
    );
    assert_eq!(entries(dir.path()), ["matrix-imported", "page.md"]);
    for (name, text) in speke_matrix::matrix_sources() {
        assert_eq!(
            dir.read(&format!("matrix-imported/{name}")),
            *text,
            "{name}"
        );
    }
}

#[test]
fn a_revised_page_prints_what_aws_changed() {
    let dir = TempDir::new("import-revised");
    dir.write("page.md", &revised_page());
    let run = run_in(dir.path(), &["import", "page.md", "--out", "next"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "# Changes from the built-in matrix to next\n\n\
         ## Vocabulary\n\n\
         - DRM system added: Irdeto (`irdeto`; aliases: (none); system ID: (none))\n\n\
         ## SPEKE v1\n\nNo changes.\n\n\
         ## SPEKE v2\n\n\
         - Rows added: CMAF Apple HLS (VOD)\n\
         - DRM systems added: Irdeto\n\n\
         | change | mode | endpoint type | DRM system | before | after |\n\
         | --- | --- | --- | --- | --- | --- |\n\
         | gained | Live | CMAF Apple HLS | Irdeto |  | √ |\n\
         | qualifiers-changed | Live | DASH | Microsoft PlayReady | √ | √ with key rotation |\n\
         | gained | Live | DASH | Irdeto |  | √ |\n\
         | gained | VOD | CMAF Apple HLS | Microsoft PlayReady |  | √ |\n\
         | gained | VOD | CMAF Apple HLS | Google Widevine |  | √ |\n\
         | gained | VOD | CMAF Apple HLS | Apple FairPlay |  | √ |\n"
    );
    assert_eq!(
        run.stderr,
        "next/drm-systems.csv:6:1: warning: new DRM system `irdeto` added from the page \
         (`Irdeto` on the page at page.md:25:116); fill in its system ID (the DASH-IF UUID) and \
         any aliases, which the page does not give; the build refuses the empty system ID until \
         then\n\
         imported SPEKE v1 and SPEKE v2 from page.md into next (1 warning)\n"
    );
    assert_eq!(
        dir.read("next/speke-v2.csv"),
        "mode,endpoint,playready,widevine,fairplay,irdeto\n\
         live,cmaf-hls,yes,yes,yes,yes\n\
         live,dash,yes + key-rotation,yes,no,yes\n\
         vod,cmaf-hls,yes,yes,yes,no\n"
    );
    assert_eq!(dir.read("next/speke-v1.csv"), shipped_file("speke-v1.csv"));
    assert_eq!(
        dir.read("next/drm-systems.csv"),
        format!("{}irdeto,Irdeto,,\n", shipped_file("drm-systems.csv"))
    );

    // The build refuses the new DRM system until a person gives it its system ID.
    let lint = run_in(dir.path(), &["lint", "next"]);
    assert_eq!(lint.code, 1, "{lint:?}");
    assert!(
        lint.stderr
            .starts_with("next/drm-systems.csv:6:16: empty DRM system ID;"),
        "{lint:?}"
    );
    dir.write(
        "next/drm-systems.csv",
        &format!(
            "{}irdeto,Irdeto,,80a6be7e-1448-4c37-9e70-d5aebe04c8d2\n",
            shipped_file("drm-systems.csv")
        ),
    );
    let lint = run_in(dir.path(), &["lint", "next"]);
    assert_eq!(lint.code, 0, "{lint:?}");
}

#[test]
fn in_place_replaces_the_directory_and_keeps_its_other_files() {
    let dir = TempDir::new("import-in-place");
    write_shipped_matrix(&dir, "matrix");
    dir.write("matrix/README.md", "Transcribed from AWS's page.\n");
    let page = PAGE.replace(
        "| DASH | √  | √  |   | ",
        "| DASH |  √   with key rotation  | √  |   | ",
    );
    dir.write("page.md", &page);
    let run = run_in(
        dir.path(),
        &[
            "import",
            "page.md",
            "--in-place",
            "matrix",
            "--as-of",
            "2027-01-15",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("# Changes from matrix to matrix\n"));
    assert!(run.stdout.contains(
        "| qualifiers-changed | Live | DASH | Microsoft PlayReady | √ | √ with key rotation |\n"
    ));
    assert_eq!(
        run.stderr,
        "imported SPEKE v1 and SPEKE v2 from page.md into matrix, as of 2027-01-15 (0 warnings)\n"
    );
    assert_eq!(entries(dir.path()), ["matrix", "page.md"]);
    assert_eq!(
        dir.read("matrix/README.md"),
        "Transcribed from AWS's page.\n"
    );
    assert_eq!(
        dir.read("matrix/versions.csv"),
        shipped_file("versions.csv").replace("2026-12-03", "2027-01-15")
    );
    assert!(dir
        .read("matrix/speke-v2.csv")
        .ends_with("\nlive,dash,yes + key-rotation,yes,no\n"));
    let lint = run_in(dir.path(), &["lint", "matrix"]);
    assert_eq!(lint.code, 0, "{lint:?}");

    // The same page again changes nothing, and says so.
    let again = run_in(
        dir.path(),
        &[
            "import",
            "page.md",
            "--in-place",
            "matrix",
            "--as-of",
            "2027-01-15",
        ],
    );
    assert_eq!(again.code, 0, "{again:?}");
    assert!(again.stdout.ends_with("\nNo changes.\n"), "{again:?}");
    assert!(
        again
            .stderr
            .ends_with("matrix is already up to date (0 warnings)\n"),
        "{again:?}"
    );
}

#[test]
fn in_place_starts_from_the_directory_it_replaces() {
    let dir = small_matrix("import-small", &[]);
    // The small matrix names only CMAF and DASH rows; the page's other rows are new.
    let page = "| SPEKE v2 | Microsoft PlayReady | Google Widevine | Apple FairPlay |\n\
                | --- | --- | --- | --- |\n\
                | Live |\n\
                | CMAF Apple HLS | √ cbcs and cenc | √ cbcs and cenc | √ cbcs only |\n\
                | DASH | √ cenc only | √ cenc only | |\n\
                | VOD |\n\
                | DASH | √ | √ | |\n";
    dir.write("page.md", page);
    let run = run_in(dir.path(), &["import", "page.md", "--in-place", "."]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        "error: `.` does not name the directory, which is written beside it and renamed; name \
         it from its parent, as `--in-place ../matrix`\n"
    );

    let parent = TempDir::new("import-small-parent");
    support::write_matrix(&parent, "m", &[]);
    parent.write("page.md", page);
    let run = run_in(parent.path(), &["import", "page.md", "--in-place", "m"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run
        .stdout
        .contains("## SPEKE v2\n\n- Rows added: DASH (VOD)\n"));
    assert!(run
        .stderr
        .starts_with("page.md:1:1: warning: the page has no table for SPEKE v1"));
    assert_eq!(
        parent.read("m/speke-v2.csv"),
        "mode,endpoint,playready,widevine,fairplay\n\
         live,cmaf-hls,yes + cbcs + cenc,yes + cbcs + cenc,yes + cbcs\n\
         live,dash,yes + cenc,yes + cenc,no\n\
         vod,dash,yes,yes,no\n"
    );
}

#[test]
fn text_the_importer_does_not_understand_writes_nothing() {
    let dir = TempDir::new("import-unknown");
    let page = PAGE.replace(
        "| DASH | √  | √  |   | ",
        "| DASH | √  | √ (preview) |   | ",
    );
    dir.write("page.md", &page);
    let run = run_in(dir.path(), &["import", "page.md", "--out", "next"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "page.md:28:15: in the SPEKE v2 table, row DASH (live), column Google Widevine: unknown \
         word `preview` in the cell `√ (preview)`; a cell is a check mark (√ or ✓) or \
         `Supported`, which qualifiers may follow (`with key rotation`), or blank or `Not \
         supported`\n\
         error: the page has 1 error and 0 warnings; nothing was written\n"
    );
    assert_eq!(entries(dir.path()), ["page.md"]);
}

#[test]
fn an_existing_directory_is_not_overwritten() {
    let dir = TempDir::new("import-existing");
    dir.write("page.md", PAGE);
    dir.write("next/notes.txt", "mine\n");
    let run = run_in(dir.path(), &["import", "page.md", "--out", "next"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        "error: `next` already exists and is not empty; choose a new directory with --out, or \
         update a matrix directory with --in-place next\n"
    );
    assert_eq!(entries(&dir.path().join("next")), ["notes.txt"]);

    fs::create_dir(dir.path().join("empty")).unwrap();
    let run = run_in(dir.path(), &["import", "page.md", "--out", "empty"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(entries(&dir.path().join("empty")).len(), 7);
}

#[test]
fn bad_input_is_refused_before_anything_is_written() {
    let dir = TempDir::new("import-bad");
    dir.write("page.md", PAGE);
    let date = run_in(dir.path(), &["import", "page.md", "--as-of", "15/01/2027"]);
    assert_eq!(date.code, 1);
    assert_eq!(
        date.stderr,
        "error: --as-of: invalid date `15/01/2027`; write the day the page was saved as \
         YYYY-MM-DD, such as `2026-12-03`\n"
    );
    let missing = run_in(dir.path(), &["import", "nowhere.md"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing
            .stderr
            .starts_with("error: cannot read the page `nowhere.md`: "),
        "{missing:?}"
    );
    dir.write(
        "empty.md",
        "# Choosing the right SPEKE version\n\nNo tables.\n",
    );
    let empty = run_in(dir.path(), &["import", "empty.md"]);
    assert_eq!(empty.code, 1);
    assert!(empty
        .stderr
        .starts_with("empty.md:1:1: no support table on the page;"));
    let usage = run_in(
        dir.path(),
        &["import", "page.md", "--out", "a", "--in-place", "b"],
    );
    assert_eq!(usage.code, 2);
    assert_eq!(entries(dir.path()), ["empty.md", "page.md"]);
}

#[test]
fn the_rendered_docs_import_back_to_the_same_matrix() {
    let dir = TempDir::new("import-round-trip");
    let render = run_in(dir.path(), &["render", "markdown", "--out", "rendered.md"]);
    assert_eq!(render.code, 0, "{render:?}");
    let run = run_in(
        dir.path(),
        &[
            "import",
            "rendered.md",
            "--out",
            "again",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["schema"], "speke-matrix-diff/1");
    assert_eq!(json["changed"], false);
    for (name, text) in speke_matrix::matrix_sources() {
        assert_eq!(dir.read(&format!("again/{name}")), *text, "{name}");
    }
}

#[test]
fn a_saved_html_page_imports_like_the_markdown() {
    let dir = TempDir::new("import-html");
    let rows = |rows: &[(&str, &[&str])]| -> String {
        rows.iter()
            .map(|(first, cells)| {
                let cells: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
                format!("<tr><td>{first}</td>{cells}</tr>\n")
            })
            .collect()
    };
    let rotation = "<p>&#8730;</p><p>with key rotation</p>";
    let html = format!(
        "<html><body><h1>Choosing the right SPEKE version</h1>\n<table>\n\
         <tr><th>SPEKE v1 &#8211; Support matrix for protocol and DRM system</th>\
         <th>Microsoft PlayReady</th><th>Google Widevine</th><th>Apple FairPlay</th>\
         <th>AES-128</th></tr>\n<tr><td colspan=\"5\">Live</td></tr>\n{}\
         <tr><td colspan=\"5\">VOD</td></tr>\n{}</table>\n<table>\n\
         <tr><th>SPEKE v2 &#8211; Support matrix for protocol and DRM system</th>\
         <th>Microsoft PlayReady</th><th>Google Widevine</th><th>Apple FairPlay</th></tr>\n\
         <tr><td colspan=\"4\">Live</td></tr>\n{}</table></body></html>\n",
        rows(&[
            ("Apple HLS", &["", "", rotation, rotation]),
            ("CMAF Apple HLS", &["", rotation, rotation, ""]),
            ("DASH", &[rotation, rotation, "", ""]),
            ("Microsoft Smooth", &["&#8730;", "", "", ""]),
        ]),
        rows(&[
            ("Apple HLS", &["", "", "&#8730;", "&#8730;"]),
            ("CMAF Apple HLS", &["", "&#8730;", "&#8730;", ""]),
            ("DASH", &["&#8730;", "&#8730;", "", ""]),
            ("Microsoft Smooth", &["&#8730;", "", "", ""]),
        ]),
        rows(&[
            ("CMAF Apple HLS", &["&#8730;", "&#8730;", "&#8730;"]),
            ("DASH", &["&#8730;", "&#8730;", ""]),
        ]),
    );
    dir.write("page.html", &html);
    let run = run_in(dir.path(), &["import", "page.html", "--out", "from-html"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.ends_with("\nNo changes.\n"), "{run:?}");
    for (name, text) in speke_matrix::matrix_sources() {
        assert_eq!(dir.read(&format!("from-html/{name}")), *text, "{name}");
    }
}
