"""The practice exercise in the browser: a check's three answers, and Validate's.

A learner types into the answer cell and presses Shift+Enter, as the start page
teaches; Validate is the toolbar button, and its result appears in a dialog.
"""
import lab_browser

PRACTICE = "course/00-start-here/practice.ipynb"
ANSWERS = {  # answer cell (by the name it assigns) -> a right answer, as a learner types it
    "citizens_per_day": "citizens_per_day = 12 * 7",
    "whatsapp_requests": 'whatsapp_requests = (requests["channel"] == "WhatsApp").sum()',
    "what_to_do": 'what_to_do = "b"',
}
#: Question 5's function, as a learner completes its one blank (typed as is: no auto-indent).
FUNCTION = ("def hours_needed(", "def hours_needed(citizens):\n    hours = (\n"
                                 "        citizens / 12\n    )\n    return hours")
REFLECTION = ("Checking that birth-certificate applications have every attachment takes us "
              "about six hours a week. A computer could flag missing files; a person should "
              "still decide the unusual cases.")


def check_says(learner, check: str) -> str:
    cell = lab_browser.code_cell(learner.page, check)
    lab_browser.run_cell(learner.page, cell)
    return cell.locator(".jp-Cell-outputArea").inner_text()


def test_a_check_answers_not_attempted_then_not_right_then_correct(learner):
    learner.open(PRACTICE)
    lab_browser.run_cell(learner.page, lab_browser.code_cell(learner.page, "import pandas"))
    answer = lab_browser.code_cell(learner.page, "citizens_per_day = (")

    lab_browser.run_cell(learner.page, answer)
    assert check_says(learner, "checks.q1.check()").startswith("✏️ Not attempted yet")

    lab_browser.type_into_cell(learner.page, answer, "citizens_per_day = 12 + 7")
    lab_browser.run_cell(learner.page, answer)
    said = check_says(learner, "checks.q1.check()")
    learner.shot("check-not-right-yet", lab_browser.code_cell(learner.page, "checks.q1.check()"))
    assert said.startswith("🔎 Not right yet") and "Traceback" not in said

    lab_browser.type_into_cell(learner.page, answer, ANSWERS["citizens_per_day"])
    lab_browser.run_cell(learner.page, answer)
    said = check_says(learner, "checks.q1.check()")
    learner.shot("check-correct", lab_browser.code_cell(learner.page, "checks.q1.check()"))
    assert said.startswith("✅ Correct")


def test_validate_on_the_blank_exercise_lists_plain_messages_not_tracebacks(learner):
    learner.open(PRACTICE)
    dialog = lab_browser.validate(learner.page)
    learner.shot("validate-blank", dialog)
    said = dialog.inner_text()
    assert said.count("The following cell failed") == 5  # four checks and the reflection
    assert said.count("✏️ Not attempted yet") == 4
    assert "You did not provide a response." in said
    assert "Traceback" not in said and "Error" not in said


def test_validate_on_a_finished_exercise_says_it_passes(learner):
    learner.open(PRACTICE)
    for setup in ("import pandas", "requests = pd.DataFrame"):
        lab_browser.run_cell(learner.page, lab_browser.code_cell(learner.page, setup))
    for found, typed in [*((f"{name} = (", typed) for name, typed in ANSWERS.items()), FUNCTION]:
        cell = lab_browser.code_cell(learner.page, found)
        lab_browser.type_into_cell(learner.page, cell, typed)
        lab_browser.run_cell(learner.page, cell)
    reflection = lab_browser.notebook(learner.page).locator(".jp-MarkdownCell",
                                                           has_text="YOUR ANSWER HERE")
    lab_browser.write_text_cell(learner.page, reflection, REFLECTION)
    dialog = lab_browser.validate(learner.page)
    learner.shot("validate-passes", dialog)
    assert "Success! Your notebook passes all the tests." in dialog.inner_text()
