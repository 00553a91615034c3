#!/usr/bin/env bash
# Ingest load benchmark (issue 6): starts a fresh Faultline with its shipped defaults (./faultline, embedded
# PostgreSQL in a temporary data directory) and drives it with the load generator in bench/.
# Usage: bench/run.sh [quick|full] [generator options, e.g. --burst --connections 64 --seed-events 1000000,
# or --start-rate 400 --warmup 40 to warm up and start the steps at 400 events/s, or --m1 1400 --steady 30 to skip the
# search for M1 and measure 30 s phases at 700 and 1,400 events/s]
# Prints a Markdown report (stdout); progress goes to stderr, the server's log to $FAULTLINE_BENCH_LOG if set.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-quick}
shift || true
. scripts/select-jdk.sh
select_jdk

./mvnw -q -B -f bench/pom.xml package >/dev/null
work=$(mktemp -d)
server=""
trap '[ -z "$server" ] || kill -TERM "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
log=${FAULTLINE_BENCH_LOG:-$work/server.log}

# ./faultline builds the jar when the sources changed, then execs the JVM: $! is the server's JVM.
PORT=$port FAULTLINE_DATA_DIR="$work/data" INITIAL_USER_EMAIL=bench@example.com \
    INITIAL_USER_PASSWORD="bench-$token" INITIAL_USER_AUTH_TOKEN="$token" ./faultline >"$log" 2>&1 &
server=$!
until curl -sf "http://localhost:$port/_health/" >/dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || { tail -n 50 "$log" >&2; exit 1; }
    sleep 0.2
done

echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); command: bench/run.sh $mode $*; commit $(git rev-parse --short HEAD);" \
    "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB," \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$JAVA_HOME/bin/java" -jar bench/target/faultline-bench.jar --mode "$mode" --url "http://127.0.0.1:$port" \
    --token "$token" --data-dir "$work/data" --server-pid "$server" "$@"
