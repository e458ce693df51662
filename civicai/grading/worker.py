"""Grade one learner: nbgrader's autograde and feedback, in this worker's sandbox.

A worker is a process with its own sandbox and kernel factory (kernels.Slot).
For each learner it runs nbgrader's own `Autograde` converter (sanitize:
restore locked cells and metadata; autograde: execute, save grades, late
penalties) into a private copy of a gradebook that holds only the assignment,
with three changes of preprocessors: `SandboxedExecute` instead of `Execute`
(learner code in the sandbox, answers judged here), `RestoreInstructorCells`
before nbgrader's `OverwriteCells`, and `SanitizeOutputs` before the grades
are saved (learner outputs are untrusted HTML). It then runs nbgrader's
`GenerateFeedback` with `HideHiddenTests` first (feedback.LeakFreeFeedback).
The coordinator copies the grades into the course gradebook (merge.py).

When the sandbox cannot give each kernel namespaces of its own (kernels.Slot
.isolated is False), the worker starts a new sandbox for every learner, so that
no learner's code can reach the next one's.
"""
from __future__ import annotations

import logging
import re
import shutil
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.converters import Autograde
from nbgrader.converters.base import NbGraderException
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    IgnorePattern,
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)

from civicai import REPO_ROOT
from civicai.checks.answers import key
from civicai.grading import execute, sandbox, sanitize, scan
from civicai.grading.coursefolder import CourseFolder, copy_database
from civicai.grading.feedback import LeakFreeFeedback, SanitizeOutputs
from civicai.grading.kernels import Slot


@dataclass
class WorkerSetup:
    """Everything a worker needs, sent once when it starts."""

    work: str
    source: str
    assignment: str
    template: str
    run_folder: str
    index: int
    sandboxed: bool
    limits: sandbox.Limits
    imports: list[str]
    hidden: list[str]
    feedback: bool = True
    nested: bool = True  # False: never give kernels namespaces of their own (for tests)


#: nbgrader's warnings while sanitizing, in words for the instructor.
#: (Edited and deleted instructor cells are reported by scan.edits, in more detail.)
WARNINGS = [
    (re.compile(r"Cell '(\S+)' does not exist in the database"),
     "cell {0} claimed to be graded but is not part of the assignment; it was ignored"),
    (re.compile(r"Skipping unknown notebook: (\S+)"), "{0} is not part of the assignment"),
]


class _Collector(logging.Handler):
    """Keeps nbgrader's warnings (reworded) and its errors (for the reason a notebook failed)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.errors: list[str] = []

    def emit(self, record):
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            self.errors.append(message.strip().splitlines()[-1][:300] if message.strip() else "")
        for pattern, wording in WARNINGS:
            match = pattern.search(message)
            if match:
                self.messages.append(wording.format(*match.groups()))
                return


class Worker:
    """One worker process's state: its slot, and how to grade a learner."""

    def __init__(self, setup: WorkerSetup):
        self.setup = setup
        self.course = CourseFolder(Path(setup.work), Path(setup.source))
        self.folder = Path(setup.run_folder) / f"worker-{setup.index}"
        self.folder.mkdir(parents=True, exist_ok=True)
        # Each learner's throwaway gradebook commits thirty times: in memory, not on disk.
        memory = Path("/dev/shm")
        self.gradebooks = Path(tempfile.mkdtemp(prefix="civicai-gradebooks-",
                                                dir=memory if memory.is_dir() else None))
        self.slot = Slot(self.folder / "slot", setup.index, sandboxed=setup.sandboxed,
                         limits=setup.limits, imports=setup.imports, hidden=setup.hidden,
                         nested=setup.nested)
        self.slot.start()
        self.learners_in_slot = 0
        self.sources = {}
        for path in self.course.assignment_source(setup.assignment).glob("*.ipynb"):
            self.sources[path.stem] = nbformat.read(path, as_version=4)
            release = REPO_ROOT / "course" / setup.assignment / path.name
            sanitize.RELEASES[path.stem] = nbformat.read(release, as_version=4)
        execute.CONTEXT.update(slot=self.slot, limits=setup.limits,
                               entries=key(setup.assignment)["questions"], kernel_settings={
                                   "limits": setup.limits.for_kernel(
                                       self.slot.as_root and setup.sandboxed),
                                   "imports": setup.imports})

    def config(self, db_url: str):
        config = self.course.config(db_url)
        config.Autograde.sanitize_preprocessors = [
            ClearOutput, DeduplicateIds, OverwriteKernelspec, sanitize.RestoreInstructorCells,
            OverwriteCells, CheckCellMetadata]
        config.Autograde.autograde_preprocessors = [
            execute.SandboxedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
            SanitizeOutputs, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
        config.SanitizeOutputs.trust_checks = True  # their outputs are the verdicts written here
        config.BaseConverter.force = True
        return config

    def grade(self, learner: str) -> dict:
        """Autograde and give feedback to one learner; never raises."""
        assignment = self.setup.assignment
        result = {"learner": learner, "status": "graded", "notebooks": {}, "warnings": [],
                  "error": "", "database": ""}
        needs_new = not self.slot.alive() or (self.setup.sandboxed and not self.slot.isolated
                                              and self.learners_in_slot > 0)
        if needs_new:
            try:
                self.slot.close()
                self.slot.start()
                self.learners_in_slot = 0
            except Exception as error:  # the sandbox cannot start again: say so for this learner
                result.update(status="failed", error=f"the grading sandbox stopped: {error}")
                return result
        self.learners_in_slot += 1
        database = self.gradebooks / f"{learner}.db"
        db_url = copy_database(Path(self.setup.template), database)
        result["database"] = db_url
        config = self.config(db_url)
        execute.CONTEXT["results"] = {}
        sanitize.RESTORED.clear()
        collector = _Collector()
        try:
            converter = Autograde(coursedir=self._coursedir(config, learner), config=config)
            converter.log.addHandler(collector)
            try:
                converter.start()
            finally:
                converter.log.removeHandler(collector)
            result["notebooks"] = self._notebook_results(learner)
        except NbGraderException as error:
            reasons = [line for line in collector.errors
                       if line and not line.startswith(("There was an error", "Please see"))]
            result.update(status="failed", error=(reasons[-1] if reasons else _first_line(error))
                          or "nbgrader could not grade it")
        except Exception as error:  # whatever a notebook does, the batch goes on
            result.update(status="failed", error=f"{type(error).__name__}: {_first_line(error)}",
                          trace=traceback.format_exc()[-3000:])
        result["warnings"] = collector.messages
        result["changes"] = self._changes(learner)
        if result["status"] == "graded" and self.setup.feedback:
            result["feedback"] = self._feedback(config, learner)
        return result

    def _coursedir(self, config, learner):
        coursedir = self.course.coursedir(config)
        coursedir.assignment_id = self.setup.assignment
        coursedir.student_id = learner
        return coursedir

    def _notebook_results(self, learner: str) -> dict:
        results = {name: dict(info) for name, info in execute.CONTEXT.get("results", {}).items()}
        for name, restored in sanitize.RESTORED.items():
            results.setdefault(name, {})["restored"] = list(restored)
        return results

    def _changes(self, learner: str) -> dict:
        """Per notebook: what the learner changed in the instructor's cells, and what in
        their own cells deserves a look (scan.py)."""
        changes = {}
        folder = self.course.submitted(learner, self.setup.assignment)
        for name, source in self.sources.items():
            path = folder / f"{name}.ipynb"
            if not path.exists():
                continue
            try:
                submitted = nbformat.read(path, as_version=4)
            except Exception:
                continue
            ids = {cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                   for cell in source.cells} - {None}
            changes[name] = {"edits": scan.edits(submitted, source),
                             "suspicious": scan.scan(submitted, ids)}
        return changes

    def _feedback(self, config, learner: str) -> str:
        """Feedback HTML without hidden tests; '' and a note when it could not be made."""
        try:
            converter = LeakFreeFeedback(coursedir=self._coursedir(config, learner), config=config)
            converter.start()
        except Exception as error:
            return f"failed: {_first_line(error)}"
        return str(self.course.feedback(learner, self.setup.assignment))

    def close(self) -> None:
        self.slot.close()
        shutil.rmtree(self.gradebooks, ignore_errors=True)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:300] if text else ""
