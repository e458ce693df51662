"""The widget check: moving a lesson's widget must change what the lesson shows.

nbval cannot see this: with JupyterLab's widget extension missing or broken, a
notebook still runs without error, and the learner sees a line of text
("interactive(children=...)") where the slider should be.
"""
from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError

import lab_browser

#: How long a drawn notebook may take to draw its widgets, and to redraw after a move.
WIDGET_TIMEOUT = 15_000


class WidgetDidNotReact(AssertionError):
    """The widget was not drawn, or moving it did not change what the lesson shows."""


def check_widget_changes_output(page, label: str | None = None) -> tuple[str, str]:
    """Move the lesson's widget (the one described `label`, or its first slider or
    drop-down list) with the keyboard; return the output before and after, or raise
    WidgetDidNotReact. Call after the notebook has run."""
    widget = lab_browser.movable_widget(page, label)
    try:
        widget.wait_for(timeout=WIDGET_TIMEOUT)
    except PlaywrightError:
        raise WidgetDidNotReact(
            f"no slider or drop-down list{f' described {label!r}' if label else ''} was drawn "
            f"within {WIDGET_TIMEOUT / 1000:.0f} s: is JupyterLab's widget extension "
            "(@jupyter-widgets/jupyterlab-manager) installed and enabled?") from None
    widget.scroll_into_view_if_needed()
    widget.evaluate("control => control.setAttribute('data-moved-by-test', '')")
    cell = widget.locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')]")
    before = cell.evaluate(SHOWN_JS)
    lab_browser.move_widget(page, widget)
    try:
        page.wait_for_function(CHANGED_JS, arg=[cell.element_handle(), before],
                               timeout=WIDGET_TIMEOUT, polling=100)
    except PlaywrightError:
        raise WidgetDidNotReact(
            f"moving the widget changed nothing within {WIDGET_TIMEOUT / 1000:.0f} s") from None
    return before, cell.evaluate(SHOWN_JS)


#: What the widget's cell shows, apart from the moved widget itself (whose own number
#: changes whether or not the lesson reacts): outputs, charts, tables, text widgets.
SHOWN_JS = """cell => {
  const shown = cell.querySelector('.jp-Cell-outputArea').cloneNode(true);
  shown.querySelector('[data-moved-by-test]')?.remove();
  return shown.innerHTML;
}"""

#: The cell shows something else, fully drawn (no output area left empty while the
#: kernel redraws it), and the kernel has finished.
CHANGED_JS = """([cell, before]) => {
  const shown = (""" + SHOWN_JS + """)(cell);
  const drawn = [...cell.querySelectorAll('.widget-output')]
    .every(output => output.querySelector('.jp-OutputArea-output') !== null);
  const panel = cell.closest('.jp-NotebookPanel');
  const idle = panel.querySelector('.jp-Notebook-ExecutionIndicator')
    ?.getAttribute('data-status') === 'idle';
  return shown !== before && drawn && idle;
}"""
