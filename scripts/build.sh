#!/usr/bin/env bash
# Builds every contract (or those named as arguments) to wasm32-unknown-unknown (release, build-std),
# copies the artifacts to target/stylus/<contract>.wasm and enforces the
# Stylus deploy limit: 24,576 bytes after brotli (quality 11, window 22).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
[ -f scripts/.toolchain.env ] && . scripts/.toolchain.env
CARGO=${CARGO:-cargo}

CONTRACTS=(trust registry compliance compliance_views compliance_admin compliance_rules comms ds_token token_admin
           distribution)
# Test fixtures (not size-gated): the devnet's gas calibration token
# (devnet/calibration/erc20) and the distribution app's payment token
# (devnet/fixtures/payment-token).
FIXTURES=(erc20_min payment_token)
# `scripts/build.sh ds_token comms payment_token` rebuilds only those.
if (($# > 0)); then
    CONTRACTS=() FIXTURES_NAMED=()
    for name in "$@"; do
        case $name in erc20_min | payment_token) FIXTURES_NAMED+=("$name") ;; *) CONTRACTS+=("$name") ;; esac
    done
    FIXTURES=("${FIXTURES_NAMED[@]}")
fi
LIMIT=24576
WARN=16384

# One cargo invocation per contract: cargo unifies features within one build,
# and each contract enables only its own error variants of ds-common.
for c in "${CONTRACTS[@]}"; do
    case $c in ds_token) package=ds-token ;; *) package="ds-${c//_/-}" ;; esac
    RUSTC_BOOTSTRAP=1 "$CARGO" build --release --lib --locked --target wasm32-unknown-unknown \
        -Z build-std=std,panic_abort -p "$package"
done

mkdir -p target/stylus
status=0
printf '%-12s %10s %10s  %s\n' contract raw brotli status
for c in "${CONTRACTS[@]}"; do
    case $c in ds_token) lib=ds_token ;; *) lib="ds_$c" ;; esac
    out="target/stylus/$c.wasm"
    # binaryen's size pass (MVP features only, as Stylus activation requires).
    wasm-opt -Oz --mvp-features --strip-debug --strip-producers \
        -o "$out" "target/wasm32-unknown-unknown/release/$lib.wasm"
    raw=$(stat -c %s "$out")
    compressed=$(brotli -q 11 -w 22 -c "$out" | wc -c)
    verdict=ok
    if ((compressed > LIMIT)); then verdict="OVER LIMIT ($LIMIT)"; status=1
    elif ((compressed > WARN)); then verdict="warning: above 16 KiB"; fi
    printf '%-12s %10d %10d  %s\n' "$c" "$raw" "$compressed" "$verdict"
done

# Fixtures are copied as the compiler wrote them (no wasm-opt): the
# calibration token must keep the code its gas figures were measured on.
for f in "${FIXTURES[@]}"; do
    RUSTC_BOOTSTRAP=1 "$CARGO" build --release --lib --locked --target wasm32-unknown-unknown \
        -Z build-std=std,panic_abort -p "${f//_/-}"
    cp "target/wasm32-unknown-unknown/release/$f.wasm" "target/stylus/$f.wasm"
    printf '%-12s %10d  %s\n' "$f" "$(stat -c %s "target/stylus/$f.wasm")" fixture
done
exit $status
