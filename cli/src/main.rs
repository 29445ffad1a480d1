//! The `speke-matrix` command (filled in by the CLI work).

fn main() {}
