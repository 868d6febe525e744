#!/usr/bin/env bash
# Every check and test of the project, in the order CI runs them:
# set-up, formatting, lints, Wasm build with the size gate, ABI drift, tests,
# then the real-client check: the suite deployed by cargo-stylus.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# CI builds once: incremental compilation would only add GBs to the target dir.
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}

# Each step prints the time spent so far and the disk left, so a slow step
# or a full disk shows where it happened.
step() {
    printf '\n==> %s\n' "$*"
    printf '    at %dm%02ds; disk: %s free, target %s\n' $((SECONDS / 60)) $((SECONDS % 60)) \
        "$(df -h --output=avail . | tail -1 | tr -d ' ')" \
        "$(du -sh target 2>/dev/null | cut -f1 || echo 0)"
}

step "set-up"
bash scripts/setup.sh
# shellcheck disable=SC1091
[ -f scripts/.toolchain.env ] && . scripts/.toolchain.env
CARGO=${CARGO:-cargo}

step "format"
"$CARGO" fmt --all -- --check

step "lint"
"$CARGO" clippy --locked --workspace --all-targets -- -D warnings

step "wasm build and size gate"
bash scripts/build.sh --gate-selftest
bash scripts/build.sh

step "ABI drift"
bash scripts/export-abi.sh --check

step "tests"
"$CARGO" test --locked --workspace

step "cargo-stylus: deploy the suite to a local devnet, wire it with ds"
if command -v rustup >/dev/null; then
    bash scripts/cargo-stylus-deploy.sh
else
    echo "skipped: cargo-stylus needs a rustup toolchain (Debian's Rust fallback is in use)"
fi
step "done"
