//! From a handed-over call to its expansion: the combination as a const expression, or a
//! `compile_error!` at each word at fault followed by a stand-in combination, so that the rest
//! of the caller's code still type-checks and one mistake does not cascade.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::quote;
use speke_matrix_build::decide::{decide, Target};
use speke_matrix_build::render::macro_rules::{value_name, VALUES_PATH};
use speke_matrix_build::{ident, Matrix, Query};

use crate::arguments::{self, Place};
use crate::{input, matrix_cache};

pub fn expand(input: TokenStream) -> TokenStream {
    let parsed = input::parse(input)
        .and_then(|input| matrix_cache::compiled(&input.sources).map(|known| (input, known)));
    let (input, matrix, fast_path) = match parsed {
        Ok((input, known)) => (input, known.matrix, known.fast_path),
        Err(misuse) => {
            let place = Place {
                first: misuse.span,
                last: misuse.span,
            };
            return compile_error(place, &misuse.message);
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

    if errors.is_empty() && fast_path.holds(&query) {
        // The same const the fast path expands to: a path costs the compiler less to check
        // than the expression that builds the value. Only calls the fast path holds have one.
        let krate = &input.krate;
        let path = VALUES_PATH
            .split("::")
            .map(String::from)
            .chain([value_name(&matrix, &query)])
            .map(|segment| Ident::new(&segment, Span::call_site()));
        return quote!(#krate #(:: #path)*);
    }
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

    /// A small matrix as the library's macro hands it over, and the arguments of a call.
    fn call(arguments: &str) -> String {
        let files = [
            (
                "versions.csv",
                "id,name,aliases,cpix-version,keys,source,as-of\n\
                 v1,SPEKE v1,,2.0,one,https://example.invalid,2026-12-03\n",
            ),
            ("modes.csv", "id,name,aliases\nlive,Live,\n"),
            (
                "endpoints.csv",
                "id,name,aliases\ndash,DASH,\nmss,Microsoft Smooth,smooth\n",
            ),
            (
                "drm-systems.csv",
                "id,name,aliases,system-id\n\
                 playready,Microsoft PlayReady,pr,9a04f079-9840-4286-ab92-e65be0885f95\n\
                 widevine,Google Widevine,wv,edef8ba9-79d6-4ace-a3c8-27dcd51d21ed\n",
            ),
            (
                "qualifiers.csv",
                "id,name,aliases,group,phrase\n\
                 key-rotation,key rotation,rotation,,with key rotation\n",
            ),
            (
                "speke-v1.csv",
                "mode,endpoint,playready,widevine\n\
                 live,dash,yes + key-rotation,yes\nlive,mss,yes,no\n",
            ),
        ];
        call_with(
            &files.map(|(name, text)| (name.to_owned(), text.to_owned())),
            arguments,
        )
    }

    /// The files as the library's macro hands them over, and the arguments of a call.
    fn call_with(files: &[(String, String)], arguments: &str) -> String {
        let literals: Vec<String> = files
            .iter()
            .map(|(name, text)| format!("{name:?} {text:?}"))
            .collect();
        let input = format!("[k] [{}] ({arguments})", literals.join(" "));
        expand(input.parse().unwrap()).to_string()
    }

    /// A matrix of one version and mode whose `side` endpoint types and `side` DRM systems
    /// all support each other, the first cell offering key rotation.
    fn square_matrix(side: usize) -> Vec<(String, String)> {
        let mut endpoints = String::from("id,name,aliases\n");
        let mut drm_systems = String::from("id,name,aliases,system-id\n");
        let mut grid = String::from("mode,endpoint");
        for n in 1..=side {
            endpoints.push_str(&format!("endpoint-{n},Endpoint {n},\n"));
            drm_systems.push_str(&format!(
                "drm-{n},DRM System {n},,{n:08x}-0000-4000-8000-{n:012x}\n"
            ));
            grid.push_str(&format!(",drm-{n}"));
        }
        for e in 1..=side {
            grid.push_str(&format!("\nlive,endpoint-{e}"));
            for d in 1..=side {
                grid.push_str(if (e, d) == (1, 1) {
                    ",yes + key-rotation"
                } else {
                    ",yes"
                });
            }
        }
        grid.push('\n');
        [
            (
                "versions.csv",
                "id,name,aliases,cpix-version,keys,source,as-of\n\
                 v1,SPEKE v1,,2.0,one,https://example.invalid,2026-12-03\n"
                    .to_owned(),
            ),
            ("modes.csv", "id,name,aliases\nlive,Live,\n".to_owned()),
            ("endpoints.csv", endpoints),
            ("drm-systems.csv", drm_systems),
            (
                "qualifiers.csv",
                "id,name,aliases,group,phrase\n\
                 key-rotation,key rotation,rotation,,with key rotation\n"
                    .to_owned(),
            ),
            ("speke-v1.csv", grid),
        ]
        .map(|(name, text)| (name.to_owned(), text))
        .to_vec()
    }

    /// Over `FAST_PATH_LIMIT` the library writes no const for a call its fast path does not
    /// hold, so the proc macro builds the value itself, and still refuses what it refused.
    #[test]
    fn over_the_limit_a_call_expands_to_its_value() {
        use speke_matrix_build::render::macro_rules::FAST_PATH_LIMIT;

        // 64 x 64 = 4,096 calls without qualifiers fill the fast path exactly, so the one
        // with key rotation is left to the proc macro; 65 x 65 leaves every call to it.
        let full = square_matrix(64);
        assert_eq!(64 * 64, FAST_PATH_LIMIT);
        assert_eq!(
            call_with(&full, "v1, live, endpoint_2, drm_3"),
            "k :: __private :: combination :: V1__LIVE__ENDPOINT_2__DRM_3"
        );
        let rotated = call_with(&full, "v1, live, endpoint_1, drm_1, key_rotation");
        assert!(!rotated.contains("__private"), "{rotated}");
        assert!(rotated.contains("k :: DrmSystem :: Drm1"), "{rotated}");
        assert!(rotated.ends_with("from_bits (1u64))"), "{rotated}");

        let over = square_matrix(65);
        let plain = call_with(&over, "v1, live, endpoint_2, drm_3");
        assert!(!plain.contains("__private"), "{plain}");
        assert!(plain.contains("k :: EndpointType :: Endpoint2"), "{plain}");
        let refused = call_with(&over, "v1, live, endpoint_2, drm_3, key_rotation");
        assert!(refused.contains("compile_error"), "{refused}");
    }

    #[test]
    fn a_supported_call_expands_to_its_combination() {
        assert_eq!(
            call("V1, Live, smooth, PR"),
            "k :: __private :: combination :: V1__LIVE__MSS__PLAYREADY"
        );
        assert_eq!(
            call("v1, live, dash, playready, rotation"),
            call("v1,live,dash,pr,key_rotation")
        );
    }

    #[test]
    fn a_refused_call_expands_to_its_errors_then_a_stand_in() {
        let out = call("v1, live, mss, playready, \"key_rotation\"");
        let errors: Vec<&str> = out.matches("compile_error").collect();
        assert_eq!(errors.len(), 2, "{out}");
        assert!(
            out.contains("expected an identifier, found the literal"),
            "{out}"
        );
        assert!(out.contains("but without key rotation"), "{out}");
        // The stand-in keeps the words the call understood.
        assert!(out.contains("k :: DrmSystem :: Playready"), "{out}");
        assert!(out.trim_end().ends_with("from_bits (1u64)) }"), "{out}");
    }

    #[test]
    fn misuse_of_the_hidden_macro_is_an_error() {
        let out = expand("(v1, live)".parse().unwrap()).to_string();
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("use that instead"), "{out}");
    }
}
