//! The proc macro behind `speke_matrix::speke_supported!` (filled in by the macro work).
