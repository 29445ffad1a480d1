#!/usr/bin/env bash
# What depending on speke-matrix costs a fresh build, against the usual syn-based baseline.
#
# Generates two crates: one that depends on speke-matrix (by path, this repository) and calls
# `speke_supported!` once, and one that depends on `thiserror` alone and derives one error.
# Each round builds each crate from nothing (its own target directory, emptied first) with
# `cargo build`, alternating which goes first, and records the wall time and how many crates
# cargo compiled. Prints the medians and their ratio.
#
# Usage: benches/cold_build.sh            (ROUNDS=5)
#        ROUNDS=3 benches/cold_build.sh
# WORK_DIR keeps the crates (a temporary directory by default, removed at the end). The
# registry's crates are fetched once before timing, so the network is not timed.
set -euo pipefail

ROUNDS=${ROUNDS:-5}
REPO=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n ${WORK_DIR:-} ]]; then
    mkdir -p "$WORK_DIR"
    WORK=$(cd "$WORK_DIR" && pwd)
else
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
fi
export CARGO_TERM_COLOR=never
unset CARGO_TARGET_DIR SPEKE_MATRIX_DIR

new_crate() {
    local name=$1 dependency=$2 source=$3
    mkdir -p "$WORK/$name/src"
    cat >"$WORK/$name/Cargo.toml" <<EOF
[package]
name = "$name"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$dependency

[workspace]
EOF
    echo "$source" >"$WORK/$name/src/lib.rs"
    (cd "$WORK/$name" && cargo fetch --quiet)
}

new_crate with_speke_matrix "speke-matrix = { path = \"$REPO\" }" \
    'pub const ENDPOINT: speke_matrix::Combination =
    speke_matrix::speke_supported!(v1, live, dash, widevine, key_rotation);'
new_crate with_thiserror 'thiserror = "2"' \
    '#[derive(Debug, thiserror::Error)]
#[error("unsupported: {0}")]
pub struct Unsupported(pub String);'

# Seconds (with milliseconds) and crates compiled of one build from nothing.
cold_build() {
    local crate=$1 start end log
    rm -rf "$WORK/$crate/target"
    log=$WORK/$crate.log
    start=$(date +%s%N)
    (cd "$WORK/$crate" && cargo build --offline >"$log" 2>&1)
    end=$(date +%s%N)
    echo "$(((end - start) / 1000000)) $(grep -c '^ *Compiling ' "$log")"
}

CRATES=(with_speke_matrix with_thiserror)
declare -A TIMES COUNTS
echo "building each crate from nothing, $ROUNDS rounds..." >&2
for ((round = 0; round < ROUNDS; round++)); do
    for ((k = 0; k < 2; k++)); do
        crate=${CRATES[(round + k) % 2]}
        read -r ms count <<<"$(cold_build "$crate")"
        TIMES[$crate]+="$ms "
        COUNTS[$crate]=$count
    done
done

median() {
    tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END {
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "rustc $(rustc --version | cut -d' ' -f2), $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cold cargo build (dev profile), median of $ROUNDS rounds:"
for crate in "${CRATES[@]}"; do
    printf '  %-18s %6s ms  %2s crates compiled   all: %s\n' "$crate" \
        "$(median "${TIMES[$crate]}")" "${COUNTS[$crate]}" "${TIMES[$crate]}"
    echo "    $(sed -n 's/^ *Compiling \([^ ]*\) .*/\1/p' "$WORK/$crate.log" | sort | paste -sd' ')"
done
awk -v s="$(median "${TIMES[with_speke_matrix]}")" -v t="$(median "${TIMES[with_thiserror]}")" \
    'BEGIN { printf "speke-matrix / thiserror = %.2f   (target: <= 1.5)\n", s / t }'
