"""Several learners at once on one JupyterLab: how long until they see output?

A cohort on one JupyterHub machine opens the start page together and presses
Run All. Each learner here is a separate browser context (their own cookies
and tabs) with their own copy of the start page, in their own folder, as each
user of a hub has their own files. All share one Binder-like JupyterLab
(tools/binder_like.py) and this machine's cores with the browser itself, so the
figures are an upper bound for a hub whose learners' browsers run elsewhere.

Measured in each page (performance.now(), from the moment the learner opens
the address), no fixed waits:
  open → ready        notebook drawn and its kernel started and idle
  Run All → first     the first output appears
  Run All → all ran   every cell has run and the kernel is idle again
  open → first        what the learner lives through

The named baseline is one learner alone on the same server: the last line
gives each figure's median with N learners divided by the baseline's.

    python tools/benchmark_browser_load.py [--learners 5]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
import binder_like  # noqa: E402
import lab_browser  # noqa: E402

START_PAGE = "course/00-start-here/start-here.ipynb"
#: How long a learner may wait for their page here (a measurement, not a test: it reports
#: slow figures rather than failing on them, up to this limit).
PATIENCE = 300
FIGURES = ("open → ready", "Run All → first", "Run All → all ran", "open → first")
#: Installed in every page: records when the first output appears and when all cells ran.
TIMING_JS = """(() => {
  const timing = window.__civicaiTiming = {};
  const ran = %s;
  setInterval(() => {
    if (timing.runAll === undefined) return;
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    if (timing.first === undefined && panel && panel.querySelector('.jp-OutputArea-output'))
      timing.first = performance.now();
    if (timing.done === undefined && ran()) timing.done = performance.now();
  }, 20);
})();""" % lab_browser.ALL_RAN_JS


def learner_copies(count: int) -> list[str]:
    """One copy of the start page per learner, each in its own folder of the clone."""
    copies = []
    for number in range(1, count + 1):
        path = f"learners/learner-{number}/start-here.ipynb"
        target = binder_like.CHECKOUT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(binder_like.CHECKOUT / START_PAGE, target)
        copies.append(path)
    return copies


def run_cohort(lab, browser, paths: list[str]) -> tuple[list[dict[str, float]], list]:
    """Open every learner's page at once, press Run All in each as soon as it is ready,
    and return each learner's figures in seconds."""
    pages = []
    for path in paths:
        context = browser.new_context(viewport=lab_browser.VIEWPORT)
        context.add_init_script(TIMING_JS)
        page = context.new_page()
        page.goto(lab.browser_url(f"/lab/tree/{path}"), wait_until="commit",
                  timeout=lab_browser.OPEN_TIMEOUT)
        pages.append(page)
    waiting = dict(zip(paths, pages))
    deadline = time.monotonic() + PATIENCE
    while waiting:  # round-robin: whoever is ready presses Run All first
        for path, page in list(waiting.items()):
            if page.evaluate(lab_browser.KERNEL_READY_JS):
                page.evaluate("window.__civicaiTiming.ready = performance.now()")
                lab_browser.use_menu_bar(page, "Run")
                page.evaluate("window.__civicaiTiming.runAll = performance.now()")
                page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
                del waiting[path]
        if time.monotonic() > deadline:
            for number, page in enumerate(waiting.values(), start=1):
                page.screenshot(path=binder_like.BUILD / f"not-ready-{number}.png")
            raise SystemExit(f"not ready after {PATIENCE} s: "
                             f"{', '.join(waiting)} (screenshots: build/not-ready-*.png)")
        time.sleep(0.05)
    results = []
    for page in pages:
        page.wait_for_function("() => window.__civicaiTiming.done !== undefined",
                               timeout=PATIENCE * 1000)
        errors = lab_browser.error_outputs(page)
        if errors:
            raise SystemExit(f"a learner's start page failed: {errors[0]}")
        timing = page.evaluate("window.__civicaiTiming")
        results.append({
            "open → ready": timing["ready"] / 1000,
            "Run All → first": (timing["first"] - timing["runAll"]) / 1000,
            "Run All → all ran": (timing["done"] - timing["runAll"]) / 1000,
            "open → first": timing["first"] / 1000,
        })
    return results, pages


def server_megabytes(lab) -> float:
    """Memory (RSS) of the JupyterLab server and every kernel it started."""
    server = psutil.Process(lab.pid)
    processes = [server, *server.children(recursive=True)]
    return sum(process.memory_info().rss for process in processes) / 2**20


def summary(results: list[dict[str, float]]) -> dict[str, tuple[float, float, float]]:
    return {figure: (min(values), statistics.median(values), max(values))
            for figure in FIGURES for values in [[result[figure] for result in results]]}


def show(title: str, results: list[dict[str, float]], megabytes: float) -> None:
    print(f"\n{title}")
    print(f"{'learner':<10}" + "".join(f"{figure:>20}" for figure in FIGURES))
    for number, result in enumerate(results, start=1):
        print(f"{number:<10}" + "".join(f"{result[figure]:>19.2f}s" for figure in FIGURES))
    for name, index in (("min", 0), ("median", 1), ("max", 2)):
        figures = summary(results)
        print(f"{name:<10}" + "".join(f"{figures[figure][index]:>19.2f}s" for figure in FIGURES))
    print(f"server and kernels: {megabytes:.0f} MB")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=5)
    learners = parser.parse_args(argv).learners
    if learners < 1:
        raise SystemExit("--learners must be at least 1")
    with tempfile.TemporaryDirectory() as logs, binder_like.binder_lab(Path(logs)) as lab, \
            sync_playwright() as playwright:
        browser = lab_browser.launch_chromium(playwright)
        copies = learner_copies(learners + 1)
        baseline, pages = run_cohort(lab, browser, copies[:1])
        show("Baseline: one learner alone", baseline, server_megabytes(lab))
        for page in pages:
            page.context.close()
        lab.forget_sessions()
        cohort, pages = run_cohort(lab, browser, copies[1:])
        show(f"{learners} learners at once", cohort, server_megabytes(lab))
        browser.close()
    base, load = summary(baseline), summary(cohort)
    print(f"\nmedian, {learners} learners / one learner alone: " + ", ".join(
        f"{figure} {load[figure][1] / base[figure][1]:.2f}x" for figure in FIGURES))


if __name__ == "__main__":
    main(sys.argv[1:])
