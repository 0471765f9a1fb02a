# Two commands for a fresh Debian machine (as root): `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo demo-clinic test lint dist clean

$(STAMP): pyproject.toml scripts/setup.sh $(wildcard resources/i18n/*.ts)
	bash scripts/setup.sh $(VENV)
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/kiosk demo

# The demo with a local PostgreSQL as the clinic database of a small chain (the Clinic tab).
demo-clinic: $(STAMP)
	$(VENV)/bin/kiosk demo --clinic-db

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The one-folder application in dist/kiosk (PyInstaller); its self-test: dist/kiosk/kiosk --self-test
dist: $(STAMP)
	bash installer/build.sh $(VENV)

clean:
	rm -rf $(VENV) build dist out
