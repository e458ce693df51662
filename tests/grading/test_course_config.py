"""What the formgrader does with the course configuration must be safe too.

In instructor mode the formgrader runs plain nbgrader with autograder/nbgrader_config.py:
its "Generate" must not delete the learner versions in course/ (nbgrader empties the
release folder of an assignment first). Its "Autograde" and "Generate Feedback" are
tried on the simulated cohort (tests/grading/test_cohort.py).
"""
from __future__ import annotations

import pytest

from civicai import REPO_ROOT
from civicai.grading.coursefolder import course_config

pytestmark = pytest.mark.slow


def test_nbgraders_own_release_folder_is_not_the_learners_course():
    config = course_config()
    release = (REPO_ROOT / config.CourseDirectory.release_directory).resolve()
    assert not release.is_relative_to((REPO_ROOT / "course").resolve())
    assert release.is_relative_to((REPO_ROOT / "autograder" / "work").resolve())


def test_a_new_gradebook_gets_nbgraders_latest_revision_without_starting_alembic(tmp_path,
                                                                              monkeypatch):
    """nbgrader stamps a new gradebook with `alembic heads`, run as a program (5 s); the
    grader asks alembic in-process. Same answer, and no program is needed."""
    import subprocess
    import sys
    from pathlib import Path

    from nbgrader.api import Gradebook
    from nbgrader.dbutil import _temp_alembic_ini
    from sqlalchemy import create_engine, text

    from civicai.grading.coursefolder import alembic_head, quiet_nbgrader

    with _temp_alembic_ini("sqlite:////tmp/gradebook.db") as alembic_ini:  # as nbgrader does
        output = subprocess.check_output([str(Path(sys.executable).parent / "alembic"), "-c",
                                          alembic_ini, "heads"])
    assert alembic_head() == output.decode().split("\n")[0].split(" ")[0]

    quiet_nbgrader()
    monkeypatch.setenv("PATH", "/nowhere")  # no `alembic` program to start
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}"):
        pass
    engine = create_engine(f"sqlite:///{tmp_path / 'gradebook.db'}")
    with engine.connect() as connection:
        stamped = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
    assert stamped == alembic_head()
