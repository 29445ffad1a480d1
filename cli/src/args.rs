//! The command line, parsed into a [`Command`]: which command, its arguments and options.
//! Anything the parser refuses is a [`UsageError`], which exits with status 2.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::{Arg, Parser, ValueExt};

/// A command and everything it was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Print the help of the program (`None`) or of one command.
    Help(Option<Name>),
    Version,
    Check {
        matrix: Option<PathBuf>,
        /// SPEKE version, mode, endpoint type, DRM system, then qualifiers, as typed.
        words: Vec<String>,
    },
    List {
        matrix: Option<PathBuf>,
        filter: ListFilter,
    },
    Render {
        matrix: Option<PathBuf>,
        format: RenderFormat,
        out: Option<PathBuf>,
    },
    Diff {
        matrix: Option<PathBuf>,
        between: DiffBetween,
        format: DiffFormat,
        /// Exit 1 when anything changed, as `git diff --exit-code` does.
        exit_code: bool,
    },
    Lint {
        dir: PathBuf,
        format: LintFormat,
    },
    Docs {
        matrix: PathBuf,
        check: bool,
    },
    Import {
        /// The saved page.
        page: PathBuf,
        /// The matrix the import starts from, when not `--in-place`.
        matrix: Option<PathBuf>,
        target: ImportTarget,
        /// The day the page was saved, as typed.
        as_of: Option<String>,
        format: DiffFormat,
    },
}

/// The commands, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    Check,
    List,
    Render,
    Diff,
    Lint,
    Docs,
    Import,
}

impl Name {
    pub const ALL: [Name; 7] = [
        Name::Check,
        Name::List,
        Name::Render,
        Name::Diff,
        Name::Lint,
        Name::Docs,
        Name::Import,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Name::Check => "check",
            Name::List => "list",
            Name::Render => "render",
            Name::Diff => "diff",
            Name::Lint => "lint",
            Name::Docs => "docs",
            Name::Import => "import",
        }
    }

    fn parse(word: &str) -> Option<Name> {
        Name::ALL.into_iter().find(|name| name.as_str() == word)
    }
}

/// The filters of `list`, each a word of the vocabulary as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub version: Option<String>,
    pub mode: Option<String>,
    pub endpoint: Option<String>,
    pub drm: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenderFormat {
    Markdown,
    Json,
    Csv,
    Html,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffBetween {
    /// Two SPEKE versions of one matrix, as typed.
    Versions(String, String),
    /// Two matrix directories.
    Directories(PathBuf, PathBuf),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    Markdown,
    Json,
}

/// Where `import` writes the matrix directory it makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// A new directory, starting from `--matrix` or the built-in matrix.
    New(PathBuf),
    /// Over the matrix directory it starts from.
    InPlace(PathBuf),
}

/// The directory `import` writes when given neither `--out` nor `--in-place`.
pub const DEFAULT_IMPORT_DIR: &str = "matrix-imported";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LintFormat {
    Text,
    Github,
}

/// A command line the program cannot run, and the command whose usage to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError {
    pub message: String,
    pub command: Option<Name>,
}

/// The directory `lint` and `docs` read when given none, relative to the current directory.
pub const DEFAULT_MATRIX_DIR: &str = "matrix";

/// Parses the arguments that follow the program's name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut parser = Parser::from_args(args);
    let usage = |message: String| UsageError {
        message,
        command: None,
    };
    let Some(arg) = parser.next().map_err(|e| usage(lexopt_message(e)))? else {
        return Err(usage("missing a command".to_owned()));
    };
    let word = match arg {
        Arg::Short('h') | Arg::Long("help") => return Ok(Command::Help(None)),
        Arg::Short('V') | Arg::Long("version") => return Ok(Command::Version),
        Arg::Value(word) => word,
        other => return Err(usage(unexpected(other, None))),
    };
    let word = word
        .string()
        .map_err(|_| usage("a command is a plain word, such as `check`".to_owned()))?;
    if word == "help" {
        return help_topic(&mut parser);
    }
    let Some(name) = Name::parse(&word) else {
        let names: Vec<&str> = Name::ALL.map(Name::as_str).to_vec();
        let suggestion =
            speke_matrix_build::portable::spelling::closest(&word, names.iter().map(|n| (*n, *n)));
        let hint = suggestion.map_or(String::new(), |s| format!(" (did you mean `{s}`?)"));
        return Err(usage(format!(
            "unknown command {}; expected one of {}{hint}",
            speke_matrix_build::portable::spelling::quoted(&word),
            names.join(", ")
        )));
    };
    let mut command = CommandParser {
        parser,
        name,
        matrix: None,
        positional: Vec::new(),
    };
    command.parse().map_err(|message| UsageError {
        message,
        command: Some(name),
    })
}

/// `help` and `help COMMAND`.
fn help_topic(parser: &mut Parser) -> Result<Command, UsageError> {
    let usage = |message: String| UsageError {
        message,
        command: None,
    };
    match parser.next().map_err(|e| usage(lexopt_message(e)))? {
        None => Ok(Command::Help(None)),
        Some(Arg::Value(word)) => {
            let word = word.to_string_lossy().into_owned();
            match Name::parse(&word) {
                Some(name) => Ok(Command::Help(Some(name))),
                None => Err(usage(format!(
                    "no help for `{word}`; the commands are {}",
                    Name::ALL.map(Name::as_str).join(", ")
                ))),
            }
        }
        Some(other) => Err(usage(unexpected(other, None))),
    }
}

/// Parses one command's arguments and options.
struct CommandParser {
    parser: Parser,
    name: Name,
    matrix: Option<PathBuf>,
    positional: Vec<OsString>,
}

/// What a command's options were set to, before they are checked together.
#[derive(Default)]
struct Options {
    format: Option<String>,
    out: Option<PathBuf>,
    from: Option<PathBuf>,
    to: Option<PathBuf>,
    check: bool,
    exit_code: bool,
    filter: ListFilter,
    in_place: Option<PathBuf>,
    as_of: Option<String>,
}

impl CommandParser {
    fn parse(&mut self) -> Result<Command, String> {
        let mut options = Options::default();
        while let Some(arg) = self.parser.next().map_err(lexopt_message)? {
            match arg {
                Arg::Short('h') | Arg::Long("help") => return Ok(Command::Help(Some(self.name))),
                Arg::Value(value) => self.positional.push(value),
                Arg::Long("matrix") if self.name != Name::Lint => {
                    self.matrix = Some(self.path("--matrix")?);
                }
                Arg::Long("format")
                    if matches!(self.name, Name::Diff | Name::Lint | Name::Import) =>
                {
                    options.format = Some(self.text("--format")?);
                }
                Arg::Long("out") if matches!(self.name, Name::Render | Name::Import) => {
                    options.out = Some(self.path("--out")?);
                }
                Arg::Long("from") if self.name == Name::Diff => {
                    options.from = Some(self.path("--from")?);
                }
                Arg::Long("to") if self.name == Name::Diff => {
                    options.to = Some(self.path("--to")?);
                }
                Arg::Long("check") if self.name == Name::Docs => options.check = true,
                Arg::Long("exit-code") if self.name == Name::Diff => options.exit_code = true,
                Arg::Long("in-place") if self.name == Name::Import => {
                    options.in_place = Some(self.path("--in-place")?);
                }
                Arg::Long("as-of") if self.name == Name::Import => {
                    options.as_of = Some(self.text("--as-of")?);
                }
                Arg::Long("version") if self.name == Name::List => {
                    options.filter.version = Some(self.text("--version")?);
                }
                Arg::Long("mode") if self.name == Name::List => {
                    options.filter.mode = Some(self.text("--mode")?);
                }
                Arg::Long("endpoint") if self.name == Name::List => {
                    options.filter.endpoint = Some(self.text("--endpoint")?);
                }
                Arg::Long("drm") if self.name == Name::List => {
                    options.filter.drm = Some(self.text("--drm")?);
                }
                other => return Err(unexpected(other, Some(self.name))),
            }
        }
        self.command(options)
    }

    /// The command, once every argument is read and the options can be checked together.
    fn command(&mut self, options: Options) -> Result<Command, String> {
        let matrix = self.matrix.take();
        let positional = std::mem::take(&mut self.positional);
        match self.name {
            Name::Check => Ok(Command::Check {
                matrix,
                words: strings(positional)?,
            }),
            Name::List => {
                no_positional(&positional)?;
                Ok(Command::List {
                    matrix,
                    filter: options.filter,
                })
            }
            Name::Render => {
                let [format] = exactly::<1>(positional, "a format: markdown, json, csv or html")?;
                let format = match word(format)?.as_str() {
                    "markdown" | "md" => RenderFormat::Markdown,
                    "json" => RenderFormat::Json,
                    "csv" => RenderFormat::Csv,
                    "html" => RenderFormat::Html,
                    other => {
                        return Err(format!(
                            "unknown format `{other}`; expected one of markdown, json, csv, html"
                        ))
                    }
                };
                Ok(Command::Render {
                    matrix,
                    format,
                    out: options.out,
                })
            }
            Name::Diff => {
                let format = diff_format(options.format.as_deref())?;
                let between = match (options.from, options.to) {
                    (Some(from), Some(to)) => {
                        no_positional(&positional)?;
                        if matrix.is_some() {
                            return Err(
                                "`--matrix` does not go with `--from` and `--to`, which name both \
                                 matrices"
                                    .to_owned(),
                            );
                        }
                        DiffBetween::Directories(from, to)
                    }
                    (Some(_), None) => return Err("`--from` needs `--to`".to_owned()),
                    (None, Some(_)) => return Err("`--to` needs `--from`".to_owned()),
                    (None, None) => {
                        let [from, to] = exactly::<2>(
                            positional,
                            "two SPEKE versions (as `diff v1 v2`), or `--from DIR --to DIR`",
                        )?;
                        DiffBetween::Versions(word(from)?, word(to)?)
                    }
                };
                Ok(Command::Diff {
                    matrix,
                    between,
                    format,
                    exit_code: options.exit_code,
                })
            }
            Name::Lint => {
                let format = match options.format.as_deref() {
                    None | Some("text") => LintFormat::Text,
                    Some("github") => LintFormat::Github,
                    Some(other) => {
                        return Err(format!("unknown format `{other}`; expected text or github"))
                    }
                };
                let dir = match at_most_one(positional, "one matrix directory")? {
                    Some(dir) => PathBuf::from(dir),
                    None => PathBuf::from(DEFAULT_MATRIX_DIR),
                };
                Ok(Command::Lint { dir, format })
            }
            Name::Docs => {
                no_positional(&positional)?;
                Ok(Command::Docs {
                    matrix: matrix.unwrap_or_else(|| PathBuf::from(DEFAULT_MATRIX_DIR)),
                    check: options.check,
                })
            }
            Name::Import => {
                let [page] = exactly::<1>(positional, "the saved page to import")?;
                let target = match (options.out, options.in_place) {
                    (Some(_), Some(_)) => {
                        return Err("`--out` and `--in-place` do not go together: an import \
                                    writes a new directory or updates one"
                            .to_owned())
                    }
                    (None, Some(_)) if matrix.is_some() => {
                        return Err("`--matrix` does not go with `--in-place`, which names the \
                                    matrix to update"
                            .to_owned())
                    }
                    (None, Some(dir)) => ImportTarget::InPlace(dir),
                    (Some(dir), None) => ImportTarget::New(dir),
                    (None, None) => ImportTarget::New(PathBuf::from(DEFAULT_IMPORT_DIR)),
                };
                Ok(Command::Import {
                    page: PathBuf::from(page),
                    matrix,
                    target,
                    as_of: options.as_of,
                    format: diff_format(options.format.as_deref())?,
                })
            }
        }
    }

    fn path(&mut self, option: &str) -> Result<PathBuf, String> {
        self.parser
            .value()
            .map(PathBuf::from)
            .map_err(|_| format!("`{option}` needs a value"))
    }

    fn text(&mut self, option: &str) -> Result<String, String> {
        let value = self
            .parser
            .value()
            .map_err(|_| format!("`{option}` needs a value"))?;
        word(value)
    }
}

/// The format of a diff, as `diff` and `import` print it.
fn diff_format(format: Option<&str>) -> Result<DiffFormat, String> {
    match format {
        None | Some("markdown") | Some("md") => Ok(DiffFormat::Markdown),
        Some("json") => Ok(DiffFormat::Json),
        Some(other) => Err(format!(
            "unknown format `{other}`; expected markdown or json"
        )),
    }
}

fn word(value: OsString) -> Result<String, String> {
    value
        .into_string()
        .map_err(|v| format!("{} is not valid UTF-8", v.to_string_lossy()))
}

fn strings(values: Vec<OsString>) -> Result<Vec<String>, String> {
    values.into_iter().map(word).collect()
}

fn no_positional(positional: &[OsString]) -> Result<(), String> {
    match positional.first() {
        None => Ok(()),
        Some(extra) => Err(format!(
            "unexpected argument `{}`; this command takes options only",
            extra.to_string_lossy()
        )),
    }
}

fn exactly<const N: usize>(
    positional: Vec<OsString>,
    expected: &str,
) -> Result<[OsString; N], String> {
    let found = positional.len();
    positional
        .try_into()
        .map_err(|_| format!("expected {expected}; found {found} argument(s)"))
}

fn at_most_one(positional: Vec<OsString>, expected: &str) -> Result<Option<OsString>, String> {
    if positional.len() > 1 {
        return Err(format!(
            "expected at most {expected}; found {} arguments",
            positional.len()
        ));
    }
    Ok(positional.into_iter().next())
}

/// The message for an option or argument that is not expected where it is.
fn unexpected(arg: Arg, command: Option<Name>) -> String {
    let shown = match arg {
        Arg::Short(c) => format!("-{c}"),
        Arg::Long(name) => format!("--{name}"),
        Arg::Value(value) => value.to_string_lossy().into_owned(),
    };
    match command {
        Some(name) => format!(
            "unknown option `{shown}` for `{}`; see `speke-matrix {} --help`",
            name.as_str(),
            name.as_str()
        ),
        None => format!("unknown option `{shown}`; see `speke-matrix --help`"),
    }
}

/// lexopt's errors in this program's style: lowercase, options in backticks.
fn lexopt_message(error: lexopt::Error) -> String {
    match error {
        lexopt::Error::MissingValue {
            option: Some(option),
        } => format!("`{option}` needs a value"),
        lexopt::Error::UnexpectedValue { option, .. } => {
            format!("`{option}` takes no value")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(words: &[&str]) -> Result<Command, UsageError> {
        parse(words.iter().map(OsString::from))
    }

    #[test]
    fn check_takes_words_in_order() {
        assert_eq!(
            parse_words(&["check", "v2", "live", "dash", "widevine", "key_rotation"]),
            Ok(Command::Check {
                matrix: None,
                words: ["v2", "live", "dash", "widevine", "key_rotation"]
                    .map(String::from)
                    .to_vec(),
            })
        );
    }

    #[test]
    fn options_belong_to_their_command() {
        let error = parse_words(&["check", "--out", "x"]).unwrap_err();
        assert_eq!(error.command, Some(Name::Check));
        assert!(error
            .message
            .starts_with("unknown option `--out` for `check`"));
        assert!(parse_words(&["lint", "--matrix", "x"]).is_err());
    }

    #[test]
    fn diff_takes_versions_or_directories_not_both() {
        assert!(matches!(
            parse_words(&["diff", "v1", "v2", "--format", "json"]),
            Ok(Command::Diff {
                between: DiffBetween::Versions(..),
                format: DiffFormat::Json,
                ..
            })
        ));
        assert!(matches!(
            parse_words(&["diff", "--from", "a", "--to", "b"]),
            Ok(Command::Diff {
                between: DiffBetween::Directories(..),
                ..
            })
        ));
        assert!(matches!(
            parse_words(&["diff", "v1", "v2", "--exit-code"]),
            Ok(Command::Diff {
                exit_code: true,
                ..
            })
        ));
        assert!(matches!(
            parse_words(&["diff", "v1", "v2"]),
            Ok(Command::Diff {
                exit_code: false,
                ..
            })
        ));
        assert!(parse_words(&["check", "--exit-code"]).is_err());
        assert!(parse_words(&["diff", "v1", "--from", "a", "--to", "b"]).is_err());
        assert!(parse_words(&["diff", "--from", "a"]).is_err());
        assert!(parse_words(&["diff", "v1"]).is_err());
    }

    #[test]
    fn import_writes_a_new_directory_or_updates_one() {
        assert_eq!(
            parse_words(&["import", "page.md"]),
            Ok(Command::Import {
                page: PathBuf::from("page.md"),
                matrix: None,
                target: ImportTarget::New(PathBuf::from(DEFAULT_IMPORT_DIR)),
                as_of: None,
                format: DiffFormat::Markdown,
            })
        );
        assert!(matches!(
            parse_words(&[
                "import",
                "p.md",
                "--in-place",
                "matrix",
                "--as-of",
                "2027-01-15"
            ]),
            Ok(Command::Import {
                target: ImportTarget::InPlace(_),
                as_of: Some(_),
                ..
            })
        ));
        assert!(parse_words(&["import", "p.md", "--out", "a", "--in-place", "b"]).is_err());
        assert!(parse_words(&["import", "p.md", "--matrix", "a", "--in-place", "b"]).is_err());
        assert!(parse_words(&["import"]).is_err());
    }

    #[test]
    fn an_unknown_command_gets_a_suggestion() {
        let error = parse_words(&["chek"]).unwrap_err();
        assert!(error.message.contains("did you mean `check`?"), "{error:?}");
    }

    #[test]
    fn help_is_offered_everywhere() {
        assert_eq!(parse_words(&["--help"]), Ok(Command::Help(None)));
        assert_eq!(parse_words(&["help"]), Ok(Command::Help(None)));
        assert_eq!(
            parse_words(&["help", "diff"]),
            Ok(Command::Help(Some(Name::Diff)))
        );
        for name in Name::ALL {
            assert_eq!(
                parse_words(&[name.as_str(), "--help"]),
                Ok(Command::Help(Some(name)))
            );
        }
    }
}
