//! What the programs that read a matrix directory (the library's build script and the CLI)
//! decide and say the same way: which entries are matrix files, which of those to read, and
//! the diagnostics for one that cannot be read. This crate reads no files itself; the shells
//! list the directory and read the files, and ask these functions in between, so that a person
//! sees the same message from `cargo build` and from `speke-matrix lint`.

use std::fs::Metadata;
use std::io;

use crate::csv;
use crate::diagnostic::{Diagnostic, Location};

/// Whether a directory entry of this name is a matrix file: a CSV file, by its extension in
/// any case. Other files (a README) are skipped unread.
pub fn is_matrix_file(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".csv")
}

/// What to do with an entry named like a matrix file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A regular file within the size limit: read it.
    Read,
    /// A directory (`old.csv/`): not a matrix file, skipped.
    Skip,
}

/// Decides from an entry's metadata, before its bytes are read, whether to read it, skip it,
/// or refuse it with a located error: a pipe or a device (which would block the read), a file
/// over [`csv::MAX_FILE_BYTES`], or metadata that cannot be had. Shells take the metadata with
/// `fs::metadata`, which follows a symbolic link, so that a link to a matrix file is read and
/// a broken one is reported rather than skipped.
pub fn check_entry(path: &str, metadata: io::Result<Metadata>) -> Result<Entry, Diagnostic> {
    let metadata = metadata.map_err(|error| unreadable_file(path, &error))?;
    if metadata.is_dir() {
        return Ok(Entry::Skip);
    }
    if !metadata.is_file() {
        return Err(not_a_regular_file(path));
    }
    csv::check_size(path, metadata.len())?;
    Ok(Entry::Read)
}

/// The error for a matrix file that is neither a regular file nor a directory, such as a
/// named pipe or a device, which would block a read or never end.
fn not_a_regular_file(path: &str) -> Diagnostic {
    Diagnostic::error(
        &Location::new(path, 1, 1),
        "not a regular file (a pipe or a device?); a matrix file is a CSV text file",
    )
}

/// The error for a matrix file whose metadata or bytes cannot be read.
pub fn unreadable_file(path: &str, error: &io::Error) -> Diagnostic {
    Diagnostic::error(
        &Location::new(path, 1, 1),
        format!("cannot read the file: {}", describe(error)),
    )
}

/// An I/O error in the lowercase words of the other messages.
pub fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "it does not exist".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotADirectory => "it is not a directory".to_owned(),
        _ => {
            let text = error.to_string();
            let mut chars = text.chars();
            chars.next().map_or(text.clone(), |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_files_are_csv_files() {
        assert!(is_matrix_file("speke-v1.csv"));
        assert!(is_matrix_file("MODES.CSV"));
        assert!(!is_matrix_file("README.md"));
        assert!(!is_matrix_file("speke-v1.csv.orig"));
    }

    #[test]
    fn errors_are_located_at_the_file_and_lowercase() {
        let error = io::Error::new(io::ErrorKind::NotFound, "No such file");
        let diagnostic = unreadable_file("matrix/modes.csv", &error);
        assert_eq!(
            diagnostic.to_string(),
            "matrix/modes.csv:1:1: cannot read the file: it does not exist"
        );
        let other = io::Error::other("Too many open files");
        assert_eq!(describe(&other), "too many open files");
        assert!(not_a_regular_file("m/a.csv")
            .to_string()
            .starts_with("m/a.csv:1:1: not a regular file"));
        let missing = check_entry("m/b.csv", Err(error)).unwrap_err();
        assert_eq!(missing.message, "cannot read the file: it does not exist");
    }
}
