//! The `speke-matrix` command: check, list, render, diff and lint the SPEKE support matrix,
//! keep the committed docs in step with it, and import AWS's published tables. `--help`
//! documents every command and the exit status.

mod args;
mod command;
mod help;
mod matrix_source;
mod output;

use std::io::{self, Write};
use std::process::ExitCode;

use args::Command;
use output::{Output, Status};

fn main() -> ExitCode {
    let output = run(std::env::args_os().skip(1));
    // A closed pipe (`speke-matrix list | head`) is the reader's choice, not an error.
    let _ = io::stdout().lock().write_all(output.stdout.as_bytes());
    let _ = io::stderr().lock().write_all(output.stderr.as_bytes());
    ExitCode::from(output.status.code())
}

fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> Output {
    let command = match args::parse(args) {
        Ok(command) => command,
        Err(error) => {
            return Output {
                stdout: String::new(),
                stderr: format!(
                    "error: {}\n\n{}\n",
                    error.message,
                    help::usage(error.command)
                ),
                status: Status::Usage,
            };
        }
    };
    match command {
        Command::Help(None) => Output::ok(help::program()),
        Command::Help(Some(name)) => Output::ok(help::command(name)),
        Command::Version => Output::ok(format!("speke-matrix {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Check { matrix, words } => command::check::run(matrix.as_deref(), &words),
        Command::List { matrix, filter } => command::list::run(matrix.as_deref(), &filter),
        Command::Render {
            matrix,
            format,
            out,
        } => command::render::run(matrix.as_deref(), format, out.as_deref()),
        Command::Diff {
            matrix,
            between,
            format,
            exit_code,
        } => command::diff::run(matrix.as_deref(), &between, format, exit_code),
        Command::Lint { dir, format } => command::lint::run(&dir, format),
        Command::Docs { matrix, check } => command::docs::run(&matrix, check),
        Command::Import {
            page,
            matrix,
            target,
            as_of,
            format,
        } => command::import::run(&page, matrix.as_deref(), &target, as_of.as_deref(), format),
    }
}
