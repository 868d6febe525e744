#!/usr/bin/env bash
# The main job: builds the contracts, then runs one issuance end to end on the
# local Stylus devnet with the real artifacts (deployment and wiring, roles,
# investors, compliance rules, issuance with locks, transfers, refusals with
# their DS reason codes, pause, lock expiry, seize, burn, Comms notices),
# printing each step's result and gas and a closing gas table.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
bash scripts/build.sh
# shellcheck disable=SC1091
[ -f scripts/.toolchain.env ] && . scripts/.toolchain.env
CARGO=${CARGO:-cargo}
"$CARGO" run --locked -q -p ds-e2e --bin demo
