#!/usr/bin/env bash
# The tests: installs what is missing first (scripts/setup.sh --tests: libncurses-dev, tmux, make, and the Python
# test tools in .build/venv, which go first on PATH so the tests' `python3` is the venv's), then builds once and runs
# them in two passes. The end-to-end tests drive real terminals and processes and wait in real time; run beside the
# other 460 on two cores they starve them of threads, and the simulator checks that read a job's transitional state
# (Migrating, Resizing) then see it already over. Apart, each pass is quick and steady.
# With arguments, one pass with those `swift test` options instead: scripts/test.sh --filter PluginsCommandTests
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
export PATH="$PWD/.build/venv/bin:$PATH"
# The tests run dozens of simulators, servers and clients at once in one process: more than the 1,024 open files a
# normal account's soft limit allows (root's is often higher, which is why CI as root never saw it). Raise the soft
# limit to the hard one, which needs no privilege.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 4096 ]; then
    echo "cstui tests: only $(ulimit -n) open files are allowed (ulimit -Hn); the tests need about 4096. Raise the hard limit (limits.conf) and run again." >&2
fi
swift build --build-tests
if [ $# -gt 0 ]; then
    exec swift test --skip-build "$@"
fi
swift test --skip-build --skip EndToEndTests
swift test --skip-build --filter EndToEndTests
