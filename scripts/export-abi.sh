#!/usr/bin/env bash
# Writes the published interfaces, one per address an integrator talks to:
#   abi/<Address>.sol        Solidity interface (functions, errors) + events
#   abi/json/<Address>.json  the same as a JSON ABI (ethers, viem, web3.py, cast)
#   abi/programs/<crate>.sol what each program behind a multi-program address
#                            exports itself (the facets' own interfaces)
# A single-program address's file is its program's export, verbatim (what
# `cargo stylus export-abi` prints); a multi-program address's file is the
# programs' exports merged by tools/abi-gen, which refuses one selector with
# two meanings.
# `scripts/export-abi.sh --check` regenerates into a temporary folder and
# fails when the committed files differ from the code (drift check).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
[ -f scripts/.toolchain.env ] && . scripts/.toolchain.env
CARGO=${CARGO:-cargo}

# Addresses served by one program: crate:Address
SINGLE=(ds-trust:TrustService ds-comms:CommsService ds-distribution:Distribution ds-dvp:DvP ds-nav-provider:NavProvider ds-balance-checker:BulkBalanceChecker ds-token-issuer:TokenIssuer ds-wallet-registrar:WalletRegistrar ds-bulk-operator:BulkOperator ds-transaction-relayer:TransactionRelayer ds-rebasing-provider:RebasingProvider)
# Addresses served by several programs: Address=crate:label,... (entry program first)
MULTI=("ComplianceService=ds-compliance:compliance,ds-compliance-views:compliance-views,ds-compliance-admin:compliance-admin,ds-compliance-config:compliance-config,ds-compliance-hooks:compliance-hooks"
       "RegistryService=ds-registry:registry,ds-registry-admin:registry-admin"
       "DSToken=ds-token:ds-token,ds-token-admin:token-admin,ds-token-control:token-control"
       "Subscription=ds-subscription:subscription,ds-subscription-admin:subscription-admin"
       "Redemption=ds-redemption:redemption,ds-redemption-admin:redemption-admin")

out=abi
if [ "${1:-}" = "--check" ]; then out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
mkdir -p "$out/programs" "$out/json"
rm -f "$out"/*.sol "$out"/programs/*.sol "$out"/json/*.json

export_program() { # crate file
    "$CARGO" run -q --locked -p "$1" --features export-abi --bin "$1-abi" > "$2"
}

"$CARGO" build -q --locked -p ds-abi-gen
abi_gen=target/debug/ds-abi-gen

for entry in "${SINGLE[@]}"; do
    export_program "${entry%%:*}" "$out/${entry#*:}.sol"
done
for entry in "${MULTI[@]}"; do
    address=${entry%%=*} inputs=()
    IFS=, read -ra programs <<< "${entry#*=}"
    for program in "${programs[@]}"; do
        crate=${program%%:*} label=${program#*:}
        export_program "$crate" "$out/programs/$label.sol"
        inputs+=("$label=$out/programs/$label.sol")
    done
    "$abi_gen" merge "$address" "$out/$address.sol" "${inputs[@]}"
done
for sol in "$out"/*.sol; do
    name=$(basename "$sol" .sol)
    "$abi_gen" json "$sol" "$out/json/$name.json"
done

if [ "$out" != abi ]; then
    # abi/arbitrum holds hand-written interfaces of Arbitrum's own contracts.
    if ! diff -ru --exclude=arbitrum abi "$out"; then
        echo "export-abi: abi/ differs from the code; run scripts/export-abi.sh and commit" >&2
        exit 1
    fi
    echo "export-abi: abi/ matches the code"
else
    echo "export-abi: wrote $(ls abi/*.sol | wc -l) address interfaces (+ JSON) and $(ls abi/programs/*.sol | wc -l) program interfaces to abi/"
fi
