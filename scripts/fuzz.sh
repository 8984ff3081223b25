#!/bin/sh
# Runs the fuzz tests longer than `swift test` does: SECONDS per fuzz target (default 60). CSTUI_FUZZ_SEED picks
# another seed. Each target prints how many iterations it ran ("fuzz <name>: N iterations, seed S, T s").
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-60}"
log="$(mktemp /tmp/cstui-fuzz.XXXXXX)"
swift build --build-tests >"$log" 2>&1 || { tail -30 "$log"; exit 1; }
status=0
CSTUI_FUZZ_SECONDS="$seconds" swift test --skip-build --filter FuzzTests >"$log" 2>&1 || status=$?
grep -E '^fuzz |Test run with|recorded an issue' "$log" || true
[ "$status" -eq 0 ] || echo "fuzz tests failed (exit $status); full log: $log"
exit "$status"
