#!/usr/bin/env bash
# Stops every embedded PostgreSQL cluster recorded under a folder, without needing kiln itself
# (so it works after a crash, or before anything was built). A cluster is recorded by a
# data directory's postgres.json, which names its PGDATA, its programs and its owner.
#
# Usage: scripts/stop-clusters.sh [--remove] FOLDER
#   --remove   also delete each stopped cluster's folder, when it lies under FOLDER or in
#              /var/lib/kiln/clusters (where clusters of unreachable data directories go).
set -euo pipefail

remove=false
if [[ "${1:-}" == "--remove" ]]; then
    remove=true
    shift
fi
root="${1:?usage: scripts/stop-clusters.sh [--remove] FOLDER}"
[[ -d "$root" ]] || exit 0
root="$(cd "$root" && pwd)"
fallback_root="/var/lib/kiln/clusters"

# One string field of the record: the files are written one key per line by kiln.
field() {
    sed -n "s/^ *\"$2\" *: *\"\\(.*\\)\",\\{0,1\\}\$/\\1/p" "$1" | head -n 1
}

# Runs a command as the cluster's owner: directly when that is us, else through runuser.
as_owner() {
    local owner="$1"
    shift
    if [[ "$(id -un)" == "$owner" ]]; then
        "$@"
    else
        runuser -u "$owner" -- "$@"
    fi
}

status=0
# Records sit in data directories; cluster folders (named postgres) are not searched.
while IFS= read -r record; do
    pgdata="$(field "$record" pgData)"
    bindir="$(field "$record" binDirectory)"
    owner="$(field "$record" osUser)"
    cluster="$(field "$record" clusterDirectory)"
    if [[ -z "$pgdata" || -z "$bindir" || -z "$owner" ]]; then
        echo "stop-clusters: cannot read $record" >&2
        status=1
        continue
    fi
    if [[ -f "$pgdata/postmaster.pid" ]] && as_owner "$owner" "$bindir/pg_ctl" status -D "$pgdata" >/dev/null 2>&1; then
        echo "stop-clusters: stopping $pgdata"
        # A fast stop ends client connections and checkpoints; if that hangs, stop at once.
        if ! as_owner "$owner" "$bindir/pg_ctl" stop -D "$pgdata" -m fast -w -t 30 -s; then
            as_owner "$owner" "$bindir/pg_ctl" stop -D "$pgdata" -m immediate -w -t 30 -s || status=1
        fi
    fi
    if $remove && [[ -n "$cluster" ]]; then
        case "$cluster" in
            "$root"/* | "$fallback_root"/*) rm -rf -- "$cluster" ;;
            *) echo "stop-clusters: leaving $cluster in place (outside $root)" >&2 ;;
        esac
    fi
done < <(find "$root" -maxdepth 12 -name postgres -type d -prune -o -name postgres.json -type f -print)

# Safety net for servers without a readable record (a crash before it was written): any
# postmaster.pid left under the folder names a server; ask it to stop fast, then kill it.
while IFS= read -r pidfile; do
    pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || continue
    echo "stop-clusters: stopping server $pid of $(dirname "$pidfile")"
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.3
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
        status=1
    fi
done < <(find "$root" -maxdepth 14 -name postmaster.pid -type f -print)

exit $status
