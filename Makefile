# Two commands matter: `make serve` and `make test`. Everything else is a step they use.
VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
ADDR    ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site test test-deps zip zim bench bench-zim pdf clean

# Create the virtual environment and install the package with its test tools
$(STAMP): pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e ".[test]"
	touch $@

serve: $(STAMP)  ## Build and serve the site at http://127.0.0.1:8000
	$(VENV)/bin/mkdocs serve --dev-addr $(ADDR)

site: $(STAMP)  ## Strict build into site/
	$(VENV)/bin/mkdocs build --strict --clean

# What some tests read besides Python packages, fetched when this machine can: the OASIS
# XLIFF 1.2 schema as Debian ships it in Symfony's translation component (unpacked, not
# installed) and axe-core from npm. .ci/run makes sure both are there.
XLIFF_XSD := .cache/xliff-schema/usr/share/php/Symfony/Component/Translation/Resources/schemas/xliff-core-1.2-strict.xsd
AXE_JS    := tests/axe/node_modules/axe-core/axe.min.js

$(XLIFF_XSD):
	-mkdir -p .cache/xliff-schema && cd .cache/xliff-schema && apt-get download -qq php-symfony-translation && dpkg -x php-symfony-translation_*.deb .

$(AXE_JS): tests/axe/package-lock.json
	-command -v npm >/dev/null && cd tests/axe && npm ci --no-audit --no-fund --silent

test-deps: $(XLIFF_XSD) $(AXE_JS)

# Test processes in parallel (pytest-xdist); each test file stays in one process so its
# module fixtures (rendered PDFs, a served ZIM) are made once, and the browser's page tours
# run one edition per process (tests/conftest.py). JOBS=0 runs in this process.
JOBS ?= 2
PYTEST := $(VENV)/bin/python -m pytest -n $(JOBS)

test: $(STAMP) test-deps  ## Run every test (browser tests need Debian's chromium)
	$(PYTEST)

test-rapido: $(STAMP) test-deps  ## The tests that need neither a site build nor a browser (about a minute)
	$(PYTEST) -m "not build and not browser"

zip: site  ## Zip the built site for a USB stick or a phone
	mkdir -p dist
	$(PYTHON) -m defensoria.site.package site dist/defensorias-cusco-sitio.zip

zim: site  ## The built site as a Kiwix file: dist/defensorias-cusco_es-qu_AAAA-MM.zim
	$(VENV)/bin/defensoria zim --salida dist

bench: site  ## Print the site's weight and build time against plain Material
	$(PYTHON) benchmarks/site.py

bench-zim: site  ## Print the ZIM's size and build time against the zip of the same site
	$(PYTHON) benchmarks/zim.py

pdf: $(STAMP)  ## Every PDF to print (handouts A4/A5 in es, qu, bilingue; manuals; trainer's pack) into salida/impresos/
	$(VENV)/bin/defensoria imprimir --salida salida/impresos

clean:
	rm -rf site dist .pytest_cache
