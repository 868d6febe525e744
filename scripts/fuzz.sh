#!/usr/bin/env bash
# Long fuzzing campaigns on the real Wasm (target/stylus/*.wasm, from
# scripts/build.sh): the stateful invariants (tests/tests/invariants.rs) and
# the calldata fuzzing (tests/tests/calldata_fuzz.rs) with large case counts.
#
#   scripts/fuzz.sh [sequences] [steps per sequence] [calldata executions]
#
# Defaults: 200 sequences x 100 steps and 100,000 calldata executions, from
# fresh random seeds (printed, so a failure can be replayed with
# DS_INVARIANT_SEED / DS_FUZZ_SEED). Every DS_INVARIANT_* / DS_FUZZ_*
# variable already set wins over the arguments. FUZZ_RELEASE=1 runs a
# release build (slower to compile, faster to run).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck disable=SC1091
[ -f scripts/.toolchain.env ] && . scripts/.toolchain.env
CARGO=${CARGO:-cargo}

for wasm in trust registry registry_admin compliance compliance_views compliance_admin compliance_config compliance_hooks comms ds_token token_admin token_control erc20_min; do
    if [ ! -f "target/stylus/$wasm.wasm" ]; then
        echo "target/stylus/$wasm.wasm is missing: run scripts/build.sh first" >&2
        exit 1
    fi
done

random_seed() { od -An -N4 -tu4 /dev/urandom | tr -d ' '; }
export DS_INVARIANT_CASES=${DS_INVARIANT_CASES:-${1:-200}}
export DS_INVARIANT_STEPS=${DS_INVARIANT_STEPS:-${2:-100}}
export DS_INVARIANT_SEED=${DS_INVARIANT_SEED:-$(random_seed)}
export DS_FUZZ_CASES=${DS_FUZZ_CASES:-${3:-100000}}
export DS_FUZZ_SEED=${DS_FUZZ_SEED:-$(random_seed)}

profile=()
[ "${FUZZ_RELEASE:-0}" = 1 ] && profile=(--release)

echo "invariants: DS_INVARIANT_SEED=$DS_INVARIANT_SEED DS_INVARIANT_CASES=$DS_INVARIANT_CASES DS_INVARIANT_STEPS=$DS_INVARIANT_STEPS"
echo "calldata:   DS_FUZZ_SEED=$DS_FUZZ_SEED DS_FUZZ_CASES=$DS_FUZZ_CASES"
status=0
"$CARGO" test --locked "${profile[@]}" -p ds-e2e --test invariants -- --nocapture || status=1
"$CARGO" test --locked "${profile[@]}" -p ds-e2e --test calldata_fuzz -- --nocapture || status=1
if [ "$status" != 0 ]; then
    echo "fuzz campaign FAILED (seeds above; the invariants report prints the steps to replay)" >&2
fi
exit "$status"
