"""Moving a lesson's widget changes what the lesson shows, and the check can tell when
widgets are broken.

Each notebook in WIDGET_LESSONS is opened, run, and its widget moved: one line
per lesson (a lesson takes 20 s to a minute here, so the list is chosen, not
every lesson).
"""
import json

import pytest

import binder_like
import lab_browser
from visitor import visit
from widget_check import WidgetDidNotReact, check_widget_changes_output

START_PAGE = "course/00-start-here/start-here.ipynb"
#: notebook -> the description (label) of the widget to move (None: its first slider
#: or drop-down list).
WIDGET_LESSONS = {
    START_PAGE: "Hours open",
    "course/01-automation/lesson.ipynb": "Month",
}


@pytest.mark.parametrize("notebook", WIDGET_LESSONS)
def test_moving_the_widget_changes_what_the_lesson_shows(learner, notebook):
    learner.open(notebook)
    lab_browser.run_all(learner.page)
    assert lab_browser.error_outputs(learner.page) == []
    label = WIDGET_LESSONS[notebook]
    widget = lab_browser.movable_widget(learner.page, label)
    cell = widget.locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')]")
    learner.shot("widget-before", cell)
    before, after = check_widget_changes_output(learner.page, label)
    learner.shot("widget-after", cell)
    assert before != after


@pytest.fixture
def learner_without_widgets(binder_build, logs, browser, request, tmp_path):
    """A learner on a JupyterLab whose widget extension is switched off, as a broken
    or missing install of ipywidgets' JupyterLab extension would leave it."""
    labconfig = tmp_path / "labconfig"
    labconfig.mkdir()
    (labconfig / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {"@jupyter-widgets/jupyterlab-manager": True}}))
    with binder_like.serve(logs, extra_environment={"JUPYTER_CONFIG_PATH": str(tmp_path)},
                           name="no-widgets") as lab:
        assert "@jupyter-widgets/jupyterlab-manager" in lab.page_config()["disabledExtensions"]
        yield from visit(lab, browser, request)


def test_the_widget_check_fails_when_the_widget_extension_is_missing(learner_without_widgets):
    learner = learner_without_widgets
    learner.open(START_PAGE)
    lab_browser.run_all(learner.page)
    assert lab_browser.error_outputs(learner.page) == []  # nbval would see nothing wrong
    with pytest.raises(WidgetDidNotReact, match="no slider or drop-down list"):
        check_widget_changes_output(learner.page, WIDGET_LESSONS[START_PAGE])
    cell = lab_browser.code_cell(learner.page, "widgets.interact(")
    cell.scroll_into_view_if_needed()
    learner.shot("what-the-learner-sees-without-widgets", cell)
