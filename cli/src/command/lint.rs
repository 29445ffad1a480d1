//! `speke-matrix lint`: validates a matrix directory with exactly the build's diagnostics, as
//! text or as GitHub Actions annotations.

use std::path::Path;

use speke_matrix_build::{compile, Diagnostic, Severity};

use crate::args::LintFormat;
use crate::matrix_source::{count, read_dir, shown_dir, summary, ReadProblem};
use crate::output::{Output, Status};

pub fn run(dir: &Path, format: LintFormat) -> Output {
    let shown = shown_dir(dir);
    let mut output = Output::new();
    let diagnostics = match read_dir(dir, &shown) {
        Err(ReadProblem::Directory(message)) => {
            match format {
                LintFormat::Text => output.error(&message),
                LintFormat::Github => {
                    output.stdout = format!("::error title=speke-matrix::{}\n", data(&message));
                    output.status = Status::Refused;
                }
            }
            return output;
        }
        Err(ReadProblem::Invalid(diagnostics)) => diagnostics,
        Ok(files) => match compile(&shown, &files) {
            Ok(compiled) => compiled.warnings,
            Err(diagnostics) => diagnostics,
        },
    };
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    match format {
        LintFormat::Text => {
            for diagnostic in &diagnostics {
                output.stderr.push_str(&format!("{diagnostic}\n"));
            }
        }
        LintFormat::Github => {
            for diagnostic in &diagnostics {
                output.stdout.push_str(&annotation(diagnostic));
            }
        }
    }
    if failed {
        output.error(format!("{shown}: {}", summary(&diagnostics)));
    } else {
        let line = format!("{shown}: valid, {}\n", count(diagnostics.len(), "warning"));
        match format {
            LintFormat::Text => output.stdout.push_str(&line),
            // The annotations are the result here; the summary is for the log.
            LintFormat::Github => output.stderr.push_str(&line),
        }
    }
    output
}

/// A diagnostic as a GitHub Actions workflow command, which the runner shows on the file's
/// line in the pull request.
pub fn annotation(diagnostic: &Diagnostic) -> String {
    let level = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!(
        "::{level} file={},line={},col={},title=speke-matrix::{}\n",
        property(&diagnostic.path),
        diagnostic.line,
        diagnostic.column,
        data(&diagnostic.message)
    )
}

/// Escapes a workflow command's message, where `%` and line breaks are special.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value, where `:` and `,` also are special.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use speke_matrix_build::Location;

    #[test]
    fn annotations_escape_what_the_runner_would_misread() {
        let diagnostic = Diagnostic::error(
            &Location::new("dir,x/a:b.csv", 3, 7),
            "100% wrong\nsecond line",
        );
        assert_eq!(
            annotation(&diagnostic),
            "::error file=dir%2Cx/a%3Ab.csv,line=3,col=7,title=speke-matrix::100%25 \
             wrong%0Asecond line\n"
        );
    }
}
