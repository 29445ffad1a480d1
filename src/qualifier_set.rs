//! A set of qualifiers: what a cell offers, or what a combination asks for.

use std::fmt;

use crate::{Qualifier, Term};

/// A set of [`Qualifier`]s, as a bit set usable in `const` context.
///
/// A cell's set is what it offers; a [`Combination`](crate::Combination)'s set is what it asks
/// for, and the combination is supported only if its cell offers all of it.
///
/// ```
/// use speke_matrix::{Qualifier, QualifierSet};
///
/// const ROTATION: QualifierSet = QualifierSet::of(Qualifier::KeyRotation);
/// assert!(ROTATION.contains(Qualifier::KeyRotation));
/// assert!(QualifierSet::EMPTY.is_subset(ROTATION));
/// assert_eq!(ROTATION.to_string(), "key rotation");
/// assert_eq!(ROTATION.iter().collect::<Vec<_>>(), [Qualifier::KeyRotation]);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QualifierSet(u64);

impl QualifierSet {
    /// No qualifier.
    pub const EMPTY: QualifierSet = QualifierSet(0);

    /// Every qualifier the matrix defines.
    pub const ALL: QualifierSet = QualifierSet(known_bits());

    /// The set whose bit `i` stands for `Qualifier::ALL[i]`; bits that stand for no qualifier
    /// are dropped, so that a set never holds a qualifier the matrix does not define.
    #[doc(hidden)]
    pub const fn from_bits(bits: u64) -> Self {
        QualifierSet(bits & known_bits())
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

    /// This set without one qualifier.
    pub const fn without(self, qualifier: Qualifier) -> Self {
        QualifierSet(self.0 & !(1 << qualifier.index()))
    }

    /// Whether the set holds the qualifier.
    pub const fn contains(self, qualifier: Qualifier) -> bool {
        self.0 & 1 << qualifier.index() != 0
    }

    /// Whether every qualifier of `self` is in `other`.
    pub const fn is_subset(self, other: QualifierSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// The qualifiers in either set.
    pub const fn union(self, other: QualifierSet) -> QualifierSet {
        QualifierSet(self.0 | other.0)
    }

    /// The qualifiers in both sets.
    pub const fn intersection(self, other: QualifierSet) -> QualifierSet {
        QualifierSet(self.0 & other.0)
    }

    /// The qualifiers of `self` that `other` lacks.
    pub const fn difference(self, other: QualifierSet) -> QualifierSet {
        QualifierSet(self.0 & !other.0)
    }

    /// Whether the set holds no qualifier.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many qualifiers the set holds.
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The qualifiers in vocabulary order.
    pub const fn iter(self) -> QualifierIter {
        QualifierIter { bits: self.0 }
    }
}

/// The bits that stand for a qualifier of the matrix. The matrix compiler refuses more than 64
/// qualifiers, so the shift below cannot overflow.
const fn known_bits() -> u64 {
    match Qualifier::ALL.len() {
        64 => u64::MAX,
        count => (1 << count) - 1,
    }
}

/// The qualifiers of a [`QualifierSet`], in vocabulary order.
#[derive(Clone, Debug)]
pub struct QualifierIter {
    /// The qualifiers not yet yielded.
    bits: u64,
}

impl Iterator for QualifierIter {
    type Item = Qualifier;

    fn next(&mut self) -> Option<Qualifier> {
        if self.bits == 0 {
            return None;
        }
        let index = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Qualifier::ALL.get(index).copied()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.bits.count_ones() as usize;
        (len, Some(len))
    }
}

impl ExactSizeIterator for QualifierIter {}

impl std::iter::FusedIterator for QualifierIter {}

impl IntoIterator for QualifierSet {
    type Item = Qualifier;
    type IntoIter = QualifierIter;

    fn into_iter(self) -> QualifierIter {
        self.iter()
    }
}

impl FromIterator<Qualifier> for QualifierSet {
    fn from_iter<I: IntoIterator<Item = Qualifier>>(iter: I) -> Self {
        iter.into_iter()
            .fold(QualifierSet::EMPTY, QualifierSet::with)
    }
}

impl Extend<Qualifier> for QualifierSet {
    fn extend<I: IntoIterator<Item = Qualifier>>(&mut self, iter: I) {
        *self = iter.into_iter().fold(*self, QualifierSet::with);
    }
}

impl From<Qualifier> for QualifierSet {
    fn from(qualifier: Qualifier) -> Self {
        QualifierSet::of(qualifier)
    }
}

/// `{KeyRotation}`: the qualifiers' variants, in vocabulary order.
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
