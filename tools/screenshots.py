"""Screenshots of the key moments of the course, for the README (`make screenshots`).

They are taken in headless Chromium from the Binder-like launch
(tools/binder_like.py), so they show what a learner who clicks the badge sees:
the start page, a widget, a check's feedback and Validate's result. Each is
cropped to what matters and reduced to 256 colours, so the set stays small.

    python tools/screenshots.py [OUTPUT FOLDER]     default: docs/screenshots/
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
import binder_like  # noqa: E402
import lab_browser  # noqa: E402

OUTPUT = binder_like.ROOT / "docs" / "screenshots"
PRACTICE = "course/00-start-here/practice.ipynb"


def shrink(path: Path) -> int:
    """Reduce a screenshot to 256 colours (text and flat colours survive it); its size."""
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                              dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    return path.stat().st_size


def open_page(lab, browser, path: str):
    """A new visitor opening `path` (a /lab/... address or a course file)."""
    page = browser.new_context(viewport=lab_browser.VIEWPORT).new_page()
    url_path = path if path.startswith("/") else f"/lab/tree/{path}"
    lab_browser.open_notebook(page, lab.browser_url(url_path),
                              binder_like.CHECKOUT / url_path.removeprefix("/lab/tree/"))
    lab_browser.dismiss_news_prompt(page)
    return page


def done_with(lab, page) -> None:
    page.context.close()
    lab.forget_sessions()
    binder_like.reset_course()


def take(lab, browser, output: Path) -> list[Path]:
    shots = []

    def save(page, name: str, locator=None) -> None:
        shots.append(lab_browser.save_screenshot(page, output, name, locator))

    page = open_page(lab, browser, binder_like.badge_urlpath())
    save(page, "start-page")
    lab_browser.run_all(page)
    widget = lab_browser.movable_widget(page, "Hours open")
    widget.scroll_into_view_if_needed()
    lab_browser.move_widget(page, widget)
    lab_browser.wait_for_kernel(page)
    save(page, "widget", widget.locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')]"))
    done_with(lab, page)

    page = open_page(lab, browser, PRACTICE)
    lab_browser.run_cell(page, lab_browser.code_cell(page, "import pandas"))
    answer = lab_browser.code_cell(page, "citizens_per_day = (")
    check = lab_browser.code_cell(page, "checks.q1.check()")
    lab_browser.type_into_cell(page, answer, "citizens_per_day = 12 + 7")
    lab_browser.run_cell(page, answer)
    lab_browser.run_cell(page, check)
    save(page, "check-not-right-yet", check)
    lab_browser.type_into_cell(page, answer, "citizens_per_day = 12 * 7")
    lab_browser.run_cell(page, answer)
    lab_browser.run_cell(page, check)
    save(page, "check-correct", check)
    done_with(lab, page)

    page = open_page(lab, browser, PRACTICE)
    save(page, "validate", lab_browser.validate(page).locator(".jp-Dialog-content"))
    done_with(lab, page)
    return shots


def main(argv: list[str]) -> None:
    output = Path(argv[0]).resolve() if argv else OUTPUT
    with tempfile.TemporaryDirectory() as logs, binder_like.binder_lab(Path(logs)) as lab, \
            sync_playwright() as playwright:
        browser = lab_browser.launch_chromium(playwright)
        shots = take(lab, browser, output)
        browser.close()
    total = 0
    for path in shots:
        size = shrink(path)
        total += size
        shown = (path.relative_to(binder_like.ROOT) if path.is_relative_to(binder_like.ROOT)
                 else path)
        with Image.open(path) as image:
            print(f"{shown}  {image.width}x{image.height}  {size / 1024:.0f} KB")
    print(f"{len(shots)} screenshots, {total / 1024:.0f} KB in all")


if __name__ == "__main__":
    main(sys.argv[1:])
