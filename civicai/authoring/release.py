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
#: Where a cohort's learner versions go (the formgrader's Generate writes there too).
COHORT_RELEASE = REPO_ROOT / "autograder" / "work" / "release"


def release_for_cohort(assignment: str, into: Path = COHORT_RELEASE) -> list[Path]:
    """The learner version of an exercise for a graded cohort, as the course configuration
    says (with or without Hint 2): into `into/<assignment>/`. Returns the files written."""
    files = generate(REPO_ROOT / "exercises" / assignment, answer_hints=None)
    written = []
    for relative, content in files.items():
        target = into / assignment / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written


class ReleaseError(RuntimeError):
    """nbgrader could not generate a learner version; the message has its log."""


def nbgrader_environment() -> dict[str, str]:
    """os.environ with this Python's bin first: the `nbgrader` program runs `alembic` from PATH
    (for plain nbgrader, which the benchmark and the tests run as a program)."""
    environment = dict(os.environ)
    environment["PATH"] = str(Path(sys.executable).parent) + os.pathsep + environment.get("PATH", "")
    return environment


def generate(source_folder: Path, answer_hints: bool | None = True) -> dict[str, bytes]:
    """Learner files for one assignment folder: {relative path: contents}.

    `answer_hints`: keep Hint 2 (True, the committed self-paced versions), take it out
    (False), or do as the course configuration says (None: a cohort's release).
    """
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
        if answer_hints is not None:
            config.AnswerHints.keep = answer_hints
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
