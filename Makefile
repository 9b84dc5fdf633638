# Engagement Atlas. `make run` serves the app; `make test` runs every test (browser tests included).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
export UV_PYTHON_DOWNLOADS := never
export PIP_DISABLE_PIP_VERSION_CHECK := 1

LOCALES := atlas/i18n/locales
LANGS  := fr es pt ar
BABEL_KEYWORDS := --no-default-keywords -k t -k n:1,2 -k N_

.PHONY: run test data check bench chromium env clean i18n light nginx serve postgres

env: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

data/processed/manifest.json: | $(STAMP)
	$(BIN)/python -m etl build

run: $(STAMP) data/processed/manifest.json
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT)

# Chromium for the browser tests: Debian's package when root, else Playwright's managed browser.
chromium: $(STAMP)
	@if [ -x /usr/bin/chromium ]; then echo "chromium: /usr/bin/chromium"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else $(BIN)/python -m playwright install chromium; fi

# The light pages (static HTML per country and language, ~2-3 min on 2 cores): written when the
# data, catalogues or code changed. The app also starts this in the background when they are stale.
light: $(STAMP)
	$(BIN)/python -m atlas.light --if-needed

# nginx, the compressing proxy of `make serve` and of the proxy tests: Debian's package when root.
nginx:
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then echo "nginx: present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; \
	else echo "nginx: not installed (the proxy tests will be skipped)"; fi

# PostgreSQL for the suggestions storage tests and benchmark (each starts a throwaway server on a
# temporary directory, deploy/postgres.py): Debian's package when root. `make test` requires it.
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then echo "postgresql: present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	else echo "postgresql: not installed (the PostgreSQL storage tests will be skipped)"; fi

# The production pair: Streamlit on 127.0.0.1:8501 behind nginx on $(PROXY_PORT) (deploy/nginx.conf).
PROXY_PORT ?= 8080
serve: $(STAMP) nginx light
	$(BIN)/python -m deploy.serve --port $(PROXY_PORT) --upstream $(PORT)

# The load test (tests/load, 25 sessions for 60 s) runs in `make bench`, not here.
test: $(STAMP) chromium nginx postgres light
	ATLAS_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest -q --ignore=tests/load

data: $(STAMP)
	$(BIN)/python -m etl build

check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m etl check
	$(BIN)/python -m pytest -q tests/i18n

# Interface catalogues: extract the strings (t(...), t.n(...), N_(...)), merge them into each
# language's .po (new strings arrive empty: translate them), compile the .mo files the app reads.
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --no-location --sort-output \
	  --omit-header -o $(LOCALES)/messages.pot .
	for l in $(LANGS); do $(BIN)/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) -l $$l \
	  --no-fuzzy-matching -w 100; done
	for l in $(LANGS); do $(BIN)/pybabel compile -d $(LOCALES) -l $$l --statistics; done

bench: $(STAMP) chromium nginx postgres light
	$(BIN)/python -m bench
	$(BIN)/python -m bench.submit
	ATLAS_LOAD=1 $(BIN)/python -m pytest -q -s tests/load

clean:
	rm -rf $(VENV) .pytest_cache
