#!/usr/bin/env bash
# Runs the Kiln server on a fresh machine too: installs what is missing, builds a release
# binary, then replaces this shell with `kiln serve`, passing every argument on.
# Without a database URL the server runs its embedded PostgreSQL under --data-dir
# (default ./.kiln, relative to the folder this script is started from).
set -euo pipefail

repository="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$repository/scripts/build-release.sh"
exec "$repository/.build/release/kiln" serve "$@"
