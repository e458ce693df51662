"""Plain nbgrader, run the way its documentation describes, one notebook at a time.

This is the reference: the course's tests grade learner versions with it
(blank scores zero, the reference solution full marks, each plausible mistake
loses marks), and the cohort grader's benchmark compares its grades and its
speed against it. It runs nbgrader's own command line in a scratch course
folder that uses the course configuration (autograder/nbgrader_config.py).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook

from civicai.authoring.release import COURSE_CONFIG, nbgrader_environment


@dataclass(frozen=True)
class CellGrade:
    grade_id: str
    score: float
    max_score: float
    needs_manual_grade: bool


def prepare_course(workdir: Path, source_folder: Path) -> str:
    """A scratch nbgrader course with one assignment, generated and in the gradebook."""
    assignment = source_folder.name
    workdir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source_folder, workdir / "source" / assignment, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    (workdir / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"load_subconfig({str(COURSE_CONFIG)!r})\n"
        f"c.CourseDirectory.root = {str(workdir)!r}\n"
        "c.CourseDirectory.source_directory = 'source'\n"
        "c.CourseDirectory.release_directory = 'release'\n"
        "c.CourseDirectory.submitted_directory = 'submitted'\n"
        "c.CourseDirectory.autograded_directory = 'autograded'\n"
        "c.CourseDirectory.feedback_directory = 'feedback'\n"
        f"c.CourseDirectory.db_url = 'sqlite:///{workdir / 'gradebook.db'}'\n",
        encoding="utf-8")
    nbgrader(workdir, "generate_assignment", assignment, "--force")
    return assignment


def nbgrader(workdir: Path, *arguments: str) -> subprocess.CompletedProcess:
    """Run one nbgrader command in the scratch course; raise with its log on failure."""
    completed = subprocess.run([sys.executable, "-m", "nbgrader", *arguments], cwd=workdir,
                               env=nbgrader_environment(), capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(arguments)} failed:\n{completed.stdout}\n"
                           f"{completed.stderr}")
    return completed


def submit(workdir: Path, assignment: str, student: str, notebooks: dict[str, Path]) -> None:
    """Place a learner's notebooks where nbgrader autograde looks for them."""
    folder = workdir / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in notebooks.items():
        shutil.copyfile(path, folder / name)


def autograde(workdir: Path, assignment: str) -> None:
    nbgrader(workdir, "autograde", assignment, "--force")


def grades(workdir: Path, assignment: str) -> dict[str, dict[str, CellGrade]]:
    """{student: {grade_id: CellGrade}} for every submission in the gradebook."""
    results: dict[str, dict[str, CellGrade]] = {}
    with Gradebook(f"sqlite:///{workdir / 'gradebook.db'}") as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            cells = {}
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    cells[grade.name] = CellGrade(grade.name, float(grade.score),
                                                  float(grade.max_score),
                                                  bool(grade.needs_manual_grade))
            results[submission.student.id] = cells
    return results


def grade_notebooks(source_folder: Path, submissions: dict[str, dict[str, Path]],
                    workdir: Path) -> dict[str, dict[str, CellGrade]]:
    """Grade {student: {notebook file name: path}} against a source folder, sequentially."""
    assignment = prepare_course(workdir, source_folder)
    for student, notebooks in submissions.items():
        submit(workdir, assignment, student, notebooks)
    autograde(workdir, assignment)
    return grades(workdir, assignment)
