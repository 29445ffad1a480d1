//! Serde support, behind the `serde` feature: vocabulary terms as their ids, qualifier sets as
//! lists of ids, and combinations as maps that are checked against the matrix as they are read.
//!
//! The impls are written by hand rather than derived, so that library users do not compile
//! `serde_derive`, and so that every error says what was found, what was expected and the
//! nearest valid spelling, in the same words as `FromStr` and `Combination::check()`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use crate::portable::spelling;
use crate::{
    Combination, DrmSystem, EndpointType, Keys, Mode, Qualifier, QualifierSet, SpekeVersion, Term,
};

/// Serializes each vocabulary enum as its id (`apple-hls`) and deserializes it from any
/// spelling that `FromStr` accepts.
macro_rules! term_serde {
    ($($term:ty),* $(,)?) => {$(
        impl Serialize for $term {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }

        impl<'de> Deserialize<'de> for $term {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(TermVisitor(PhantomData))
            }
        }
    )*};
}

term_serde!(SpekeVersion, Mode, EndpointType, DrmSystem, Qualifier);

/// Reads a term of kind `T` from a string.
struct TermVisitor<T>(PhantomData<T>);

impl<T: Term> Visitor<'_> for TermVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = T::ALL.iter().map(|term| term.id()).collect();
        write!(f, "a string naming one {} ({})", T::KIND, ids.join(", "))
    }

    fn visit_str<E: de::Error>(self, word: &str) -> Result<T, E> {
        crate::vocabulary::parse(word).map_err(E::custom)
    }
}

/// A list of qualifier ids, in vocabulary order.
impl Serialize for QualifierSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list = serializer.serialize_seq(Some(self.len()))?;
        for qualifier in self.iter() {
            list.serialize_element(&qualifier)?;
        }
        list.end()
    }
}

/// A list of qualifiers in any spelling and order. A qualifier listed twice is refused: in a
/// hand-written config it is more likely a slip (one of two schemes mistyped as the other)
/// than meant.
impl<'de> Deserialize<'de> for QualifierSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(QualifierSetVisitor)
    }
}

struct QualifierSetVisitor;

impl<'de> Visitor<'de> for QualifierSetVisitor {
    type Value = QualifierSet;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of qualifiers, such as [\"key-rotation\"]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut list: A) -> Result<QualifierSet, A::Error> {
        let mut set = QualifierSet::EMPTY;
        while let Some(qualifier) = list.next_element::<Qualifier>()? {
            if set.contains(qualifier) {
                return Err(de::Error::custom(format_args!(
                    "qualifier `{}` is listed twice; list each qualifier once",
                    qualifier.id()
                )));
            }
            set = set.with(qualifier);
        }
        Ok(set)
    }
}

/// `"one"` or `"several"`, as `versions.csv` writes it.
impl Serialize for Keys {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeysVisitor)
    }
}

struct KeysVisitor;

impl Visitor<'_> for KeysVisitor {
    type Value = Keys;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`one` or `several`")
    }

    fn visit_str<E: de::Error>(self, word: &str) -> Result<Keys, E> {
        let word = word.trim();
        Keys::ALL
            .iter()
            .copied()
            .find(|keys| keys.id().eq_ignore_ascii_case(word))
            .ok_or_else(|| {
                E::custom(format_args!(
                    "invalid keys {}; expected `one` (one key for all tracks) or `several` \
                     (keys by preset)",
                    spelling::quoted(word)
                ))
            })
    }
}

/// The fields of a combination, in the order they are written and read.
const FIELDS: &[&str] = &["version", "mode", "endpoint", "drm", "qualifiers"];

/// A map `{version, mode, endpoint, drm, qualifiers}`, every field written, qualifiers as a
/// (possibly empty) list.
impl Serialize for Combination {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_struct("Combination", FIELDS.len())?;
        map.serialize_field(FIELDS[0], &self.version)?;
        map.serialize_field(FIELDS[1], &self.mode)?;
        map.serialize_field(FIELDS[2], &self.endpoint)?;
        map.serialize_field(FIELDS[3], &self.drm)?;
        map.serialize_field(FIELDS[4], &self.qualifiers)?;
        map.end()
    }
}

/// A map with `version`, `mode`, `endpoint` and `drm`, and optionally `qualifiers` (empty when
/// left out). Reading a combination that the matrix does not support fails with the
/// explanation that [`Combination::check`] gives, so a config file read at run time is held to
/// the matrix as strictly as code is at compile time. Unknown fields are refused, with the
/// nearest field name, because a misspelled `qualifiers` would otherwise silently ask for none.
impl<'de> Deserialize<'de> for Combination {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Combination", FIELDS, CombinationVisitor)
    }
}

/// A field name of a combination, by its index in [`FIELDS`].
struct Field(usize);

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

struct FieldVisitor;

impl Visitor<'_> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a field name, one of {}", FIELDS.join(", "))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Field, E> {
        if let Some(index) = FIELDS.iter().position(|&field| field == name) {
            return Ok(Field(index));
        }
        let candidates = FIELDS.iter().map(|&field| (field, field));
        let suggestion = spelling::closest(name, candidates);
        Err(E::custom(spelling::unknown_word(
            "field", name, FIELDS, suggestion,
        )))
    }

    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Field, E> {
        self.visit_str(&String::from_utf8_lossy(name))
    }

    /// Formats that write fields by position rather than by name.
    fn visit_u64<E: de::Error>(self, index: u64) -> Result<Field, E> {
        match usize::try_from(index) {
            Ok(index) if index < FIELDS.len() => Ok(Field(index)),
            _ => Err(E::invalid_value(
                de::Unexpected::Unsigned(index),
                &"a field index below 5",
            )),
        }
    }
}

struct CombinationVisitor;

impl CombinationVisitor {
    /// The combination, if the matrix supports it.
    fn checked<E: de::Error>(combination: Combination) -> Result<Combination, E> {
        combination.check().map_err(E::custom)?;
        Ok(combination)
    }
}

impl<'de> Visitor<'de> for CombinationVisitor {
    type Value = Combination;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a combination: a map with version, mode, endpoint, drm and, optionally, qualifiers",
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Combination, A::Error> {
        let mut version: Option<SpekeVersion> = None;
        let mut mode: Option<Mode> = None;
        let mut endpoint: Option<EndpointType> = None;
        let mut drm: Option<DrmSystem> = None;
        let mut qualifiers: Option<QualifierSet> = None;
        while let Some(Field(index)) = map.next_key()? {
            let name = FIELDS[index];
            let already = match index {
                0 => version.replace(map.next_value()?).is_some(),
                1 => mode.replace(map.next_value()?).is_some(),
                2 => endpoint.replace(map.next_value()?).is_some(),
                3 => drm.replace(map.next_value()?).is_some(),
                _ => qualifiers.replace(map.next_value()?).is_some(),
            };
            if already {
                return Err(de::Error::duplicate_field(name));
            }
        }
        let combination = Combination {
            version: version.ok_or_else(|| de::Error::missing_field(FIELDS[0]))?,
            mode: mode.ok_or_else(|| de::Error::missing_field(FIELDS[1]))?,
            endpoint: endpoint.ok_or_else(|| de::Error::missing_field(FIELDS[2]))?,
            drm: drm.ok_or_else(|| de::Error::missing_field(FIELDS[3]))?,
            qualifiers: qualifiers.unwrap_or_default(),
        };
        Self::checked(combination)
    }

    /// Formats that write a struct as a sequence: the fields in order, `qualifiers` optional.
    fn visit_seq<A: SeqAccess<'de>>(self, mut list: A) -> Result<Combination, A::Error> {
        let missing = |index: usize| de::Error::invalid_length(index, &"at least 4 fields");
        let version = list.next_element()?.ok_or_else(|| missing(0))?;
        let mode = list.next_element()?.ok_or_else(|| missing(1))?;
        let endpoint = list.next_element()?.ok_or_else(|| missing(2))?;
        let drm = list.next_element()?.ok_or_else(|| missing(3))?;
        let qualifiers = list.next_element()?.unwrap_or_default();
        if list.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(6, &"at most 5 fields"));
        }
        Self::checked(Combination {
            version,
            mode,
            endpoint,
            drm,
            qualifiers,
        })
    }
}
