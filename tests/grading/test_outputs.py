"""The grades CSV, the feedback filter and the output cleaner, on their own (fast)."""
from __future__ import annotations

import csv

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from civicai.grading import export, feedback


def test_csv_quotes_every_awkward_name(tmp_path):
    names = ['Rahayu, Siti', 'Siti "Iti" Rahayu', "two\nlines", "Nguyễn Văn An", "=HYPERLINK(1)",
             "Ana María O'Neil", "plain"]
    table = [dict.fromkeys(export.COLUMNS, "") | {"learner_id": f"l{index}", "name": name,
                                                 "score": 3.5, "notes": "a; b, c"}
             for index, name in enumerate(names)]
    path = export.write_csv(table, tmp_path / "grades.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, for Excel"
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["name"] for row in rows] == [
        "'=HYPERLINK(1)" if name.startswith("=") else name for name in names]
    assert all(row["score"] == "3.5" and row["notes"] == "a; b, c" for row in rows)
    assert list(rows[0]) == export.COLUMNS


def _check_cell(source, outputs):
    return new_code_cell(source, outputs=outputs, metadata={"nbgrader": {
        "grade": True, "solution": False, "grade_id": "q1", "points": 1, "locked": True}})


def test_feedback_cuts_hidden_parts_and_their_tracebacks():
    hidden = "def hidden_calls(call):\n    call('3273014510990007', b'hidden-test-key-A')"
    check = _check_cell(
        f"checks.q1.check()\n### BEGIN HIDDEN TESTS\n{hidden}\n### END HIDDEN TESTS",
        [new_output("stream", name="stdout", text="learner print during the check"),
         new_output("error", ename="FileNotFoundError", evalue="",
                    traceback=["----> 3 checks.q1.hidden(calls=hidden_calls)", "KeyError"])])
    notebook = new_notebook(cells=[check])
    feedback.HideHiddenTests().preprocess(notebook, {})
    text = nbformat.writes(notebook)
    assert "hidden-test-key" not in text and "hidden_calls" not in text
    assert "learner print during the check" not in text
    assert "extra check by your instructor" in text
    assert notebook.cells[0].source.strip() == "checks.q1.check()"


def test_learner_outputs_and_markdown_are_cleaned_and_the_course_cells_kept():
    script = '<b>kept</b><script>alert(1)</script><img src=x onerror="alert(2)">'
    learner_cell = new_code_cell("x = 1", outputs=[
        new_output("display_data", data={"text/html": script, "text/plain": "x",
                                         "application/javascript": "alert(3)",
                                         "image/svg+xml": "<svg onload='alert(4)'/>"})])
    answer = nbformat.v4.new_markdown_cell(f"My answer {script}", metadata={"nbgrader": {
        "solution": True, "grade": True, "grade_id": "r1", "points": 1, "locked": False}})
    course = nbformat.v4.new_markdown_cell("<details><summary>💡 Hint</summary>x</details>",
                                           metadata={"nbgrader": {"locked": True,
                                                                  "grade_id": "readonly-1"}})
    notebook = new_notebook(cells=[learner_cell, answer, course])
    feedback.SanitizeOutputs().preprocess(notebook, {})
    text = nbformat.writes(notebook).lower()
    for danger in ("<script", "onerror", "onload", "application/javascript", "alert(3)"):
        assert danger not in text, danger
    assert "<b>kept</b>" in text and "<details>" in text


def test_feedback_keeps_the_checks_own_friendly_messages():
    friendly = new_output("error", ename="NotRightYet", evalue="Question 1",
                          traceback=["🔎 Not right yet — Question 1", "It is 19."])
    correct = new_output("display_data", data={"text/plain": "✅ Correct — Question 2"})
    notebook = new_notebook(cells=[_check_cell("checks.q1.check()", [friendly, correct])])
    feedback.HideHiddenTests().preprocess(notebook, {})
    assert notebook.cells[0].outputs == [friendly, correct]


def test_a_learner_with_thousands_of_notes_fits_a_spreadsheet_cell():
    notes = [f"file-{index:05d}.txt was not graded: not a notebook" for index in range(19998)]
    cell = export.joined(notes)
    assert len(cell) <= export.CELL_LIMIT
    assert cell.endswith("more (see the cohort report)") and cell.startswith("file-00000.txt")
    assert export.joined(["a", "b"]) == "a; b"


def test_report_cells_are_bounded():
    from civicai.grading import report

    html_cell = report._table(["note"], [["x" * 100_000]])
    assert len(html_cell) < report.CELL_CHARACTERS + 200 and "more characters" in html_cell
