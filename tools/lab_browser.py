"""What a learner does in JupyterLab, done through Playwright in headless Chromium.

The browser tests, `make screenshots` and the load benchmark all drive the
course the way a person does: open the badge's address, use the menus, click
into a cell, type, press Shift+Enter, click Validate. The helpers wait for
what the page shows (the kernel's status, the cells' prompts, a dialog), never
for a fixed time, so they are as fast as the machine allows.

Chromium is Debian's (`playwright install` cannot download browsers here);
Playwright's own driver, in the pinned Python package, works offline.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, Playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 800}
#: Opening JupyterLab and starting a kernel, on 2 busy cores.
OPEN_TIMEOUT = 90_000
#: Running every cell of a course notebook (each must run in at most 15 s).
RUN_TIMEOUT = 60_000

#: The notebook on screen (JupyterLab hides the panels of background tabs).
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"

#: In-page test: is the visible notebook's kernel started and idle? (Before its kernel
#: starts, a notebook shows "No Kernel" with an "idle" indicator.)
KERNEL_READY_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const status = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const kernel = panel.querySelector('.jp-KernelName');
  return status !== null && status.getAttribute('data-status') === 'idle' && kernel !== null
    && kernel.textContent.trim() !== '' && !kernel.textContent.includes('No Kernel');
}"""

#: In-page test: has every code cell of the visible notebook run, and is the kernel idle?
#: True also when a cell failed (Run All stops there), so a failure ends the wait at once.
ALL_RAN_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const status = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  if (!status || status.getAttribute('data-status') !== 'idle') return false;
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
    .map(prompt => prompt.textContent.trim());
  if (prompts.length === 0 || prompts.some(text => text.includes('*'))) return false;
  const failed = panel.querySelector(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
  return failed !== null || prompts.every(text => /^\\[\\d+\\]:$/.test(text));
}"""


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, with nothing that reaches the network by itself."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium "
                           "(`make test` does it when run as root).")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                      headless=True)


def notebook(page: Page) -> Locator:
    return page.locator(NOTEBOOK)


def open_notebook(page: Page, url: str, file: Path) -> None:
    """Open JupyterLab at `url` and wait until the notebook `file` is on screen, every
    cell drawn (JupyterLab draws long notebooks a few cells at a time) and its kernel
    ready."""
    page.goto(url, timeout=OPEN_TIMEOUT)
    page.locator(".lm-TabBar-tab.jp-mod-current", has_text=file.name).wait_for(
        timeout=OPEN_TIMEOUT)
    cells = len(json.loads(file.read_text(encoding="utf-8"))["cells"])
    page.wait_for_function(
        "cells => document.querySelectorAll("
        "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell').length >= cells",
        arg=cells, timeout=OPEN_TIMEOUT, polling=100)
    wait_for_kernel(page)


def wait_for_kernel(page: Page) -> None:
    page.wait_for_function(KERNEL_READY_JS, timeout=OPEN_TIMEOUT, polling=100)


def use_menu(page: Page, menu: str, command: str) -> None:
    """Click a menu of the menu bar, then one of its items (by JupyterLab command id,
    which stays the same when a learner switches the interface to Bahasa Indonesia)."""
    use_menu_bar(page, menu)
    page.locator(f".lm-Menu-item[data-command='{command}']").click()


def run_all(page: Page) -> None:
    """Run → Run All Cells, then wait until every cell has run (or one failed)."""
    use_menu(page, "Run", "runmenu:run-all")
    wait_until_all_ran(page)


def wait_until_all_ran(page: Page) -> None:
    page.wait_for_function(ALL_RAN_JS, timeout=RUN_TIMEOUT, polling=100)


def error_outputs(page: Page) -> list[str]:
    """The text of every error (and stderr) output of the visible notebook (text content:
    JupyterLab skips drawing cells out of view, which leaves them without inner text)."""
    errors = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    return notebook(page).locator(errors).all_text_contents()


def code_cell(page: Page, text: str) -> Locator:
    """The code cell whose source contains `text` now; the locator keeps pointing at that
    cell (by position) after its text is changed."""
    cells = notebook(page).locator(".jp-Cell")
    index = cells.evaluate_all(
        """(cells, text) => cells.findIndex(cell => cell.classList.contains('jp-CodeCell')
             && (cell.querySelector('.jp-InputArea-editor')?.textContent ?? '').includes(text))""",
        text)
    if index < 0:
        raise AssertionError(f"the notebook has no code cell containing {text!r}")
    return cells.nth(index)


def type_into_cell(page: Page, cell: Locator, text: str) -> None:
    """Click into a cell, select everything in it and type `text` in its place."""
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)


def run_cell(page: Page, cell: Locator) -> None:
    """Shift+Enter in `cell`, as the course teaches, then wait until it has run."""
    prompt = cell.locator(".jp-InputArea-prompt")
    before = prompt.inner_text()
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    page.wait_for_function(
        """([prompt, before]) => {
             const now = prompt.textContent.trim();
             return now !== before.trim() && /^\\[\\d+\\]:$/.test(now);
           }""", arg=[prompt.element_handle(), before], timeout=RUN_TIMEOUT, polling=100)
    wait_for_kernel(page)


def write_text_cell(page: Page, cell: Locator, text: str) -> None:
    """Double-click a text (markdown) cell, replace its text, render it with Shift+Enter."""
    cell.dblclick()
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)
    page.keyboard.press("Shift+Enter")


def movable_widget(page: Page, label: str | None = None) -> Locator:
    """The first slider or drop-down list of the visible notebook; with `label`, the one
    whose description is `label`."""
    widgets = notebook(page).locator(".widget-slider, .widget-dropdown")
    if label:
        widgets = widgets.filter(has=page.locator(".widget-label", has_text=label))
    return widgets.first


def move_widget(page: Page, widget: Locator) -> None:
    """Move a slider one step with the arrow keys (the course promises widgets that work
    from the keyboard), or choose the next entry of a drop-down list."""
    classes = widget.get_attribute("class") or ""
    if "widget-slider" in classes:
        handle = widget.locator(".noUi-handle").first
        at_end = float(handle.get_attribute("aria-valuenow")) >= float(
            handle.get_attribute("aria-valuemax"))
        handle.focus()
        page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
    elif "widget-dropdown" in classes:
        choice = widget.locator("select")
        index, count = choice.evaluate("list => [list.selectedIndex, list.options.length]")
        choice.select_option(index=index - 1 if index == count - 1 else index + 1)
    else:
        raise ValueError(f"no keyboard move known for a widget of classes {classes!r}")


def validate(page: Page) -> Locator:
    """Click the toolbar's Validate button; the dialog with nbgrader's result."""
    notebook(page).locator("jp-button.validate-button").click()
    dialog = page.locator(".jp-Dialog", has_text="Validation Results")
    dialog.wait_for(timeout=RUN_TIMEOUT)
    return dialog


def menu_items(page: Page) -> dict[str, list[str]]:
    """Every menu of the menu bar, opened one after the other: its visible items' labels."""
    menus = {}
    for title in page.locator(".lm-MenuBar-item .lm-MenuBar-itemLabel").all_text_contents():
        use_menu_bar(page, title)
        menus[title] = page.locator(
            ".lm-Menu:not(.lm-mod-hidden) .lm-Menu-item:not(.lm-mod-hidden) .lm-Menu-itemLabel"
        ).all_text_contents()
        page.keyboard.press("Escape")
    return menus


def use_menu_bar(page: Page, title: str) -> None:
    page.locator(".lm-MenuBar-item", has_text=re.compile(f"^{re.escape(title)}$")).click()


def palette_commands(page: Page) -> list[str]:
    """View → Activate Command Palette: the ids of every command it offers."""
    use_menu(page, "View", "apputils:activate-command-palette")
    items = page.locator(".lm-CommandPalette-item")
    items.first.wait_for(state="attached")
    commands = [command for command in items.evaluate_all(
        "items => items.map(item => item.getAttribute('data-command'))") if command]
    page.keyboard.press("Escape")
    return commands


def launcher_cards(page: Page) -> list[str]:
    """File → New Launcher: the labels of its cards."""
    use_menu(page, "File", "launcher:create")
    cards = page.locator(".jp-Launcher:visible .jp-LauncherCard")
    cards.first.wait_for()
    return cards.all_text_contents()


def sidebar_tabs(page: Page) -> list[str]:
    """The titles (tooltips) of the tabs of the left and right side bars."""
    return [title for title in page.locator(".jp-SideBar .lm-TabBar-tab").evaluate_all(
        "tabs => tabs.map(tab => tab.getAttribute('title') || tab.textContent)") if title]


def dismiss_news_prompt(page: Page) -> None:
    """Answer 'No' to JupyterLab's "get notified about official Jupyter news?" toast,
    as a learner would, when it is there."""
    toast = page.locator(".Toastify__toast", has_text="Jupyter news")
    if toast.count():
        toast.get_by_role("button", name="No", exact=True).click()
        toast.wait_for(state="detached")


def save_screenshot(page: Page, folder: Path, name: str, locator: Locator | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    if locator is None:
        page.screenshot(path=path)
    else:
        locator.screenshot(path=path)
    return path
