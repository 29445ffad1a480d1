//! The build script, and `SPEKE_MATRIX_DIR`, which points it at another matrix directory.
//!
//! The build script is included here as a module, so that each way it can fail (a missing or
//! unreadable directory, a file too large, a relative path, a write that fails) is tested
//! directly, in a scratch directory, without a cargo build per case. Two cargo builds of a
//! small downstream crate then check the whole path: a matrix edited outside the package is
//! what the library's tables are made of, and a broken one fails the build with located
//! messages.

#[allow(dead_code)]
#[path = "../build.rs"]
mod build_script;

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use build_script::{build, BuildEnv};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// An empty scratch directory for one test, under cargo's temporary directory for tests.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("matrix-dir")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A copy of the shipped matrix in a scratch directory, with `edit` applied to its files.
fn matrix_copy(name: &str, edit: impl Fn(&str, String) -> String) -> PathBuf {
    let dir = scratch(name);
    for entry in fs::read_dir(Path::new(MANIFEST_DIR).join("matrix")).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_owned();
        let text = fs::read_to_string(&path).unwrap();
        fs::write(dir.join(&file), edit(&file, text)).unwrap();
    }
    dir
}

fn env_with(matrix_dir: Option<&Path>, out_dir: &Path) -> BuildEnv {
    BuildEnv {
        manifest_dir: PathBuf::from(MANIFEST_DIR),
        matrix_dir_var: matrix_dir.map(|dir| dir.as_os_str().to_owned()),
        out_dir: Some(out_dir.to_owned()),
    }
}

/// The messages of the directives of one kind (`error`, `warning`).
fn messages(directives: &[String], kind: &str) -> Vec<String> {
    let prefix = format!("cargo::{kind}=");
    directives
        .iter()
        .filter_map(|d| d.strip_prefix(&prefix).map(str::to_owned))
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_shipped_matrix_builds_and_is_written_once() {
    let out = scratch("shipped-out");
    let directives = build(&env_with(None, &out));
    let matrix = Path::new(MANIFEST_DIR).join("matrix");
    assert_eq!(
        directives,
        [
            "cargo::rerun-if-env-changed=SPEKE_MATRIX_DIR".to_owned(),
            format!("cargo::rerun-if-changed={}", matrix.display()),
        ]
    );
    // Other generated files may join these; each says it is generated, and no temporary file
    // is left behind.
    let written = files_in(&out);
    for name in [
        "explain.rs",
        "matrix.rs",
        "spelling.rs",
        "support-matrix.md",
    ] {
        assert!(written.iter().any(|w| w == name), "{name} in {written:?}");
    }
    for name in &written {
        assert!(!name.ends_with(".tmp"), "{name} left behind");
        let text = fs::read_to_string(out.join(name)).unwrap();
        let first_line = text.lines().next().unwrap_or_default();
        assert!(first_line.contains("@generated"), "{name}: {first_line}");
    }

    // An unchanged matrix leaves the files untouched, so that nothing recompiles.
    let modified = |name: &str| fs::metadata(out.join(name)).unwrap().modified().unwrap();
    let before = modified("matrix.rs");
    std::thread::sleep(std::time::Duration::from_millis(20));
    build(&env_with(None, &out));
    assert_eq!(modified("matrix.rs"), before);
}

#[test]
fn an_empty_variable_means_the_shipped_matrix() {
    let out = scratch("empty-var-out");
    let env = BuildEnv {
        matrix_dir_var: Some(OsString::new()),
        ..env_with(None, &out)
    };
    assert!(messages(&build(&env), "error").is_empty());
    assert!(out.join("matrix.rs").exists());
}

#[test]
fn a_relative_path_is_refused_with_the_way_to_set_it() {
    let out = scratch("relative-out");
    let env = BuildEnv {
        matrix_dir_var: Some("my-matrix".into()),
        ..env_with(None, &out)
    };
    let directives = build(&env);
    assert_eq!(
        messages(&directives, "error"),
        [
            "SPEKE_MATRIX_DIR=my-matrix is a relative path, which a build script cannot resolve \
             against your project (it runs in the directory of the speke-matrix package); use an \
             absolute path, or set it in your project's .cargo/config.toml as `[env] \
             SPEKE_MATRIX_DIR = { value = \"my-matrix\", relative = true }`, which cargo resolves \
             against the directory that holds .cargo/",
            "the SPEKE matrix tables are not generated: 1 error above",
        ]
    );
    assert!(!directives.iter().any(|d| d.contains("rerun-if-changed")));
    assert!(files_in(&out).is_empty());
}

#[test]
fn a_missing_directory_or_a_file_is_named() {
    let dir = scratch("missing");
    let out = scratch("missing-out");
    let missing = dir.join("no-such-dir");
    let errors = messages(&build(&env_with(Some(&missing), &out)), "error");
    assert_eq!(
        errors[0],
        format!(
            "{}: cannot read the matrix directory (set by SPEKE_MATRIX_DIR): it does not exist",
            missing.display()
        )
    );

    let file = dir.join("matrix.csv");
    fs::write(&file, "id,name\n").unwrap();
    let errors = messages(&build(&env_with(Some(&file), &out)), "error");
    assert_eq!(
        errors[0],
        format!(
            "{}: cannot read the matrix directory (set by SPEKE_MATRIX_DIR): it is not a directory",
            file.display()
        )
    );
    assert!(files_in(&out).is_empty());
}

#[test]
fn an_invalid_matrix_is_reported_whole_and_nothing_is_written() {
    let dir = matrix_copy("invalid", |file, text| match file {
        "speke-v2.csv" => text
            .replace("playready,widevine", "playready,widevin")
            .replace("live,dash,yes,yes,no", "live,dash,yes,yes,nope"),
        "endpoints.csv" => text + "ism,ISM,\n",
        _ => text,
    });
    let out = scratch("invalid-out");
    let directives = build(&env_with(Some(&dir), &out));
    let shown = dir.display();
    assert_eq!(
        messages(&directives, "error"),
        [
            format!(
                "{shown}/speke-v2.csv:1:25: unknown DRM system `widevin`; expected one of \
                 playready, widevine, fairplay, aes-128 (did you mean `widevine`?); new terms \
                 are added to drm-systems.csv"
            ),
            format!(
                "{shown}/speke-v2.csv:3:19: unknown cell value `nope`; expected `yes`, `no`, or \
                 `yes + key-rotation`"
            ),
            "the SPEKE matrix tables are not generated: 2 errors above".to_owned(),
        ]
    );
    // The endpoint type no grid uses is not worth a warning while the grids are wrong.
    assert!(messages(&directives, "warning").is_empty());
    assert!(files_in(&out).is_empty());
}

#[test]
fn warnings_go_to_cargo_and_the_tables_are_written() {
    let dir = matrix_copy("warning", |file, text| match file {
        "endpoints.csv" => text + "ism,ISM,\n",
        _ => text,
    });
    let out = scratch("warning-out");
    let directives = build(&env_with(Some(&dir), &out));
    assert_eq!(
        messages(&directives, "warning"),
        [format!(
            "{}/endpoints.csv:6:1: endpoint type `ism` is used by no grid",
            dir.display()
        )]
    );
    assert!(messages(&directives, "error").is_empty());
    assert!(out.join("matrix.rs").exists());
}

#[test]
fn files_that_cannot_be_read_are_all_reported_unread() {
    let dir = matrix_copy("unreadable", |_, text| text);
    // Over the limit without holding data: a sparse file, refused from its size alone.
    let limit = speke_matrix_build::csv::MAX_FILE_BYTES;
    fs::File::create(dir.join("speke-v1.csv"))
        .unwrap()
        .set_len(limit + 1)
        .unwrap();
    fs::remove_file(dir.join("speke-v2.csv")).unwrap();
    fs::remove_file(dir.join("qualifiers.csv")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("gone.csv.orig"), dir.join("speke-v2.csv")).unwrap();
    // A named pipe would block a read forever.
    #[cfg(target_os = "linux")]
    assert!(Command::new("mkfifo")
        .arg(dir.join("qualifiers.csv"))
        .status()
        .is_ok_and(|status| status.success()));
    // Not matrix files: ignored.
    fs::create_dir(dir.join("old.csv")).unwrap();
    fs::write(dir.join("NOTES.md"), "not a matrix file\n").unwrap();

    let out = scratch("unreadable-out");
    let errors = messages(&build(&env_with(Some(&dir), &out)), "error");
    let shown = dir.display();
    // Reported in the order of file names.
    let mut expected = Vec::new();
    if cfg!(target_os = "linux") {
        expected.push(format!(
            "{shown}/qualifiers.csv:1:1: not a regular file (a pipe or a device?); a matrix file \
             is a CSV text file"
        ));
    }
    expected.push(format!(
        "{shown}/speke-v1.csv:1:1: file of {} bytes is over the limit of {limit} bytes (4 MiB) \
         for a matrix file, which is a few kilobytes; is this the right file?",
        limit + 1
    ));
    if cfg!(unix) {
        expected.push(format!(
            "{shown}/speke-v2.csv:1:1: cannot read the file: it does not exist"
        ));
    }
    expected.push(format!(
        "the SPEKE matrix tables are not generated: {} error{} above",
        expected.len(),
        if expected.len() == 1 { "" } else { "s" }
    ));
    assert_eq!(errors, expected);
    assert!(files_in(&out).is_empty());
}

#[test]
fn a_failed_write_is_an_error_not_a_panic() {
    let dir = scratch("write");
    let not_a_dir = dir.join("out");
    fs::write(&not_a_dir, "a file where OUT_DIR should be\n").unwrap();
    let errors = messages(&build(&env_with(None, &not_a_dir)), "error");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!(
            "{}: cannot write the generated file: ",
            not_a_dir.join("matrix.rs").display()
        )),
        "{errors:?}"
    );
    let missing = BuildEnv {
        out_dir: None,
        ..env_with(None, &not_a_dir)
    };
    assert_eq!(
        messages(&build(&missing), "error")[0],
        "OUT_DIR is not set; the build script runs under cargo, which sets it"
    );
}

/// A crate outside this workspace that depends on the library: its `main` uses a DRM system
/// that only the edited matrix defines, both through the tables and through
/// `speke_supported!`, so it compiles only if tables and macro both follow the variable; it
/// prints what the tables say of it at run time.
const DOWNSTREAM_MAIN: &str = r#"
use speke_matrix::{speke_supported, Combination, DrmSystem, EndpointType, Mode, SpekeVersion};

const CHECKED: Combination = speke_supported!(v2, live, dash, irdeto);

fn main() {
    let irdeto = DrmSystem::Irdeto;
    let live_dash = Combination::new(SpekeVersion::V2, Mode::Live, EndpointType::Dash, irdeto);
    let embedded = speke_matrix::matrix_sources()
        .iter()
        .any(|(name, text)| *name == "drm-systems.csv" && text.contains("irdeto"));
    assert_eq!(CHECKED, live_dash);
    println!("{} {} {} {}", irdeto.name(), irdeto.system_id(), live_dash.is_supported(), embedded);
}
"#;

/// Cargo, run for the downstream crate with an environment of its own: the variables this
/// test runs under (set by the outer cargo) do not leak into it.
fn downstream_cargo(crate_dir: &Path, target_dir: &Path, args: &[&str]) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(args)
        .current_dir(crate_dir)
        .env("CARGO_TARGET_DIR", target_dir)
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("SPEKE_MATRIX_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR");
    command
}

/// Two cargo invocations on a downstream crate: the edited matrix, set through cargo's `[env]`
/// table with `relative = true` as the README says, is what the tables hold; a broken matrix,
/// set as an absolute path in the environment, fails the build with located errors.
#[test]
fn a_downstream_crate_builds_against_its_own_matrix() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("matrix-dir-downstream");
    let crate_dir = root.join("crate");
    let _ = fs::remove_dir_all(&crate_dir);
    fs::create_dir_all(crate_dir.join("src")).unwrap();
    fs::create_dir_all(crate_dir.join(".cargo")).unwrap();
    fs::write(
        crate_dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"downstream\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n\n[dependencies]\nspeke-matrix = {{ path = {:?} }}\n\n[workspace]\n",
            MANIFEST_DIR
        ),
    )
    .unwrap();
    fs::write(crate_dir.join("src/main.rs"), DOWNSTREAM_MAIN).unwrap();
    fs::write(
        crate_dir.join(".cargo/config.toml"),
        "[env]\nSPEKE_MATRIX_DIR = { value = \"our-matrix\", relative = true }\n",
    )
    .unwrap();
    // The workspace's lock file pins the versions already downloaded for this build.
    fs::copy(
        Path::new(MANIFEST_DIR).join("Cargo.lock"),
        crate_dir.join("Cargo.lock"),
    )
    .unwrap();

    // The edit: a DRM system AWS is rolling out, with a column in the SPEKE v2 grid.
    let matrix = crate_dir.join("our-matrix");
    fs::create_dir(&matrix).unwrap();
    for entry in fs::read_dir(Path::new(MANIFEST_DIR).join("matrix")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let mut text = fs::read_to_string(&path).unwrap();
        if name == "drm-systems.csv" {
            text.push_str("irdeto,Irdeto,,80a6be7e-1448-4c37-9e70-d5aebe04c8d2\n");
        } else if name == "speke-v2.csv" {
            text = text
                .lines()
                .enumerate()
                .map(|(i, line)| format!("{line},{}\n", if i == 0 { "irdeto" } else { "yes" }))
                .collect();
        }
        fs::write(matrix.join(name), text).unwrap();
    }

    let target_dir = root.join("target");
    let run = downstream_cargo(&crate_dir, &target_dir, &["run", "--quiet", "--offline"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "the downstream build failed:\n{stderr}"
    );
    assert_eq!(
        stdout.trim(),
        "Irdeto 80a6be7e-1448-4c37-9e70-d5aebe04c8d2 true true"
    );

    // A broken matrix, named by an absolute path in the environment: the variable changed, so
    // cargo runs the build script again, and the build fails with located errors.
    fs::write(
        matrix.join("speke-v2.csv"),
        "mode,endpoint,playready,widevine,fairplay,irdeto\nlive,cmaf-hls,yes,yes,yes,yes\n\
         live,dash,yes,yes,no,yes + key-rotaton\n",
    )
    .unwrap();
    let broken = downstream_cargo(&crate_dir, &target_dir, &["build", "--offline"])
        .env("SPEKE_MATRIX_DIR", &matrix)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(!broken.status.success(), "a broken matrix built:\n{stderr}");
    let expected = format!(
        "error: speke-matrix@{}: {}/speke-v2.csv:3:28: unknown qualifier `key-rotaton`; \
         expected one of key-rotation (did you mean `key-rotation`?); new terms are added to \
         qualifiers.csv",
        env!("CARGO_PKG_VERSION"),
        matrix.display()
    );
    assert!(
        stderr.contains(&expected),
        "expected\n{expected}\nin\n{stderr}"
    );
    assert!(
        stderr.contains("the SPEKE matrix tables are not generated: 1 error above"),
        "{stderr}"
    );
}
