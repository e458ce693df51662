"""Put the instructor's cells back as they were released, before nbgrader reads the notebook.

nbgrader's sanitizing step (OverwriteCells) restores locked cells that are
still in the notebook, but a learner who edits the nbgrader metadata of a cell
(its points, its grade flag) or deletes cells can make nbgrader stop with an
error (nbgrader 0.9.6: "Inconsistent checksums", or a KeyError when it adds a
deleted check back after an ungraded cell). `RestoreInstructorCells` runs just
before OverwriteCells and makes the notebook look like the released learner
version again, so that nbgrader always can grade it:

- every cell that carries one of the assignment's ids gets the released
  cell's nbgrader metadata and type back, and read-only cells their released text;
- a cell that claims an id the assignment does not have loses that metadata
  (it is the learner's own cell);
- every released cell that is missing is put back in its place (answer cells
  come back empty, as released: nobody gets the solution, and it scores zero).

What was put back is recorded in `RESTORED[notebook]` for the report.
"""
from __future__ import annotations

import copy

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

#: {notebook name: released learner version}, set by the worker.
RELEASES: dict[str, NotebookNode] = {}
#: {notebook name: what was restored}, for the learner being graded (reset by the worker).
RESTORED: dict[str, list[str]] = {}


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _fresh(cell: NotebookNode) -> NotebookNode:
    """A copy of a released cell, without outputs, ready to run."""
    fresh = copy.deepcopy(cell)
    if fresh.cell_type == "code":
        fresh.outputs, fresh.execution_count = [], None
    return fresh


class RestoreInstructorCells(NbGraderPreprocessor):
    """Make a submitted notebook's instructor cells exactly those of the released version."""

    def preprocess(self, nb, resources):
        name = resources["nbgrader"]["notebook"]
        release = RELEASES.get(name)
        notes = RESTORED.setdefault(name, [])
        if release is None:
            return nb, resources
        released = {_meta(cell)["grade_id"]: cell for cell in release.cells
                    if _meta(cell).get("grade_id")}
        seen = set()
        for cell in nb.cells:
            grade_id = _meta(cell).get("grade_id")
            if grade_id is None:
                if "nbgrader" in cell.get("metadata", {}):
                    del cell.metadata["nbgrader"]
                continue
            original = released.get(grade_id)
            if original is None or grade_id in seen:
                del cell.metadata["nbgrader"]  # not one of the assignment's cells, or a copy
                notes.append(f"a cell claiming to be {grade_id} was treated as the learner's own")
                continue
            seen.add(grade_id)
            cell.metadata["nbgrader"] = copy.deepcopy(original.metadata["nbgrader"])
            if cell.cell_type != original.cell_type or (
                    _meta(original).get("locked") and not _meta(original).get("solution")):
                replacement = _fresh(original)
                replacement["id"] = cell.get("id", replacement.get("id"))
                cell.clear()
                cell.update(replacement)
        self._put_back_missing(nb, release, seen, notes)
        return nb, resources

    @staticmethod
    def _put_back_missing(nb, release, present: set[str], notes: list[str]) -> None:
        previous = None  # the id of the released cell before the one being put back
        for cell in release.cells:
            grade_id = _meta(cell).get("grade_id")
            if not grade_id:
                continue
            if grade_id not in present:
                position = 0
                for index, existing in enumerate(nb.cells):
                    if previous is not None and _meta(existing).get("grade_id") == previous:
                        position = index + 1
                fresh = _fresh(cell)
                if "id" in fresh:  # cell ids must stay unique in the notebook
                    fresh["id"] = f"restored-{grade_id}"[:64]
                nb.cells.insert(position, fresh)
                present.add(grade_id)
                kind = ("answer" if _meta(cell).get("solution") else
                        "check" if _meta(cell).get("grade") else "read-only cell")
                notes.append(f"the {kind} {grade_id} was missing and was put back"
                             + (" (empty)" if kind == "answer" else ""))
            previous = grade_id
