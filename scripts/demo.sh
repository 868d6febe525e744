#!/usr/bin/env bash
# The main job: builds the contracts and shows what an issuer deploys.
# (Until the local devnet lands, this prints each contract's size and ABI.)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
bash scripts/build.sh
for f in abi/*.sol; do
    printf '\n===== %s =====\n' "$f"
    grep -E '^\s*(function|event|interface)' "$f"
done
