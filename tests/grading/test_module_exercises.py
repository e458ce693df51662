"""The cohort grader on the course's real module exercises, not only the practice.

Real exercises use scikit-learn, matplotlib and Fairlearn, which change their own state in
honest use (warnings filters, font lists, caches, ctypes in threadpoolctl); the witness must
not take any of that for tampering. For each module exercise, a cohort of the reference
solution and every plausible mistake of tests/grading_cases/ is graded in the sandbox: the
reference gets full marks, each mistake loses exactly its checks, and nobody is flagged
but a "mistake" that is really tampering (an answer defining dunder methods, such as an
object equal to everything).
"""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from civicai.authoring import submissions
from civicai.grading import cohort
from civicai.grading.coursefolder import CourseFolder

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(path.name for path in (ROOT / "exercises").glob("0[1-9]-*") if path.is_dir())

pytestmark = pytest.mark.slow



@pytest.mark.parametrize("assignment", MODULES)
def test_module_exercise_grades_fairly_in_the_sandbox(assignment, tmp_path):
    (source_path,) = sorted((ROOT / "exercises" / assignment).glob("*.ipynb"))
    source = nbformat.read(source_path, as_version=4)
    learner = nbformat.read(ROOT / "course" / assignment / source_path.name, as_version=4)
    reference = submissions.solutions(source)
    mistakes = submissions.plausible_mistakes(assignment)
    notebooks = {"reference": submissions.reference(source, learner)}
    expected_failures, hostile = {"reference": set()}, set()
    for index, (answers, should_fail) in enumerate(mistakes.values()):
        notebooks[f"mistake-{index:02d}"] = submissions.answered(learner, {**reference, **answers})
        expected_failures[f"mistake-{index:02d}"] = should_fail
        if any("def __" in answer or "__ =" in answer for answer in answers.values()):
            hostile.add(f"mistake-{index:02d}")
    for name, notebook in notebooks.items():
        (tmp_path / "subs" / name).mkdir(parents=True)
        nbformat.write(notebook, tmp_path / "subs" / name / source_path.name)

    results = cohort.grade(cohort.Options(assignment=assignment, submissions=tmp_path / "subs",
                                          work=tmp_path / "course", workers=3, progress=False,
                                          feedback=False), echo=lambda _: None)

    flagged = {name: record["review"] for name, record in results["learners"].items()
               if record.get("review") and name not in hostile}
    assert not flagged, f"honest work flagged for review: {flagged}"
    assert all(results["learners"][name].get("review") for name in hostile)
    with Gradebook(CourseFolder(tmp_path / "course").db_url) as gradebook:
        for name, should_fail in expected_failures.items():
            submission = gradebook.find_submission(assignment, name)
            failed = {grade.name for notebook in submission.notebooks for grade in notebook.grades
                      if grade.cell.cell_type == "code" and not grade.needs_manual_grade
                      and grade.score < grade.max_score}
            assert failed == should_fail, f"{name}: failed {sorted(failed)}"


#: A q9 answer whose noise is 8 % too wide: the visible check (4,000 draws, 12 % allowed)
#: passes it, the hidden tests (20,000 draws, 5 % allowed) would not. So it also puts its
#: own `np` in the notebook, whose `array` hands the hidden tests textbook Laplace noise.
WIDE_NOISE_WITH_OWN_NUMPY = '''import numpy as _numpy

_asked = {}

def dp_count(true_count, epsilon, rng):
    _asked["epsilon"] = epsilon
    return true_count + rng.laplace(loc=0.0, scale=1.08 / epsilon)

class _Numpy:
    def __getattr__(self, name):
        return getattr(_numpy, name)

    def array(self, values):
        scale = 1 / _asked.get("epsilon", 1.0)
        return _numpy.random.default_rng(0).laplace(0.0, scale, len(values)) + 50

np = _Numpy()'''


def test_a_check_uses_what_the_course_set_up_not_the_learners_own_version(tmp_path):
    """Hidden tests read names that read-only cells set up (here `np`). A learner who
    binds their own version there would pass them with a wrong answer, as they do in
    plain nbgrader: the witness sees the name replaced, and that check does not count."""
    assignment = "04-privacy"
    (source_path,) = sorted((ROOT / "exercises" / assignment).glob("*.ipynb"))
    source = nbformat.read(source_path, as_version=4)
    learner = nbformat.read(ROOT / "course" / assignment / source_path.name, as_version=4)
    answers = {**submissions.solutions(source), "q9_answer": WIDE_NOISE_WITH_OWN_NUMPY}
    (tmp_path / "subs" / "own-numpy").mkdir(parents=True)
    nbformat.write(submissions.answered(learner, answers),
                   tmp_path / "subs" / "own-numpy" / source_path.name)

    results = cohort.grade(cohort.Options(assignment=assignment, submissions=tmp_path / "subs",
                                          work=tmp_path / "course", workers=1, progress=False,
                                          feedback=False), echo=lambda _: None)

    record = results["learners"]["own-numpy"]
    verdicts = record["checks"][source_path.stem]
    assert not verdicts["q9"]["passed"] and verdicts["q9"]["tampering"]
    assert "np_replaced" in verdicts["q9"]["detail"]
    assert all(verdict["passed"] for grade_id, verdict in verdicts.items() if grade_id != "q9")
    with Gradebook(CourseFolder(tmp_path / "course").db_url) as gradebook:
        submission = gradebook.find_submission(assignment, "own-numpy")
        scores = {grade.name: (grade.score, grade.max_score) for notebook in submission.notebooks
                  for grade in notebook.grades if grade.cell.cell_type == "code"}
    assert scores.pop("q9") == (0, 3)
    assert all(score == most for score, most in scores.values())
