# Two commands do all the set-up: `make demo` runs the demo, `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench screenshots
demo: $(VENV)/.installed
	$(BIN)/careerset demo

# Tests write bytecode caches even where PYTHONDONTWRITEBYTECODE is set: without them every
# pytest worker rewrites the asserts of each plugin module again, and every `careerset`
# subprocess a test starts compiles the package again.
test: export PYTHONDONTWRITEBYTECODE =
test: $(VENV)/.installed
	bash scripts/ensure-chromium.sh
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports
	# mypy runs inside the suite (tests/layering/test_types.py), beside the other tests.
	# The suite on every core (pytest-xdist). The CLI and web tests that touch SQL (marked
	# `sql`: server, imports, writes, access) run on SQLite and on PostgreSQL, as does the store
	# suite. The server load and fault tests then run alone, as their latency figures mean
	# nothing while other tests share the machine.
	$(BIN)/pytest -n auto --dist worksteal --ignore=tests/server
	$(BIN)/pytest tests/server

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks

screenshots: $(VENV)/.installed
	bash scripts/ensure-chromium.sh
	$(BIN)/python scripts/screenshots.py

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@
