//! The commands, one module each. Every command takes its parsed arguments and returns an
//! [`Output`](crate::output::Output); none prints or exits by itself.

pub mod check;
pub mod diff;
pub mod docs;
pub mod import;
pub mod lint;
pub mod list;
pub mod render;
