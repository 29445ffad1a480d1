//! The valid matrix the integration tests start from, and checks shared by them.
//!
//! The matrix is written here, not read from the repository's `matrix/`, because no file of a
//! package may read outside it (`cargo package` builds each package from its own tarball). It
//! is a copy of the shipped matrix as of this writing; the tests need a realistic matrix, not
//! the current one, so it may lag behind the shipped data without harm.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use speke_matrix_build::{Diagnostic, SourceFile};

/// The directory name diagnostics show for the test matrix.
pub const DIR: &str = "matrix";

// The files of the valid matrix, one constant each, so that a test can write what a file
// holds after an edit as the original text and the change.

pub const DRM_SYSTEMS: &str = "id,name,aliases,system-id
playready,Microsoft PlayReady,microsoft-playready | pr,9a04f079-9840-4286-ab92-e65be0885f95
widevine,Google Widevine,google-widevine | wv,edef8ba9-79d6-4ace-a3c8-27dcd51d21ed
fairplay,Apple FairPlay,apple-fairplay | fps,94ce86fb-07ff-4f43-adb8-93d2fa968ca2
aes-128,AES-128,aes | hls-aes-128,81376844-f976-481e-a84e-cc25d39b0b33
";

pub const ENDPOINTS: &str = "id,name,aliases
apple-hls,Apple HLS,hls | ts
cmaf-hls,CMAF Apple HLS,cmaf | cmaf-apple-hls
dash,DASH,mpeg-dash
mss,Microsoft Smooth,smooth | microsoft-smooth | smooth-streaming
";

pub const MODES: &str = "id,name,aliases
live,Live,
vod,VOD,video-on-demand | on-demand
";

pub const QUALIFIERS: &str = "id,name,aliases,group,phrase
key-rotation,key rotation,rotation,,with key rotation
";

pub const GRID_V1: &str = "mode,endpoint,playready,widevine,fairplay,aes-128
live,apple-hls,no,no,yes + key-rotation,yes + key-rotation
live,cmaf-hls,no,yes + key-rotation,yes + key-rotation,no
live,dash,yes + key-rotation,yes + key-rotation,no,no
live,mss,yes,no,no,no
vod,apple-hls,no,no,yes,yes
vod,cmaf-hls,no,yes,yes,no
vod,dash,yes,yes,no,no
vod,mss,yes,no,no,no
";

pub const GRID_V2: &str = "mode,endpoint,playready,widevine,fairplay
live,cmaf-hls,yes,yes,yes
live,dash,yes,yes,no
";

pub const VERSIONS: &str = "id,name,aliases,cpix-version,keys,source,as-of
v1,SPEKE v1,speke-v1 | speke1,2.0,one,https://docs.aws.amazon.com/mediapackage/latest/ug/encryption-choosing-speke-version.html,2026-12-03
v2,SPEKE v2,speke-v2 | speke2,2.3,several,https://docs.aws.amazon.com/mediapackage/latest/ug/encryption-choosing-speke-version.html,2026-12-03
";

/// The files of the valid matrix, by name, in the order a directory listing sorts them.
pub const BASE: [(&str, &str); 7] = [
    ("drm-systems.csv", DRM_SYSTEMS),
    ("endpoints.csv", ENDPOINTS),
    ("modes.csv", MODES),
    ("qualifiers.csv", QUALIFIERS),
    ("speke-v1.csv", GRID_V1),
    ("speke-v2.csv", GRID_V2),
    ("versions.csv", VERSIONS),
];

/// The path diagnostics show for a file of the test matrix.
pub fn path(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// The valid matrix as source files.
pub fn base_files() -> Vec<SourceFile> {
    files_with(&[])
}

/// The valid matrix as source files, with some files replaced, by name.
pub fn files_with(replacements: &[(&str, &str)]) -> Vec<SourceFile> {
    BASE.iter()
        .map(|&(name, text)| {
            let text = replacements
                .iter()
                .find(|(replaced, _)| *replaced == name)
                .map_or(text, |&(_, replacement)| replacement);
            SourceFile::new(path(name), text.as_bytes())
        })
        .collect()
}

/// The problems with a diagnostic's form, if any: every diagnostic names a file and a place
/// in it that counts from 1, and its message is one lowercase line with no final full stop.
pub fn form_problems(diagnostic: &Diagnostic) -> Vec<&'static str> {
    let mut problems = Vec::new();
    if diagnostic.path.is_empty() {
        problems.push("empty path");
    }
    if diagnostic.line == 0 {
        problems.push("line 0");
    }
    if diagnostic.column == 0 {
        problems.push("column 0");
    }
    let message = diagnostic.message.as_str();
    if message.is_empty() {
        problems.push("empty message");
    }
    if message.contains(['\n', '\r']) {
        problems.push("message of more than one line");
    }
    if message.ends_with('.') {
        problems.push("message ends with a full stop");
    }
    // A message starts lowercase, unless its first word is an acronym (`DRM system ...`,
    // `SPEKE version ...`) or a quoted value.
    let first_word = message.split(' ').next().unwrap_or_default();
    let acronym = first_word.len() > 1 && first_word.chars().all(|c| c.is_ascii_uppercase());
    let starts_lowercase = message.starts_with(|c: char| !c.is_uppercase());
    if !(starts_lowercase || acronym) {
        problems.push("message starts with a capital letter");
    }
    problems
}

/// Panics with every diagnostic whose form is wrong.
pub fn assert_well_formed(diagnostics: &[Diagnostic]) {
    let wrong: Vec<String> = diagnostics
        .iter()
        .filter_map(|d| {
            let problems = form_problems(d);
            (!problems.is_empty()).then(|| format!("{d:?}: {}", problems.join(", ")))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "badly formed diagnostics:\n{}",
        wrong.join("\n")
    );
}
