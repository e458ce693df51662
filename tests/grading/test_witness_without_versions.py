"""The witness where CPython's _testcapi is missing: every name and value compared each time.

With _testcapi (it ships with CPython), the witness tells which dictionaries changed by
their version (PEP 509) and compares only those. A Python built without its test modules
has no way to read versions, and the witness compares everything, as it always did. Both
ways must catch the same tampering: this grades the learners whose tampering only the
comparison can see, with versions turned off.
"""
from __future__ import annotations

import json

import pytest

import cohort_cases
from conftest import TEST_LIMITS
from civicai.grading import cohort, execute, export, worker
from civicai.grading.coursefolder import CourseFolder, quiet_nbgrader

pytestmark = pytest.mark.slow

LEARNERS = ("correct", "partly-right", "patched-helpers", "patched-builtins", "witness-closure",
            "patch-and-restore", "swapped-names", "swapped-names-by-name", "fake-builtins",
            "rebound-checks")


def test_without_dictionary_versions_the_same_tampering_is_caught(tmp_path, monkeypatch):
    quiet_nbgrader()
    modes = tmp_path / "modes.txt"
    start = worker.Worker.__init__
    preprocess = execute.SandboxedExecute.preprocess

    def without_versions(self, setup):  # workers are forked: this runs in each of them
        start(self, setup)
        execute.CONTEXT["kernel_settings"]["dict_versions"] = False

    def noting_the_mode(self, nb, resources=None, km=None):
        result = preprocess(self, nb, resources, km)
        for info in execute.CONTEXT["results"].values():
            with modes.open("a") as file:
                file.write(json.dumps(info["facts"].get("comparison")) + "\n")
        return result

    monkeypatch.setattr(worker.Worker, "__init__", without_versions)
    monkeypatch.setattr(execute.SandboxedExecute, "preprocess", noting_the_mode)
    cases = {case.learner: case for case in cohort_cases.cases() if case.learner in LEARNERS}
    assert len(cases) == len(LEARNERS)
    for case in cases.values():
        cohort_cases.write(case, tmp_path / "submissions")

    results = cohort.grade(cohort.Options(
        assignment=cohort_cases.ASSIGNMENT, submissions=tmp_path / "submissions",
        work=tmp_path / "course", workers=2, limits=TEST_LIMITS, progress=False,
        feedback=False), echo=lambda _: None)

    assert set(modes.read_text().split()) == {'"items"'}, "the witness compared item by item"
    rows = {row["learner_id"]: row for row in
            export.rows(CourseFolder(tmp_path / "course"), cohort_cases.ASSIGNMENT, results)}
    for learner, case in cases.items():
        row = rows[cohort_cases.learner_id(case)]
        assert row["auto_score"] == case.auto, (learner, results["learners"][learner])
        assert (row["status"] == export.NEEDS_REVIEW) == case.review, learner
