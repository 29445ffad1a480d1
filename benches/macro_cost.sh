#!/usr/bin/env bash
# What `speke_supported!` costs a crate that calls it, measured as `cargo check` time.
#
# Generates three crates of N checks each, all against the same combinations:
#   (a) macro:    `pub const C0: Combination = speke_supported!(v1, live, dash, widevine);`
#   (b) floor:    the same consts written out as plain struct values, with no check;
#   (c) const fn: each const built with `Combination::new(...).with(...)` and followed by
#                 `const _: () = assert!(C0.is_supported());`, what a user would write without
#                 the macro;
# and, to isolate the expansion itself, (x) expanded: each const named by the path the macro's
# fast path expands to (a hidden const of the library), as if the calls were already expanded.
# It builds their dependencies once, then times `cargo check` of each crate in turn, touching its
# source first so that only that crate is checked again, rotating the order every round, and
# prints each crate's median, the ratios a/b, a/c and a/x of the medians, and the same ratios with
# cargo's own cost (a check with nothing to do) taken off.
#
# Usage: benches/macro_cost.sh            (N=2000 checks, ROUNDS=11)
#        N=500 ROUNDS=5 benches/macro_cost.sh
#        MATRIX_DIR=$PWD/tests/downstream/matrix benches/macro_cost.sh   (another matrix)
# WORK_DIR keeps the generated crates and their target directory (a temporary directory by
# default, removed at the end). Nothing here is built by `cargo build` or `cargo test`.
set -euo pipefail

N=${N:-2000}
ROUNDS=${ROUNDS:-11}
REPO=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n ${WORK_DIR:-} ]]; then
    mkdir -p "$WORK_DIR"
    WORK=$(cd "$WORK_DIR" && pwd)
else
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
fi
export CARGO_TARGET_DIR="$WORK/target"
export CARGO_TERM_COLOR=never
if [[ -n ${MATRIX_DIR:-} ]]; then
    export SPEKE_MATRIX_DIR=$MATRIX_DIR
fi

# A crate of its own workspace that depends on the library by path.
new_crate() {
    local name=$1 kind=$2
    mkdir -p "$WORK/$name/src"
    cat >"$WORK/$name/Cargo.toml" <<EOF
[package]
name = "$name"
version = "0.0.0"
edition = "2021"
publish = false

[$kind]
speke-matrix = { path = "$REPO" }

[workspace]
EOF
}

# The combinations to check: every supported cell, asked with no qualifier and with each
# qualifier it offers, listed by a small program against the library itself so that the list
# follows whatever matrix the library was built from. Each line holds the macro's words, the
# enum variants, the qualifier's variant (if any) and the qualifier set's bits.
new_crate lister dependencies
cat >"$WORK/lister/src/main.rs" <<'EOF'
use speke_matrix::{supported_cells, QualifierSet};

fn main() {
    for cell in supported_cells() {
        let c = cell.combination;
        let words = [c.version.rust_id(), c.mode.rust_id(), c.endpoint.rust_id(), c.drm.rust_id()];
        let variants = format!("{:?} {:?} {:?} {:?}", c.version, c.mode, c.endpoint, c.drm);
        println!("{}|{variants}||0x0", words.join(", "));
        for q in cell.offered.iter() {
            let bits = QualifierSet::of(q).bits();
            println!("{}, {}|{variants}|{q:?}|{bits:#x}", words.join(", "), q.rust_id());
        }
    }
}
EOF
echo "building the library and listing its supported combinations..." >&2
(cd "$WORK/lister" && cargo run --quiet --release >"$WORK/combinations.txt")
mapfile -t COMBINATIONS <"$WORK/combinations.txt"
echo "${#COMBINATIONS[@]} combinations, repeated to $N checks a crate" >&2

new_crate macro dependencies
new_crate floor dependencies
new_crate const_fn dependencies
new_crate expanded dependencies
{
    echo "use speke_matrix::{speke_supported, Combination};"
    for ((i = 0; i < N; i++)); do
        IFS='|' read -r words _ _ _ <<<"${COMBINATIONS[i % ${#COMBINATIONS[@]}]}"
        echo "pub const C$i: Combination = speke_supported!($words);"
    done
} >"$WORK/macro/src/lib.rs"
HEADER="#![allow(unused_imports)]
use speke_matrix::{
    Combination, DrmSystem, EndpointType, Mode, Qualifier, QualifierSet, SpekeVersion,
};"
{
    echo "$HEADER"
    for ((i = 0; i < N; i++)); do
        IFS='|' read -r _ variants _ bits <<<"${COMBINATIONS[i % ${#COMBINATIONS[@]}]}"
        read -r v m e d <<<"$variants"
        echo "pub const C$i: Combination = Combination { version: SpekeVersion::$v," \
            "mode: Mode::$m, endpoint: EndpointType::$e, drm: DrmSystem::$d," \
            "qualifiers: QualifierSet::from_bits($bits) };"
    done
} >"$WORK/floor/src/lib.rs"
{
    echo "$HEADER"
    for ((i = 0; i < N; i++)); do
        IFS='|' read -r _ variants qualifier _ <<<"${COMBINATIONS[i % ${#COMBINATIONS[@]}]}"
        read -r v m e d <<<"$variants"
        expr="Combination::new(SpekeVersion::$v, Mode::$m, EndpointType::$e, DrmSystem::$d)"
        if [[ -n $qualifier ]]; then
            expr="$expr.with(Qualifier::$qualifier)"
        fi
        echo "pub const C$i: Combination = $expr;"
        echo "const _: () = assert!(C$i.is_supported());"
    done
} >"$WORK/const_fn/src/lib.rs"
{
    echo "use speke_matrix::Combination;"
    for ((i = 0; i < N; i++)); do
        IFS='|' read -r words _ _ _ <<<"${COMBINATIONS[i % ${#COMBINATIONS[@]}]}"
        name=$(tr 'a-z' 'A-Z' <<<"$words" | sed 's/, /__/g')
        echo "pub const C$i: Combination = speke_matrix::__private::combination::$name;"
    done
} >"$WORK/expanded/src/lib.rs"

CRATES=(macro floor const_fn expanded)
echo "checking each crate once, so that its dependencies are built..." >&2
for crate in "${CRATES[@]}"; do
    (cd "$WORK/$crate" && cargo check --quiet)
done

# Milliseconds of one `cargo check` of a crate; with `touch`, its source is checked again.
time_check() {
    local crate=$1 touch=$2 start end
    if [[ $touch == touch ]]; then
        touch "$WORK/$crate/src/lib.rs"
    fi
    start=$(date +%s%N)
    (cd "$WORK/$crate" && cargo check --quiet)
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

declare -A TIMES
for crate in "${CRATES[@]}" noop; do
    TIMES[$crate]=""
done
echo "timing $ROUNDS rounds..." >&2
for ((round = 0; round < ROUNDS; round++)); do
    # Rotate the order, so that no crate always runs right after the same other one.
    for ((k = 0; k < ${#CRATES[@]}; k++)); do
        crate=${CRATES[(round + k) % ${#CRATES[@]}]}
        TIMES[$crate]+="$(time_check "$crate" touch) "
    done
    TIMES[noop]+="$(time_check floor no-touch) "
done

median() {
    tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END {
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
a=$(median "${TIMES[macro]}")
b=$(median "${TIMES[floor]}")
c=$(median "${TIMES[const_fn]}")
x=$(median "${TIMES[expanded]}")
noop=$(median "${TIMES[noop]}")

echo "rustc $(rustc --version | cut -d' ' -f2), $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "N = $N checks a crate, median of $ROUNDS rounds (ms of cargo check):"
for crate in "${CRATES[@]}" noop; do
    printf '  %-9s median %6s   all: %s\n' \
        "$crate" "$(median "${TIMES[$crate]}")" "${TIMES[$crate]}"
done
awk -v a="$a" -v b="$b" -v c="$c" -v x="$x" -v n="$noop" 'BEGIN {
    printf "a/b = %.3f   a/c = %.3f   a/x = %.3f   (targets: a/b <= 1.25, a/c <= 1)\n",
        a / b, a / c, a / x
    printf "without cargo'"'"'s own %s ms: a/b = %.3f   a/c = %.3f   a/x = %.3f\n",
        n, (a - n) / (b - n), (a - n) / (c - n), (a - n) / (x - n)
}'
