//! The help texts of the program and of each command, and the short usage lines shown under a
//! usage error.

use crate::args::{Name, DEFAULT_IMPORT_DIR};

const EXIT_STATUS: &str = "\
Exit status:
  0  success: supported, listed, rendered, valid, up to date or imported
  1  refused: not supported, an unknown word, an invalid matrix, stale docs, or a file that
     cannot be read or written; also `diff --exit-code` finding differences
  2  usage: an unknown command or option, a missing or extra argument
";

// Not a `"\` continuation: that would drop the line's leading spaces, and the option would
// print out of line with the others.
const MATRIX_OPTION: &str =
    "  --matrix DIR  read the matrix from DIR instead of the one this program was built with\n";

/// The program's help.
pub fn program() -> String {
    format!(
        "\
speke-matrix: check, list, render, diff and lint the SPEKE support matrix of AWS Elemental
MediaPackage: which DRM systems work with which endpoint types, per SPEKE version, live or VOD.

Usage: speke-matrix <command> [arguments] [options]

Commands:
  check   whether a combination is supported, with which qualifiers, and if not, why not
  list    the supported combinations, filtered
  render  the matrix as markdown, json, csv or html
  diff    what changed between two SPEKE versions or two matrix directories, term and cell
  lint    validate a matrix directory with exactly the build's diagnostics
  docs    regenerate docs/support-matrix.md and the README section from matrix/
  import  read AWS's published support tables into a matrix directory
  help    this text, or a command's: speke-matrix help check

Options:
  -h, --help     print help (also after any command: speke-matrix check --help)
  -V, --version  print the version

Results go to stdout, diagnostics to stderr.

{EXIT_STATUS}"
    )
}

/// One command's help.
pub fn command(name: Name) -> String {
    let body = match name {
        Name::Check => format!(
            "\
speke-matrix check: whether the matrix supports a combination.

Usage: speke-matrix check <version> <mode> <endpoint type> <DRM system> [qualifier...]

Words are ids, display names or aliases from the matrix files, in any case, with `_` or `-`
(`v2`, `live`, `dash`, `widevine`, `key_rotation`). Each qualifier named must be offered, and
at most one of each group of alternatives (such as the encryption schemes cbcs and cenc).

Prints on stdout `supported: ...` and the qualifiers the cell offers (exit 0), or
`not supported: ...` with the explanation the compile-time check gives: what is supported
nearby (exit 1). An unknown word is reported on stderr with the nearest valid spelling (exit 1).

Example: speke-matrix check v1 live dash widevine key_rotation

Options:
{MATRIX_OPTION}  -h, --help    print this help
"
        ),
        Name::List => format!(
            "\
speke-matrix list: the supported combinations.

Usage: speke-matrix list [--version V] [--mode M] [--endpoint E] [--drm D]

Prints one supported combination a line, as ids in aligned columns: SPEKE version, mode,
endpoint type, DRM system, then the qualifiers the cell offers; a cell offering several
qualifiers of one group of alternatives gets a line for each. Each line is a combination that
`speke-matrix check` accepts.

Options:
  --version V   only SPEKE version V
  --mode M      only mode M (live, vod)
  --endpoint E  only endpoint type E
  --drm D       only DRM system D
{MATRIX_OPTION}  -h, --help    print this help
"
        ),
        Name::Render => format!(
            "\
speke-matrix render: the matrix in another format.

Usage: speke-matrix render <markdown|json|csv|html> [--out FILE]

  markdown  the support matrix document, tables laid out as AWS's page lays them out
  json      the schema `speke-matrix/1` for non-Rust consumers (see docs/json-schema.md)
  csv       one row per combination: version, mode, endpoint_type, drm_system, cell, qualifiers
  html      a standalone page with the grids in colour; needs no network

Options:
  --out FILE    write to FILE (whole or not at all) instead of stdout
{MATRIX_OPTION}  -h, --help    print this help
"
        ),
        Name::Diff => format!(
            "\
speke-matrix diff: what changes, cell by cell.

Usage: speke-matrix diff <version> <version> [--format markdown|json] [--exit-code]
       speke-matrix diff --from DIR --to DIR [--format markdown|json] [--exit-code]

Compares two SPEKE versions of one matrix, or each version of two matrix directories (before and
after an edit). Lists the cells gained, lost and whose qualifiers changed, and the rows (mode and
endpoint type) and DRM system columns added or removed. Between two directories it also lists
the vocabulary's changes: SPEKE versions, modes, endpoint types, DRM systems and qualifiers
added or removed, and each changed name, alias, system ID, CPIX version, keys, source, as-of
date, qualifier group and phrase, before and after. Two versions of one matrix share their
vocabulary, so their diff has no vocabulary section.

Exit 0 whether or not anything changed (the JSON's `changed` field says which), unless
--exit-code is given.

Options:
  --format F    markdown (the default) or json (schema `speke-matrix-diff/1`)
  --from DIR    the matrix before
  --to DIR      the matrix after
  --exit-code   exit 1 if anything changed and 0 if nothing did, as `git diff --exit-code`
{MATRIX_OPTION}  -h, --help    print this help
"
        ),
        Name::Lint => "\
speke-matrix lint: validate a matrix directory.

Usage: speke-matrix lint [DIR] [--format text|github]

Compiles DIR (default: matrix) exactly as the build does and reports the build's diagnostics,
`path:line:column: message`. Exit 1 if there is an error; warnings alone exit 0.

Options:
  --format F    text (the default: diagnostics on stderr) or github (GitHub Actions
                annotations, `::error file=...,line=...::message`, on stdout)
  -h, --help    print this help
"
        .to_owned(),
        Name::Docs => "\
speke-matrix docs: regenerate the committed docs from the matrix.

Usage: speke-matrix docs [--check] [--matrix DIR]

Run from the repository root. Reads matrix/ (or DIR), writes docs/support-matrix.md and the
section of README.md between `<!-- support-matrix:start -->` and `<!-- support-matrix:end -->`.
Only files whose text changes are written.

Options:
  --check       write nothing; exit 1 if either file is stale
  --matrix DIR  read the matrix from DIR instead of matrix/
  -h, --help    print this help
"
        .to_owned(),
        Name::Import => format!(
            "\
speke-matrix import: AWS's published support tables into a matrix directory.

Usage: speke-matrix import <FILE> [--out DIR | --in-place DIR] [--as-of DATE]

Reads a saved copy of AWS's \"Choosing the right SPEKE version\" page (its Markdown, or the HTML
page) and writes a complete matrix directory: a grid per version table on the page, and the
vocabulary files of the matrix it starts from, with a row added for each DRM system, endpoint
type, mode or SPEKE version the page names and the vocabulary lacks. The page gives only a
name: a new DRM system's ID and a new version's facts are left empty, with a warning, and the
build refuses them until a person fills them in. Cell wording the importer does not understand
is an error at its place on the page (table, row and column), and nothing is written.

Prints on stdout the cell-level changes from the matrix it starts from (as `diff --from --to`),
and the warnings on stderr. The directory is written whole or not at all.

Options:
  --out DIR      write a new directory DIR (default: {DEFAULT_IMPORT_DIR}), starting from
                 the matrix this program was built with, or from --matrix
  --in-place DIR start from the matrix directory DIR and replace it
  --as-of DATE   the day the page was saved (YYYY-MM-DD): the as-of date of each version
                 whose table the page has; without it, dates are kept
  --format F     markdown (the default) or json, for the changes
{MATRIX_OPTION}  -h, --help     print this help
"
        ),
    };
    format!("{body}\n{EXIT_STATUS}")
}

/// The usage line shown under a usage error.
pub fn usage(name: Option<Name>) -> String {
    match name {
        None => "Usage: speke-matrix <command> [arguments] [options]\n\
                 Run `speke-matrix --help` for the commands."
            .to_owned(),
        Some(name) => {
            let text = command(name);
            let usage: Vec<&str> = text
                .lines()
                .skip_while(|line| !line.starts_with("Usage:"))
                .take_while(|line| !line.is_empty())
                .collect();
            format!(
                "{}\nRun `speke-matrix {} --help` for more.",
                usage.join("\n"),
                name.as_str()
            )
        }
    }
}
