#!/usr/bin/env bash
# Installs what Kiln needs on Debian or Ubuntu, and only what is missing:
#   - PostgreSQL's server programs (initdb, pg_ctl, postgres), for the embedded cluster that
#     `kiln serve` and the tests run;
#   - the system libraries and tools the Swift toolchain (in /opt/swift or on PATH) needs to
#     build and run Kiln;
#   - python3 with pip, and the Python packages authlib and requests (from PyPI, into the
#     python3 on PATH), for the OAuth client interop test (Tests/interop/smart_client.py).
#     Where that python3 is Debian's own (marked EXTERNALLY-MANAGED), pip is given
#     --break-system-packages, which installs into /usr/local, beside Debian's packages.
#
# Each need is checked by looking for the file, command or Python module itself, so a run on
# a machine that has everything takes well under a second and touches neither apt, pip nor
# the network.
# Usage: scripts/install-dependencies.sh [--check]
#   --check   only report what is missing; exit 1 if anything is.
set -euo pipefail

check_only=false
if [[ "${1:-}" == "--check" ]]; then
    check_only=true
fi

# Each entry: a test that succeeds when the need is met, then the Debian packages that meet
# it, alternatives separated by '|' (names differ between Debian and Ubuntu releases).
missing_packages=()

has_command() { command -v "$1" >/dev/null 2>&1; }
# The dynamic linker's list of libraries, read once (ldconfig is in /sbin, often off PATH).
library_cache="$({ ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null || true)"
has_library() { grep -q "[[:space:]]$1 " <<<"$library_cache"; }
has_file_matching() { compgen -G "$1" >/dev/null; }

# PostgreSQL server programs, where EmbeddedPostgres looks for them.
has_postgres_server() {
    if [[ -n "${KILN_POSTGRES_BIN:-}" && -x "$KILN_POSTGRES_BIN/initdb" ]]; then return 0; fi
    if has_command pg_config && [[ -x "$(pg_config --bindir 2>/dev/null)/initdb" ]]; then return 0; fi
    has_file_matching "/usr/lib/postgresql/*/bin/initdb"
}

need() {
    local description="$1" packages="$2"
    shift 2
    if ! "$@"; then
        echo "missing: $description (package ${packages//|/ or })"
        missing_packages+=("$packages")
    fi
}

need "PostgreSQL server"            "postgresql"              has_postgres_server
need "git (Swift package manager)"  "git"                     has_command git
need "C runtime objects for linking" "libc6-dev"              has_file_matching "/usr/lib/*-linux-gnu/crt1.o"
need "GCC runtime for linking"      "gcc"                     has_file_matching "/usr/lib/gcc/*-linux-gnu/*/crtbeginS.o"
need "C++ standard library"         "g++"                     has_file_matching "/usr/lib/gcc/*-linux-gnu/*/libstdc++.so"
need "libcurl (FoundationNetworking)" "libcurl4|libcurl4t64"  has_library libcurl.so.4
need "libxml2 (FoundationXML)"      "libxml2|libxml2-16"      has_library libxml2.so.2
need "SQLite (Swift package manager)" "libsqlite3-0"          has_library libsqlite3.so.0
need "ncurses (Swift toolchain)"    "libncurses6"             has_library libncurses.so.6
need "zlib"                         "zlib1g"                  has_library libz.so.1
need "libuuid"                      "libuuid1"                has_library libuuid.so.1
need "time zone data (Foundation)"  "tzdata"                  test -e /usr/share/zoneinfo/UTC
need "python3 (interop tests)"      "python3"                 has_command python3

# Python modules, looked up without importing them (one interpreter start for all).
python_modules_missing() {
    has_command python3 || { echo "$@"; return; }
    python3 -c 'import importlib.util, sys; print(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))' "$@"
}
missing_python=()
for module in $(python_modules_missing pip authlib requests); do
    if [[ "$module" == pip ]]; then
        echo "missing: pip for python3 (package python3-pip)"
        missing_packages+=("python3-pip")
    else
        echo "missing: Python package $module (pip)"
        missing_python+=("$module")
    fi
done

if [[ ${#missing_packages[@]} -eq 0 && ${#missing_python[@]} -eq 0 ]]; then
    echo "install-dependencies: everything Kiln needs is present."
    exit 0
fi
if $check_only; then
    exit 1
fi

# Installs the missing Python packages with the python3 on PATH (the one the tests run).
install_python_packages() {
    local extra=()
    if python3 -c 'import os, sys, sysconfig; sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")) else 1)'; then
        extra=(--break-system-packages)
    fi
    echo "install-dependencies: pip installing ${missing_python[*]}"
    python3 -m pip install --quiet --disable-pip-version-check "${extra[@]}" "${missing_python[@]}"
}

if [[ ${#missing_packages[@]} -eq 0 ]]; then
    install_python_packages
    exit 0
fi

if ! has_command apt-get; then
    echo "install-dependencies: this is not a Debian or Ubuntu system; install the packages above (or their equivalents) by hand." >&2
    exit 1
fi

# Root installs directly; others through sudo when there is one.
if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif has_command sudo; then
    as_root=(sudo)
else
    echo "install-dependencies: not root and no sudo; as root, run:" >&2
    echo "  apt-get update && apt-get install -y ${missing_packages[*]//|*/}" >&2
    exit 1
fi

# The package lists may be absent or stale on a fresh machine: refresh them once.
"${as_root[@]}" apt-get update -qq

# Of each set of alternatives, the first that this release offers.
chosen=()
for alternatives in "${missing_packages[@]}"; do
    IFS='|' read -r -a names <<<"$alternatives"
    pick="${names[0]}"
    for name in "${names[@]}"; do
        policy="$(apt-cache policy "$name" 2>/dev/null || true)"
        if grep -q "Candidate: [^(]" <<<"$policy"; then
            pick="$name"
            break
        fi
    done
    chosen+=("$pick")
done

echo "install-dependencies: installing ${chosen[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${chosen[@]}"
if [[ ${#missing_python[@]} -gt 0 ]]; then
    install_python_packages
fi
