"""Instructor-only text must never reach a learner-facing file.

nbgrader removes solution regions, hidden tests and mark schemes when it makes
the learner version, but only where the author marked them, and it copies every
other file of a source folder unchanged. This scan reads every file under
`course/`, notebook or not, for the markers of instructor-only text.
"""
from __future__ import annotations

from pathlib import Path

from civicai import REPO_ROOT

#: Text that only instructor sources may contain. "MODEL ANSWER" opens the
#: model answer and rubric of every written reflection (see CONTRIBUTING.md).
MARKERS = (
    "BEGIN SOLUTION", "END SOLUTION",
    "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
    "BEGIN MARK SCHEME", "END MARK SCHEME",
    "MODEL ANSWER",
)


def learner_facing_files(root: Path = REPO_ROOT) -> list[Path]:
    """Everything a learner can open: the whole course/ folder."""
    return sorted(path for path in (root / "course").rglob("*") if path.is_file()
                  and ".ipynb_checkpoints" not in path.parts)


def find_leaks(paths: list[Path]) -> list[str]:
    """One line per marker found: which file, which line, which marker."""
    found = []
    for path in paths:
        text = path.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            for marker in MARKERS:
                if marker in line:
                    found.append(f"{path}:{number}: instructor-only marker {marker!r}")
    return found
