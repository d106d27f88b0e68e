# worldwire: `make demo` runs the main job, `make test` runs every check. Both set themselves up.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup system demo test check eval bench golden clean

# The demo needs only worldwire's own dependencies; the checks add the dev tools, Spark and Playwright.
$(VENV)/.runtime: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $@

$(VENV)/.installed: $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,spark]'
	touch $@

setup: $(VENV)/.installed

# Chromium for the browser test and Java for Spark, from Debian (scripts/setup-system says why).
system:
	scripts/setup-system

# Without $(SHARED) (a plain clone), the demo ingests the 50 Wikinews articles bundled in the package.
demo: $(VENV)/.runtime
	$(VENV)/bin/worldwire demo $(SHARED)

test: setup system
	scripts/check

eval: setup
	$(VENV)/bin/worldwire eval aeb $(SHARED)/eval/article-extraction-benchmark --floors eval/floors.json

bench: setup
	$(PY) bench/extract_throughput.py --corpus $(SHARED)/corpus/wikinews-2019-2020/wikinews.jsonl
	$(PY) bench/stage_overhead.py --corpus $(SHARED)/corpus/wikinews-2019-2020/wikinews.jsonl

golden: setup
	WORLDWIRE_UPDATE_GOLDEN=1 $(PY) -m pytest -q tests/test_seed.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
