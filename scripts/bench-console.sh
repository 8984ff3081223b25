#!/usr/bin/env bash
# Terminal-level figures of the console, measured on the release binary inside tmux:
#   bytes written to the terminal when the cursor moves one row (tmux pipe-pane records what cstui writes),
#   time from start to the first complete dashboard with --demo,
#   peak memory (VmHWM) with 100,000 VMs loaded: console plus in-process simulator, and the console alone.
#   with the simulator in another process: the raw-fetch floor (SimulatorBench floor), then the console's time to
#   its first screen of Instances and to all 100,000 rows, and its peak memory.
# Usage: scripts/bench-console.sh   (builds the release cstui and SimulatorBench first)
#        CSTUI=/path/to/cstui BENCH=/path/to/SimulatorBench scripts/bench-console.sh   (another build, as is)
#        ONLY=alone scripts/bench-console.sh   (just the console-alone part; ONLY=bytes: just the dashboard and bytes)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CSTUI:-}" ]; then
    swift build -c release --product cstui >/dev/null
    swift build -c release --product SimulatorBench >/dev/null
fi
BIN="${CSTUI:-$PWD/.build/release/cstui}"
BENCH="${BENCH:-$PWD/.build/release/SimulatorBench}"
SIM="${SIM:-$BIN}"
SOCK="cstui-bench-$$"
OUT="$(mktemp -d)"
tm() { tmux -L "$SOCK" "$@"; }
cleanup() { tm kill-server 2>/dev/null || true; [ -n "${SIM_PID:-}" ] && kill "$SIM_PID" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT
wait_for() { # text timeout-seconds
    local end=$(( $(date +%s%N) + ${2:-60} * 1000000000 ))
    while [ "$(date +%s%N)" -lt "$end" ]; do
        tm capture-pane -p -t b | grep -qF -- "$1" && return 0
        sleep 0.02
    done
    echo "timed out waiting for: $1" >&2; tm capture-pane -p -t b >&2; return 1
}
start_session() { # width height command
    # A server killed a moment ago can still hold its socket: try again rather than fail the run.
    for _ in 1 2 3 4 5; do
        tm -f /dev/null new-session -d -s b -x "$1" -y "$2" "env TERM=xterm-256color LANG=C.UTF-8 bash --norc --noprofile" 2>/dev/null && break
        sleep 0.5
    done
    tm set-option -g window-size manual
}

if [ "${ONLY:-}" != "alone" ]; then
# 1. Time to the first complete dashboard (the latest events are its last part to arrive).
start_session 80 24
t0=$(date +%s%N)
tm send-keys -t b "$BIN --demo --demo-vms 5000" Enter
wait_for "Latest events" 60
t1=$(date +%s%N)
echo "first complete dashboard with --demo (5,000 VMs): $(( (t1 - t0) / 1000000 )) ms (polled every 20 ms)"

# 2. Bytes per cursor move on Instances at 80x24.
tm send-keys -t b ":instances" Enter
wait_for "5,000 rows" 60
sleep 0.5
tm pipe-pane -t b -o "cat > $OUT/bytes"
sleep 0.3
for i in $(seq 1 20); do tm send-keys -t b j; sleep 0.05; done
sleep 0.5
tm pipe-pane -t b
bytes=$(stat -c %s "$OUT/bytes")
[ -n "${KEEP_BYTES:-}" ] && cp "$OUT/bytes" "$KEEP_BYTES"
echo "bytes written per one-row cursor move, 80x24: $(( bytes / 20 )) (20 moves, $bytes bytes)"
tm pipe-pane -t b -o "cat > $OUT/redraw"
sleep 0.3
tm send-keys -t b C-l 2>/dev/null || true
tm send-keys -t b ":dashboard" Enter
sleep 1
tm pipe-pane -t b
echo "for comparison, switching to the dashboard (a full redraw): $(stat -c %s "$OUT/redraw") bytes"
tm send-keys -t b C-c
sleep 1
tm kill-server
[ "${ONLY:-}" = bytes ] && exit 0

# 3. Peak memory with 100,000 VMs loaded.
start_session 200 50
tm send-keys -t b "$BIN --demo --demo-vms 100000" Enter
wait_for "Latest events" 120
tm send-keys -t b ":instances" Enter
t2=$(date +%s%N)
wait_for "100,000 rows" 300
t3=$(date +%s%N)
pid=$(pgrep -f "$BIN --demo --demo-vms 100000" | head -1)
echo "all 100,000 VMs listed in the console (release, in-process simulator): $(( (t3 - t2) / 1000000 )) ms"
echo "peak memory, console + in-process simulator, 100,000 VMs loaded: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$pid/status)"
tm send-keys -t b C-c
sleep 1
tm kill-server

fi

"$SIM" simulator --port 0 --vms 100000 --print-credentials-json "$OUT/creds.json" > "$OUT/sim.log" 2>&1 &
SIM_PID=$!
for i in $(seq 1 100); do grep -q "listening on" "$OUT/sim.log" 2>/dev/null && break; sleep 0.1; done
endpoint=$(grep -o 'http://127.0.0.1:[0-9]*/client/api' "$OUT/sim.log" | head -1)
key=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['admin']['apiKey'])" "$OUT/creds.json")
secret=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['admin']['secretKey'])" "$OUT/creds.json")
"$BENCH" floor "$endpoint" "$key" "$secret" 4 500
start_session 200 50
tm send-keys -t b "CLOUDSTACK_ENDPOINT=$endpoint CLOUDSTACK_KEY=$key CLOUDSTACK_SECRET=$secret $BIN" Enter
wait_for "Latest events" 120
tm send-keys -t b ":instances" Enter
t4=$(date +%s%N)
wait_for " of 100,000" 300
t5=$(date +%s%N)
wait_for "100,000 rows" 300
t6=$(date +%s%N)
echo "console alone: first screen of Instances $(( (t5 - t4) / 1000000 )) ms, all 100,000 VMs listed $(( (t6 - t4) / 1000000 )) ms (polled every 20 ms)"
pid=$(pgrep -f "^$BIN\$" | head -1)
echo "peak memory, console alone (simulator in another process), 100,000 VMs loaded: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$pid/status)"
tm send-keys -t b C-c
sleep 1
