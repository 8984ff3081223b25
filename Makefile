# cstui: `make demo`, `make test` (the same as scripts/demo.sh and scripts/test.sh) and `make install`.
# make install [PREFIX=~/.local] [BIN=path/to/a/built/cstui]: the release binary (or BIN) and the shipped plugins
# and themes, under $(PREFIX)/bin and $(PREFIX)/share/cstui.
PREFIX ?= $(HOME)/.local
BIN ?=

.PHONY: demo test install uninstall

demo:
	scripts/demo.sh

test:
	scripts/test.sh

install:
	PREFIX="$(PREFIX)" BIN="$(BIN)" scripts/install.sh

uninstall:
	rm -f "$(PREFIX)/bin/cstui"
	rm -rf "$(PREFIX)/share/cstui"
