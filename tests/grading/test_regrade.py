"""The instructor's cycle with the command: a zip in, manual grading, re-export, a resubmission."""
from __future__ import annotations

import csv
import json
import zipfile

import nbformat
import pytest
from nbgrader.api import Gradebook

import cohort_cases
from civicai.grading import cli, cohort, sandbox
from civicai.grading.coursefolder import CourseFolder

pytestmark = pytest.mark.slow
ASSIGNMENT = cohort_cases.ASSIGNMENT
#: The practice's points checked by the computer, and with the written answer (1 point).
AUTO = float(sum(cohort_cases.POINTS.values()))
FULL = AUTO + 1


#: Moodle participant numbers of the learners in these tests.
NUMBERS = {"Alice": 111111, "Bob": 222222, "Carol": 333333}


def make_zip(path, notebooks):
    """A Moodle "download all submissions" zip."""
    with zipfile.ZipFile(path, "w") as bundle:
        for name, notebook in notebooks.items():
            bundle.writestr(f"{name}_{NUMBERS[name]}_assignsubmission_file_practice.ipynb",
                            nbformat.writes(notebook))
    return path


def read_csv(out, key="name"):
    with open(out / "reports" / f"{ASSIGNMENT}-grades.csv", newline="", encoding="utf-8-sig") as f:
        return {row[key]: row for row in csv.DictReader(f)}


def grade(*arguments):
    return cli.main([ASSIGNMENT, *map(str, arguments), "--workers", "2", "--quiet",
                     "--cell-timeout", "10"])


def test_zip_to_spreadsheet_then_manual_grades_then_a_resubmission(tmp_path):
    out = tmp_path / "course"
    first = {"Alice": cohort_cases.notebook({}),
             "Bob": cohort_cases.notebook({"q1_answer": cohort_cases.WRONG["q1_answer"]}),
             "Carol": cohort_cases.blank()}
    assert grade(make_zip(tmp_path / "first.zip", first), "--out", out) == 0
    rows = read_csv(out)
    assert {name: float(row["auto_score"]) for name, row in rows.items()} == \
        {"Alice": AUTO, "Bob": AUTO - 1, "Carol": 0.0}
    assert rows["Alice"]["status"] == "written answers to grade"
    assert rows["Alice"]["written_score"] == "", "pending until an instructor grades it"
    assert rows["Carol"]["status"] == "complete", "an unanswered reflection scores zero"

    # the instructor grades Alice's reflection in the formgrader (which does exactly this)
    alice = rows["Alice"]["learner_id"]
    alice_feedback = out / "feedback" / alice / ASSIGNMENT / "practice.html"
    assert f"Score: {AUTO} / {FULL}" in alice_feedback.read_text(encoding="utf-8")
    with Gradebook(CourseFolder(out).db_url) as gradebook:
        reflection = gradebook.find_grade("q4_reflection", "practice", ASSIGNMENT, alice)
        reflection.manual_score, reflection.needs_manual_grade = 1.0, False
        gradebook.db.commit()
    assert cli.main([ASSIGNMENT, "--out", str(out), "--export"]) == 0
    rows = read_csv(out)
    assert rows["Alice"]["score"] == str(FULL) and rows["Alice"]["written_score"] == "1.0"
    assert rows["Alice"]["status"] == "complete"
    assert f"Score: {FULL} / {FULL}" in alice_feedback.read_text(encoding="utf-8"), \
        "the feedback page is made again with the manual grade"

    # Bob fixes his answer and the LMS download is graded again
    before = json.loads((out / "reports" / f"{ASSIGNMENT}-results.json").read_text())
    second = dict(first, Bob=cohort_cases.notebook({}))
    assert grade(make_zip(tmp_path / "second.zip", second), "--out", out) == 0
    after = json.loads((out / "reports" / f"{ASSIGNMENT}-results.json").read_text())
    rows = read_csv(out)
    assert float(rows["Bob"]["auto_score"]) == AUTO, "the new submission replaced the old"
    assert rows["Alice"]["score"] == str(FULL), "an unchanged learner keeps the manual grade"
    bob = rows["Bob"]["learner_id"]
    assert after["learners"][bob]["graded_at"] >= before["learners"][bob]["graded_at"]
    assert after["learners"][alice] == before["learners"][alice]
    feedback = out / "feedback" / bob / ASSIGNMENT / "practice.html"
    assert feedback.exists()


def test_without_bubblewrap_grading_refuses_and_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "bwrap_path", lambda: None)
    (tmp_path / "subs").mkdir()
    nbformat.write(cohort_cases.notebook({}), tmp_path / "subs" / "alice.ipynb")
    with pytest.raises(cohort.GradingError, match="bubblewrap") as refused:
        cohort.grade(cohort.Options(assignment=ASSIGNMENT, submissions=tmp_path / "subs",
                                    work=tmp_path / "course", progress=False))
    assert "--no-sandbox" in str(refused.value)
    assert not (tmp_path / "course" / "gradebook.db").exists(), "nothing was graded"


def test_no_sandbox_is_an_explicit_choice_and_answers_are_still_judged_outside(tmp_path, capsys):
    (tmp_path / "subs").mkdir()
    nbformat.write(cohort_cases.notebook({}), tmp_path / "subs" / "honest.ipynb")
    nbformat.write(cohort_cases.notebook({**cohort_cases.WRONG,
                                          "q1_answer": cohort_cases.INPUT_TRANSFORMER}),
                   tmp_path / "subs" / "sly.ipynb")
    assert grade(tmp_path / "subs", "--out", tmp_path / "course", "--no-sandbox") == 0
    assert "WARNING: --no-sandbox" in capsys.readouterr().err
    rows = read_csv(tmp_path / "course", key="learner_id")
    assert float(rows["honest"]["auto_score"]) == AUTO
    assert float(rows["sly"]["auto_score"]) == 0.0 and rows["sly"]["status"] == "needs review"


@pytest.mark.parametrize("option", ["--workers", "--cell-timeout", "--memory-mb"])
def test_impossible_numbers_are_refused_in_plain_words(option, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main([ASSIGNMENT, "submissions", option, "-1"])
    assert stopped.value.code == 2
    assert "must be" in capsys.readouterr().err


def test_export_of_a_folder_with_nothing_graded_says_so(tmp_path, capsys):
    assert cli.main([ASSIGNMENT, "--out", str(tmp_path / "nowhere"), "--export"]) == 1
    assert "Nothing to export" in capsys.readouterr().err
