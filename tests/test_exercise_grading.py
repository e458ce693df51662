"""Every graded exercise grades fairly under plain nbgrader.

For each exercise (exercises/NN-topic/X.ipynb and its learner version
course/NN-topic/X.ipynb): a blank submission scores zero without crashing the
grader, the reference solution scores full marks, and each plausible mistake
listed in tests/grading_cases/NN-topic.py loses the points of the checks it
should fail, and only those.
"""
from pathlib import Path

import nbformat
import pytest

from civicai.authoring import submissions
from civicai.grading import plain

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = sorted((ROOT / "exercises").glob("*/*.ipynb"))



@pytest.fixture(scope="module", params=EXERCISES, ids=lambda path: path.parent.name)
def graded(request, tmp_path_factory):
    """Grade blank, reference and every mistake of one exercise, in one nbgrader run."""
    source_path = request.param
    assignment, name = source_path.parent.name, source_path.name
    source = nbformat.read(source_path, as_version=4)
    learner = nbformat.read(ROOT / "course" / assignment / name, as_version=4)
    mistakes = submissions.plausible_mistakes(assignment)
    reference_answers = submissions.solutions(source)
    notebooks = {"blank": learner, "reference": submissions.reference(source, learner)}
    for index, (answers, _) in enumerate(mistakes.values()):
        notebooks[f"mistake-{index:02d}"] = submissions.answered(
            learner, {**reference_answers, **answers})
    folder = tmp_path_factory.mktemp(f"submissions-{assignment}")
    paths = {}
    for student, notebook in notebooks.items():
        path = folder / f"{student}.ipynb"
        nbformat.write(notebook, path)
        paths[student] = {name: path}
    results = plain.grade_notebooks(source_path.parent, paths, tmp_path_factory.mktemp("course"))
    return assignment, source, mistakes, results


def auto_cells(grades):
    return {grade_id: cell for grade_id, cell in grades.items() if not cell.needs_manual_grade}


@pytest.mark.parametrize("source_path", EXERCISES, ids=lambda path: path.parent.name)
def test_exercise_has_enough_graded_parts(source_path):
    """A module's exercise: at least 8 auto-graded parts worth at least 15 points, plus a
    written reflection. The start-here practice is deliberately small: 3 parts and a reflection.
    """
    cells = [cell.metadata["nbgrader"] for cell in nbformat.read(source_path, as_version=4).cells
             if cell.metadata.get("nbgrader", {}).get("grade")]
    auto = [cell for cell in cells if not cell["solution"]]
    written = [cell for cell in cells if cell["solution"]]
    minimum_parts, minimum_points = (3, 3) if source_path.parent.name == "00-start-here" else (8, 15)
    assert len(auto) >= minimum_parts
    assert sum(cell["points"] for cell in auto) >= minimum_points
    assert 1 <= len(written) <= 2


def test_blank_scores_zero(graded):
    _, _, _, results = graded
    assert sum(cell.score for cell in results["blank"].values()) == 0


def test_reference_solution_scores_full_marks(graded):
    _, _, _, results = graded
    cells = auto_cells(results["reference"])
    assert cells, "no auto-graded cells"
    lost = {grade_id: cell for grade_id, cell in cells.items() if cell.score < cell.max_score}
    assert not lost, f"the reference solution loses marks on {sorted(lost)}"


def test_each_mistake_loses_exactly_its_points(graded):
    _, _, mistakes, results = graded
    assert len(mistakes) >= 5, "list at least five plausible mistakes"
    for index, (name, (_, should_fail)) in enumerate(mistakes.items()):
        cells = auto_cells(results[f"mistake-{index:02d}"])
        failed = {grade_id for grade_id, cell in cells.items() if cell.score < cell.max_score}
        assert failed == should_fail, f"mistake {name!r}: failed {sorted(failed)}"
