//! Code that is compiled twice: here, and into the `speke-matrix` library, whose build script
//! copies these files into its `OUT_DIR`. The build helper, the macro, the CLI and the runtime
//! library therefore spell words and explain refusals with the same code, not with copies that
//! could drift apart. The files use only `std` and refer to nothing outside this module.

pub mod explain;
pub mod spelling;

/// The files of this module, by name, for the library's build script to copy.
pub const SOURCES: [(&str, &str); 2] = [
    ("explain.rs", include_str!("explain.rs")),
    ("spelling.rs", include_str!("spelling.rs")),
];
