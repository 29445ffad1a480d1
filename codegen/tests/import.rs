//! The importer against realistic revisions of AWS's page, written here: a blank cell turned
//! into "Not supported", other check marks, "Has key rotation", a new DRM column in one
//! version, new VOD rows, a new endpoint type, a new version, encryption-scheme phrases, notes,
//! text it does not understand, and the same page saved as HTML.

mod common;

use common::{DRM_SYSTEMS, ENDPOINTS, GRID_V1, GRID_V2, VERSIONS};
use speke_matrix_build::import::{import, AsOf, Imported, Request};
use speke_matrix_build::render::markdown;
use speke_matrix_build::{compile, Diagnostic, Matrix, SourceFile};

/// The page's address, which new versions get as their source.
const SOURCE: &str =
    "https://docs.aws.amazon.com/mediapackage/latest/ug/encryption-choosing-speke-version.html";

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

fn import_into(files: &[SourceFile], page: &str) -> Result<Imported, Vec<Diagnostic>> {
    import_dated(files, page, None)
}

fn import_dated(
    files: &[SourceFile],
    page: &str,
    as_of: Option<&str>,
) -> Result<Imported, Vec<Diagnostic>> {
    let matrix: Matrix = compile("matrix", files)
        .expect("the matrix compiles")
        .matrix;
    let page = SourceFile::new("page.md", page);
    import(&Request {
        page: &page,
        matrix: &matrix,
        files,
        out_dir: "out",
        as_of: as_of.map(|date| AsOf::parse(date).unwrap()),
    })
}

fn run(page: &str) -> Imported {
    import_into(&common::base_files(), page).unwrap_or_else(|errors| panic!("{}", shown(&errors)))
}

fn errors(page: &str) -> Vec<String> {
    match import_into(&common::base_files(), page) {
        Ok(_) => panic!("the import succeeded"),
        Err(diagnostics) => diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect(),
    }
}

fn shown(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| format!("{d}\n"))
        .collect::<String>()
}

fn file<'a>(imported: &'a Imported, name: &str) -> &'a str {
    let file = imported
        .files
        .iter()
        .find(|f| f.name() == name)
        .unwrap_or_else(|| panic!("no file {name}"));
    std::str::from_utf8(&file.bytes).unwrap()
}

fn warnings(imported: &Imported) -> Vec<String> {
    imported.warnings.iter().map(ToString::to_string).collect()
}

/// Replaces exactly one occurrence, so that a test cannot silently edit nothing.
fn edit(page: &str, from: &str, to: &str) -> String {
    assert_eq!(page.matches(from).count(), 1, "{from:?} is not unique");
    page.replacen(from, to, 1)
}

#[test]
fn the_page_gives_back_the_matrix() {
    let imported = run(PAGE);
    for original in common::base_files() {
        assert_eq!(file(&imported, original.name()).as_bytes(), original.bytes);
    }
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
}

#[test]
fn other_wordings_of_the_same_cells_give_the_same_grids() {
    let page = PAGE
        .replace("|   |", "| Not supported |")
        .replace("√   with key rotation", "✓ Has key rotation")
        .replace("| √ |", "| Supported |");
    let page = edit(&page, "| √  | √  |", "| ✓ | Yes |");
    let imported = run(&page);
    assert_eq!(file(&imported, "speke-v1.csv"), GRID_V1);
    assert_eq!(file(&imported, "speke-v2.csv"), GRID_V2);
}

#[test]
fn a_blank_cell_turned_into_not_supported_changes_nothing() {
    let page = edit(
        PAGE,
        "| DASH | √  | √  |   | ",
        "| DASH | √  | √  | Not supported | ",
    );
    assert_eq!(file(&run(&page), "speke-v2.csv"), GRID_V2);
}

#[test]
fn a_changed_cell_changes_only_that_cell() {
    let page = edit(
        PAGE,
        "| DASH | √  | √  |   | ",
        "| DASH |  √   with key rotation  | √  |   | ",
    );
    let imported = run(&page);
    assert_eq!(
        file(&imported, "speke-v2.csv"),
        "mode,endpoint,playready,widevine,fairplay\n\
         live,cmaf-hls,yes,yes,yes\n\
         live,dash,yes + key-rotation,yes,no\n"
    );
    assert_eq!(file(&imported, "speke-v1.csv"), GRID_V1);
}

#[test]
fn a_new_drm_column_in_one_version_is_added_to_the_vocabulary() {
    let page = PAGE
        .replace(
            "| Apple FairPlay | \n| Live | \n| CMAF Apple HLS | √ | √ | √ | \n\
             | DASH | √  | √  |   | ",
            "| Apple FairPlay | Irdeto | \n| Live | \n| CMAF Apple HLS | √ | √ | √ | √ | \n\
             | DASH | √  | √  |   |   | ",
        )
        .replace(
            "|  |  |  |  | \n| --- |--- |--- |--- |",
            "|  |  |  |  |  | \n| --- |--- |--- |--- |--- |",
        );
    let imported = run(&page);
    assert_eq!(
        file(&imported, "speke-v2.csv"),
        "mode,endpoint,playready,widevine,fairplay,irdeto\n\
         live,cmaf-hls,yes,yes,yes,yes\n\
         live,dash,yes,yes,no,no\n"
    );
    assert_eq!(file(&imported, "speke-v1.csv"), GRID_V1);
    assert_eq!(
        file(&imported, "drm-systems.csv"),
        format!("{DRM_SYSTEMS}irdeto,Irdeto,,\n")
    );
    assert_eq!(
        warnings(&imported),
        [
            "out/drm-systems.csv:6:1: warning: new DRM system `irdeto` added from the page \
          (`Irdeto` on the page at page.md:25:116); fill in its system ID (the DASH-IF UUID) \
          and any aliases, which the page does not give; the build refuses the empty system ID \
          until then"
        ]
    );

    // The model for the diff has the new column, and an empty system ID as the file does.
    let irdeto = imported.matrix.drm_systems.last().unwrap();
    assert_eq!(
        (irdeto.term.id.as_str(), irdeto.system_id.as_str()),
        ("irdeto", "")
    );

    // The written files do not build until a person fills in the system ID; the build points
    // at the empty field. (It then also reports the grid's column, as a DRM system it
    // refused.)
    let refused = compile("out", &imported.files).unwrap_err();
    assert_eq!(
        refused[0].to_string(),
        "out/drm-systems.csv:6:16: empty DRM system ID; write the DASH-IF system ID as a UUID \
         of 8-4-4-4-12 hexadecimal digits, such as `edef8ba9-79d6-4ace-a3c8-27dcd51d21ed`"
    );
}

#[test]
fn new_vod_rows_extend_the_grid() {
    let page = format!("{PAGE}\n| VOD | \n| CMAF Apple HLS | √ | √ | √ | \n| DASH | √ | √ |   | ");
    let imported = run(&page);
    assert_eq!(
        file(&imported, "speke-v2.csv"),
        format!("{GRID_V2}vod,cmaf-hls,yes,yes,yes\nvod,dash,yes,yes,no\n")
    );
    assert_eq!(file(&imported, "endpoints.csv"), ENDPOINTS);
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
}

#[test]
fn a_new_endpoint_type_row_is_added_to_the_vocabulary() {
    let page = format!("{PAGE}\n| Low-Latency HLS | √ | √ | √ | ");
    let imported = run(&page);
    assert_eq!(
        file(&imported, "speke-v2.csv"),
        format!("{GRID_V2}live,low-latency-hls,yes,yes,yes\n")
    );
    assert_eq!(
        file(&imported, "endpoints.csv"),
        format!("{ENDPOINTS}low-latency-hls,Low-Latency HLS,\n")
    );
    let warnings = warnings(&imported);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(
            "out/endpoints.csv:6:1: warning: new endpoint type `low-latency-hls` added from the \
             page"
        ),
        "{warnings:?}"
    );
    // An endpoint type needs nothing the page does not give: the files build as they are.
    let built = compile("out", &imported.files).unwrap();
    assert_eq!(built.matrix.cells(), imported.matrix.cells());
}

#[test]
fn a_name_close_to_a_known_one_suggests_an_alias() {
    let page = edit(
        PAGE,
        "| Google Widevine | Apple FairPlay | AES",
        "| Google Widevin | Apple FairPlay | AES",
    );
    let imported = run(&page);
    let warnings = warnings(&imported);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("new DRM system `google-widevin`")
                && w.contains(
                    "its name is close to `widevine`: if it is the same DRM system, remove \
                           this row and add `Google Widevin` as an alias of `widevine` instead"
                )),
        "{warnings:?}"
    );
}

#[test]
fn a_new_version_table_adds_a_version_and_its_grid() {
    let page = format!(
        "{PAGE}\n\n\n|  |  |  | \n| --- |--- |--- |\n\
         | SPEKE v2\\.1 – Support matrix for protocol and DRM system | Microsoft PlayReady | \
         Google Widevine | \n| Live | \n| DASH | √ | √ with key rotation | "
    );
    let imported = run(&page);
    assert_eq!(
        file(&imported, "speke-v2-1.csv"),
        "mode,endpoint,playready,widevine\nlive,dash,yes,yes + key-rotation\n"
    );
    assert_eq!(
        file(&imported, "versions.csv"),
        format!("{VERSIONS}v2-1,SPEKE v2.1,,,,{SOURCE},\n")
    );
    assert_eq!(imported.versions, ["v1", "v2", "v2-1"]);
    let warnings = warnings(&imported);
    assert!(
        warnings[0].starts_with("out/versions.csv:4:1: warning: new SPEKE version `v2-1`")
            && warnings[0].contains("fill in its cpix-version, keys and as-of"),
        "{warnings:?}"
    );
    let refused = compile("out", &imported.files).unwrap_err();
    assert!(refused
        .iter()
        .any(|d| d.to_string().starts_with("out/versions.csv:4:")));
}

#[test]
fn the_day_the_page_was_saved_dates_the_imported_versions() {
    let v21 = "\n\n\n| SPEKE v2\\.1 | Google Widevine | \n| --- | --- |\n| Live | \n| DASH | √ | ";
    let page = format!("{PAGE}{v21}");
    let imported = import_dated(&common::base_files(), &page, Some("2027-01-15"))
        .unwrap_or_else(|errors| panic!("{}", shown(&errors)));
    assert_eq!(
        file(&imported, "versions.csv"),
        format!(
            "{}v2-1,SPEKE v2.1,,,,{SOURCE},2027-01-15\n",
            VERSIONS.replace("2026-12-03", "2027-01-15")
        )
    );
    let dates: Vec<&str> = imported
        .matrix
        .versions
        .iter()
        .map(|v| v.as_of.as_str())
        .collect();
    assert_eq!(dates, ["2027-01-15"; 3]);
    let warnings = warnings(&imported);
    assert!(
        warnings[0].contains("fill in its cpix-version and keys, which"),
        "{warnings:?}"
    );
}

#[test]
fn a_title_spelled_version_2_0_is_version_2() {
    let page = edit(PAGE, "SPEKE v2 – Support", "SPEKE Version 2\\.0 – Support");
    assert_eq!(file(&run(&page), "speke-v2.csv"), GRID_V2);
}

#[test]
fn encryption_scheme_phrases_become_qualifiers() {
    let qualifiers = "id,name,aliases,group,phrase
key-rotation,key rotation,rotation,,with key rotation
cbcs,cbcs,aes-cbc,encryption-scheme,cbcs
cenc,cenc,aes-ctr,encryption-scheme,cenc
";
    let grid_v1 = GRID_V1.replace(
        "vod,cmaf-hls,no,yes,yes,no",
        "vod,cmaf-hls,no,yes + cbcs + cenc,yes + cbcs,no",
    );
    let files = common::files_with(&[("qualifiers.csv", qualifiers), ("speke-v1.csv", &grid_v1)]);
    let page = edit(
        PAGE,
        "| CMAF Apple HLS |   | √ | √ |   | ",
        "| CMAF Apple HLS |   | √ cbcs and cenc | √ only cbcs |   | ",
    );
    let page = edit(
        &page,
        "| CMAF Apple HLS | √ | √ | √ | ",
        "| CMAF Apple HLS | √ cenc only | √ Has key rotation, cbcs or cenc | √ (cbcs only) | ",
    );
    let imported = import_into(&files, &page).unwrap_or_else(|e| panic!("{}", shown(&e)));
    assert_eq!(file(&imported, "speke-v1.csv"), grid_v1);
    assert_eq!(
        file(&imported, "speke-v2.csv"),
        "mode,endpoint,playready,widevine,fairplay\n\
         live,cmaf-hls,yes + cenc,yes + key-rotation + cbcs + cenc,yes + cbcs\n\
         live,dash,yes,yes,no\n"
    );
}

#[test]
fn the_rendered_docs_import_back_with_their_encryption_schemes() {
    let qualifiers = "id,name,aliases,group,phrase
key-rotation,key rotation,rotation,,with key rotation
cbcs,cbcs,,encryption-scheme,with cbcs
cenc,cenc,,encryption-scheme,with cenc
";
    let grid_v1 = "mode,endpoint,playready,widevine,fairplay,aes-128
live,apple-hls,no,no,yes + key-rotation + cbcs,yes + key-rotation
live,cmaf-hls,no,yes + key-rotation + cbcs + cenc,yes + key-rotation + cbcs,no
live,dash,yes + cenc,yes + key-rotation + cenc,no,no
live,mss,yes,no,no,no
vod,apple-hls,no,no,yes,yes
";
    let files = common::files_with(&[("qualifiers.csv", qualifiers), ("speke-v1.csv", grid_v1)]);
    let matrix = compile("matrix", &files).unwrap().matrix;
    let rendered = markdown::document(&matrix);
    assert!(
        rendered.contains("√ with key rotation, cbcs and cenc"),
        "{rendered}"
    );
    assert!(rendered.contains("√ cenc only"), "{rendered}");
    let imported = import_into(&files, &rendered).unwrap_or_else(|e| panic!("{}", shown(&e)));
    assert_eq!(imported.matrix.cells(), matrix.cells());
    assert_eq!(file(&imported, "speke-v1.csv"), grid_v1);
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
}

#[test]
fn unknown_text_is_an_error_naming_table_row_and_column() {
    let page = edit(
        PAGE,
        "| DASH | √  | √  |   | ",
        "| DASH | √  | √ with key rotation (preview) |   | ",
    );
    assert_eq!(
        errors(&page),
        [
            "page.md:28:15: in the SPEKE v2 table, row DASH (live), column Google Widevine: \
          unknown word `preview` in the cell `√ with key rotation (preview)`; a cell is a check \
          mark (√ or ✓) or `Supported`, which qualifiers may follow (`with key rotation`), or \
          blank or `Not supported`"
        ]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let page = edit(
        PAGE,
        "| Microsoft Smooth | √ |   |   |   | \n| VOD",
        "| Microsoft Smooth | √* |   |   |   | \n| VOD",
    );
    let page = edit(
        &page,
        "| DASH | √  | √  |   | ",
        "| DASH | √  | without key rotation  | maybe | ",
    );
    let errors = errors(&page);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].starts_with(
        "page.md:15:22: in the SPEKE v1 table, row Microsoft Smooth (live), column Microsoft \
         PlayReady: unknown word `*`"
    ));
    assert!(errors[1].starts_with(
        "page.md:28:15: in the SPEKE v2 table, row DASH (live), column Google Widevine: unknown \
         word `without`"
    ));
    assert!(errors[2].contains("column Apple FairPlay: unknown word `maybe`"));
}

#[test]
fn layout_mistakes_are_located_errors() {
    let before_mode = edit(PAGE, "| Live | \n| CMAF", "| CMAF");
    assert_eq!(
        errors(&before_mode),
        [
            "page.md:26:3: in the SPEKE v2 table, the row `CMAF Apple HLS` comes before any mode \
             heading; expected a row naming the mode (such as `Live` or `VOD`) above the \
             endpoint types",
            "page.md:27:3: in the SPEKE v2 table, the row `DASH` comes before any mode heading; \
             expected a row naming the mode (such as `Live` or `VOD`) above the endpoint types"
        ]
    );
    let duplicate = format!("{PAGE}\n| DASH | √ | √ | √ | ");
    assert_eq!(
        errors(&duplicate),
        [
            "page.md:29:3: in the SPEKE v2 table, row DASH (live): a second row for this endpoint \
          type and mode (the first is on line 28); merge the rows"
        ]
    );
    let extra = edit(
        PAGE,
        "| DASH | √  | √  |   | ",
        "| DASH | √  | √  |   | √ | ",
    );
    assert_eq!(
        errors(&extra),
        [
            "page.md:28:24: in the SPEKE v2 table, row DASH (live): 5 cells, more than the \
          header's 4 columns"
        ]
    );
    let twice = format!("{PAGE}\n\n| SPEKE v2 | Google Widevine |\n| Live |\n| DASH | √ |");
    assert_eq!(
        errors(&twice),
        [
            "page.md:30:1: a second table for SPEKE v2 (the first is on line 23); a page has one \
          table per SPEKE version"
        ]
    );
    assert_eq!(
        errors("# Choosing the right SPEKE version\n\nNo tables today.\n"),
        [
            "page.md:1:1: no support table on the page; expected tables whose first cell names a \
          SPEKE version (`SPEKE v1 – Support matrix for protocol and DRM system`) and whose \
          header names DRM systems, as on AWS's \"Choosing the right SPEKE version\" page"
        ]
    );
}

#[test]
fn a_table_without_a_version_in_its_title_takes_the_heading_above() {
    let v1 = &PAGE[..PAGE.find("\n\n\n|  |  |  |  | \n").unwrap()];
    let v2 = "### SPEKE v2

| Endpoint type | Microsoft PlayReady | Google Widevine | Apple FairPlay |
| --- | --- | --- | --- |
| **Live** |
| CMAF Apple HLS | √ | √ | √ |
| DASH | √ | √ | |
";
    let page = format!("{v1}\n\n{v2}");
    assert_eq!(file(&run(&page), "speke-v2.csv"), GRID_V2);

    let without_heading = page.replace("### SPEKE v2", "Some prose.");
    assert_eq!(
        errors(&without_heading),
        [
            "page.md:24:3: this support table names no SPEKE version: its first cell is \
          `Endpoint type` and no heading above names one; expected a first cell such as \
          `SPEKE v1 – Support matrix for protocol and DRM system`"
        ]
    );
}

#[test]
fn notes_below_a_table_are_warnings() {
    let page = format!("{PAGE}\n\n**Note**  \nKey rotation for DASH with SPEKE v2 is coming\\.\n");
    let imported = run(&page);
    assert_eq!(
        warnings(&imported),
        ["page.md:30:1: warning: note below the SPEKE v2 table not imported: `Note Key rotation \
          for DASH with SPEKE v2 is coming.`; read it, and edit the grid by hand if it changes a \
          cell"]
    );
    assert_eq!(file(&imported, "speke-v2.csv"), GRID_V2);
}

#[test]
fn a_note_row_inside_a_table_is_a_warning() {
    let page = format!("{PAGE}\n| Note: DASH key rotation with SPEKE v2 is planned |");
    let imported = run(&page);
    assert_eq!(
        warnings(&imported),
        [
            "page.md:29:3: warning: note in the SPEKE v2 table not imported: `Note: DASH key \
          rotation with SPEKE v2 is planned`; read it, and edit the grid by hand if it changes a \
          cell"
        ]
    );
    assert_eq!(file(&imported, "speke-v2.csv"), GRID_V2);
}

#[test]
fn a_version_the_page_leaves_out_keeps_its_grid() {
    let v1_only = &PAGE[..PAGE.find("\n\n\n|  |  |  |  | \n").unwrap()];
    let imported = run(v1_only);
    assert_eq!(file(&imported, "speke-v2.csv"), GRID_V2);
    assert_eq!(imported.versions, ["v1"]);
    assert_eq!(
        warnings(&imported),
        [
            "page.md:1:1: warning: the page has no table for SPEKE v2; its grid speke-v2.csv is \
          kept as it was"
        ]
    );
}

#[test]
fn a_dropped_column_is_a_warning() {
    let v2 = &PAGE[PAGE.find("\n\n\n|  |  |  |  | \n").unwrap()..];
    let v1 =
        "| SPEKE v1 – Support matrix | Microsoft PlayReady | Google Widevine | Apple FairPlay |
| --- | --- | --- | --- |
| Live |
| DASH | √ with key rotation | √ with key rotation | |
";
    let imported = run(&format!("{v1}{v2}"));
    assert_eq!(
        file(&imported, "speke-v1.csv"),
        "mode,endpoint,playready,widevine,fairplay\n\
         live,dash,yes + key-rotation,yes + key-rotation,no\n"
    );
    let warnings = warnings(&imported);
    let expected = [
        "page.md:1:1: warning: the SPEKE v1 table has no column for AES-128, which speke-v1.csv \
         has; the imported grid drops it",
        "page.md:1:1: warning: the SPEKE v1 table has no row for Apple HLS (live), which \
         speke-v1.csv has; the imported grid drops it",
        "out/drm-systems.csv:5:1: warning: DRM system `aes-128` is used by no grid",
        "out/endpoints.csv:5:1: warning: endpoint type `mss` is used by no grid",
    ];
    for expected in expected {
        assert!(
            warnings.iter().any(|w| w == expected),
            "{expected}\nnot in {warnings:#?}"
        );
    }
}

#[test]
fn a_page_saved_with_windows_line_endings_reads_the_same() {
    let imported = run(&PAGE.replace('\n', "\r\n"));
    assert_eq!(file(&imported, "speke-v1.csv"), GRID_V1);
    assert_eq!(file(&imported, "speke-v2.csv"), GRID_V2);
}

#[test]
fn the_same_page_as_html_gives_the_same_grids() {
    let html = "<!DOCTYPE html><html><head><title>Choosing the right SPEKE version</title>
<script>document.write('<table>');</script></head><body>
<h1>Choosing the right SPEKE version</h1>
<p><b>Supported protocols and DRM platforms</b></p>
<div class=\"table-container\"><div class=\"table-contents\"><table id=\"w1\">
<tr><th>SPEKE v1 &#8211; Support matrix for protocol and DRM system</th>
<th>Microsoft PlayReady</th><th>Google Widevine</th><th>Apple FairPlay</th><th>AES-128</th></tr>
<tr><td colspan=\"5\"><b>Live</b></td></tr>
<tr><td>Apple HLS</td><td></td><td></td>
<td><p>&#8730;</p><p>with key rotation</p></td><td><p>&#8730;</p><p>with key rotation</p></td>
</tr>
<tr><td>CMAF Apple HLS</td><td></td>
<td>&#8730; with key rotation</td><td>&#8730; with key rotation</td><td></td></tr>
<tr><td>DASH</td><td>&#8730; with key rotation</td><td>&#8730; with key rotation</td>
<td colspan=\"2\"></td></tr>
<tr><td>Microsoft Smooth</td><td>&#8730;</td><td></td><td></td><td></td></tr>
<tr><td colspan=\"5\"><b>VOD</b></td></tr>
<tr><td>Apple HLS</td><td></td><td></td><td>&#8730;</td><td>&#8730;</td></tr>
<tr><td>CMAF Apple HLS</td><td></td><td>&#8730;</td><td>&#8730;</td><td></td></tr>
<tr><td>DASH</td><td>&#8730;</td><td>&#8730;</td><td></td><td></td></tr>
<tr><td>Microsoft Smooth</td><td>&#8730;</td><td></td><td></td><td></td></tr>
</table></div></div>
<table>
<thead><tr><th>SPEKE v2 &#8211; Support matrix for protocol and DRM system</th>
<th>Microsoft PlayReady</th><th>Google Widevine</th><th>Apple FairPlay</th></tr></thead>
<tbody><tr><td colspan=\"4\">Live</td></tr>
<tr><td>CMAF Apple HLS</td><td>&#8730;</td><td>&#8730;</td><td>&#8730;</td></tr>
<tr><td>DASH</td><td>&#8730;</td><td>&#8730;</td><td>Not supported</td></tr></tbody>
</table></body></html>";
    let imported = run(html);
    assert_eq!(file(&imported, "speke-v1.csv"), GRID_V1);
    assert_eq!(file(&imported, "speke-v2.csv"), GRID_V2);

    let wrong = html.replace(
        "<td>&#8730;</td><td>Not supported</td>",
        "<td>&#8730;</td><td>Soon</td>",
    );
    let errors = errors(&wrong);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "page.md:28:54: in the SPEKE v2 table, row DASH (live), column Apple FairPlay: \
             unknown word `soon`"
        ),
        "{errors:?}"
    );
}

#[test]
fn importing_twice_gives_the_same_bytes() {
    let page = format!("{PAGE}\n| Low-Latency HLS | √ | √ | √ | ");
    let (first, second) = (run(&page), run(&page));
    assert_eq!(first.files, second.files);
    assert_eq!(warnings(&first), warnings(&second));
}

#[test]
fn a_vocabulary_file_keeps_what_a_person_wrote() {
    let mut files = common::base_files();
    let drm = files
        .iter_mut()
        .find(|f| f.name() == "drm-systems.csv")
        .unwrap();
    let written = DRM_SYSTEMS
        .replace('\n', "\r\n")
        .replace("playready,", "\"playready\" ,");
    let written = written.trim_end().to_owned();
    drm.bytes = written.clone().into_bytes();
    let page = edit(
        PAGE,
        "| Apple FairPlay | AES\\-128 | ",
        "| Apple FairPlay | Huawei WisePlay | ",
    );
    let imported = import_into(&files, &page).unwrap_or_else(|e| panic!("{}", shown(&e)));
    assert_eq!(
        file(&imported, "drm-systems.csv"),
        format!("{written}\r\nhuawei-wiseplay,Huawei WisePlay,,\r\n")
    );
}
