"""Simulated learner submissions, for testing that an exercise grades fairly.

Every exercise must give a blank notebook zero, the reference solution full
marks, the same full marks with nothing flagged to every honest variant (a
correct answer written another way), and take marks off each plausible mistake.
These helpers make those notebooks from the learner version: `reference` fills
every answer cell with the solution from the instructor source; `answered`
fills chosen cells with any code (a mistake, or a hostile trick); `variant`
makes an honest variant, and `pack` puts variants that touch different cells
into one notebook, so a corpus grades in a few runs.
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


def _cases(assignment: str):
    from civicai import REPO_ROOT

    path = REPO_ROOT / "tests" / "grading_cases" / f"{assignment}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"cases_{assignment}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def plausible_mistakes(assignment: str) -> dict[str, tuple]:
    """tests/grading_cases/<assignment>.py's MISTAKES: {name: (answers, checks that fail,
    {check: words of the named message the learner gets})}.

    The grading tests and the grading benchmark both grade them; {} when there are none.
    """
    module = _cases(assignment)
    return getattr(module, "MISTAKES", {}) if module else {}


def honest_variants(assignment: str) -> list[dict]:
    """tests/grading_cases/<assignment>.py's HONEST: correct answers written other ways.

    Each is {"name", "answers": {grade_id: code}, "after": {grade_id: code of a cell the
    learner added after that cell}, "stale": saved with old outputs, run out of order}.
    """
    module = _cases(assignment)
    return list(getattr(module, "HONEST", [])) if module else []


def _touched(spec: dict) -> set[str]:
    cells = set(spec.get("answers", {})) | {f"after:{key}" for key in spec.get("after", {})}
    return cells | ({"stale"} if spec.get("stale") else set())


def pack(specs: list[dict]) -> list[dict]:
    """Variants merged into as few notebooks as possible, none sharing a cell with another."""
    packed: list[dict] = []
    for spec in specs:
        for group in packed:
            if not _touched(group) & _touched(spec):
                group["name"] += f" + {spec['name']}"
                group.setdefault("answers", {}).update(spec.get("answers", {}))
                group.setdefault("after", {}).update(spec.get("after", {}))
                group["stale"] = group.get("stale", False) or spec.get("stale", False)
                break
        else:
            packed.append({"name": spec["name"], "answers": dict(spec.get("answers", {})),
                           "after": dict(spec.get("after", {})), "stale": spec.get("stale", False)})
    return packed


def variant(source: nbformat.NotebookNode, learner: nbformat.NotebookNode, spec: dict,
            reflection: str | None = None) -> nbformat.NotebookNode:
    """The learner version answered as the reference, with one honest variant's changes."""
    answers = {**solutions(source), **spec.get("answers", {})}
    if reflection is not None:
        answers.update({grade_id: reflection for grade_id in written_cells(source)})
    notebook = answered(learner, answers)
    for grade_id, code in spec.get("after", {}).items():
        position = next(index for index, cell in enumerate(notebook.cells)
                        if _grade_id(cell) == grade_id)
        notebook.cells.insert(position + 1, nbformat.v4.new_code_cell(code))
    if spec.get("stale"):  # as saved after a session of edits: old outputs, odd numbers
        for number, cell in enumerate(cell for cell in notebook.cells if cell.cell_type == "code"):
            cell.execution_count = 100 - number
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout",
                                                   text=f"an old output ({number})\n")]
    return notebook


def written_cells(source: nbformat.NotebookNode) -> list[str]:
    """grade_ids of the written answers (graded by hand)."""
    return [_grade_id(cell) for cell in source.cells
            if cell.metadata.get("nbgrader", {}).get("solution")
            and cell.metadata.get("nbgrader", {}).get("grade")]
