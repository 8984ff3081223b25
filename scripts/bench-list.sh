#!/usr/bin/env bash
# Listing everything, measured as users wait for it (issue 11; figures in BENCHMARKS.md).
# For each latency (default: 0 and 0.1 s per request), starts `cstui simulator --vms N --latency L`, then times in
# one run: the raw-fetch floor (SimulatorBench floor: signed pages, 4 in flight, bodies discarded), `cstui call
# listVirtualMachines listall=true --all-pages` in every format (with and without --filter), and exoscale's `cs`
# (fetch_list=true). Time is wall-clock seconds, memory the peak resident set (/usr/bin/time's %M).
#   scripts/bench-list.sh                       release build, 100,000 VMs, latencies 0 and 0.1
#   VMS=20000 LATENCIES="0 0.1" RUNS=3 scripts/bench-list.sh
#   CSTUI=/tmp/before/cstui SIM=.build/release/cstui BENCH=.build/release/SimulatorBench scripts/bench-list.sh
#                                               another cstui measured against this simulator and floor
set -euo pipefail
cd "$(dirname "$0")/.."
VMS="${VMS:-100000}"
LATENCIES="${LATENCIES:-0 0.1}"
RUNS="${RUNS:-1}"
PORT="${PORT:-18480}"
if [ -z "${CSTUI:-}" ] || [ -z "${BENCH:-}" ]; then
    swift build -c release --product cstui >&2
    swift build -c release --product SimulatorBench >&2
fi
CSTUI="${CSTUI:-$(swift build -c release --show-bin-path)/cstui}"
BENCH="${BENCH:-$(swift build -c release --show-bin-path)/SimulatorBench}"
# The simulator is the fixture, not what is measured: SIM may be a newer binary than CSTUI (its --latency).
SIM="${SIM:-$CSTUI}"
CS="${CS:-$(command -v cs || echo .build/venv/bin/cs)}"
if ! [ -x /usr/bin/time ]; then echo "bench-list: needs /usr/bin/time (apt-get install time)" >&2; exit 2; fi
work="$(mktemp -d)"
sim=""
cleanup() { [ -n "$sim" ] && kill "$sim" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# measure LABEL COMMAND…: prints "LABEL  seconds  MB" (stdout of the command discarded).
measure() {
    local label="$1"; shift
    for _ in $(seq "$RUNS"); do
        if /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err"; then
            read -r secs kb < "$work/time"
            printf "  %-58s %7.2f s  %6.0f MB  %s\n" "$label" "$secs" "$((kb / 1024))" "$(wc -c < "$work/out" | awk '{printf "%.1f MB out", $1/1e6}')"
        else
            printf "  %-58s FAILED: %s\n" "$label" "$(tail -c 300 "$work/err")"
        fi
    done
}

for latency in $LATENCIES; do
    rm -f "$work/creds.json"
    "$SIM" simulator --vms "$VMS" --port "$PORT" --latency "$latency" --print-credentials-json "$work/creds.json" > "$work/sim.log" 2>&1 &
    sim=$!
    for _ in $(seq 300); do [ -s "$work/creds.json" ] && break; sleep 0.1; done
    key="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin"]["apiKey"])' "$work/creds.json")"
    secret="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin"]["secretKey"])' "$work/creds.json")"
    endpoint="http://127.0.0.1:$PORT/client/api"
    export CLOUDSTACK_ENDPOINT="$endpoint" CLOUDSTACK_KEY="$key" CLOUDSTACK_SECRET="$secret"
    echo "== $VMS VMs, latency $latency s per request, pages of 500 ($("$CSTUI" --version 2>/dev/null || echo cstui) at $CSTUI)"
    for _ in $(seq "$RUNS"); do "$BENCH" floor "$endpoint" "$key" "$secret" 4 500 | sed 's/^/  /'; done
    call=("$CSTUI" call listVirtualMachines listall=true --all-pages)
    measure "cstui -o json" "${call[@]}" -o json
    measure "cstui -o csv" "${call[@]}" -o csv
    measure "cstui -o table" "${call[@]}" -o table
    measure "cstui -o json --filter id,name,state,zonename" "${call[@]}" -o json --filter id,name,state,zonename
    measure "cstui -o csv --filter id,name,state,zonename" "${call[@]}" -o csv --filter id,name,state,zonename
    measure "cstui -o table --filter id,name,state,zonename" "${call[@]}" -o table --filter id,name,state,zonename
    measure "cs listVirtualMachines listall=true fetch_list=true" "$CS" listVirtualMachines listall=true fetch_list=true
    kill "$sim"; wait "$sim" 2>/dev/null || true; sim=""
done
