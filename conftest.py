"""Which notebooks nbval runs.

`pytest` collects every notebook in course/ and exercises/ (see pyproject.toml),
except the learner versions of graded exercises: their checks fail on purpose
until a learner answers, so tests/test_exercise_grading.py grades them instead.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def is_learner_exercise(path: Path) -> bool:
    """course/NN-topic/X.ipynb is a learner version when exercises/NN-topic/X.ipynb exists."""
    path = Path(path).resolve()
    return (path.suffix == ".ipynb" and path.parent.parent == ROOT / "course"
            and (ROOT / "exercises" / path.parent.name / path.name).exists())


def pytest_ignore_collect(collection_path, config):
    if ".ipynb_checkpoints" in collection_path.parts:
        return True
    if is_learner_exercise(collection_path):
        return True
    return None
