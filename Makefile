# Everything runs in .venv, created from pyproject.toml and constraints.txt on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Every install takes its versions from constraints.txt (`make constraints` renews it), and
# builds with the pinned setuptools in the venv rather than whatever is newest that day.
INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --constraint constraints.txt
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck bench fuzz wheel wheel-test oldest constraints clean

$(RUNTIME): pyproject.toml constraints.txt gxcheck/__init__.py bin/gxcheck  # the version is read from __init__.py
	$(PYTHON) -m venv $(VENV)
	$(INSTALL) pip setuptools
	$(INSTALL) --no-build-isolation --editable .
	touch $@

$(STAMP): $(RUNTIME)
	$(INSTALL) --no-build-isolation --editable '.[test]'
	touch $@

demo: $(RUNTIME)  ## the real 2024 scorecard (for reading: a missed target does not fail the demo)
	$(BIN)/gxcheck score actuals/2024.csv --fail-on never

test: $(STAMP)  ## the whole suite: lint, format, types (gxcheck and tests), tests
	$(BIN)/ruff check gxcheck tests
	$(BIN)/ruff format --check gxcheck tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

wheel: $(RUNTIME)  ## build dist/gxcheck-VERSION-py3-none-any.whl and the sdist
	rm -rf dist build gxcheck.egg-info
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .
	$(BIN)/python -c "from setuptools import build_meta as b; b.build_sdist('dist')" >/dev/null
	rm -rf build gxcheck.egg-info  # a stale egg-info here would shadow .venv's metadata

wheel-test: wheel  ## install the wheel in a clean venv and run it outside the repository
	PYTHON=$(PYTHON) bash .ci/wheel-test dist; status=$$?; rm -rf build gxcheck.egg-info; exit $$status

oldest: $(STAMP)  ## the suite with the oldest release of each runtime requirement (.ci/oldest)
	PYTHON=$(PYTHON) bash .ci/oldest

bench: $(STAMP)  ## speed against floors measured in the same run (about two minutes; see bench/README.md)
	$(BIN)/python bench/run.py

fuzz: $(STAMP)  ## the loaders' and the drafter's fuzz tests with 10,000 examples each (a few minutes)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py \
		tests/test_draft_cli.py::test_any_text_drafts_a_valid_file_or_says_there_is_nothing -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check gxcheck tests
	$(BIN)/ruff format --check gxcheck tests

typecheck: $(STAMP)
	$(BIN)/mypy

constraints:  ## re-pin constraints.txt to the newest releases; then make test and read the diffs
	rm -rf .venv-pin
	$(PYTHON) -m venv .venv-pin
	.venv-pin/bin/python -m pip install --quiet --upgrade pip setuptools
	# tomli and exceptiongroup are only needed before Python 3.11: installed here to be pinned too.
	.venv-pin/bin/python -m pip install --quiet '.[test]' tomli exceptiongroup
	{ sed -n '/^#/p' constraints.txt; .venv-pin/bin/python -m pip freeze --all --exclude gxcheck; } > constraints.new
	mv constraints.new constraints.txt
	rm -rf .venv-pin

clean:
	rm -rf $(VENV) .venv-oldest .venv-pin build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
