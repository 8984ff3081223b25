#!/usr/bin/env bash
# The tests, built once and run in two passes. The end-to-end tests drive real terminals and processes and wait in
# real time; run beside the other 460 on two cores they starve them of threads, and the simulator checks that read a
# job's transitional state (Migrating, Resizing) then see it already over. Apart, each pass is quick and steady.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build --skip EndToEndTests
swift test --skip-build --filter EndToEndTests
