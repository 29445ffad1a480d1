//! Located diagnostics: every problem found in the matrix sources is reported as
//! `path:line:column: message`, so an editor can jump to it and a person knows what to fix.

use std::fmt;

/// How serious a diagnostic is: errors fail the build, warnings are shown and the build goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem at one place of one source file.
///
/// Lines and columns count from 1; a column counts characters, not bytes, as editors do.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(at: &Location, message: impl Into<String>) -> Self {
        Diagnostic::new(at, Severity::Error, message)
    }

    pub fn warning(at: &Location, message: impl Into<String>) -> Self {
        Diagnostic::new(at, Severity::Warning, message)
    }

    fn new(at: &Location, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            path: at.path.clone(),
            line: at.line,
            column: at.column,
            severity,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.path, self.line, self.column)?;
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A place in a source file, kept with every value read from it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub path: String,
    pub line: u32,
    pub column: u32,
}

impl Location {
    pub fn new(path: &str, line: u32, column: u32) -> Self {
        Location {
            path: path.to_owned(),
            line,
            column,
        }
    }

    /// The location `chars` characters to the right on the same line.
    pub fn shifted(&self, chars: usize) -> Self {
        let chars = u32::try_from(chars).unwrap_or(u32::MAX);
        Location {
            path: self.path.clone(),
            line: self.line,
            column: self.column.saturating_add(chars),
        }
    }
}

/// Sorts diagnostics by file, line and column, so that a build reports them in reading order
/// and two builds of the same input report them identically.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort();
}
