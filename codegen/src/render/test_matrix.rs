//! A small matrix for the renderers' and the diff's unit tests, written inline because a
//! package may not read files outside itself.

use crate::compile::{compile, SourceFile};
use crate::model::Matrix;

/// Two qualifiers of one group, alternatives as encryption schemes are.
pub const SCHEMES: &str = "cbcs,cbcs,,encryption-scheme,with cbcs\n\
                           cenc,cenc,,encryption-scheme,with cenc\n";

const VERSIONS: &str = "id,name,aliases,cpix-version,keys,source,as-of\n\
    v1,SPEKE v1,,2.0,one,https://example.com/speke,2024-05-01\n\
    v2,SPEKE v2,,2.3,several,https://example.com/speke,2024-05-01\n";
const MODES: &str = "id,name,aliases\nlive,Live,\nvod,VOD,on-demand\n";
const ENDPOINTS: &str = "id,name,aliases\napple-hls,Apple HLS,hls\ndash,DASH,\n";
const DRM_SYSTEMS: &str = "id,name,aliases,system-id\n\
    playready,Microsoft PlayReady,pr,9a04f079-9840-4286-ab92-e65be0885f95\n\
    widevine,Google Widevine,wv,edef8ba9-79d6-4ace-a3c8-27dcd51d21ed\n\
    fairplay,Apple FairPlay,fps,94ce86fb-07ff-4f43-adb8-93d2fa968ca2\n";
const QUALIFIERS: &str = "id,name,aliases,group,phrase\n\
    key-rotation,key rotation,rotation,,with key rotation\n";
/// Rows out of vocabulary order (DASH before Apple HLS), to show that tables keep the file's.
const V1: &str = "mode,endpoint,playready,widevine,fairplay\n\
    live,dash,yes + key-rotation,yes,no\n\
    live,apple-hls,no,no,yes + key-rotation\n\
    vod,dash,yes,yes,no\n";
const V2: &str = "mode,endpoint,playready,widevine\n\
    live,dash,yes,yes + key-rotation\n";

/// The files of the test matrix, by name.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        ("versions.csv", VERSIONS.to_owned()),
        ("modes.csv", MODES.to_owned()),
        ("endpoints.csv", ENDPOINTS.to_owned()),
        ("drm-systems.csv", DRM_SYSTEMS.to_owned()),
        ("qualifiers.csv", QUALIFIERS.to_owned()),
        ("speke-v1.csv", V1.to_owned()),
        ("speke-v2.csv", V2.to_owned()),
    ]
}

/// The test matrix, with extra rows appended to qualifiers.csv.
pub fn matrix(extra_qualifiers: &[&str]) -> Matrix {
    let mut files = files();
    for extra in extra_qualifiers {
        files[4].1.push_str(extra);
    }
    compile_files(&files)
}

/// The test matrix with some files replaced or added, by name.
#[cfg(feature = "tools")]
pub fn with_files(replacements: &[(&str, &str)]) -> Matrix {
    edited(replacements, &[])
}

/// The test matrix with some files replaced or added, and some removed, by name.
#[cfg(feature = "tools")]
pub fn edited(replacements: &[(&str, &str)], removed: &[&str]) -> Matrix {
    let mut files: Vec<(&str, String)> = files()
        .into_iter()
        .filter(|(name, _)| !removed.contains(name))
        .collect();
    for &(name, text) in replacements {
        match files.iter_mut().find(|(n, _)| *n == name) {
            Some(file) => file.1 = text.to_owned(),
            None => files.push((name, text.to_owned())),
        }
    }
    compile_files(&files)
}

fn compile_files(files: &[(&str, String)]) -> Matrix {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile::new(format!("matrix/{name}"), text.as_bytes()))
        .collect();
    match compile("matrix", &sources) {
        Ok(compiled) => compiled.matrix,
        Err(diagnostics) => {
            let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            panic!("the test matrix does not compile:\n{}", lines.join("\n"))
        }
    }
}

/// A versions file with `v1` and a `v3` that the test matrix lacks, for diffs that add a version.
#[cfg(feature = "tools")]
pub const VERSIONS_V1_V3: &str = "id,name,aliases,cpix-version,keys,source,as-of\n\
    v1,SPEKE v1,,2.0,one,https://example.com/speke,2024-05-01\n\
    v3,SPEKE v3,,2.4,several,https://example.com/speke,2024-05-01\n";
