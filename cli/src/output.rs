//! What a command produces: its result for stdout, its diagnostics for stderr and its exit
//! status, kept as values so that `main` writes them in one place. Also the one way this
//! program writes a file: whole or not at all.

use std::fs;
use std::path::Path;

/// The exit status of a command, as `--help` documents it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// Not supported, an unknown word, an invalid matrix, stale docs, a file error.
    Refused,
    /// `diff --exit-code` found differences. It exits 1 as a refusal does, like `git diff
    /// --exit-code`; a script tells them apart by stdout, which a refusal leaves empty.
    Changed,
    /// The command line itself is wrong.
    Usage,
}

impl Status {
    /// The process's exit status.
    pub fn code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Refused | Status::Changed => 1,
            Status::Usage => 2,
        }
    }
}

/// A command's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub status: Status,
}

impl Output {
    pub fn new() -> Self {
        Output {
            stdout: String::new(),
            stderr: String::new(),
            status: Status::Ok,
        }
    }

    /// A successful result with this text on stdout.
    pub fn ok(stdout: impl Into<String>) -> Self {
        Output {
            stdout: stdout.into(),
            ..Output::new()
        }
    }

    /// Adds an `error: ` line to stderr and marks the command refused.
    pub fn error(&mut self, message: impl AsRef<str>) {
        self.stderr.push_str("error: ");
        self.stderr.push_str(message.as_ref());
        self.stderr.push('\n');
        self.status = Status::Refused;
    }
}

impl Default for Output {
    fn default() -> Self {
        Output::new()
    }
}

/// Writes a file whole or not at all: to a temporary file beside it, then renamed over it, so
/// that a failure or an interruption never leaves half a file. An unchanged file is left
/// alone, so that its modification time says when it last changed.
pub fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| format!("cannot write `{}`: not a file name", path.display()))?;
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = fs::write(&temporary, text).and_then(|()| fs::rename(&temporary, path));
    result.map_err(|error| {
        let _ = fs::remove_file(&temporary);
        format!("cannot write `{}`: {error}", path.display())
    })
}
