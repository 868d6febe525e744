#!/usr/bin/env bash
# Builds every contract (or those named as arguments) to wasm32-unknown-unknown (release, build-std),
# copies the artifacts to target/stylus/<contract>.wasm and enforces the
# Stylus deploy limit: the deployed code, EF F0 00 00 ‖ brotli(wasm) (quality
# 11, window 22), at most 24,576 bytes with its 4-byte prefix; prints the
# spare bytes to the limit and to the 90% budget (22,118) of each program.
# `scripts/build.sh --gate-selftest` checks the gate's arithmetic only.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
[ -f scripts/.toolchain.env ] && . scripts/.toolchain.env
CARGO=${CARGO:-cargo}

CONTRACTS=(trust registry registry_admin compliance compliance_views compliance_admin compliance_config compliance_hooks comms ds_token token_admin token_control
           distribution dvp nav_provider balance_checker token_issuer wallet_registrar bulk_operator transaction_relayer rebasing_provider
           subscription subscription_admin redemption redemption_admin)
# Test fixtures (not size-gated): the devnet's gas calibration token
# (devnet/calibration/erc20) and the distribution app's payment token
# (devnet/fixtures/payment-token), and the odd payment token of the DvP
# tests (devnet/fixtures/odd-token: no return value, fee on transfer, callback).
FIXTURES=(erc20_min payment_token odd_token)
# `scripts/build.sh ds_token comms payment_token` rebuilds only those.
if (($# > 0)); then
    CONTRACTS=() FIXTURES_NAMED=()
    for name in "$@"; do
        case $name in erc20_min | payment_token | odd_token) FIXTURES_NAMED+=("$name") ;; *) CONTRACTS+=("$name") ;; esac
    done
    FIXTURES=("${FIXTURES_NAMED[@]}")
fi
LIMIT=24576
PREFIX=4
BUDGET=22118

# gate <brotli bytes>: prints "<deployed bytes> <spare> <spare to budget> <verdict>",
# returns 1 when the deployed code (prefix included) is over the limit.
gate() {
    local deployed=$(($1 + PREFIX))
    local spare=$((LIMIT - deployed)) budget=$((BUDGET - deployed)) verdict=ok
    if ((deployed > LIMIT)); then verdict="OVER LIMIT ($LIMIT with the prefix)"
    elif ((deployed > BUDGET)); then verdict="above the 90% budget"; fi
    printf '%s %s %s %s\n' "$deployed" "$spare" "$budget" "$verdict"
    ((deployed <= LIMIT))
}

if [ "${1:-}" = --gate-selftest ]; then
    gate 24572 >/dev/null || { echo "gate refused 24,572 + 4 = 24,576 bytes"; exit 1; }
    if gate 24573 >/dev/null; then echo "gate accepted 24,573 + 4 = 24,577 bytes"; exit 1; fi
    echo "size gate: 24,576 bytes with the prefix accepted, 24,577 refused"
    exit 0
fi

# One cargo invocation per contract: cargo unifies features within one build,
# and each contract enables only its own error variants of ds-common.
for c in "${CONTRACTS[@]}"; do
    case $c in ds_token) package=ds-token ;; *) package="ds-${c//_/-}" ;; esac
    RUSTC_BOOTSTRAP=1 "$CARGO" build --release --lib --locked --target wasm32-unknown-unknown \
        -Z build-std=std,panic_abort -p "$package"
done

mkdir -p target/stylus
status=0
printf '%-17s %8s %8s %9s %6s %11s  %s\n' contract raw brotli deployed spare "spare(90%)" status
for c in "${CONTRACTS[@]}"; do
    case $c in ds_token) lib=ds_token ;; *) lib="ds_$c" ;; esac
    out="target/stylus/$c.wasm"
    # binaryen's size pass (MVP features only, as Stylus activation requires).
    wasm-opt -Oz --mvp-features --strip-debug --strip-producers \
        -o "$out" "target/wasm32-unknown-unknown/release/$lib.wasm"
    raw=$(stat -c %s "$out")
    compressed=$(brotli -q 11 -w 22 -c "$out" | wc -c)
    if ! verdict=$(gate "$compressed"); then status=1; fi
    read -r deployed spare budget text <<<"$verdict"
    printf '%-17s %8d %8d %9d %6d %11d  %s\n' "$c" "$raw" "$compressed" "$deployed" "$spare" "$budget" "$text"
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
