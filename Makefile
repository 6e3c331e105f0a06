# The README's commands. `make site` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

# Material 9.7 prints a banner about MkDocs 2.0 on every run; we pin MkDocs 1.6.
export NO_MKDOCS_2_WARNING := 1

# ENGINE=mkdocs (the default), properdocs or zensical: the engine `sphub build` runs.
ENGINE ?= mkdocs
export ENGINE

.PHONY: site test check validate serve edit editor clean offline bench

# The browser editor (Decap CMS): its one published bundle, from the npm registry at the
# version and integrity pinned in package.json, into node_modules/decap-cms/ (6.5 MB; not
# its 400-odd build dependencies). sphub/editor/install.py; assets.py serves and ships it.
EDITOR := node_modules/decap-cms/.installed-$(shell cksum package.json | cut -d' ' -f1)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

$(EDITOR): package.json $(STAMP)
	@command -v npm >/dev/null || { echo "npm is missing: it installs the browser editor (Debian: apt-get install nodejs npm)" >&2; exit 1; }
	$(BIN)/python -m sphub.editor.install .
	touch $@

editor: $(EDITOR)

validate: $(STAMP)
	$(BIN)/sphub validate

# `sphub build` builds into a fresh folder and swaps it in only when the whole build
# succeeded: a failed or interrupted build leaves the previous site/ as it was.
# `make site SITE_DIR=folder` builds into another folder than site/ (the tests' shared build).
site: validate editor
	$(BIN)/sphub build $(if $(SITE_DIR),--site-dir $(SITE_DIR))

# The site for a USB stick: built with Material's offline plugin, zipped into dist/.
offline: validate
	rm -rf .site-offline
	SPHUB_OFFLINE=true $(BIN)/sphub build --config-file mkdocs-offline.yml --site-dir .site-offline
	$(BIN)/python -m sphub.outputs.offline .site-offline dist/sphub-site-offline.zip
	rm -rf .site-offline

# The preview skips the PDF guide to stay fast.
# After an edit only the pages whose text changed are built again (sphub/engines/preview.py).
# `make serve VERBOSE=1` shows every message of MkDocs and its macros.
serve: $(STAMP)
	$(BIN)/sphub serve $(if $(VERBOSE),--verbose)

# The preview with the browser editor: http://127.0.0.1:8000/admin/ edits data/ in forms; each
# save is checked like `make validate` before it is written (EDITING.md).
edit: $(STAMP) editor
	$(BIN)/sphub serve --edit

# The tests' scratch folders (copies of data/, hostile files, built sites) in memory where the
# machine has a memory file system with room (/dev/shm, 2 GB free), else in the system's
# temporary folder: the unit tests write about 110 MB (copies of data/, hostile files), which
# took 10-11 s of kernel time on this machine's disk and 2.3 s in memory. A passed test's
# folder is removed when it ends; a failed one's is kept for a look.
SCRATCH := $(shell [ "$$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ -w /dev/shm ] && \
	[ "$$(df --output=avail -B1G /dev/shm | tail -n 1)" -ge 2 ] && echo /dev/shm)
SCRATCH_ENV := $(if $(SCRATCH),TMPDIR=$(SCRATCH))

# The whole suite: unit, build, pdf, fuzz and browser tests, in one process per core; each
# test module in one process (its fixtures are made once), and the shipped site built once
# per run (by `make site`) and shared by the processes; the longest modules
# are handed out first, so that neither process ends the run alone (tests/conftest.py).
# `$(BIN)/python -m pytest -m build` runs one tier, in one process.
test: $(STAMP) editor
	$(SCRATCH_ENV) $(BIN)/python -m pytest -n auto --dist loadfile -o tmp_path_retention_policy=failed

# The quick loop, after every change: lint, formatting, the import contracts, the unit tests
# (tests/unit/, which builds nothing), in one process per core; without Hypothesis' plugin
# (the fuzz tier's), which took a second to load in each process.
check: $(STAMP)
	@start=$$(date +%s%N); \
	$(BIN)/ruff check sphub tests benchmarks && \
	$(BIN)/ruff format --check --quiet sphub tests benchmarks && \
	$(BIN)/lint-imports --no-cache | tail -n 1 && \
	$(SCRATCH_ENV) $(BIN)/python -m pytest -q -n auto -p no:cacheprovider -p no:hypothesispytest \
	  -o tmp_path_retention_policy=failed tests/unit && \
	{ tenths=$$(( ($$(date +%s%N) - start) / 100000000 )); \
	  echo "make check passed in $$((tenths / 10)).$$((tenths % 10)) s"; }

# Not part of `make test`: builds S and M scale sites several times (about 15 minutes) and
# rewrites docs/performance.md. `$(BIN)/python -m benchmarks --profile S` profiles one build.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python -m benchmarks

clean:
	rm -rf site .site-* dist .bench
