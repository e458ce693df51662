"""Simulated learner submissions, for testing that an exercise grades fairly.

Every exercise must give a blank notebook zero, the reference solution full
marks, and take marks off each plausible mistake. These helpers make those
notebooks from the learner version: `reference` fills every answer cell with
the solution from the instructor source; `answered` fills chosen cells with any
code (a mistake, or a hostile trick).
"""
from __future__ import annotations

import copy
import importlib.util
import re

import nbformat

_SOLUTION_MARKERS = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def _grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def solutions(source: nbformat.NotebookNode) -> dict[str, str]:
    """{grade_id: the answer as a learner would type it} for every solution cell."""
    found = {}
    for cell in source.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            lines = [line for line in cell.source.splitlines() if not _SOLUTION_MARKERS.match(line)]
            found[_grade_id(cell)] = "\n".join(lines)
    return found


def answered(learner: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    """A copy of the learner version with some cells' sources replaced."""
    notebook = copy.deepcopy(learner)
    missing = set(answers) - {_grade_id(cell) for cell in notebook.cells}
    if missing:
        raise KeyError(f"no cell with grade_id {sorted(missing)} in this notebook")
    for cell in notebook.cells:
        if _grade_id(cell) in answers:
            cell.source = answers[_grade_id(cell)]
    return notebook


def reference(source: nbformat.NotebookNode, learner: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The learner version, answered exactly as the instructor's solution."""
    return answered(learner, solutions(source))


def plausible_mistakes(assignment: str) -> dict[str, tuple[dict[str, str], set[str]]]:
    """tests/grading_cases/<assignment>.py's MISTAKES: {name: (answers, checks that fail)}.

    The grading tests and the grading benchmark both grade them; {} when there are none.
    """
    from civicai import REPO_ROOT

    path = REPO_ROOT / "tests" / "grading_cases" / f"{assignment}.py"
    if not path.exists():
        return {}
    spec = importlib.util.spec_from_file_location(f"cases_{assignment}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MISTAKES
