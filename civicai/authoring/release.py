"""Learner versions of the graded exercises, made by nbgrader.

nbgrader's `generate_assignment` turns an instructor source
(`exercises/NN-topic/*.ipynb`, with solutions and hidden parts) into the
learner version. Run in place, `--force` deletes the whole release folder, and
`course/NN-topic/` also holds the lesson and the sandbox. So nbgrader runs in a
scratch course folder with the course's own configuration, and the files it
releases are then copied next to the lesson, replacing only themselves.
nbgrader also releases every non-notebook file of a source folder: those are
copied too, and the leak test looks at them as well.

nbgrader's own converter runs in this process (as `civicai-grade` runs it), so
no `nbgrader` program is started, nor the `alembic` program it would start for
the scratch gradebook (see coursefolder.quiet_nbgrader).
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from civicai import REPO_ROOT

COURSE_CONFIG = REPO_ROOT / "autograder" / "nbgrader_config.py"


class ReleaseError(RuntimeError):
    """nbgrader could not generate a learner version; the message has its log."""


def nbgrader_environment() -> dict[str, str]:
    """os.environ with this Python's bin first: the `nbgrader` program runs `alembic` from PATH
    (for plain nbgrader, which the benchmark and the tests run as a program)."""
    environment = dict(os.environ)
    environment["PATH"] = str(Path(sys.executable).parent) + os.pathsep + environment.get("PATH", "")
    return environment


def generate(source_folder: Path) -> dict[str, bytes]:
    """Learner files for one assignment folder: {relative path: contents}."""
    from nbgrader.converters import GenerateAssignment
    from nbgrader.converters.base import NbGraderException
    from nbgrader.coursedir import CourseDirectory

    from civicai.grading.coursefolder import course_config, quiet_nbgrader

    assignment = source_folder.name
    quiet_nbgrader()
    with tempfile.TemporaryDirectory(prefix="civicai-release-") as scratch:
        root = Path(scratch)
        shutil.copytree(source_folder, root / "exercises" / assignment,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        config = course_config()
        config.CourseDirectory.root = str(root)
        config.CourseDirectory.source_directory = "exercises"
        config.CourseDirectory.release_directory = "course"
        config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
        coursedir = CourseDirectory(config=config)
        coursedir.assignment_id = assignment
        converter = GenerateAssignment(coursedir=coursedir, config=config)
        converter.force = True
        try:
            converter.start()
        except NbGraderException as error:
            raise ReleaseError(f"nbgrader generate_assignment {assignment} failed: {error}") \
                from None
        released = root / "course" / assignment
        if not released.is_dir():
            raise ReleaseError(f"nbgrader generate_assignment {assignment} released nothing")
        return {str(path.relative_to(released)): path.read_bytes()
                for path in sorted(released.rglob("*")) if path.is_file()}
