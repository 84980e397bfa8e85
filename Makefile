# Liaison: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: install messages run test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# Compile the French and Dutch interface (needs GNU gettext's msgfmt).
messages: install
	$(MANAGE) compilemessages --ignore=.venv --verbosity=0

run: messages
	$(MANAGE) migrate --noinput
	$(MANAGE) setup_site
	$(MANAGE) setup_catalogue
	$(MANAGE) seed_accounts
	$(MANAGE) runserver 127.0.0.1:8000

test: messages
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
