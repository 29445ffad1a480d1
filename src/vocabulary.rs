//! The vocabulary enums' shared behaviour: ids, display names, aliases, and parsing any of
//! them case-insensitively with a did-you-mean error. The variants themselves are generated
//! from the matrix files.

use std::fmt;

use crate::portable::spelling;

/// What every vocabulary enum ([`SpekeVersion`](crate::SpekeVersion), [`Mode`](crate::Mode),
/// [`EndpointType`](crate::EndpointType), [`DrmSystem`](crate::DrmSystem),
/// [`Qualifier`](crate::Qualifier)) offers, for code generic over them. Each enum also has
/// these as inherent `const fn`s, so most code needs no import of this trait.
///
/// ```
/// use speke_matrix::{DrmSystem, EndpointType, Term};
///
/// fn ids<T: Term>() -> String {
///     T::ALL.iter().map(|term| term.id()).collect::<Vec<_>>().join(", ")
/// }
///
/// assert_eq!(ids::<EndpointType>(), "apple-hls, cmaf-hls, dash, mss");
/// assert_eq!(<DrmSystem as Term>::KIND, "DRM system");
/// ```
///
/// The trait is sealed: only the five enums implement it, so that it can gain methods without
/// breaking code outside this crate.
pub trait Term: sealed::Sealed + Copy + Eq + Ord + fmt::Debug + fmt::Display + 'static {
    /// Every term of this kind, in the order of its vocabulary file.
    const ALL: &'static [Self];
    /// The kind as messages name it, such as "DRM system".
    const KIND: &'static str;
    /// The id, as the CSV files write it (`apple-hls`).
    fn id(self) -> &'static str;
    /// The id as Rust and the macro write it (`apple_hls`).
    fn rust_id(self) -> &'static str;
    /// The name the reference prints (`Apple HLS`).
    fn name(self) -> &'static str;
    /// Other accepted spellings.
    fn aliases(self) -> &'static [&'static str];
    /// The position in [`Term::ALL`].
    fn index(self) -> usize;
}

/// Keeps [`Term`] to the vocabulary enums.
pub(crate) mod sealed {
    /// Implemented by each vocabulary enum, and nothing else.
    pub trait Sealed {}
}

/// A word that names no term of the expected kind, from `FromStr`. Its `Display` names the
/// kind, the word, the valid ids and the nearest one.
///
/// ```
/// use speke_matrix::DrmSystem;
///
/// let error = "widevin".parse::<DrmSystem>().unwrap_err();
/// assert_eq!(error.suggestion(), Some("widevine"));
/// assert_eq!(
///     error.to_string(),
///     "unknown DRM system `widevin`; expected one of playready, widevine, fairplay, aes-128 \
///      (did you mean `widevine`?)"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseTermError {
    kind: &'static str,
    found: String,
    expected: Vec<&'static str>,
    suggestion: Option<&'static str>,
}

impl ParseTermError {
    /// The kind of word that was expected, as messages name it, such as "DRM system".
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The word as it was given.
    pub fn found(&self) -> &str {
        &self.found
    }

    /// The id of the nearest term, if the word looks like a typo of one.
    pub fn suggestion(&self) -> Option<&'static str> {
        self.suggestion
    }

    /// The ids that would have been accepted.
    pub fn expected(&self) -> &[&'static str] {
        &self.expected
    }
}

impl fmt::Display for ParseTermError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&spelling::unknown_word(
            self.kind,
            &self.found,
            &self.expected,
            self.suggestion,
        ))
    }
}

impl std::error::Error for ParseTermError {}

/// Parses a term from its id, `_` spelling, display name or an alias, in any case.
pub fn parse<T: Term>(word: &str) -> Result<T, ParseTermError> {
    let normal = spelling::normalize(word);
    let matches = |t: &T| {
        std::iter::once(t.id())
            .chain(std::iter::once(t.name()))
            .chain(t.aliases().iter().copied())
            .any(|s| spelling::normalize(s) == normal)
    };
    if let Some(term) = T::ALL.iter().copied().find(matches) {
        return Ok(term);
    }
    let candidates = T::ALL.iter().flat_map(|t| {
        [t.id(), t.name()]
            .into_iter()
            .chain(t.aliases().iter().copied())
            .map(move |s| (s, t.id()))
    });
    Err(ParseTermError {
        kind: T::KIND,
        found: word.to_owned(),
        expected: T::ALL.iter().map(|t| t.id()).collect(),
        suggestion: spelling::closest(word, candidates),
    })
}

/// Declares a vocabulary enum from the generated list of its terms.
macro_rules! vocabulary_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:literal,
        $($variant:ident = $id:literal, $rust_id:literal, $display:literal, [$($alias:literal),*];)*
    ) => {
        $(#[$meta])*
        ///
        /// The variants are generated from the matrix's vocabulary files, in their order, each
        /// documented with its display name. `FromStr` accepts an id, its `_` spelling, the
        /// display name or an alias, in any case; `Display` writes the display name. The order
        /// (`Ord`) is that of the vocabulary file.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(#[doc = $display] $variant,)*
        }

        impl $name {
            /// Every term of this kind, in the order of its vocabulary file.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// The id, as the CSV files write it.
            pub const fn id(self) -> &'static str {
                match self { $(Self::$variant => $id,)* }
            }

            /// The id as Rust and the macro write it, with `_` for `-`.
            pub const fn rust_id(self) -> &'static str {
                match self { $(Self::$variant => $rust_id,)* }
            }

            /// The name the reference prints.
            pub const fn name(self) -> &'static str {
                match self { $(Self::$variant => $display,)* }
            }

            /// Other accepted spellings, from the vocabulary file.
            pub const fn aliases(self) -> &'static [&'static str] {
                match self { $(Self::$variant => &[$($alias),*],)* }
            }

            /// The position in [`Self::ALL`].
            pub const fn index(self) -> usize {
                self as usize
            }
        }

        impl $crate::vocabulary::sealed::Sealed for $name {}

        impl $crate::Term for $name {
            const ALL: &'static [Self] = Self::ALL;
            const KIND: &'static str = $kind;
            fn id(self) -> &'static str { Self::id(self) }
            fn rust_id(self) -> &'static str { Self::rust_id(self) }
            fn name(self) -> &'static str { Self::name(self) }
            fn aliases(self) -> &'static [&'static str] { Self::aliases(self) }
            fn index(self) -> usize { Self::index(self) }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::ParseTermError;

            /// Parses an id, its `_` spelling, the display name or an alias, in any case.
            fn from_str(word: &str) -> Result<Self, Self::Err> {
                $crate::vocabulary::parse(word)
            }
        }
    };
}

pub(crate) use vocabulary_enum;
