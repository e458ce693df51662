"""Feedback for learners that never shows the hidden tests.

nbgrader's `generate_feedback` turns an autograded notebook into HTML as it is,
hidden tests and their tracebacks included. The cohort grader runs nbgrader's
own feedback converter with one more preprocessor first, `HideHiddenTests`:

- each check cell shows what the learner version shows (the hidden block is
  cut out), and only the check's own messages: the green "correct" note, the
  friendly "not attempted / not right yet" message, or the grader's note on a
  check that did not count. Any other error in a check came from a hidden test
  and becomes one plain sentence; anything printed during a check (which
  learner code can do) is left out;
- every other output is searched for lines of the hidden tests (learner code
  could have captured and printed them): such an output is replaced by a note.

The instructor's autograded notebook keeps everything; only the copy turned
into feedback is changed.
"""
from __future__ import annotations

import os
import re

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbconvert.writers import FilesWriter
from nbformat import NotebookNode
from nbgrader.converters import GenerateFeedback
from nbgrader.preprocessors import GetGrades, NbGraderPreprocessor
from traitlets import List, Unicode

from civicai.grading import witness

#: Errors raised by the course's visible checks: their messages are written for learners.
FRIENDLY_ERRORS = {"NotAttemptedYet", "NotRightYet", "CheckFailed", witness.UNCONFIRMED,
                   "NotRun"}
HIDDEN_FAILED = ("🔎 Not right yet — an extra check by your instructor did not pass. "
                 "Read the question again, compare your answer with the hints, and ask your "
                 "instructor if you are stuck.")
REMOVED = "(This output was left out of your feedback: it showed your instructor's hidden checks.)"
#: Hidden-test lines shorter than this are too common to mean anything (")", "else:").
MIN_LINE = 12
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def hidden_blocks(source: str, begin: str, end: str) -> tuple[str, list[str]]:
    """A check's source without its hidden tests, and the hidden lines themselves."""
    kept, hidden, inside = [], [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside:
            hidden.append(line)
        else:
            kept.append(line)
    return "\n".join(kept), hidden


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", _ANSI.sub("", text)).strip()


def output_text(output: NotebookNode) -> str:
    parts = []
    if output.get("output_type") == "stream":
        parts.append(str(output.get("text", "")))
    for value in (output.get("data") or {}).values():
        parts.append(value if isinstance(value, str) else str(value))
    if output.get("output_type") == "error":
        parts += [str(output.get("evalue", "")), *map(str, output.get("traceback", []))]
    return "\n".join(parts)


def friendly_check_outputs(outputs: list) -> list:
    """The outputs of a check cell that a learner may see."""
    kept = []
    for output in outputs:
        kind = output.get("output_type")
        if kind == "error":
            if output.get("ename") in FRIENDLY_ERRORS:
                kept.append(output)
            else:
                kept.append(NotebookNode(output_type="error", ename="NotRightYet",
                                         evalue=HIDDEN_FAILED, traceback=[HIDDEN_FAILED]))
        elif kind == "display_data":
            plain = str((output.get("data") or {}).get("text/plain", ""))
            if plain.startswith("✅ Correct"):
                kept.append(output)
    return kept


class HideHiddenTests(NbGraderPreprocessor):
    """Make an autograded notebook safe to give back to its learner."""

    begin_test_delimeter = Unicode("BEGIN HIDDEN TESTS").tag(config=True)
    end_test_delimeter = Unicode("END HIDDEN TESTS").tag(config=True)

    def preprocess(self, nb, resources):
        hidden_lines = set()
        for cell in nb.cells:
            if witness.is_check(cell):
                cell.source, hidden = hidden_blocks(cell.source, self.begin_test_delimeter,
                                                    self.end_test_delimeter)
                hidden_lines |= {normalise(line) for line in hidden
                                 if len(normalise(line)) >= MIN_LINE}
                cell.outputs = friendly_check_outputs(cell.get("outputs", []))
        for cell in nb.cells:
            if cell.cell_type != "code" or witness.is_check(cell):
                continue
            cell.outputs = [self._screen(output, hidden_lines) for output in cell.outputs]
        return nb, resources

    @staticmethod
    def _screen(output: NotebookNode, hidden_lines: set[str]) -> NotebookNode:
        text = normalise(output_text(output))
        if any(line in text for line in hidden_lines):
            return NotebookNode(output_type="stream", name="stdout", text=REMOVED + "\n")
        return output


class LeakFreeFeedback(GenerateFeedback):
    """nbgrader's feedback converter with `HideHiddenTests` first.

    Its HTML exporter is kept from one learner to the next in a worker: making it
    compiles the feedback templates, which otherwise costs more than the rest.
    """

    preprocessors = List([HideHiddenTests, GetGrades, CSSHTMLHeaderPreprocessor]).tag(config=True)
    _exporter = None

    def start(self) -> None:
        self.init_notebooks()
        self.writer = FilesWriter(parent=self, config=self.config)
        if LeakFreeFeedback._exporter is None:
            exporter = self.exporter_class(parent=self, config=self.config)
            for preprocessor in self.preprocessors:
                exporter.register_preprocessor(preprocessor)
            LeakFreeFeedback._exporter = exporter
        self.exporter = LeakFreeFeedback._exporter
        here = os.getcwd()
        os.chdir(self.coursedir.root)
        try:
            self.convert_notebooks()
        finally:
            os.chdir(here)
