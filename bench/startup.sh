#!/usr/bin/env bash
# Start-up time and idle memory of Faultline with its shipped defaults (the ./faultline launcher).
# Usage: bench/startup.sh [later-start-runs]   Prints a Markdown table for docs/benchmarks.md.
#
# Measures, each time from the command to the first 200 from /_health/:
#   - the first start after a build (the launcher prepares its class cache, PostgreSQL is unpacked and initialized),
#   - the first start on a new data directory (class cache present),
#   - later starts (same data directory), median of N,
#   - the same later start through plain `java -jar target/faultline.jar`, for comparison;
# and the resident memory (RSS) of the JVM and of PostgreSQL's processes after 30 s idle.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. scripts/select-jdk.sh
select_jdk

work=$(mktemp -d)
server=""
trap '[ -z "$server" ] || kill -TERM "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
export PORT=$port

now() { date +%s.%N; }

# start <data-dir> <command...>: runs the server in the background and waits for health;
# sets $server (its pid) and $elapsed (seconds).
start() {
    local data=$1; shift
    local begin; begin=$(now)
    FAULTLINE_DATA_DIR="$data" "$@" >"$work/server.log" 2>&1 &
    server=$!
    until curl -sf "http://localhost:$port/_health/" >/dev/null 2>&1; do
        kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
        sleep 0.02
    done
    elapsed=$(printf "%.2f" "$(echo "$(now) - $begin" | bc)")
}

stop() {
    kill -TERM "$server"
    wait "$server" 2>/dev/null || true
}

rss_mb() { # RSS of one pid, in MB
    awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"
}

postgres_memory_mb() { # "RSS PSS" summed over the postmaster of a data directory and its children
    local postmaster; postmaster=$(head -n 1 "$1/postgres/postmaster.pid")
    { echo "$postmaster"; pgrep -P "$postmaster"; } | while read -r pid; do
        awk '/^Rss:/ {r = $2} /^Pss:/ {p = $2} END {print r, p}' "/proc/$pid/smaps_rollup"
    done | awk '{r += $1; p += $2} END {printf "%d %d", r / 1024, p / 1024}'
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

./mvnw -q -B -DskipTests package >/dev/null 2>&1
rm -rf target/app
start "$work/first" ./faultline; first_build=$elapsed; stop
start "$work/second" ./faultline; first_data=$elapsed; stop
: >"$work/later"; : >"$work/plain"
for _ in $(seq "$runs"); do start "$work/second" ./faultline; echo "$elapsed" >>"$work/later"; stop; done
for _ in $(seq "$runs"); do
    start "$work/second" "$JAVA_HOME/bin/java" -jar target/faultline.jar; echo "$elapsed" >>"$work/plain"; stop
done
later=$(median <"$work/later")
plain=$(median <"$work/plain")

start "$work/second" ./faultline
sleep 30
jvm_idle=$(rss_mb "$server")
read -r pg_rss pg_pss <<<"$(postgres_memory_mb "$work/second")"
stop
start "$work/second" "$JAVA_HOME/bin/java" -jar target/faultline.jar
sleep 30
plain_idle=$(rss_mb "$server")
stop

cat <<EOF
| measure | value |
|---|---|
| first start after a build (class cache training, PostgreSQL unpacked, cluster created) | ${first_build} s |
| first start on a new data directory | ${first_data} s |
| later start, median of ${runs} (\`./faultline\`) | ${later} s |
| later start, median of ${runs} (\`java -jar target/faultline.jar\`, no launcher defaults) | ${plain} s |
| JVM RSS idle 30 s after start (\`./faultline\`) | ${jvm_idle} MB |
| JVM RSS idle 30 s after start (\`java -jar\`, JVM defaults) | ${plain_idle} MB |
| PostgreSQL idle, summed over its processes: RSS (shared memory counted in each) / PSS | ${pg_rss} MB / ${pg_pss} MB |

JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; commit $(git rev-parse --short HEAD 2>/dev/null || echo none)
EOF
