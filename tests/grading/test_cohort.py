"""The cohort grader on a simulated cohort: exact scores, every hostile case, nothing leaks.

One run grades the whole simulated cohort (tests/grading/cohort_cases.py) in the
sandbox; the tests below read its results. Plain sequential nbgrader grades the
honest learners and the tamperers that fool it, for comparison.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import nbformat
import pytest

import cohort_cases
from civicai import REPO_ROOT
from civicai.grading import export, plain, sandbox
from civicai.grading.plain import grade_notebooks

pytestmark = pytest.mark.slow


def test_the_cohort_is_big_enough(graded_cohort):
    cases, _, rows, _, _ = graded_cohort
    assert len(cases) >= 30
    assert len(rows) == len(cases), "every learner gets a row"


@pytest.mark.parametrize("learner", [case.learner for case in cohort_cases.cases()])
def test_each_learner_gets_exactly_the_expected_score(graded_cohort, learner):
    cases, results, rows, _, _ = graded_cohort
    case = cases[learner]
    row = rows[cohort_cases.learner_id(case)]
    record = results["learners"][cohort_cases.learner_id(case)]
    assert row["auto_score"] == case.auto, record
    assert (record["status"] == "graded") == case.graded, record
    assert (row["status"] == export.NEEDS_REVIEW) == case.review, record
    if not case.graded:
        assert row["status"] == export.NOT_GRADED and row["notes"], "a reason is given"


def test_tampering_never_pays(graded_cohort):
    """A hostile learner never scores more than their answers would honestly."""
    cases, _, rows, _, _ = graded_cohort
    for case in cases.values():
        if case.review and case.graded:
            assert rows[cohort_cases.learner_id(case)]["auto_score"] <= case.auto


def test_moodle_names_are_kept_for_the_instructor(graded_cohort):
    _, _, rows, _, _ = graded_cohort
    assert rows["123456"]["name"] == 'Rahayu, Siti "Iti"'
    assert rows["123456"]["lms_id"] == "123456"
    assert rows["234567"]["name"] == "Nguyễn Văn An"


def test_files_that_are_nobodys_are_listed_with_a_reason(graded_cohort):
    _, results, _, _, _ = graded_cohort
    shown = {item["shown"]: item["reason"] for item in results["unassigned"]}
    assert "extra-files/data.csv" in shown and "not a notebook" in shown["extra-files/data.csv"]
    assert "extra-files/scratch.ipynb" in shown


def test_nothing_outside_the_sandbox_was_written(graded_cohort):
    assert not cohort_cases.PWNED.exists()
    assert not Path("/tmp/civicai-pwned.txt").exists()


def test_the_sandbox_hides_instructor_files_and_the_network(graded_cohort):
    _, _, _, course, _ = graded_cohort
    notebook = nbformat.read(course.autograded("snoop", cohort_cases.ASSIGNMENT) /
                             "practice.ipynb", as_version=4)
    text = "\n".join(output.get("text", "") for cell in notebook.cells
                     for output in cell.get("outputs", []))
    seen = cohort_cases.snoop_output(text)
    assert seen, "the snooping cell ran"
    assert not seen["exercises"] and not seen["sources"] and not seen["autograder"]
    # the Python environment is there (read-only) when it lives inside the repository
    environment = {root.relative_to(REPO_ROOT).parts[0] for root in sandbox.python_roots()
                   if root.is_relative_to(REPO_ROOT)}
    assert set(seen["repository"]) <= {"civicai", "datasets"} | environment
    assert seen["network"] is False
    assert set(seen["work"]) <= {"timestamp.txt"}, \
        "the working folder holds only this learner's own submission time: no one else's files"


def test_background_processes_are_found_and_stopped(graded_cohort):
    _, results, _, _, _ = graded_cohort
    review = " ".join(results["learners"]["escaped-process"]["review"])
    assert "left processes running" in review and "sleep 600" in review



def _page_text(page: Path) -> str:
    text = re.sub(r"\s+", " ", page.read_text(encoding="utf-8"))
    return re.sub(r"<[^>]+>", "", text).replace("&quot;", '"').replace("&#39;", "'")


def test_feedback_never_shows_hidden_parts_or_model_answers(graded_cohort):
    _, _, _, course, _ = graded_cohort
    hidden = cohort_cases.hidden_lines()
    assert hidden, "the practice has hidden parts to look for"
    pages = list((course.work / "feedback").rglob("*.html"))
    assert len(pages) >= 40
    for page in pages:
        text = _page_text(page)
        for line in hidden:
            assert re.sub(r"\s+", " ", line) not in text, f"{page}: {line}"
        assert "MODEL ANSWER" not in text


def test_what_the_kernel_was_sent_holds_no_answer(graded_cohort):
    """A learner who copies every request the kernel gets, and reads its own memory (as the
    red team did, by a relative path to /proc/self/mem), finds no key, no hidden part and no
    expected value: only the grader's requests for the answers."""
    _, _, _, course, _ = graded_cohort
    printed = _outputs(course, "capture-hidden")
    assert "civicai.grading.capture" in printed and "answer('00-start-here/q1')" in printed
    for secret in ("BEGIN HIDDEN", "hidden(", "keys/", "84"):
        assert secret not in printed.replace("12 * 7", ""), secret
    printed = _outputs(course, "read-own-memory")
    assert re.search(r"MEMORY found 0 of [1-9]", printed), printed[-300:]


def _outputs(course, learner: str, code_only: bool = True) -> str:
    notebook = nbformat.read(course.autograded(learner, cohort_cases.ASSIGNMENT) /
                             "practice.ipynb", as_version=4)
    return "\n".join(str(output.get("text", "")) + str(output.get("data", ""))
                     for cell in notebook.cells for output in cell.get("outputs", []))


def _check_outputs(course, learner: str, folder: str = "autograded") -> dict[str, list]:
    path = (course.autograded(learner, cohort_cases.ASSIGNMENT) / "practice.ipynb")
    notebook = nbformat.read(path, as_version=4)
    return {cell.metadata["nbgrader"]["grade_id"]: cell.outputs for cell in notebook.cells
            if cell.metadata.get("nbgrader", {}).get("grade")
            and not cell.metadata["nbgrader"].get("solution")}


def test_each_check_shows_the_graders_verdict_and_nothing_else(graded_cohort):
    """A learner's thread printing a green note while the grader works, and a learner who
    publishes the grader's own message type, change nothing: each check cell holds only the
    verdict computed outside the kernel."""
    _, results, _, course, _ = graded_cohort
    for learner in ("thread", "forged-capture", "correct", "blank"):
        verdicts = results["learners"][learner]["checks"]["practice"]
        for grade_id, outputs in _check_outputs(course, learner).items():
            assert len(outputs) == 1, (learner, grade_id)
            text = str(outputs[0].get("data", {}).get("text/plain", "")) + \
                "".join(outputs[0].get("traceback", []))
            assert ("✅ Correct" in text) == verdicts[grade_id]["passed"], (learner, grade_id)
    assert not results["learners"]["thread"]["checks"]["practice"]["q2"]["passed"]
    page = (course.feedback("thread", cohort_cases.ASSIGNMENT) / "practice.html")
    assert _page_text(page).count("✅ Correct — Question 2") == 0


def test_learner_html_and_scripts_are_cleaned_everywhere(graded_cohort):
    """In the autograded notebook (which the formgrader shows) and in the feedback page, the
    learner's outputs and written answer keep their text, never a script, an event handler or
    a JavaScript output. (The learner's code is shown as code: escaped, it runs nothing.)"""
    _, _, _, course, _ = graded_cohort
    notebook = nbformat.read(course.autograded("script-output", cohort_cases.ASSIGNMENT)
                             / "practice.ipynb", as_version=4)
    shown = json.dumps([cell.outputs for cell in notebook.cells if cell.cell_type == "code"]
                       + [cell.source for cell in notebook.cells if cell.cell_type == "markdown"])
    assert "<b>hello</b>" in shown, "harmless HTML is kept"
    for danger in ("<script", "onerror", "javascript:", "onclick", "application/javascript"):
        assert danger not in shown.lower(), danger
    page = (course.feedback("script-output", cohort_cases.ASSIGNMENT) / "practice.html").read_text()
    assert not active_learner_html(page), active_learner_html(page)


def active_learner_html(page: str) -> list[str]:
    """What in a page would run a learner's code: their text inside a script element, an
    event handler, or a javascript: link (the page's own template scripts are not theirs)."""
    from html.parser import HTMLParser

    found = []

    class Reader(HTMLParser):
        in_script = False

        def handle_starttag(self, tag, attrs):
            self.in_script = tag == "script"
            for name, value in attrs:
                if name.startswith("on") or "javascript:" in str(value).lower():
                    found.append(f"<{tag} {name}={value}>")

        def handle_endtag(self, tag):
            self.in_script = False

        def handle_data(self, data):
            if self.in_script and ("alert(" in data or "PWNED" in data):
                found.append(data[:80])

    Reader().feed(page)
    return found


def test_the_sandbox_shows_nothing_of_the_instructors_environment(graded_cohort):
    _, _, _, course, _ = graded_cohort
    printed = _outputs(course, "environment")
    assert printed.count("ENVIRON") == 2
    assert cohort_cases.INSTRUCTOR_SECRET not in printed
    assert "HOME=/home/learner" in printed or "unreadable" in printed


def test_a_broken_answer_cell_is_explained_not_judged(graded_cohort):
    """The answer cell stopped with a typing slip: the feedback says what to type instead."""
    _, results, _, course, _ = graded_cohort
    verdict = results["learners"]["typing-slip"]["checks"]["practice"]["q1"]
    assert verdict["reason"].startswith("NotAttemptedYet") and "To multiply" in verdict["reason"]
    page = _page_text(course.feedback("typing-slip", cohort_cases.ASSIGNMENT) / "practice.html")
    assert "To multiply, Python uses *" in page


def test_feedback_explains_in_plain_words(graded_cohort):
    _, _, _, course, _ = graded_cohort
    page = (course.feedback("partly-right", cohort_cases.ASSIGNMENT) / "practice.html").read_text()
    shown = re.sub(r"<style.*?</style>", "", page, flags=re.S)  # the CSS names a Traceback style
    assert "Not right yet" in shown
    assert "Traceback" not in shown and 'File "' not in shown


def test_the_report_shows_the_cohort(graded_cohort):
    _, results, _, course, _ = graded_cohort
    page = (course.reports / f"{cohort_cases.ASSIGNMENT}-report.html").read_text()
    told = results["learners"]["typing-slip"]["checks"]["practice"]["q1"]["reason"]
    sentences = told.split(": ", 1)[1]
    assert len(sentences) > 200 and html.escape(sentences, quote=False) in page, \
        "each check's message is shown whole, never cut mid-sentence"
    assert "&lt;b onmouseover" in page and not active_learner_html(page), \
        "a learner's name is shown as text, never as markup"
    assert page.count("<svg") >= 2, "score distribution and pass rate per question"
    for learner in ("patched-helpers", "malformed", "input-transformer"):
        assert learner in page
    assert "do not publish" in page


#: The learners plain nbgrader grades too: a few honest ones, HTML that must be cleaned in the
#: formgrader too, and the tamperers that fool it.
PLAIN = ("correct", "partly-right", "mostly-wrong", "blank", "script-output")


@pytest.fixture(scope="module")
def plain_graded(graded_cohort, tmp_path_factory):
    """The same notebooks graded by plain nbgrader with the course configuration, as the
    formgrader's buttons do (Autograde, then Generate Feedback)."""
    cases, _, _, course, submissions = graded_cohort
    chosen = [case for case in cases.values() if case.learner in PLAIN or case.plain_fooled]
    paths = {}
    for case in chosen:
        (relative,) = case.files
        paths[case.learner] = {"practice.ipynb": submissions / relative}
    folder = tmp_path_factory.mktemp("plain")
    grades = grade_notebooks(course.assignment_source(cohort_cases.ASSIGNMENT), paths, folder)
    plain.nbgrader(folder, "generate_feedback", cohort_cases.ASSIGNMENT, "--force")
    return chosen, grades, folder


def test_grades_match_plain_nbgrader_on_honest_work_and_beat_it_on_tampering(graded_cohort,
                                                                             plain_graded):
    _, _, rows, _, _ = graded_cohort
    chosen, grades, _ = plain_graded
    assert sum(case.plain_fooled for case in chosen) >= 4
    for case in chosen:
        ours = rows[cohort_cases.learner_id(case)]["auto_score"]
        theirs = sum(cell.score for cell in grades[case.learner].values()
                     if not cell.needs_manual_grade)
        if case.plain_fooled:
            assert theirs > ours, f"plain nbgrader was not fooled by {case.learner}"
        else:
            assert ours == theirs, case.learner


def test_the_formgraders_own_feedback_and_notebooks_are_safe_too(plain_graded):
    """Plain nbgrader with the course configuration (the formgrader's buttons): feedback
    without hidden parts, and learner HTML cleaned in the notebook the formgrader shows."""
    _, _, folder = plain_graded
    page = (folder / "feedback" / "partly-right" / cohort_cases.ASSIGNMENT /
            "practice.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", re.sub(r"<style.*?</style>", "", page, flags=re.S))
    text = re.sub(r"\s+", " ", text.replace("&quot;", '"').replace("&#39;", "'"))
    assert "Not right yet" in text, "the feedback was made and shows the checks' messages"
    for line in cohort_cases.hidden_lines():
        assert re.sub(r"\s+", " ", line) not in text, line
    notebook = nbformat.read(folder / "autograded" / "script-output" / cohort_cases.ASSIGNMENT /
                             "practice.ipynb", as_version=4)
    shown = json.dumps([cell.outputs for cell in notebook.cells if cell.cell_type == "code"])
    assert "<b>hello</b>" in shown
    for danger in ("<script", "onerror", "application/javascript"):
        assert danger not in shown.lower(), danger


def test_results_are_saved_for_reexport(graded_cohort):
    _, _, _, course, _ = graded_cohort
    saved = json.loads((course.reports / f"{cohort_cases.ASSIGNMENT}-results.json").read_text())
    assert saved["sandboxed"] is True
    assert len(saved["learners"]) >= 30
