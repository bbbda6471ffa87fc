# One-word commands. `make demo` and `make test` are the README's two commands.
VENV ?= .venv
BIN = $(VENV)/bin
DEV = ../shared/eval/dev

.PHONY: install demo test lint eval bench clean

install:
	python3 -m venv $(VENV) && $(BIN)/pip install -q -e '.[dev]'

demo:
	python3 -m venv $(VENV) && $(BIN)/pip install -q -e . && $(BIN)/frontlines run examples/

test:
	python3 -m venv $(VENV) && $(BIN)/pip install -q -e '.[dev]' && $(BIN)/python -m pytest

lint:
	$(BIN)/ruff check src tests && $(BIN)/ruff format --check src tests && $(BIN)/mypy

eval:
	mkdir -p reports
	for f in $(DEV)/*.jsonl; do n=$$(basename $$f .jsonl); \
	  $(BIN)/frontlines eval $$f --report reports/$$n.json --errors reports/$$n.errors.jsonl; done

bench:
	$(BIN)/frontlines bench $(DEV)/boilerplate.jsonl

clean:
	rm -rf build dist reports *.egg-info .pytest_cache .mypy_cache .ruff_cache frontlines.db*
