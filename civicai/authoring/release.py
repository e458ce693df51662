"""Learner versions of the graded exercises, made by nbgrader.

`nbgrader generate_assignment` turns an instructor source
(`exercises/NN-topic/*.ipynb`, with solutions and hidden tests) into the
learner version. Run in place, `--force` deletes the whole release folder, and
`course/NN-topic/` also holds the lesson and the sandbox. So nbgrader runs in a
scratch course folder with the course's own configuration, and the files it
releases are then copied next to the lesson, replacing only themselves.
nbgrader also releases every non-notebook file of a source folder: those are
copied too, and the leak test looks at them as well.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from civicai import REPO_ROOT

COURSE_CONFIG = REPO_ROOT / "autograder" / "nbgrader_config.py"


class ReleaseError(RuntimeError):
    """nbgrader could not generate a learner version; the message has its log."""


def nbgrader_environment() -> dict[str, str]:
    """os.environ with this Python's bin first: nbgrader runs `alembic` from PATH."""
    environment = dict(os.environ)
    environment["PATH"] = str(Path(sys.executable).parent) + os.pathsep + environment.get("PATH", "")
    return environment


def generate(source_folder: Path) -> dict[str, bytes]:
    """Learner files for one assignment folder: {relative path: contents}."""
    assignment = source_folder.name
    with tempfile.TemporaryDirectory(prefix="civicai-release-") as scratch:
        root = Path(scratch)
        shutil.copytree(source_folder, root / "exercises" / assignment,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        (root / "nbgrader_config.py").write_text(
            "c = get_config()\n"
            f"load_subconfig({str(COURSE_CONFIG)!r})\n"
            f"c.CourseDirectory.root = {str(root)!r}\n"
            "c.CourseDirectory.release_directory = 'course'\n"
            f"c.CourseDirectory.db_url = 'sqlite:///{root / 'gradebook.db'}'\n",
            encoding="utf-8")
        completed = subprocess.run(
            [sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
            cwd=root, env=nbgrader_environment(), capture_output=True, text=True)
        released = root / "course" / assignment
        if completed.returncode != 0 or not released.is_dir():
            raise ReleaseError(f"nbgrader generate_assignment {assignment} failed:\n"
                               f"{completed.stdout}\n{completed.stderr}")
        return {str(path.relative_to(released)): path.read_bytes()
                for path in sorted(released.rglob("*")) if path.is_file()}
