//! From a handed-over call to its expansion: the combination as a const expression, or a
//! `compile_error!` at each word at fault followed by a stand-in combination, so that the rest
//! of the caller's code still type-checks and one mistake does not cascade.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::quote;
use speke_matrix_build::decide::{decide, Target};
use speke_matrix_build::{ident, Matrix, Query};

use crate::arguments::{self, Place};
use crate::{input, matrix_cache};

pub fn expand(input: TokenStream) -> TokenStream {
    let input = match input::parse(input) {
        Ok(input) => input,
        Err(misuse) => {
            let place = Place {
                first: misuse.span,
                last: misuse.span,
            };
            return compile_error(place, &misuse.message);
        }
    };
    let matrix = match matrix_cache::compiled(&input.sources) {
        Ok(matrix) => matrix,
        Err(diagnostics) => {
            let place = Place {
                first: Span::call_site(),
                last: Span::call_site(),
            };
            return compile_error(place, &diagnostics.join("\n"));
        }
    };

    let arguments = arguments::split(input.arguments);
    let words: Vec<Option<&str>> = arguments.list.iter().map(|a| a.word.as_deref()).collect();
    let whole = match (arguments.list.first(), arguments.list.last()) {
        (Some(first), Some(last)) => Place {
            first: first.place.first,
            last: last.place.last,
        },
        _ => Place {
            first: input.arguments_span,
            last: input.arguments_span,
        },
    };

    // Errors in reading order: a stray comma before the argument that follows it, each
    // argument's own mistakes, then those about the call as a whole.
    let mut errors: Vec<((usize, u8), Place, String)> = Vec::new();
    for (before, place, message) in arguments.stray {
        errors.push(((before, 0), place, message));
    }
    for (position, argument) in arguments.list.iter().enumerate() {
        if let Some(problem) = &argument.problem {
            errors.push(((position, 1), argument.place, problem.clone()));
        }
    }
    let query = match decide(&matrix, &words) {
        Ok(query) => query,
        Err(refused) => {
            for refusal in refused.refusals {
                let (order, place) = match refusal.target {
                    Target::Word(i) => ((i, 1), arguments.list[i].place),
                    Target::Call => ((usize::MAX, 2), whole),
                };
                errors.push((order, place, refusal.message));
            }
            refused.placeholder
        }
    };
    errors.sort_by_key(|(order, _, _)| *order);

    let value = combination(&input.krate, &matrix, &query);
    if errors.is_empty() {
        return value;
    }
    let errors: TokenStream = errors
        .iter()
        .map(|(_, place, message)| {
            let error = compile_error(*place, message);
            quote!(#error;)
        })
        .collect();
    quote!({ #errors #value })
}

/// The combination as a const expression in the caller's crate.
fn combination(krate: &TokenStream, matrix: &Matrix, query: &Query) -> TokenStream {
    let variant = |name: &str| Ident::new(&ident::camel_case(name), Span::call_site());
    let version = variant(&matrix.versions[query.version].term.id);
    let mode = variant(&matrix.modes[query.mode].id);
    let endpoint = variant(&matrix.endpoints[query.endpoint].id);
    let drm = variant(&matrix.drm_systems[query.drm].term.id);
    let bits = Literal::u64_suffixed(query.qualifiers);
    quote! {
        #krate::Combination::new(
            #krate::SpekeVersion::#version,
            #krate::Mode::#mode,
            #krate::EndpointType::#endpoint,
            #krate::DrmSystem::#drm,
        )
        .with_qualifiers(#krate::QualifierSet::from_bits(#bits))
    }
}

/// `::core::compile_error! { "message" }` spanning a place: the path takes the span of its
/// first token and the braces that of its last, which the compiler reports as the range from
/// one to the other.
fn compile_error(place: Place, message: &str) -> TokenStream {
    let first = |tree: TokenTree| {
        let mut tree = tree;
        tree.set_span(place.first);
        tree
    };
    let mut message = Literal::string(message);
    message.set_span(place.last);
    let mut body = Group::new(Delimiter::Brace, TokenTree::from(message).into());
    body.set_span(place.last);
    [
        first(Punct::new(':', Spacing::Joint).into()),
        first(Punct::new(':', Spacing::Alone).into()),
        first(Ident::new("core", Span::call_site()).into()),
        first(Punct::new(':', Spacing::Joint).into()),
        first(Punct::new(':', Spacing::Alone).into()),
        first(Ident::new("compile_error", Span::call_site()).into()),
        first(Punct::new('!', Spacing::Alone).into()),
        body.into(),
    ]
    .into_iter()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misuse_of_the_hidden_macro_is_an_error() {
        let out = expand("(v1, live)".parse().unwrap()).to_string();
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("use that instead"), "{out}");
    }
}
