//! AWS's wording of a cell, read as a grid cell: check marks or "Supported", blank or "Not
//! supported", and the phrases that name qualifiers ("with key rotation", "Has key rotation",
//! "cbcs only", "cbcs and cenc").
//!
//! The qualifiers are the matrix's own: each is recognised by its id, display name, aliases
//! and phrase, so a new qualifier added to qualifiers.csv is understood without a code change.
//! Every word of a cell must be accounted for; a word that is neither a mark, a qualifier nor
//! one of a few joining words ("with", "and", "only") makes the cell an error, so that a
//! change of meaning such as "without key rotation" is never read as support.

use crate::model::Matrix;
use crate::portable::spelling;

/// What a cell of AWS's table says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    Unsupported,
    /// Supported, offering the qualifiers in the bit set (bit `i` for qualifier `i`).
    Supported(u64),
}

/// Marks that say a combination is supported.
const SUPPORTED: [&str; 6] = ["√", "✓", "✔", "☑", "yes", "supported"];

/// Whole cells that say a combination is not supported; a blank cell says so too.
const UNSUPPORTED: [&[&str]; 7] = [
    &["no"],
    &["not", "supported"],
    &["unsupported"],
    &["✗"],
    &["✘"],
    &["–"],
    &["—"],
];

/// Words that join qualifier phrases and carry no meaning of their own here: "√ Has key
/// rotation", "cbcs and cenc", "only cbcs". "only" restricts nothing beyond what the cell
/// lists, because a cell's qualifiers are exactly those it names.
const JOINING: [&str; 8] = ["with", "has", "and", "or", "only", "both", "also", "plus"];

/// The qualifier spellings of a matrix, as word sequences.
#[derive(Clone, Debug)]
pub struct Phrases {
    /// Each spelling's words (joining words left out) and its qualifier, longest first so
    /// that "key rotation" wins over a qualifier spelled "key".
    spellings: Vec<(Vec<String>, usize)>,
    /// The qualifiers' phrases, for messages: "with key rotation".
    examples: Vec<String>,
}

impl Phrases {
    pub fn new(matrix: &Matrix) -> Self {
        let mut spellings = Vec::new();
        for (index, qualifier) in matrix.qualifiers.iter().enumerate() {
            let term = &qualifier.term;
            let all = [&term.id, &term.name, &qualifier.phrase]
                .into_iter()
                .chain(&term.aliases);
            for spelling in all {
                let words: Vec<String> = words(spelling)
                    .into_iter()
                    .filter(|w| !JOINING.contains(&w.as_str()))
                    .collect();
                if !words.is_empty() && !spellings.contains(&(words.clone(), index)) {
                    spellings.push((words, index));
                }
            }
        }
        spellings.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        let examples = matrix.qualifiers.iter().map(|q| q.phrase.clone()).collect();
        Phrases {
            spellings,
            examples,
        }
    }

    /// Reads a cell's cleaned text, or says which words are not understood.
    pub fn read(&self, cell: &str) -> Result<Reading, String> {
        let words = words(cell);
        if words.is_empty() || UNSUPPORTED.iter().any(|form| *form == words) {
            return Ok(Reading::Unsupported);
        }
        let marked = words
            .iter()
            .take_while(|w| SUPPORTED.contains(&w.as_str()))
            .count();
        let mut offered = 0u64;
        let mut unknown: Vec<Vec<&str>> = Vec::new();
        let mut i = marked;
        let mut in_unknown = false;
        while i < words.len() {
            if JOINING.contains(&words[i].as_str()) {
                in_unknown = false;
                i += 1;
                continue;
            }
            if let Some((len, qualifier)) = self.match_at(&words[i..]) {
                offered |= 1u64.checked_shl(qualifier as u32).unwrap_or(0);
                in_unknown = false;
                i += len;
                continue;
            }
            if !in_unknown {
                unknown.push(Vec::new());
                in_unknown = true;
            }
            if let Some(run) = unknown.last_mut() {
                run.push(&words[i]);
            }
            i += 1;
        }
        if !unknown.is_empty() {
            return Err(self.unknown_message(cell, &unknown));
        }
        if marked == 0 && offered == 0 {
            return Err(self.unknown_message(cell, &[]));
        }
        Ok(Reading::Supported(offered))
    }

    /// The longest qualifier spelling at the start of `words`: its length and qualifier.
    fn match_at(&self, words: &[String]) -> Option<(usize, usize)> {
        self.spellings
            .iter()
            .find(|(spelling, _)| words.starts_with(spelling))
            .map(|(spelling, qualifier)| (spelling.len(), *qualifier))
    }

    fn unknown_message(&self, cell: &str, unknown: &[Vec<&str>]) -> String {
        let mut message = if unknown.is_empty() {
            format!("cannot read the cell {}", spelling::quoted(cell))
        } else {
            let runs: Vec<String> = unknown
                .iter()
                .map(|run| spelling::quoted(&run.join(" ")))
                .collect();
            let noun = if unknown.len() == 1 && unknown[0].len() == 1 {
                "word"
            } else {
                "words"
            };
            format!(
                "unknown {noun} {} in the cell {}",
                spelling::join(&runs),
                spelling::quoted(cell)
            )
        };
        let candidates = self
            .spellings
            .iter()
            .map(|(words, qualifier)| (words.join(" "), self.examples[*qualifier].as_str()));
        let candidates: Vec<(String, &str)> = candidates.collect();
        let suggestion = unknown.first().and_then(|run| {
            spelling::closest(
                &run.join(" "),
                candidates.iter().map(|(s, phrase)| (s.as_str(), *phrase)),
            )
        });
        if let Some(phrase) = suggestion {
            message.push_str(&format!(" (did you mean `{phrase}`?)"));
        }
        message.push_str("; a cell is a check mark (√ or ✓) or `Supported`");
        if !self.examples.is_empty() {
            let examples: Vec<String> = self.examples.iter().map(|e| format!("`{e}`")).collect();
            message.push_str(&format!(
                ", which qualifiers may follow ({})",
                spelling::join(&examples)
            ));
        }
        message.push_str(", or blank or `Not supported`");
        message
    }
}

/// A text's words, lower-cased: letters and digits run together, check marks and other
/// symbols stand alone, and spaces, `-`, `_`, `/` and punctuation separate words.
pub fn words(text: &str) -> Vec<String> {
    const SEPARATORS: &str = "-_/,;:.()[]+&!?'\"";
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if !(c.is_whitespace() || SEPARATORS.contains(c)) {
            words.push(c.to_string());
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{compile, SourceFile};

    /// A matrix with key rotation and two encryption schemes in one group.
    fn matrix() -> Matrix {
        let files = [
            (
                "versions.csv",
                "id,name,aliases,cpix-version,keys,source,as-of\n\
                 v1,SPEKE v1,,2.0,one,https://x.invalid,2026-01-01\n",
            ),
            ("modes.csv", "id,name,aliases\nlive,Live,\n"),
            ("endpoints.csv", "id,name,aliases\ndash,DASH,\n"),
            (
                "drm-systems.csv",
                "id,name,aliases,system-id\n\
                 widevine,Google Widevine,,edef8ba9-79d6-4ace-a3c8-27dcd51d21ed\n",
            ),
            (
                "qualifiers.csv",
                "id,name,aliases,group,phrase\n\
                 key-rotation,key rotation,rotation,,with key rotation\n\
                 cbcs,cbcs,aes-cbc,encryption-scheme,cbcs\n\
                 cenc,cenc,aes-ctr,encryption-scheme,cenc\n",
            ),
            (
                "speke-v1.csv",
                "mode,endpoint,widevine\nlive,dash,yes + key-rotation + cbcs + cenc\n",
            ),
        ];
        let files: Vec<SourceFile> = files
            .iter()
            .map(|(name, text)| SourceFile::new(*name, *text))
            .collect();
        compile("", &files).unwrap().matrix
    }

    fn read(cell: &str) -> Result<Reading, String> {
        Phrases::new(&matrix()).read(cell)
    }

    const ROTATION: u64 = 1;
    const CBCS: u64 = 2;
    const CENC: u64 = 4;

    #[test]
    fn marks_and_blanks() {
        for supported in ["√", "✓", "Supported", "yes", "√ Supported"] {
            assert_eq!(read(supported), Ok(Reading::Supported(0)), "{supported}");
        }
        for unsupported in ["", "Not supported", "not supported.", "No", "—", "-"] {
            assert_eq!(read(unsupported), Ok(Reading::Unsupported), "{unsupported}");
        }
    }

    #[test]
    fn key_rotation_wordings() {
        for cell in [
            "√ with key rotation",
            "√ Has key rotation",
            "Supported, with key rotation",
            "✓ (key rotation)",
            "with key rotation",
        ] {
            assert_eq!(read(cell), Ok(Reading::Supported(ROTATION)), "{cell}");
        }
    }

    #[test]
    fn encryption_scheme_wordings() {
        assert_eq!(read("√ cbcs only"), Ok(Reading::Supported(CBCS)));
        assert_eq!(read("only cbcs"), Ok(Reading::Supported(CBCS)));
        assert_eq!(read("√ cbcs and cenc"), Ok(Reading::Supported(CBCS | CENC)));
        assert_eq!(read("√ AES-CTR"), Ok(Reading::Supported(CENC)));
        assert_eq!(
            read("√ with key rotation, cenc only"),
            Ok(Reading::Supported(ROTATION | CENC))
        );
    }

    #[test]
    fn unknown_words_are_errors() {
        let message = read("√ without key rotation").unwrap_err();
        assert!(
            message.starts_with("unknown word `without` in the cell"),
            "{message}"
        );
        let message = read("√ with key rotaton").unwrap_err();
        assert!(message.contains("unknown words `key rotaton`"), "{message}");
        assert!(
            message.contains("(did you mean `with key rotation`?)"),
            "{message}"
        );
        assert!(read("Not supported with key rotation").is_err());
        assert!(read("√*").unwrap_err().contains("unknown word `*`"));
        assert!(read("Coming soon").is_err());
        assert!(read("N/A").is_err());
    }

    #[test]
    fn words_split_as_a_reader_would() {
        assert_eq!(words("√Has key-rotation,"), ["√", "has", "key", "rotation"]);
        assert_eq!(words(" Supported (cbcs) "), ["supported", "cbcs"]);
    }
}
