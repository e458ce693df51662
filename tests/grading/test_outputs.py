"""The grades CSV, the witness's report and the feedback filter, on their own (fast)."""
from __future__ import annotations

import csv
import hashlib

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from civicai.grading import export, feedback, witness


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


def _sign(lines, key):
    out = []
    for number, text in enumerate(lines, start=1):
        body = f"{number} {text}"
        mac = hashlib.blake2b(body.encode(), key=bytes.fromhex(key), digest_size=16).hexdigest()
        out.append(f"{body} {mac}")
    return "\n".join(out)


def test_the_report_is_trusted_only_up_to_the_first_forged_line():
    key = "00" * 32
    text = _sign(["armed 2", "check q1 passed start-ok end-ok learner-calls-0",
                  "check q2 passed start-ok end-ok learner-calls-0"], key)
    lines = text.splitlines()
    lines[2] = lines[2].replace("q2 passed", "q2 passed ")  # altered after signing
    assert len(witness.read_report(text, key)) == 3
    assert len(witness.read_report("\n".join(lines), key)) == 2
    assert witness.read_report(text, "11" * 32) == [], "another key signs nothing here"
    assert len(witness.read_report("\n".join([lines[0], lines[2]]), key)) == 1, "gaps stop it"


def test_verdicts_pass_only_what_the_witness_saw_pass_untampered():
    report = [["armed", "3"], ["check", "q1", "passed", "start-ok", "end-ok", "learner-calls-0"],
              ["check", "q2", "passed", "start-tampered", "end-ok", "learner-calls-0"],
              ["problem", "q2", "builtins: print replaced"]]
    results, facts = witness.verdicts(report, ["q1", "q2", "q3"])
    assert results["q1"].passed
    assert not results["q2"].passed and results["q2"].tampering
    assert "print replaced" in results["q2"].detail
    assert not results["q3"].passed and "did not run" in results["q3"].reason
    assert facts["armed"] and not facts["ended"]


def test_a_changed_read_only_cell_taints_the_checks_after_it():
    report = [["armed", "2"], ["skipped", "readonly-003"],
              ["check", "q1", "passed", "start-ok", "end-ok", "learner-calls-0"]]
    results, _ = witness.verdicts(report, ["q1"])
    assert not results["q1"].passed and results["q1"].tampering


def test_instrumenting_keeps_the_last_value_shown_and_numbers_right():
    assert witness.instrument("assert x\n0.5", "q1").endswith(f"\n{witness.LAST_VALUE}")
    source = witness.instrument("y = 'é'; checks.q1.check()  # ok", "q1")
    assert source.startswith("y = 'é'; " + witness.LAST_VALUE + " = (checks.q1.check())  # ok")
    assert witness.instrument("assert x", "q1").endswith("'q1')")


def _check_cell(source, outputs):
    return new_code_cell(source, outputs=outputs, metadata={"nbgrader": {
        "grade": True, "solution": False, "grade_id": "q1", "points": 1, "locked": True}})


def test_feedback_cuts_hidden_tests_and_their_tracebacks():
    hidden = "assert same_number(citizens_per_day, 84)"
    check = _check_cell(
        f"checks.q1.check()\n### BEGIN HIDDEN TESTS\n{hidden}\n### END HIDDEN TESTS",
        [new_output("stream", name="stdout", text="learner print during the check"),
         new_output("error", ename="AssertionError", evalue="",
                    traceback=[f"----> 3 {hidden}", "AssertionError"])])
    learner = new_code_cell("print(captured)", outputs=[
        new_output("stream", name="stdout", text=f"captured: {hidden}\n")])
    notebook = new_notebook(cells=[check, learner])
    feedback.HideHiddenTests().preprocess(notebook, {})
    text = nbformat.writes(notebook)
    assert "same_number(citizens_per_day" not in text
    assert "learner print during the check" not in text
    assert "extra check by your instructor" in text
    assert notebook.cells[0].source.strip() == "checks.q1.check()"


def test_feedback_keeps_the_checks_own_friendly_messages():
    friendly = new_output("error", ename="NotRightYet", evalue="Question 1",
                          traceback=["🔎 Not right yet — Question 1", "It is 19."])
    correct = new_output("display_data", data={"text/plain": "✅ Correct — Question 2"})
    notebook = new_notebook(cells=[_check_cell("checks.q1.check()", [friendly, correct])])
    feedback.HideHiddenTests().preprocess(notebook, {})
    assert notebook.cells[0].outputs == [friendly, correct]
