#!/usr/bin/env bash
# Gas bench on the local Stylus devnet with the real artifacts: compliant
# transfers (existing / new holder, regulated rules), issuance,
# preTransferCheck and the plain ERC-20 calibration token, against the
# targets; then the brotli size of each artifact. Builds the contracts first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
bash scripts/build.sh
# shellcheck disable=SC1091
[ -f scripts/.toolchain.env ] && . scripts/.toolchain.env
CARGO=${CARGO:-cargo}
"$CARGO" run --locked -q -p ds-e2e --bin bench
