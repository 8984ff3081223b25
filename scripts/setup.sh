#!/usr/bin/env bash
# Installs what cstui needs and lacks, on a Debian or Ubuntu machine that has Swift. Called by scripts/demo.sh,
# scripts/test.sh and scripts/install.sh; safe to run again (it installs only what is missing).
#   scripts/setup.sh          libncurses-dev (the console's curses headers)
#   scripts/setup.sh --tests  also tmux and make (the end-to-end tests drive the console in tmux and run
#                             `make install`), and the Python test tools in .build/venv (scripts/test-requirements.txt)
# System packages come from apt: directly when run as root, through sudo otherwise. With neither, it prints the one
# command to run as root and exits 1. Python packages go into the virtual environment .build/venv, never the system
# Python (Debian's and Ubuntu's refuse a system pip install anyway); scripts/test.sh puts .build/venv/bin first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'cstui setup: %s\n' "$*" >&2; }

tests=no
case "${1:-}" in
    "") ;;
    --tests) tests=yes ;;
    *) say "unknown option '$1' (usage: scripts/setup.sh [--tests])"; exit 64 ;;
esac

if ! command -v swift >/dev/null 2>&1; then
    say "swift is not on PATH: install Swift 6.3 (https://www.swift.org/install/linux/), then run this again"
    exit 1
fi

# apt_install PACKAGE...: as root, through sudo, or prints the command for root and exits 1.
apt_install() {
    local cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $*"
    if ! command -v apt-get >/dev/null 2>&1; then
        say "missing: $*. This script installs with apt (Debian/Ubuntu); install the equivalent packages, then run it again"
        exit 1
    fi
    if [ "$(id -u)" = 0 ]; then
        say "installing $* (apt)"
        sh -c "$cmd"
    elif command -v sudo >/dev/null 2>&1; then
        say "installing $* (apt); that needs root, so through sudo"
        sudo sh -c "$cmd"
    else
        say "missing: $*. Installing them needs root, and sudo is not here. Run as root:"
        printf '    %s\n' "$cmd" >&2
        say "then run this again"
        exit 1
    fi
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
installed libncurses-dev || missing+=(libncurses-dev)
if [ "$tests" = yes ]; then
    command -v tmux >/dev/null 2>&1 || missing+=(tmux)
    command -v make >/dev/null 2>&1 || missing+=(make)
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    # Debian's python3 comes without the venv module's pip (ensurepip); python3-venv brings it.
    if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then missing+=(python3-venv); fi
fi
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
[ "$tests" = yes ] || exit 0

# The Python test tools: moto's S3 server, exoscale's `cs` (a CloudStack client that is not ours), jsonschema,
# Apache libcloud. Checked by importing them with the venv's python, installed when any is missing.
venv=.build/venv
tools='import moto.server, flask, cs, jsonschema, libcloud'
if [ -x "$venv/bin/python3" ] && "$venv/bin/python3" -c "$tools" >/dev/null 2>&1; then exit 0; fi
if ! [ -x "$venv/bin/python3" ] || ! "$venv/bin/python3" -c 'import pip' >/dev/null 2>&1; then
    say "creating the test tools' virtual environment in $venv"
    rm -rf "$venv"
    mkdir -p .build
    python3 -m venv "$venv"
fi
say "installing the Python test tools into $venv (scripts/test-requirements.txt)"
PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python3" -m pip install --quiet -r scripts/test-requirements.txt
"$venv/bin/python3" -c "$tools"
