#!/usr/bin/env bash
# Installs cstui under PREFIX (default ~/.local): the release binary as bin/cstui, the shipped plugins and themes
# under share/cstui/, where the installed binary finds them (<exe dir>/../share/cstui). Run by `make install`.
#   PREFIX=/opt/cstui scripts/install.sh
#   BIN=.build/debug/cstui scripts/install.sh     installs that binary instead of building the release one
set -euo pipefail
# A relative BIN or PREFIX means relative to where this was started.
case "${BIN:-}" in ""|/*) ;; *) BIN="$PWD/$BIN" ;; esac
case "${PREFIX:-}" in ""|/*) ;; *) PREFIX="$PWD/$PREFIX" ;; esac
cd "$(dirname "$0")/.."
PREFIX="${PREFIX:-$HOME/.local}"
if [ -z "${BIN:-}" ]; then
    scripts/setup.sh
    swift build -c release --product cstui
    BIN="$(swift build -c release --show-bin-path)/cstui"
fi
if ! [ -x "$BIN" ]; then echo "cstui install: BIN=$BIN is not an executable file" >&2; exit 1; fi
share="$PREFIX/share/cstui"
install -d "$PREFIX/bin" "$share"
install -m 755 "$BIN" "$PREFIX/bin/cstui"
# The shipped plugins' JSON (plugins.json, schemas, each config.json and theme); Swift plugins are compiled in, so
# their sources stay behind. What an older install shipped is replaced, not merged.
for dir in plugins themes; do
    rm -rf "$share/$dir.new"
    mkdir -p "$share/$dir.new"
    tar -C "$dir" --exclude='*.swift' -cf - . | tar -C "$share/$dir.new" -xf -
    rm -rf "$share/$dir"
    mv "$share/$dir.new" "$share/$dir"
done
echo "installed $PREFIX/bin/cstui, $share/plugins and $share/themes"
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) echo "note: $PREFIX/bin is not on your PATH" ;; esac
