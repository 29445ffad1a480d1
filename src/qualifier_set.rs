//! A set of qualifiers: what a cell offers, or what a combination asks for.

use std::fmt;

use crate::{Qualifier, Term};

/// A set of [`Qualifier`]s, as a bit set usable in `const` context.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QualifierSet(u64);

impl QualifierSet {
    /// No qualifier.
    pub const EMPTY: QualifierSet = QualifierSet(0);

    /// The set whose bit `i` stands for `Qualifier::ALL[i]`.
    #[doc(hidden)]
    pub const fn from_bits(bits: u64) -> Self {
        QualifierSet(bits)
    }

    /// The bits of the set: bit `i` stands for `Qualifier::ALL[i]`.
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// The set with one qualifier.
    pub const fn of(qualifier: Qualifier) -> Self {
        QualifierSet::EMPTY.with(qualifier)
    }

    /// This set and one more qualifier.
    pub const fn with(self, qualifier: Qualifier) -> Self {
        QualifierSet(self.0 | 1 << qualifier.index())
    }

    pub const fn contains(self, qualifier: Qualifier) -> bool {
        self.0 & 1 << qualifier.index() != 0
    }

    /// Whether every qualifier of `self` is in `other`.
    pub const fn is_subset(self, other: QualifierSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// The qualifiers of `self` that `other` lacks.
    pub const fn difference(self, other: QualifierSet) -> QualifierSet {
        QualifierSet(self.0 & !other.0)
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The qualifiers in vocabulary order.
    pub fn iter(self) -> impl Iterator<Item = Qualifier> {
        Qualifier::ALL
            .iter()
            .copied()
            .filter(move |&q| self.contains(q))
    }
}

impl FromIterator<Qualifier> for QualifierSet {
    fn from_iter<I: IntoIterator<Item = Qualifier>>(iter: I) -> Self {
        iter.into_iter()
            .fold(QualifierSet::EMPTY, QualifierSet::with)
    }
}

impl fmt::Debug for QualifierSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// The qualifiers' names joined as prose: "key rotation", "cbcs and cenc".
impl fmt::Display for QualifierSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.iter().map(Term::name).collect();
        f.write_str(&crate::portable::spelling::join(&names))
    }
}
