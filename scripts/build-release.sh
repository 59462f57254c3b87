#!/usr/bin/env bash
# Builds the release `kiln` binary (.build/release/kiln) after installing what is missing.
# Used by scripts/serve.sh and docker/Dockerfile, so every way of running Kiln builds it alike.
set -euo pipefail

repository="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$repository/scripts/install-dependencies.sh"
swift build -c release --product kiln --package-path "$repository"
