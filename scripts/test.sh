#!/usr/bin/env bash
# Runs every test of Kiln, on a fresh machine too: installs what is missing, builds, runs
# `swift test` against a throwaway PostgreSQL cluster, and always removes that cluster.
# Arguments are passed to `swift test` (e.g. --filter EmbeddedPostgres).
# Exits with swift test's status.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-dependencies.sh
swift build --build-tests

# The tests start (or attach to) the cluster recorded in this folder. It must be traversable
# by the unprivileged user PostgreSQL runs as when we are root; mktemp makes it private.
KILN_TEST_DATA_DIR="$(mktemp -d /tmp/kiln-test.XXXXXX)"
chmod 755 "$KILN_TEST_DATA_DIR"
export KILN_TEST_DATA_DIR

# Whatever happens to the tests (failure, crash, Ctrl-C), stop every cluster they started
# under that folder and delete it; a folder whose servers would not stop is kept, and named.
cleanup() {
    if scripts/stop-clusters.sh --remove "$KILN_TEST_DATA_DIR"; then
        rm -rf -- "$KILN_TEST_DATA_DIR"
    else
        echo "test.sh: a test cluster did not stop cleanly; kept $KILN_TEST_DATA_DIR" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The tests run with nothing beside the checkout (scripts/run-isolated.sh): a test that reads
# a folder next to the repository fails here as it would on a user's clone.
# The compiler round trips read the full FHIR packages from KILN_FHIR_DATA when it is set, and
# are reported as skipped when it is not.
status=0
log="$KILN_TEST_DATA_DIR/swift-test.log"
scripts/run-isolated.sh swift test "$@" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}

# One plain closing line: Swift Testing's own summary (parallel output can split the per-test
# lines, so they are not counted), the tests that failed and those that did not run, by name.
summary=$(grep -o 'Test run with [0-9]* tests\{0,1\} in [0-9]* suites\{0,1\} [a-z]*' "$log" | tail -n 1 || true)
failed=$(grep '^✘ Test .* failed after' "$log" | grep -vc 'Test run with' || true)
skipped=$(sed -n 's/^.*➜ Test \(.*\) skipped: .*$/\1/p' "$log" | sort -u || true)
not_run=$(printf '%s' "$skipped" | grep -c . || true)
echo "Kiln tests: ${summary#Test run with }${summary:+, }${failed} failed, ${not_run} not run${skipped:+: $(printf '%s' "$skipped" | paste -sd, - | sed 's/,/, /g')}"
if [[ -n "$skipped" && -z "${KILN_FHIR_DATA:-}" ]]; then
    echo "Kiln tests: the tests not run need KILN_FHIR_DATA, a fhir-data folder (see Tests/Fixtures/README.md)"
fi
exit "$status"
