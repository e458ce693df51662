"""A notebook opens unchanged: no unsaved mark on its tab, and closing it untouched asks
nothing. JupyterLab writes the kernel's description of its language into a notebook when the
kernel starts; the course's notebooks carry it word for word (civicai.authoring.sources), so
nothing changes. The course's extension marks the panel once that has happened, so the test
waits for the event, not for the machine."""
import pytest

import lab_browser

APPLIED = ".jp-NotebookPanel:not(.lm-mod-hidden)[data-civicai-kernel-info='applied']"


@pytest.mark.parametrize("path", [
    "course/00-start-here/start-here.ipynb", "course/00-start-here/practice.ipynb",
    "course/01-automation/lesson.ipynb", "course/02-chatbots/exercise.ipynb",
    "course/04-privacy/sandbox.ipynb",
])
def test_a_notebook_opens_unchanged_and_closes_without_asking(learner, path):
    learner.open(path)
    learner.page.locator(APPLIED).wait_for(timeout=lab_browser.OPEN_TIMEOUT)
    tab = learner.page.locator(".lm-TabBar-tab.jp-mod-current")
    assert "jp-mod-dirty" not in (tab.get_attribute("class") or ""), f"{path} opened changed"
    opened = tab.element_handle()
    lab_browser.use_menu(learner.page, "File", "application:close")
    learner.page.wait_for_function(  # the tab is gone, or a dialog asks to save
        "tab => !tab.isConnected || document.querySelector('.jp-Dialog')", arg=opened,
        timeout=lab_browser.OPEN_TIMEOUT, polling=100)
    assert learner.page.locator(".jp-Dialog").count() == 0, "closing an untouched notebook asked"
