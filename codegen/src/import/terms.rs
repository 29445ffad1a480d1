//! The page's names for SPEKE versions, modes, endpoint types and DRM systems, resolved
//! against the matrix's vocabulary: a known term by any of its spellings, or a new term that
//! the import adds to the vocabulary, with an id made from the page's name.

use crate::diagnostic::{Diagnostic, Location};
use crate::ident;
use crate::model::{Matrix, TermKind};
use crate::portable::spelling;

/// A term the page names: one of the matrix's, or one the import adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermRef {
    /// The index of the term in the matrix's vocabulary of its kind.
    Known(usize),
    /// The index of the term in [`Terms::added`].
    New(usize),
}

/// A term the vocabulary does not have, named by the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTerm {
    pub kind: TermKind,
    pub id: String,
    /// The name as the page prints it.
    pub name: String,
    /// Where the page first names it.
    pub at: Location,
    /// The id of a known term whose spelling is close to the page's name: perhaps the page
    /// renamed it, and an alias would serve better than a new term.
    pub close_to: Option<String>,
}

/// The vocabulary as the import grows it.
pub struct Terms<'a> {
    pub matrix: &'a Matrix,
    pub added: Vec<NewTerm>,
}

impl<'a> Terms<'a> {
    pub fn new(matrix: &'a Matrix) -> Self {
        Terms {
            matrix,
            added: Vec::new(),
        }
    }

    /// The term a page name stands for; a name the vocabulary does not know becomes a new
    /// term, or an error when no valid id can be made from it.
    pub fn resolve(
        &mut self,
        kind: TermKind,
        name: &str,
        at: &Location,
    ) -> Result<TermRef, Diagnostic> {
        self.resolve_with_id(kind, name, &id_from_name(name), at)
    }

    /// As [`Terms::resolve`], with the id a new term would get.
    pub fn resolve_with_id(
        &mut self,
        kind: TermKind,
        name: &str,
        id: &str,
        at: &Location,
    ) -> Result<TermRef, Diagnostic> {
        if let Some(known) = self.known(kind, name) {
            return Ok(TermRef::Known(known));
        }
        let normal = spelling::normalize(name);
        if let Some(index) = self
            .added
            .iter()
            .position(|t| t.kind == kind && spelling::normalize(&t.name) == normal)
        {
            return Ok(TermRef::New(index));
        }
        let file = kind.file_name();
        if let Err(problem) = ident::check(id) {
            return Err(Diagnostic::error(
                at,
                format!(
                    "new {} {} cannot be given an id ({problem}); add it to {file} by hand, \
                     with {} as its name or an alias, then import again",
                    kind.what(),
                    spelling::quoted(name),
                    spelling::quoted(name)
                ),
            ));
        }
        let clash = self
            .known(kind, id)
            .map(|i| self.id(kind, TermRef::Known(i)));
        let clash = clash.or_else(|| {
            self.added
                .iter()
                .find(|t| t.kind == kind && t.id == id)
                .map(|t| t.id.as_str())
        });
        if let Some(other) = clash {
            return Err(Diagnostic::error(
                at,
                format!(
                    "new {} {} would get the id `{id}`, which already names `{other}`; if they \
                     are the same, add {} as an alias of `{other}` in {file}",
                    kind.what(),
                    spelling::quoted(name),
                    spelling::quoted(name)
                ),
            ));
        }
        let close_to = self.close_to(kind, name);
        self.added.push(NewTerm {
            kind,
            id: id.to_owned(),
            name: name.to_owned(),
            at: at.clone(),
            close_to,
        });
        Ok(TermRef::New(self.added.len() - 1))
    }

    /// The index of the known term a word names, if any.
    pub fn known(&self, kind: TermKind, word: &str) -> Option<usize> {
        self.matrix.find(kind, word).ok()
    }

    pub fn id(&self, kind: TermKind, term: TermRef) -> &str {
        match term {
            TermRef::Known(index) => &self.matrix.terms(kind)[index].id,
            TermRef::New(index) => &self.added[index].id,
        }
    }

    pub fn name(&self, kind: TermKind, term: TermRef) -> &str {
        match term {
            TermRef::Known(index) => &self.matrix.terms(kind)[index].name,
            TermRef::New(index) => &self.added[index].name,
        }
    }

    /// The id of a known term spelled close to `name`.
    fn close_to(&self, kind: TermKind, name: &str) -> Option<String> {
        let terms = self.matrix.terms(kind);
        let candidates = terms.iter().flat_map(|t| {
            [t.id.as_str(), t.name.as_str()]
                .into_iter()
                .chain(t.aliases.iter().map(String::as_str))
                .map(|s| (s, t.id.as_str()))
        });
        spelling::closest(name, candidates).map(str::to_owned)
    }
}

/// The id a new term gets from its name: lower-case words joined by `-` ("Huawei WisePlay"
/// becomes `huawei-wiseplay`).
pub fn id_from_name(name: &str) -> String {
    let mut id = String::new();
    let mut pending_dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !id.is_empty() {
                id.push('-');
            }
            pending_dash = false;
            id.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_names() {
        assert_eq!(id_from_name("Huawei WisePlay"), "huawei-wiseplay");
        assert_eq!(id_from_name("CMAF (low latency)"), "cmaf-low-latency");
        assert_eq!(id_from_name("AES-128"), "aes-128");
        assert_eq!(id_from_name("ÉÀ"), "");
    }
}
