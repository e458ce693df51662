"""The authoring pipeline: generated notebooks are current, and nothing leaks to learners."""
import shutil
from pathlib import Path

import nbformat
import pytest

from civicai.authoring import build, leaks, sources

ROOT = Path(__file__).resolve().parent.parent


def test_every_generated_notebook_is_current():
    problems = build.stale()
    assert not problems, "\n".join(problems)


def test_no_learner_facing_file_holds_instructor_text():
    found = leaks.find_leaks(leaks.learner_facing_files())
    assert not found, "\n".join(found)


def test_every_exercise_has_a_learner_version():
    for source in (ROOT / "exercises").glob("*/*.ipynb"):
        assert (ROOT / "course" / source.parent.name / source.name).exists(), source


@pytest.fixture()
def course_copy(tmp_path) -> Path:
    """A copy of the course/ folder to plant problems in."""
    shutil.copytree(ROOT / "course", tmp_path / "course")
    return tmp_path


def test_leak_scan_finds_hidden_tests_in_a_notebook(course_copy):
    learner = course_copy / "course" / "00-start-here" / "practice.ipynb"
    notebook = nbformat.read(learner, as_version=4)
    check = next(cell for cell in notebook.cells if cell.id == "q1")
    check.source += "\n### BEGIN HIDDEN TESTS\nassert citizens_per_day == 84\n### END HIDDEN TESTS"
    nbformat.write(notebook, learner)
    found = leaks.find_leaks(leaks.learner_facing_files(course_copy))
    assert any("practice.ipynb" in line and "HIDDEN TESTS" in line for line in found)


@pytest.mark.parametrize("name, text", [
    ("answers.py", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n"),
    ("notes.md", "MODEL ANSWER (instructor only): ...\n"),
    ("data/rubric.txt", "=== BEGIN MARK SCHEME ===\n"),
])
def test_leak_scan_covers_every_kind_of_file(course_copy, name, text):
    planted = course_copy / "course" / "00-start-here" / name
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_text(text)
    found = leaks.find_leaks(leaks.learner_facing_files(course_copy))
    assert any(name.split("/")[-1] in line for line in found)


def test_stale_check_notices_an_edited_notebook(tmp_path):
    """A copy of the start-here module; edit one output and see it flagged."""
    module = ("00-start-here",)
    for folder in ("sources/course", "sources/exercises", "course", "exercises"):
        shutil.copytree(ROOT / folder / module[0], tmp_path / folder / module[0])
    assert build.stale(tmp_path, module) == []
    learner = tmp_path / "course" / "00-start-here" / "practice.ipynb"
    learner.write_text(learner.read_text().replace("Practice exercise", "Practise exercise"))
    (tmp_path / "course" / "00-start-here" / "orphan.ipynb").write_text("{}")
    problems = build.stale(tmp_path, module)
    assert any(line.startswith("stale: course/00-start-here/practice.ipynb") for line in problems)
    assert any(line.startswith("orphan: course/00-start-here/orphan.ipynb") for line in problems)


def write_source(tmp_path, text: str) -> Path:
    path = tmp_path / "exercise.py"
    path.write_text(text)
    return path


@pytest.mark.parametrize("text, complaint", [
    ('# %% nbgrader="check" grade_id="q1"\nx\n', "needs points"),
    ('# %% nbgrader="answr" grade_id="q1"\nx\n', "use one of"),
    ('# %% nbgrader="answer" grade_id="q 1"\nx\n', "grade_id must be"),
    ('# %% nbgrader="answer" grade_id="q1" points=2\nx\n', "carries no points"),
    ('# %% nbgrader="written" grade_id="r1" points=2\nx\n', "must be a markdown cell"),
    ('# %% nbgrader="answer" grade_id="a"\nx\n\n# %% nbgrader="answer" grade_id="a"\ny\n',
     "used twice"),
])
def test_authoring_mistakes_are_explained(tmp_path, text, complaint):
    with pytest.raises(sources.SourceError, match=complaint):
        sources.convert(write_source(tmp_path, text), exercise=True)


def test_lessons_cannot_carry_grading_metadata(tmp_path):
    path = write_source(tmp_path, '# %% nbgrader="answer" grade_id="a"\nx\n')
    with pytest.raises(sources.SourceError, match="outside an exercise"):
        sources.convert(path, exercise=False)


def test_conversion_is_stable_and_output_free(tmp_path):
    path = write_source(tmp_path, '# %% [markdown]\n# Title\n\n# %%\nprint(1)\n')
    first = nbformat.writes(sources.convert(path, exercise=False))
    second = nbformat.writes(sources.convert(path, exercise=False))
    assert first == second
    notebook = nbformat.reads(first, as_version=4)
    assert [cell.id for cell in notebook.cells] == ["cell-000", "cell-001"]
    assert notebook.cells[1].outputs == []


def test_a_graded_cohort_can_have_the_hints_that_give_the_answer_taken_out(tmp_path):
    """One setting in autograder/nbgrader_config.py (c.AnswerHints.keep): a cohort's release
    has no Hint 2 (Hint 1 stays, and a note says whom to ask); the committed self-paced
    versions always keep it."""
    from civicai.authoring import release

    source = ROOT / "exercises" / "01-automation"
    kept = release.generate(source)["exercise.ipynb"].decode()
    cut = release.generate(source, answer_hints=False)["exercise.ipynb"].decode()
    assert kept.count("💡 Hint 2") == 10 and cut.count("💡 Hint 2") == 0
    assert kept.count("💡 Hint 1") == cut.count("💡 Hint 1") == 10
    assert cut.count("ask your instructor if you are stuck") == 10
    assert "BEGIN SOLUTION" not in cut and "### BEGIN HIDDEN" not in cut
    config = (ROOT / "autograder" / "nbgrader_config.py").read_text()
    assert "c.AnswerHints.keep = True" in config, "self-paced by default"
    assert release.generate(source, answer_hints=None)["exercise.ipynb"].decode() == kept
