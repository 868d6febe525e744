#!/usr/bin/env bash
# Writes abi/<Contract>.sol (Solidity interface + events) for every contract.
# `scripts/export-abi.sh --check` regenerates into a temporary folder and
# fails when the committed files differ from the code (drift check).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
[ -f scripts/.toolchain.env ] && . scripts/.toolchain.env
CARGO=${CARGO:-cargo}

# crate:Contract file name
CONTRACTS=(ds-trust:TrustService ds-registry:RegistryService ds-compliance:ComplianceService ds-compliance-views:ComplianceViews ds-compliance-admin:ComplianceAdmin ds-compliance-rules:ComplianceRules
           ds-comms:CommsService ds-token:DSToken ds-token-admin:DSTokenAdmin ds-distribution:Distribution)

out=abi
if [ "${1:-}" = "--check" ]; then out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
mkdir -p "$out"
for entry in "${CONTRACTS[@]}"; do
    crate=${entry%%:*} name=${entry#*:}
    "$CARGO" run -q --locked -p "$crate" --features export-abi --bin "$crate-abi" > "$out/$name.sol"
done

if [ "$out" != abi ]; then
    # abi/arbitrum holds hand-written interfaces of Arbitrum's own contracts.
    if ! diff -ru --exclude=arbitrum abi "$out"; then
        echo "export-abi: abi/ differs from the code; run scripts/export-abi.sh and commit" >&2
        exit 1
    fi
    echo "export-abi: abi/ matches the code"
else
    echo "export-abi: wrote $(ls abi/*.sol | wc -l) interfaces to abi/"
fi
