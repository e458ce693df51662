"""Fixtures of the browser tests: the Binder-like JupyterLab, Chromium, one visitor per test.

Every test here is marked `browser`. The JupyterLab servers run in the
Binder-like environment (tools/binder_like.py) and its copy of the repository,
so what the tests click, type and save never touches the real repository.
Each test is one new visitor: a fresh browser context; afterwards its kernels
are shut down, its saved layout and the course folder are put back, and, if the
test failed, a screenshot of what the page showed is saved beside the others in
tests/artifacts/<test name>/.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import binder_like  # noqa: E402
import lab_browser  # noqa: E402
from visitor import ARTIFACTS, visit  # noqa: E402  (tests/browser/visitor.py)


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so a fixture can see a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def binder_build():
    """The Binder-like environment (built, or reused when the pins did not change), held
    for this session alone: its copy of the repository is shared by every server here."""
    with binder_like.exclusive():
        started = time.perf_counter()
        result = binder_like.build()
        print(f"\n[binder-like] {'reused' if result.reused else 'built'} the environment "
              f"in {time.perf_counter() - started:.1f} s")
        yield result


@pytest.fixture(scope="session")
def logs(binder_build) -> Path:
    folder = ARTIFACTS / "server-logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def learner_lab(binder_build, logs):
    """JupyterLab as Binder starts it (learner mode comes from postBuild)."""
    with binder_like.serve(logs) as lab:
        yield lab


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = lab_browser.launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def learner(learner_lab, browser, request):
    """A learner who just clicked the Binder badge's server (a new visitor)."""
    yield from visit(learner_lab, browser, request)
