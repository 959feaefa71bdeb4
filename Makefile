# Two commands for a newcomer: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.9
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help setup system python services db run test lint typecheck pytest
.PHONY: node ogctests

help:
	@echo "make run   - install what is missing, migrate, load demo data, serve"
	@echo "make test  - the same set-up, then ruff, mypy and the whole test suite"
	@echo "make journey - while make run serves: the pilot owner's journey over HTTP"

system:
	@bash scripts/setup-system.sh

$(UV):
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

python: $(UV)
	@$(UV) sync --frozen --quiet

services: python
	@$(PY) scripts/ensure_services.py

# From package-lock.json: MapLibre GL JS for the map page (served as static files),
# and the OpenAPI linters the tests run (Redocly CLI, Spectral).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

node: node_modules/.package-lock.json

# The OGC API - Features test suite (PyPI `ogctests`) in a venv of its own: it pins
# pytest 8 and httpx 0.27, older than the dev group's. Versions and hashes are in
# tests/api/ogc/ogctests/requirements.txt (uv pip compile of requirements.in).
OGCTESTS := $(TOOLS)/ogctests
$(OGCTESTS)/installed: tests/api/ogc/ogctests/requirements.txt | $(UV)
	$(UV) venv --quiet --allow-existing --python 3.11 $(OGCTESTS)
	VIRTUAL_ENV=$(OGCTESTS) $(UV) pip install --quiet --require-hashes -r $<
	touch $@

ogctests: $(OGCTESTS)/installed

db: services
	@$(PY) manage.py migrate --noinput -v 0
	@$(PY) manage.py load_district

setup: system python node ogctests services db

run: setup
	@$(PY) manage.py collectstatic --noinput -v 0
	@echo ""
	@echo "Trondheim Tech Port registry on http://127.0.0.1:8000"
	@echo "  API root  http://127.0.0.1:8000/api/v1/"
	@echo "  API docs  http://127.0.0.1:8000/api/docs/  (ReDoc: /api/redoc/)"
	@echo "  Ready     http://127.0.0.1:8000/readyz"
	@echo "  Admin     http://127.0.0.1:8000/admin/  (python manage.py createsuperuser)"
	@echo "nginx (Procfile proxy) on :8000 buffers each request for gunicorn on :8001."
	@echo "Ctrl-C stops nginx, the web server, the Celery worker and Celery beat."
	@echo ""
	@GUNICORN_BIND=$${GUNICORN_BIND:-127.0.0.1:8001} NUM_PROXIES=$${NUM_PROXIES:-1} \
		PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/honcho start -f Procfile

lint: python
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: python
	$(VENV)/bin/mypy .

# Schemathesis runs here with two fixed seeds and modest depth (tests/reliability/
# test_schemathesis.py defaults); `make fuzz` below goes deeper. The OpenAPI lint
# gates and the generated-client test are tests too (tests/api/test_openapi_*.py,
# test_generated_client.py).
pytest: services
	$(VENV)/bin/pytest

test: setup lint typecheck pytest

# The pilot owner's journey (issue 5) through HTTP against a running `make run`:
# sign-up to a published pilot, emails read from EMAIL_FILE_PATH (.emails/).
.PHONY: journey
journey:
	$(PY) scripts/journey.py

# Reliability and security (issue 8): longer fuzzing, load, backup and restore.
.PHONY: fuzz load backup restore
fuzz: services
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-60} FUZZ_GEOMETRY_EXAMPLES=$${FUZZ_GEOMETRY_EXAMPLES:-400} \
	FUZZ_STATEFUL_STEPS=$${FUZZ_STATEFUL_STEPS:-15} FUZZ_COVERAGE=$${FUZZ_COVERAGE:-all} \
	FUZZ_HOSTILE_EXAMPLES=$${FUZZ_HOSTILE_EXAMPLES:-300} \
		$(VENV)/bin/pytest tests/reliability/test_schemathesis.py tests/reliability/test_geometry_fuzz.py \
		tests/reliability/test_hostile_queries_fuzz.py -q

load: db
	$(PY) loadtest/run.py

backup: services
	bash scripts/backup.sh

restore: services
	bash scripts/restore.sh

# Performance (issue 7): the registry against a floor app on its own databases
# (<db>_bench_10000, <db>_bench_100000); not part of `make test`.
.PHONY: bench bench-quick
bench: setup
	@bash bench/install-wrk.sh
	$(PY) -m bench

bench-quick: setup
	@bash bench/install-wrk.sh
	$(PY) -m bench --quick --results $(CURDIR)/bench/results/quick --no-readme

# Norwegian Bokmål messages (issue 5): rebuild the catalogue from the table in
# scripts/nb/ (scripts/nb_translations.py writes it), merge new strings from the code, compile.
.PHONY: messages
messages: python
	$(PY) scripts/nb_translations.py
	$(PY) manage.py makemessages -l nb --no-location --ignore=.venv --ignore=node_modules --ignore=tests --ignore=.tools
	msgfmt --check -o locale/nb/LC_MESSAGES/django.mo locale/nb/LC_MESSAGES/django.po
