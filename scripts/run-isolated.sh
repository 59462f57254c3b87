#!/usr/bin/env bash
# Runs a command with nothing beside the checkout, as on a user's fresh clone: in a private
# mount namespace the checkout's parent folder becomes an empty in-memory folder that holds only
# the checkout, so anything that reads a folder next to the repository fails instead of passing
# on this machine only. Nothing outside the namespace changes.
#
# The folder KILN_FHIR_DATA names stays readable, read-only, at a neutral path that the command
# receives in KILN_FHIR_DATA.
#
# Usage: scripts/run-isolated.sh COMMAND [ARG...]
#
# Needs util-linux `unshare` and the right to create a mount namespace (root has it).
# KILN_TEST_ISOLATION=off runs COMMAND as it is. When isolation cannot be set up, COMMAND runs
# without it and one line says so; under CI=true that is an error (exit 3).
set -euo pipefail

fail_or_run_plain() {
    if [[ "${CI:-}" == "true" ]]; then
        echo "run-isolated.sh: $1; CI must run the tests with nothing beside the checkout (set KILN_TEST_ISOLATION=off to run them anyway)" >&2
        exit 3
    fi
    echo "run-isolated.sh: $1; running without isolation, so reads outside the repository are not caught" >&2
    exec "$@"
}

# Inside the namespace: hide the parent folder, put the checkout and the data back, check, run.
if [[ "${1:-}" == "--inside" ]]; then
    shift
    checkout=$KILN_ISOLATION_CHECKOUT
    parent=$(dirname "$checkout")
    staging=$KILN_ISOLATION_STAGING
    mount --bind "$checkout" "$staging/checkout"
    if [[ -n "${KILN_FHIR_DATA:-}" ]]; then
        mount --bind "$KILN_FHIR_DATA" "$staging/fhir-data"
        mount -o remount,bind,ro "$staging/fhir-data"
        export KILN_FHIR_DATA="$staging/fhir-data"
    fi
    mount -t tmpfs -o mode=755,size=1m kiln-isolated "$parent"
    mkdir "$checkout"
    mount --move "$staging/checkout" "$checkout"
    beside=$(ls -A "$parent")
    if [[ "$beside" != "$(basename "$checkout")" ]]; then
        echo "run-isolated.sh: $parent still holds: $beside" >&2
        exit 3
    fi
    unset KILN_ISOLATION_CHECKOUT KILN_ISOLATION_STAGING
    cd "$checkout"
    exec "$@"
fi

if [[ $# -eq 0 ]]; then
    echo "usage: scripts/run-isolated.sh COMMAND [ARG...]" >&2
    exit 2
fi
if [[ "${KILN_TEST_ISOLATION:-}" == "off" ]]; then
    echo "run-isolated.sh: KILN_TEST_ISOLATION=off; running without isolation" >&2
    exec "$@"
fi

checkout=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
parent=$(dirname "$checkout")
[[ "$parent" != "/" ]] || fail_or_run_plain "the checkout sits at the root of the file system" "$@"
command -v unshare >/dev/null || fail_or_run_plain "unshare (util-linux) is not installed" "$@"

# What the command needs besides the checkout must not be in the folder that gets hidden.
staging_root=${TMPDIR:-/tmp}
needed=("$staging_root" "$HOME" "$(realpath "$(command -v swift 2>/dev/null || echo /usr/bin/swift)")")
[[ -n "${KILN_TEST_DATA_DIR:-}" ]] && needed+=("$KILN_TEST_DATA_DIR")
for path in "${needed[@]}"; do
    resolved=$(realpath -m "$path")
    if [[ "$resolved/" == "$parent/"* ]]; then
        fail_or_run_plain "$resolved is inside $parent, the folder that would be hidden" "$@"
    fi
done

fhir_data=""
if [[ -n "${KILN_FHIR_DATA:-}" ]]; then
    fhir_data=$(realpath "$KILN_FHIR_DATA") || { echo "run-isolated.sh: KILN_FHIR_DATA=$KILN_FHIR_DATA does not exist" >&2; exit 2; }
fi

# Mount points for the namespace; empty folders again once it ends.
staging=$(mktemp -d "$staging_root/kiln-isolated.XXXXXX")
chmod 755 "$staging"
mkdir "$staging/checkout" "$staging/fhir-data"
trap 'rmdir "$staging/checkout" "$staging/fhir-data" "$staging" 2>/dev/null || true' EXIT

if ! unshare --mount --propagation private true 2>/dev/null; then
    rmdir "$staging/checkout" "$staging/fhir-data" "$staging"
    trap - EXIT
    fail_or_run_plain "this machine does not allow a private mount namespace (unshare --mount)" "$@"
fi

echo "run-isolated.sh: running with nothing beside $checkout${fhir_data:+ (KILN_FHIR_DATA read-only)}" >&2
status=0
KILN_ISOLATION_CHECKOUT="$checkout" KILN_ISOLATION_STAGING="$staging" KILN_FHIR_DATA="$fhir_data" \
    unshare --mount --propagation private -- "$checkout/scripts/run-isolated.sh" --inside "$@" || status=$?
exit "$status"
