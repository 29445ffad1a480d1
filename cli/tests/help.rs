//! `--help` on every command, the version, and usage errors, run as a process.

mod support;

use support::run;

const COMMANDS: [&str; 7] = ["check", "list", "render", "diff", "lint", "docs", "import"];

#[test]
fn the_program_help_lists_every_command_and_the_exit_status() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let run = run(args);
        assert_eq!(run.code, 0);
        assert!(run.stdout.starts_with("speke-matrix: "));
        for command in COMMANDS {
            assert!(run.stdout.contains(&format!("\n  {command} ")), "{command}");
        }
        assert!(run.stdout.contains("Exit status:\n  0  success"));
        assert!(run.stdout.contains("  2  usage"));
    }
}

#[test]
fn every_command_has_help_with_usage_and_exit_status() {
    for command in COMMANDS {
        for args in [
            vec![command, "--help"],
            vec!["help", command],
            vec![command, "-h"],
        ] {
            let run = run(&args);
            assert_eq!(run.code, 0, "{args:?}");
            assert!(
                run.stdout.starts_with(&format!("speke-matrix {command}: ")),
                "{args:?}"
            );
            assert!(run
                .stdout
                .contains(&format!("Usage: speke-matrix {command}")));
            assert!(run.stdout.contains("Exit status:"));
            assert_eq!(run.stderr, "");
        }
    }
}

#[test]
fn version_prints_the_package_version() {
    let run = run(&["--version"]);
    assert_eq!(
        run.stdout,
        format!("speke-matrix {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2_with_the_usage_on_stderr() {
    let none = run(&[]);
    assert_eq!(none.code, 2);
    assert!(none
        .stderr
        .starts_with("error: missing a command\n\nUsage: speke-matrix"));

    let unknown = run(&["lst"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("(did you mean `list`?)"));

    let option = run(&["render", "json", "--outt", "x"]);
    assert_eq!(option.code, 2);
    assert!(option.stderr.starts_with(
        "error: unknown option `--outt` for `render`; see `speke-matrix render --help`"
    ));
    assert!(option
        .stderr
        .contains("Usage: speke-matrix render <markdown|json|csv|html> [--out FILE]"));
    assert_eq!(option.stdout, "");

    let missing = run(&["render", "json", "--out"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.starts_with("error: `--out` needs a value"));
}
