"""Readable notebook sources (jupytext percent `.py`) to `.ipynb`.

Authors write every notebook as a percent-format script under `sources/`,
which reviews well in a pull request. This module turns one source into the
notebook JSON that learners open, the same way every time: no outputs, stable
cell ids, and nbgrader's cell metadata spelled out from a short author form.

The short form goes on a cell's marker line:

    # %% nbgrader="answer" grade_id="q1_answer"                learner writes code here
    # %% nbgrader="check" grade_id="q1" points=2               visible check + hidden tests
    # %% [markdown] nbgrader="written" grade_id="r1" points=3  written answer, graded by hand

In an exercise every other cell becomes read-only, so nbgrader restores it
when grading: a learner cannot rewrite the set-up cells or the checks.
"""
from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat

NBGRADER_SCHEMA = 3
ENVIRONMENT = Path(__file__).resolve().parents[2] / "environment.yml"
ROLES = {
    "answer": {"solution": True, "grade": False, "locked": False},
    "check": {"solution": False, "grade": True, "locked": True},
    "written": {"solution": True, "grade": True, "locked": False},
}
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
_ID_CHARACTERS = re.compile(r"[^A-Za-z0-9_-]")


class SourceError(ValueError):
    """A notebook source breaks an authoring rule; the message says where and how."""


def _nbgrader_metadata(cell, where: str, index: int, exercise: bool) -> dict | None:
    role = cell.metadata.pop("nbgrader", None)
    grade_id = cell.metadata.pop("grade_id", None)
    points = cell.metadata.pop("points", None)
    if role is None:
        if not exercise:
            if grade_id is not None or points is not None:
                raise SourceError(f"{where}: grade_id/points without nbgrader=... role")
            return None
        return {"grade": False, "solution": False, "locked": True,
                "grade_id": f"readonly-{index:03d}", "schema_version": NBGRADER_SCHEMA}
    if not exercise:
        raise SourceError(f"{where}: nbgrader={role!r} outside an exercise (sources/exercises)")
    if role not in ROLES:
        raise SourceError(f"{where}: nbgrader={role!r}; use one of {', '.join(ROLES)}")
    if not grade_id or _ID_CHARACTERS.search(str(grade_id)):
        raise SourceError(f"{where}: grade_id must be letters, digits, '-' or '_'")
    metadata = {**ROLES[role], "grade_id": str(grade_id), "schema_version": NBGRADER_SCHEMA}
    if ROLES[role]["grade"]:
        if not isinstance(points, (int, float)) or points <= 0:
            raise SourceError(f"{where}: a {role} cell needs points=N (N > 0)")
        metadata["points"] = points
    elif points is not None:
        raise SourceError(f"{where}: an answer cell carries no points (put them on its check)")
    expected_type = "markdown" if role == "written" else "code"
    if cell.cell_type != expected_type:
        raise SourceError(f"{where}: a {role} cell must be a {expected_type} cell")
    return metadata


def language_info() -> dict:
    """What the course's kernel says about its language, word for word.

    JupyterLab writes the kernel's `language_info` into a notebook as soon as the kernel
    starts; a notebook that says less (or another Python) opens looking changed, and asks
    to be saved when it is closed untouched. So the notebooks carry what ipykernel reports,
    for the Python the course pins (environment.yml, which Binder installs), not for
    whichever Python builds them.
    """
    from ipykernel.ipkernel import IPythonKernel

    pinned = re.search(r"^\s*-\s*python==(\S+)\s*$", ENVIRONMENT.read_text(encoding="utf-8"), re.M)
    if pinned is None:
        raise SourceError(f"{ENVIRONMENT.name} pins no python==X.Y.Z")
    return {**IPythonKernel.language_info, "version": pinned.group(1)}


def convert(source: Path, exercise: bool) -> nbformat.NotebookNode:
    """The notebook for one percent-format source."""
    notebook = jupytext.read(source, fmt="py:percent")
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata["language_info"] = language_info()
    seen: set[str] = set()
    for index, cell in enumerate(notebook.cells):
        where = f"{source.name}, cell {index + 1}"
        metadata = _nbgrader_metadata(cell, where, index, exercise)
        if metadata:
            cell.metadata["nbgrader"] = metadata
            if metadata["grade_id"] in seen:
                raise SourceError(f"{where}: grade_id {metadata['grade_id']!r} is used twice")
            seen.add(metadata["grade_id"])
        cell_id = metadata["grade_id"] if metadata else f"cell-{index:03d}"
        cell.id = _ID_CHARACTERS.sub("-", cell_id)[:64]
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.validate(notebook)
    return notebook


def write(notebook: nbformat.NotebookNode, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")
