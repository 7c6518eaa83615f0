# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck bench translations screenshots package package-test system-deps system-deps-test clean

run: system-deps $(STAMP)
	$(BIN)/readiness-app

test: system-deps-test $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy readiness ui
	$(BIN)/lint-imports
	tests/with-postgres.sh $(BIN)/pytest

bench: system-deps-test $(STAMP)
	READINESS_PG_DURABLE=1 tests/with-postgres.sh $(BIN)/pytest benchmarks --benchmark-only --benchmark-columns=min,median,mean,max,rounds

# A one-folder desktop bundle in dist/market-entry-readiness/.
package: system-deps $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,package]'
	rm -rf build/pyinstaller dist/market-entry-readiness
	$(BIN)/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller \
		--distpath dist packaging/readiness.spec

# Build from a clean tree, copy the bundle away from the source, and run its
# self-test headless with no Python project on PATH.
package-test: package
	rm -rf build/bundle-check && mkdir -p build/bundle-check
	cp -a dist/market-entry-readiness build/bundle-check/
	cd build/bundle-check && env -i HOME="$$PWD" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
		./market-entry-readiness/market-entry-readiness --self-test

# Refresh the Chinese UI catalogue from the source, then compile it for the app.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find ui -name "*.py" | sort) -ts ui/translations/readiness_zh_CN.ts -no-obsolete
	$(BIN)/pyside6-lrelease ui/translations/readiness_zh_CN.ts -qm ui/translations/readiness_zh_CN.qm
	$(BIN)/pyside6-lrelease ui/translations/qt_supplement_zh_CN.ts -qm ui/translations/qt_supplement_zh_CN.qm

# Screens of the real app on the sample assessment, in both languages, under Xvfb.
screenshots: system-deps-test $(STAMP)
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python -m ui.screenshots --out docs/screenshots

system-deps:
	@bash packaging/install-system-deps.sh run

system-deps-test:
	@bash packaging/install-system-deps.sh test

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
