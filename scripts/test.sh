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
swift build --build-tests
if [ $# -gt 0 ]; then
    exec swift test --skip-build "$@"
fi
swift test --skip-build --skip EndToEndTests
swift test --skip-build --filter EndToEndTests
