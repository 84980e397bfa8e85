# Liaison: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
# One lock for every platform and Python >= 3.11, hashes of every file, from PyPI itself.
LOCK_FLAGS := --generate-hashes --universal --python-version 3.11 --no-header \
	--index-url https://pypi.org/simple

.PHONY: install upgrade lock messages player run test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Every package, direct and transitive, comes from requirements.lock: exact versions with their
# hashes, so a release out there never changes what `make run`, `make test` and CI install.
# uv installs it (in parallel, seconds instead of pip's minute) and refuses anything unhashed;
# uv itself comes from the lock: pip takes only its pinned, hashed wheel. Reinstall only when
# the lock changes.
$(VENV)/.installed: requirements.lock | $(BIN)/python
	awk '/^uv==/{p=1;print;next} p&&/^ /{print;next} {p=0}' requirements.lock > $(VENV)/uv.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(VENV)/uv.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements.lock
	touch $@

# Regenerate the lock from pyproject.toml with the newest releases it allows, then reinstall;
# run `make test` before committing the new lock.
upgrade: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --upgrade $(LOCK_FLAGS) -o requirements.lock
	$(MAKE) install

# The lock after an edit of pyproject.toml, keeping every other pin where it is.
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev $(LOCK_FLAGS) -o requirements.lock
	$(MAKE) install

install: $(VENV)/.installed

# The H5P player from the npm registry (pinned in package-lock.json), copied into static files.
# --ignore-scripts: its only install script insists on yarn; nothing is built at install.
PLAYER := static/vendor/h5p-standalone
$(PLAYER)/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(PLAYER) && mkdir -p $(PLAYER)
	cp -R node_modules/h5p-standalone/dist/. $(PLAYER)/
	cp node_modules/h5p-standalone/LICENSE* $(PLAYER)/ 2>/dev/null || true
	touch $@

player: $(PLAYER)/.installed

# Compile the French and Dutch interface (needs GNU gettext's msgfmt).
messages: install player
	$(MANAGE) compilemessages --ignore=.venv --verbosity=0

# The site's address, for the printed logins and the links in mails (make run PORT=8101).
run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: messages
	$(MANAGE) migrate --noinput
	# Site, catalogue, the demo curriculum, one login per role (printed) and a programme of
	# synthetic trainees; idempotent, so a second `make run` only prints the logins again.
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# One test process per core (pytest-xdist), each with its own test database. Browser tests
# run on their own, in one process: on SQLite they need the test database in a file (see
# tests/conftest.py), the rest of the suite is faster in memory.
test: messages
	$(BIN)/pytest -n auto -m "not e2e"
	$(BIN)/pytest -m e2e

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache node_modules $(PLAYER)
