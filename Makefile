# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL := WARNING
export DASK_TEMPORARY_DIRECTORY := $(CURDIR)/.dask-tmp

.PHONY: run test bench clean setup format

format: $(STAMP)
	$(BIN)/ruff format pipeline flows tests scripts
	$(BIN)/ruff check --fix pipeline flows tests scripts

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,map]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/crisis-events run raw --out processed

test: $(STAMP)
	$(BIN)/ruff check pipeline flows tests scripts
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/crisis-events bench

clean:
	rm -rf $(VENV) processed/events processed/entries processed/rejects
