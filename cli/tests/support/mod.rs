//! What the end-to-end tests share: running the built `speke-matrix` as a process, and
//! temporary directories holding small matrices (std only, removed when dropped).

#![allow(dead_code)] // Each test file uses part of this module.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a run of the program printed, and its exit status.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// Runs `speke-matrix` with these arguments in the test's current directory.
pub fn run(args: &[&str]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Runs `speke-matrix` with these arguments in a directory.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_speke-matrix"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run speke-matrix");
    Run {
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        code: output.status.code().expect("exited, not killed"),
    }
}

/// A directory under the system's temporary directory, unique to this process and call,
/// removed with everything in it when dropped.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "speke-matrix-cli-{label}-{}-{n}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).expect("create a temporary directory");
        TempDir { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The directory's path as a command-line argument.
    pub fn arg(&self) -> &str {
        self.path
            .to_str()
            .expect("the temporary directory is UTF-8")
    }

    /// Writes a file under the directory, creating its parents.
    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path.join(relative);
        fs::create_dir_all(path.parent().unwrap()).expect("create parents");
        fs::write(&path, text).expect("write a test file");
        path
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path.join(relative)).expect("read a test file")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// A small matrix: two versions, a live-only grid in v2, key rotation, and two encryption
/// schemes of one group.
pub const SMALL: [(&str, &str); 7] = [
    (
        "versions.csv",
        "id,name,aliases,cpix-version,keys,source,as-of\n\
         v1,SPEKE v1,,2.0,one,https://example.com/speke,2024-05-01\n\
         v2,SPEKE v2,,2.3,several,https://example.com/speke,2024-05-01\n",
    ),
    (
        "modes.csv",
        "id,name,aliases\nlive,Live,\nvod,VOD,on-demand\n",
    ),
    (
        "endpoints.csv",
        "id,name,aliases\ncmaf-hls,CMAF Apple HLS,cmaf\ndash,DASH,\n",
    ),
    (
        "drm-systems.csv",
        "id,name,aliases,system-id\n\
         playready,Microsoft PlayReady,pr,9a04f079-9840-4286-ab92-e65be0885f95\n\
         widevine,Google Widevine,wv,edef8ba9-79d6-4ace-a3c8-27dcd51d21ed\n\
         fairplay,Apple FairPlay,fps,94ce86fb-07ff-4f43-adb8-93d2fa968ca2\n",
    ),
    (
        "qualifiers.csv",
        "id,name,aliases,group,phrase\n\
         key-rotation,key rotation,rotation,,with key rotation\n\
         cbcs,cbcs,,encryption-scheme,with cbcs\n\
         cenc,cenc,,encryption-scheme,with cenc\n",
    ),
    (
        "speke-v1.csv",
        "mode,endpoint,playready,widevine,fairplay\n\
         live,cmaf-hls,no,yes + key-rotation,yes + key-rotation + cbcs\n\
         live,dash,yes + key-rotation,yes + key-rotation,no\n\
         vod,cmaf-hls,no,yes,yes\n\
         vod,dash,yes,yes,no\n",
    ),
    (
        "speke-v2.csv",
        "mode,endpoint,playready,widevine,fairplay\n\
         live,cmaf-hls,yes + cbcs + cenc,yes + cbcs + cenc,yes + cbcs\n\
         live,dash,yes + cenc,yes + cenc,no\n",
    ),
];

/// A temporary directory holding the small matrix, with some files replaced, in `subdir`.
pub fn small_matrix(label: &str, replacements: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new(label);
    write_matrix(&dir, "", replacements);
    dir
}

/// Writes the small matrix into `subdir` of a directory (`""` for the directory itself), with
/// some files replaced by name.
pub fn write_matrix(dir: &TempDir, subdir: &str, replacements: &[(&str, &str)]) {
    for (name, text) in SMALL {
        let text = replacements
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(text, |(_, t)| *t);
        dir.write(&join(subdir, name), text);
    }
}

/// Writes the matrix this program was built with into `subdir` of a directory.
pub fn write_shipped_matrix(dir: &TempDir, subdir: &str) {
    for (name, text) in speke_matrix::matrix_sources() {
        dir.write(&join(subdir, name), text);
    }
}

/// Each supported cell of the matrix this program was built with, with all it offers, as the
/// ids `list` prints and `check` takes, separated by single spaces.
pub fn supported_cell_words() -> Vec<String> {
    speke_matrix::supported_cells()
        .map(|cell| {
            let c = cell.combination;
            let mut words = vec![c.version.id(), c.mode.id(), c.endpoint.id(), c.drm.id()];
            words.extend(cell.offered.iter().map(|q| q.id()));
            words.join(" ")
        })
        .collect()
}

fn join(subdir: &str, name: &str) -> String {
    if subdir.is_empty() {
        name.to_owned()
    } else {
        format!("{subdir}/{name}")
    }
}
