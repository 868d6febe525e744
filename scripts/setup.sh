#!/usr/bin/env bash
# Installs what building and testing this project needs. Idempotent.
# Route 1: rustup's wasm32 target and std sources (for -Z build-std).
# Route 2 (fallback): Debian's Rust 1.96 with std sources and lld.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v brotli >/dev/null || need_apt+=(brotli)
command -v wasm-opt >/dev/null || need_apt+=(binaryen)

toolchain_env=scripts/.toolchain.env
if command -v rustup >/dev/null \
    && timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 \
    && timeout 120 rustup component add rust-src rustfmt clippy >/dev/null 2>&1; then
    echo "setup: rustup toolchain with wasm32-unknown-unknown and rust-src"
    : > "$toolchain_env"
else
    echo "setup: rustup unavailable, falling back to Debian's Rust"
    need_apt+=(rustc-web cargo-web rust-web-src lld-22)
    cat > "$toolchain_env" <<'ENV'
export CARGO=/usr/bin/cargo RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc
ENV
fi

if ((${#need_apt[@]})); then
    echo "setup: apt-get install ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
echo "setup: done"
