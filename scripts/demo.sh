#!/usr/bin/env bash
# The console on the embedded simulator, signed in as its admin; installs what is missing first (scripts/setup.sh).
# Extra arguments go to cstui: scripts/demo.sh --demo-vms 20000 --theme dark
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec swift run cstui --demo "$@"
