# Everyday commands. Only Python >= 3.11 and make are needed: every target
# creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export HYPOTHESIS_PROFILE ?= ci

.PHONY: help demo test lint format types unit fuzz mutate bench bench-quick docs api clean

help:
	@echo "make demo   - install the package and run the demo on a local SQLite store"
	@echo "make test   - lint, type-check and run the whole test suite"
	@echo "make lint   - ruff check, ruff format --check and the layers contract (import-linter)"
	@echo "make format - apply ruff's fixes and formatting"
	@echo "make types  - mypy --strict on src/"
	@echo "make fuzz   - the property tests with the 'deep' hypothesis profile"
	@echo "make mutate - mutation testing of the rule modules (minutes; MODULES=theory ... for some)"
	@echo "make bench  - every speed target at 1,000 to 100,000 students, PASS/FAIL (docs/performance.md)"
	@echo "make bench-quick - the same at 1,000 and 10,000 students (under two minutes)"
	@echo "make docs   - run the code blocks of the docs"
	@echo "make api    - write docs/api.md from the code (tools/api_reference.py)"
	@echo "make clean  - remove .venv and caches"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "mbprogram needs Python >= 3.11; set PYTHON=python3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed-run

demo: $(VENV)/.installed-run
	$(BIN)/mbprogram demo

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests examples benchmarks tools
	$(BIN)/ruff format --check src tests examples benchmarks tools
	$(BIN)/lint-imports

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix src tests examples benchmarks tools
	$(BIN)/ruff format src tests examples benchmarks tools

types: $(VENV)/.installed-dev
	$(BIN)/mypy --strict src

unit: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

test: lint types unit

fuzz: $(VENV)/.installed-dev
	HYPOTHESIS_PROFILE=deep $(BIN)/python -m pytest

# Not part of `make test`: it runs the tests of each rule module once per mutant.
# docs/testing.md says how to read the report.
MODULES ?=
mutate: $(VENV)/.installed-dev
	$(BIN)/python tools/mutate.py --jobs 2 --fail-under 95 $(MODULES)

bench: $(VENV)/.installed-run
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/forecast.py

bench-quick: $(VENV)/.installed-run
	$(BIN)/python benchmarks/run.py --quick

docs: $(VENV)/.installed-dev
	$(BIN)/python -m pytest tests/test_docs.py

api: $(VENV)/.installed-dev
	$(BIN)/python tools/api_reference.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
