"""The simulated cohort, graded once for all the grading tests (sandboxed, three workers),
with the short limits of cohort_cases.TEST_LIMITS."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import cohort_cases  # noqa: E402

from civicai.grading import cohort, export  # noqa: E402
from civicai.grading.coursefolder import CourseFolder, quiet_nbgrader  # noqa: E402

TEST_LIMITS = cohort_cases.TEST_LIMITS


@pytest.fixture(scope="session", autouse=True)
def quiet():
    """nbgrader's harmless gradebook warnings, silenced as the grader itself does."""
    quiet_nbgrader()


@pytest.fixture(scope="session")
def graded_cohort(tmp_path_factory):
    """(cases by learner, results, CSV rows by learner id, course folder, submissions folder)."""
    quiet_nbgrader()
    os.environ["CIVICAI_TEST_SECRET"] = cohort_cases.INSTRUCTOR_SECRET  # must not reach learners
    base = tmp_path_factory.mktemp("cohort")
    cases = cohort_cases.build(base / "submissions")
    results = cohort.grade(cohort.Options(
        assignment=cohort_cases.ASSIGNMENT, submissions=base / "submissions",
        work=base / "course", workers=3, limits=TEST_LIMITS, progress=False), echo=lambda _: None)
    course = CourseFolder(base / "course")
    rows = {row["learner_id"]: row for row in export.rows(course, cohort_cases.ASSIGNMENT, results)}
    return cases, results, rows, course, base / "submissions"
