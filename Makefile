# The README's commands. `make site` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

# Material 9.7 prints a banner about MkDocs 2.0 on every run; we pin MkDocs 1.6.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test validate serve clean bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

validate: $(STAMP)
	$(BIN)/sphub validate

# Build into a fresh folder and swap it in only when the whole build succeeded: a failed
# build leaves the previous site/ as it was.
site: validate
	rm -rf .site-new .site-old
	$(BIN)/mkdocs build --strict --quiet --site-dir .site-new
	if [ -d site ]; then mv site .site-old; fi
	mv .site-new site && rm -rf .site-old
	@echo "Built site/ ($$(find site -name '*.html' | wc -l) HTML pages)."

# --dirty: after an edit only the changed pages are built again (hooks/sphub_hooks.py says
# which); a full build of every page takes seconds. sphub/bench/run.py uses the same options.
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dirty --no-strict

test: $(STAMP)
	$(BIN)/python -m pytest

# Not part of `make test`: builds S and M scale sites several times (about 15 minutes) and
# rewrites docs/performance.md. `$(BIN)/python -m sphub.bench --profile S` profiles one build.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python -m sphub.bench

clean:
	rm -rf site .site-new .site-old .bench
