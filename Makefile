# The README's commands. `make site` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: site test validate serve clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

validate: $(STAMP)
	$(BIN)/sphub validate

# `sphub build` builds into a fresh folder and swaps it in only when the whole build
# succeeded: a failed or interrupted build leaves the previous site/ as it was.
site: validate
	$(BIN)/sphub build

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf site .site-*
