"""Which notebooks nbval runs.

`pytest` collects every notebook in course/ (see pyproject.toml): lessons,
sandboxes and the start page. Graded exercises are not run by nbval: their
instructor sources run once in the reference run that checks the answer key
(every cell must run there), and their learner versions, whose checks fail on
purpose until a learner answers, are graded as a cohort instead
(tests/grading/test_module_exercises.py).
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
    if Path(collection_path).resolve() == ROOT / "exercises":
        return True
    return None
