# Civic AI Lab. Every target is a thin wrapper around a Python script, so the same
# steps work without make (see README: "Without make").
PYTHON ?= python3
VENV_PY = .venv/bin/python

.PHONY: setup lab instructor test test-fast notebooks datasets pins benchmark benchmark-grading screenshots clean

setup:        ## create .venv from the pins and put JupyterLab in learner mode
	$(PYTHON) tools/bootstrap.py setup

lab:          ## set up, then start JupyterLab in learner mode on the start page
	$(PYTHON) tools/bootstrap.py lab

instructor:   ## set up, then start JupyterLab in instructor mode (formgrader)
	$(PYTHON) tools/bootstrap.py instructor

test:         ## set up, install the Debian packages the tests need, run every test
	$(PYTHON) tools/bootstrap.py test

test-fast:    ## set up, then the quick tests (no notebooks, no cohorts, no browser)
	$(PYTHON) tools/bootstrap.py test-fast

notebooks: setup  ## regenerate .ipynb from sources/ (all, or MODULES="01-automation ...")
	PATH=$(CURDIR)/.venv/bin:$$PATH $(VENV_PY) -m civicai.authoring build $(MODULES)

datasets: setup  ## rebuild every file in datasets/ from the pinned sources and seeds (byte-identical)
	$(VENV_PY) -m civicai.data.build

pins:         ## re-resolve environment.yml's transitive pins, copy it to binder/
	$(PYTHON) tools/pins.py lock
	cp environment.yml binder/environment.yml

benchmark: setup  ## time and memory of every notebook
	PATH=$(CURDIR)/.venv/bin:$$PATH $(VENV_PY) tools/benchmark_notebooks.py

benchmark-grading: setup  ## civicai-grade against plain sequential nbgrader (same cohort)
	PATH=$(CURDIR)/.venv/bin:$$PATH $(VENV_PY) tools/benchmark_grading.py

screenshots: setup  ## the README's screenshots (docs/screenshots/), from the Binder-like launch
	PATH=$(CURDIR)/.venv/bin:$$PATH $(VENV_PY) tools/screenshots.py

clean:        ## remove the virtual environment and caches
	rm -rf .venv .pytest_cache
