# Everything runs in .venv, created from pyproject.toml on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' --config-settings editable_mode=compat
	touch $(STAMP)

demo: $(STAMP)  ## the real 2024 scorecard (for reading: a missed target does not fail the demo)
	$(BIN)/gxcheck score actuals/2024.csv --fail-on never

test: $(STAMP)  ## the whole suite: lint, types, tests
	$(BIN)/ruff check gxcheck tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)  ## speed against floors measured in the same run (about two minutes; see bench/README.md)
	$(BIN)/python bench/run.py

fuzz: $(STAMP)  ## the loaders' fuzz tests with 10,000 examples each (a few minutes)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check gxcheck tests
	$(BIN)/ruff format --check gxcheck tests

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
