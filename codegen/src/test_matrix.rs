//! A matrix written inline for unit tests: the shape of AWS's reference (two SPEKE versions,
//! live and VOD, four endpoint types, four DRM systems, key rotation), with two encryption
//! scheme qualifiers added so that cells offer several qualifiers. Codegen tests cannot read
//! the library's `matrix/` directory, which lies outside this package.

use crate::compile::{compile, SourceFile};
use crate::model::Matrix;

const VERSIONS: &str = "\
id,name,aliases,cpix-version,keys,source,as-of
v1,SPEKE v1,speke-v1 | speke1,2.0,one,https://example.invalid/speke,2026-12-03
v2,SPEKE v2,speke-v2 | speke2,2.3,several,https://example.invalid/speke,2026-12-03
";

const MODES: &str = "\
id,name,aliases
live,Live,
vod,VOD,video-on-demand | on-demand
";

const ENDPOINTS: &str = "\
id,name,aliases
apple-hls,Apple HLS,hls | ts
cmaf-hls,CMAF Apple HLS,cmaf | cmaf-apple-hls
dash,DASH,mpeg-dash
mss,Microsoft Smooth,smooth | microsoft-smooth
";

const DRM_SYSTEMS: &str = "\
id,name,aliases,system-id
playready,Microsoft PlayReady,microsoft-playready | pr,9a04f079-9840-4286-ab92-e65be0885f95
widevine,Google Widevine,google-widevine | wv,edef8ba9-79d6-4ace-a3c8-27dcd51d21ed
fairplay,Apple FairPlay,apple-fairplay | fps,94ce86fb-07ff-4f43-adb8-93d2fa968ca2
aes-128,AES-128,aes | hls-aes-128,81376844-f976-481e-a84e-cc25d39b0b33
";

const QUALIFIERS: &str = "\
id,name,aliases,group,phrase
key-rotation,key rotation,rotation,,with key rotation
cbcs,cbcs,,encryption-scheme,with cbcs
cenc,cenc,,encryption-scheme,with cenc
";

const SPEKE_V1: &str = "\
mode,endpoint,playready,widevine,fairplay,aes-128
live,apple-hls,no,no,yes + key-rotation,yes + key-rotation
live,cmaf-hls,no,yes + key-rotation + cbcs + cenc,yes + key-rotation + cbcs,no
live,dash,yes + key-rotation,yes + key-rotation,no,no
live,mss,yes,no,no,no
vod,apple-hls,no,no,yes,yes
vod,cmaf-hls,no,yes,yes,no
vod,dash,yes,yes,no,no
vod,mss,yes,no,no,no
";

const SPEKE_V2: &str = "\
mode,endpoint,playready,widevine,fairplay
live,cmaf-hls,yes,yes,yes
live,dash,yes,yes,no
";

/// The files of the test matrix, as a matrix directory `matrix` would hold them.
pub(crate) fn sources() -> Vec<SourceFile> {
    [
        ("versions.csv", VERSIONS),
        ("modes.csv", MODES),
        ("endpoints.csv", ENDPOINTS),
        ("drm-systems.csv", DRM_SYSTEMS),
        ("qualifiers.csv", QUALIFIERS),
        ("speke-v1.csv", SPEKE_V1),
        ("speke-v2.csv", SPEKE_V2),
    ]
    .into_iter()
    .map(|(name, text)| SourceFile::new(format!("matrix/{name}"), text))
    .collect()
}

/// The test matrix, compiled.
pub(crate) fn matrix() -> Matrix {
    match compile("matrix", &sources()) {
        Ok(compiled) => compiled.matrix,
        Err(diagnostics) => panic!("the test matrix does not compile: {diagnostics:?}"),
    }
}
