"""One visitor of a JupyterLab in a browser test: a fresh browser context, screenshots at
key steps, and a clean-up that leaves the server as a new visitor would find it."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import binder_like
import lab_browser
from lab_process import Lab

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@dataclass
class Visitor:
    """One person in front of JupyterLab: their page, and where their screenshots go."""

    lab: Lab
    page: object
    shots: Path
    page_errors: list[str] = field(default_factory=list)
    _count: int = 0

    def shot(self, name: str, locator=None) -> Path:
        """Save a screenshot of the page (or of one part of it) at a key step."""
        self._count += 1
        return lab_browser.save_screenshot(self.page, self.shots, f"{self._count:02d}-{name}",
                                           locator)

    def open(self, path: str) -> None:
        """Open a notebook of the course by its address, as a link or a badge does."""
        url_path = path if path.startswith("/") else f"/lab/tree/{path}"
        file = binder_like.CHECKOUT / url_path.removeprefix("/lab/tree/")
        lab_browser.open_notebook(self.page, self.lab.browser_url(url_path), file)


def _test_folder(request) -> Path:
    return ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)


def visit(lab: Lab, browser, request):
    """A fresh visitor of `lab` for one test; cleaned up (and photographed on failure)."""
    shots = _test_folder(request)
    for old in shots.glob("*.png"):
        old.unlink()
    context = browser.new_context(viewport=lab_browser.VIEWPORT)
    page = context.new_page()
    visitor = Visitor(lab, page, shots)
    page.on("pageerror", lambda error: visitor.page_errors.append(str(error)))
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    try:
        yield visitor
    finally:
        report = getattr(request.node, "report_call", None)
        if report is None or report.failed:
            lab_browser.save_screenshot(page, shots, "failure")
        if console or visitor.page_errors:
            shots.mkdir(parents=True, exist_ok=True)
            (shots / "console.json").write_text(json.dumps(
                {"console": console, "page_errors": visitor.page_errors}, indent=1))
        context.close()
        lab.forget_sessions()
        binder_like.reset_course()


