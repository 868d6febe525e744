#!/usr/bin/env bash
# Deploys the DS suite with cargo-stylus (Offchain Labs' deploy tool), then
# wires it with `ds deploy`, which keeps the nine programs cargo-stylus
# deployed and sends only the service entries and roles. Also checks that
# `cargo stylus export-abi` prints the interfaces committed in abi/.
#
#   scripts/cargo-stylus-deploy.sh                 # a local ds-devnet, started here
#   scripts/cargo-stylus-deploy.sh --rpc URL --out deployment.json
#
# The signing key comes from DS_PRIVATE_KEY (on the local devnet a test key
# is used when it is unset); it reaches cargo-stylus through a file readable
# only by the caller, removed on exit. Installs cargo-stylus when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
[ -f scripts/.toolchain.env ] && . scripts/.toolchain.env
CARGO=${CARGO:-cargo}
CARGO_STYLUS_VERSION=0.10.10
root=$(pwd)

rpc="" out=""
while (($#)); do
    case $1 in
        --rpc) rpc=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        *) echo "usage: $0 [--rpc URL] [--out FILE]" >&2; exit 1 ;;
    esac
done

if ! "$CARGO" stylus --version 2>/dev/null | grep -q " $CARGO_STYLUS_VERSION"; then
    echo "cargo-stylus-deploy: installing cargo-stylus $CARGO_STYLUS_VERSION"
    "$CARGO" install --locked --quiet cargo-stylus --version "$CARGO_STYLUS_VERSION"
fi
"$CARGO" build -q --locked -p ds-cli -p ds-devnet
ds=$root/target/debug/ds

work=$(mktemp -d)
devnet_pid=""
cleanup() {
    [ -n "$devnet_pid" ] && kill "$devnet_pid" 2>/dev/null
    rm -f "$root/rust-toolchain.toml"
    rm -rf "$work"
}
trap cleanup EXIT

local_devnet=""
if [ -z "$rpc" ]; then
    local_devnet=1
    # A well-known test key: only ever for this throwaway chain.
    export DS_PRIVATE_KEY=${DS_PRIVATE_KEY:-0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318}
fi
: "${DS_PRIVATE_KEY:?set DS_PRIVATE_KEY to the deploying key}"
out=${out:-$work/deployment.json}
key_file=$work/key
(umask 077; printf '%s\n' "$DS_PRIVATE_KEY" > "$key_file")
master=$("$ds" key-address --private-key-file "$key_file")
if [ -n "$local_devnet" ]; then
    # The deploying key is funded: activations pay nitro's data fee.
    target/debug/ds-devnet serve --port 0 --accounts 0 --fund "$master" > "$work/devnet.log" &
    devnet_pid=$!
    for _ in $(seq 50); do grep -q listening "$work/devnet.log" && break; sleep 0.1; done
    rpc=$(grep -o 'http://[0-9.:]*' "$work/devnet.log")
fi

# cargo-stylus requires a rust-toolchain.toml naming a pinned toolchain;
# name the active one for the duration of this run (removed on exit).
if [ ! -f rust-toolchain.toml ]; then
    toolchain=$(rustup show active-toolchain 2>/dev/null | cut -d' ' -f1)
    printf '[toolchain]\nchannel = "%s"\n' "${toolchain:?rustup is needed}" > rust-toolchain.toml
fi

# The contracts' wasm32 build needs build-std (as scripts/build.sh). With
# the same profile, flags and build-std, cargo-stylus's `cargo build` finds
# in the shared target dir the programs scripts/build.sh compiled and does
# not compile them again; it reads the raw target/wasm32-unknown-unknown
# artifacts and runs its own wasm-opt (the size-gated copies stay in
# target/stylus).
export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort

# name:directory:package, in deployment order.
PROGRAMS=(trust:trust:ds-trust registry:registry/entry:ds-registry compliance:compliance/entry:ds-compliance
          comms:comms:ds-comms ds_token:token/entry:ds-token registry_admin:registry/admin:ds-registry-admin
          compliance_views:compliance/views:ds-compliance-views compliance_admin:compliance/admin:ds-compliance-admin
          compliance_config:compliance/config:ds-compliance-config compliance_hooks:compliance/hooks:ds-compliance-hooks
          token_admin:token/admin:ds-token-admin token_control:token/control:ds-token-control)

declare -A address
entries=()
for entry in "${PROGRAMS[@]}"; do
    IFS=: read -r name dir package <<< "$entry"
    args=()
    case $name in
        trust) args=(--constructor-args "$master") ;;
        registry | compliance | comms) args=(--constructor-args "${address[trust]}") ;;
        ds_token) args=(--constructor-args "${address[trust]}" "DS Token" DST 0) ;;
    esac
    echo "cargo-stylus-deploy: cargo stylus deploy $package"
    (cd "contracts/$dir" && "$CARGO" stylus deploy --no-verify --contract "$package" \
        --endpoint "$rpc" --private-key-path "$key_file" "${args[@]}") > "$work/$name.log" 2>&1 \
        || { cat "$work/$name.log" >&2; exit 1; }
    at=$(sed 's/\x1b\[[0-9;]*m//g' "$work/$name.log" | grep -o 'deployed code at address: 0x[0-9a-fA-F]*' | awk '{print $NF}')
    size=$(sed 's/\x1b\[[0-9;]*m//g' "$work/$name.log" | grep -o 'contract size: [^)]*)' | head -1)
    [ -n "$at" ] || { cat "$work/$name.log" >&2; exit 1; }
    address[$name]=$at
    entries+=("\"$name\": {\"address\": \"$at\"}")
    printf '%-17s %s  (%s)\n' "$name" "$at" "$size"
done

# `cargo stylus export-abi` prints the interfaces committed in abi/ (a
# single-program address's file, a program's own under abi/programs/).
for pair in trust:TrustService token/entry:programs/ds-token; do
    (cd "contracts/${pair%%:*}" && "$CARGO" stylus export-abi 2>/dev/null) > "$work/abi.sol"
    diff -u "abi/${pair#*:}.sol" "$work/abi.sol" \
        || { echo "cargo-stylus-deploy: cargo stylus export-abi differs from abi/${pair#*:}.sol" >&2; exit 1; }
done
echo "cargo-stylus-deploy: cargo stylus export-abi matches abi/TrustService.sol and abi/programs/ds-token.sol"

# The deployment file: addresses only (ds adds the chain id when it wires).
{
    printf '{\n  "contracts": {\n'
    (IFS=$'\n'; printf '%s\n' "${entries[*]}") | sed 's/^/    /; $!s/$/,/'
    printf '  }\n}\n'
} > "$out"

# Wire the services (ds keeps the recorded programs), then a first check.
unset RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD
"$ds" deploy --rpc "$rpc" --out "$out" --private-key-file "$key_file"
role=$("$ds" role get "$master" --rpc "$rpc" --deployment "$out")
[ "$role" = master ] || { echo "cargo-stylus-deploy: $master has role $role, not master" >&2; exit 1; }
# A first issuance on the suite cargo-stylus deployed.
D=(--rpc "$rpc" --deployment "$out" --private-key-file "$key_file")
alice=0x00000000000000000000000000000000000A11CE bob=0x0000000000000000000000000000000000000B0B
"$ds" compliance country US us "${D[@]}" > /dev/null
for investor in alice:$alice bob:$bob; do
    "$ds" investor register "${investor%%:*}" --country US --wallet "${investor#*:}" "${D[@]}" > /dev/null
    "$ds" investor attribute set "${investor%%:*}" kyc approved "${D[@]}" > /dev/null
done
"$ds" issue "$alice" 100 "${D[@]}" > /dev/null
check=$("$ds" check "$alice" "$bob" 10 "${D[@]}")
[ "$check" = "0 Valid" ] || { echo "cargo-stylus-deploy: preTransferCheck answered '$check'" >&2; exit 1; }
echo "cargo-stylus-deploy: suite deployed by cargo-stylus, wired by ds; master $master;" \
    "issued 100 to $alice; preTransferCheck($alice, $bob, 10): $check"
echo "cargo-stylus-deploy: deployment file $out"
