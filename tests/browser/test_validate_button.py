"""Validate is offered only where it means something, and shows that it is working.

nbgrader puts its Validate button on every notebook; on a lesson it ran for a minute and
then said "Success! Your notebook passes all the tests" on a notebook with no tests. The
course's JupyterLab extension (civicai/labextension) keeps it on graded notebooks only, and
counts the seconds while it runs. The extension marks each notebook panel with what it
decided, so the tests wait for the decision, not for the machine.
"""
import re

import lab_browser

DECIDED = ".jp-NotebookPanel:not(.lm-mod-hidden)[data-civicai-validate]"


def decision(learner) -> str:
    panel = learner.page.locator(DECIDED)
    panel.wait_for(timeout=lab_browser.OPEN_TIMEOUT)
    return panel.get_attribute("data-civicai-validate")


def test_lessons_the_start_page_and_sandboxes_offer_no_validate(learner):
    for path in ("course/00-start-here/start-here.ipynb", "course/01-automation/lesson.ipynb",
                 "course/01-automation/sandbox.ipynb"):
        learner.open(path)
        assert decision(learner) == "not-offered", path
        assert lab_browser.notebook(learner.page).locator("jp-button.validate-button").count() == 0
    learner.shot("lesson-without-validate")


def test_validate_on_an_exercise_counts_the_seconds_it_runs(learner):
    learner.open("course/00-start-here/practice.ipynb")
    assert decision(learner) == "offered"
    button = lab_browser.notebook(learner.page).locator("jp-button.validate-button")
    assert button.is_visible()
    button.click()
    counting = re.compile(r"Validating… \d+ s \(about a minute\)")
    label = button.locator(".jp-ToolbarButtonComponent-label")
    label.filter(has_text=counting).wait_for(timeout=lab_browser.RUN_TIMEOUT)
    learner.shot("validate-counting", button)
    dialog = learner.page.locator(".jp-Dialog", has_text="Validation Results")
    dialog.wait_for(timeout=lab_browser.RUN_TIMEOUT)
    assert label.inner_text() == "Validate", "the count stops when the result is shown"
