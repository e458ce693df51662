"""What instructors and learners see of a graded notebook: no hidden part, no learner script.

nbgrader's `generate_feedback` turns an autograded notebook into HTML as it is.
Two preprocessors make that safe:

- `HideHiddenTests` (feedback only): each check cell shows what the learner
  version shows (the hidden part, which declares hidden inputs, is cut out) and
  only the check's verdict: the green note or the plain message. Any other
  error in a check (under plain nbgrader, where the hidden part runs in the
  learner's kernel) becomes one plain sentence. A learner's own output that
  imitates a green verdict is left out, so a ✅ in the feedback is the grader's.
- `SanitizeOutputs` (autograde, so the formgrader shows it too, and feedback):
  a learner's notebook outputs and markdown are untrusted HTML. Rendered raw,
  a `<script>` or an `onerror=` in them would run in the instructor's browser
  session, with the formgrader's rights. nbconvert's `SanitizeHTML` (bleach)
  cleans them: no script, no event handler, no JavaScript output. The course's
  own cells (restored by nbgrader from the instructor source) and, in the
  cohort grader, the verdicts it wrote are left as they are.

The cohort grader judges answers outside the learner's kernel (see execute.py)
and sends hidden inputs in only after the last learner cell, dropping whatever
the kernel prints then: no learner output can hold them, so none is screened.
"""
from __future__ import annotations

import os

from bleach import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbconvert.preprocessors.sanitize import SanitizeHTML
from nbconvert.writers import FilesWriter
from nbformat import NotebookNode
from nbgrader.converters import GenerateFeedback
from nbgrader.preprocessors import GetGrades, NbGraderPreprocessor
from traitlets import Bool, List

from civicai.grading.execute import is_check, split_hidden

#: Errors the course's checks raise: their messages are written for learners.
FRIENDLY_ERRORS = {"NotAttemptedYet", "NotRightYet", "CheckFailed", "NotRun"}
HIDDEN_FAILED = ("🔎 Not right yet — an extra check by your instructor did not pass. "
                 "Read the question again, compare your answer with the hints, and ask your "
                 "instructor if you are stuck.")
#: What stands in the feedback for a learner's output that looks like a check's verdict.
LOOK_ALIKE = ("(An output that looked like a check's verdict was left out here: the check cells "
              "show your grades.)")
_VERDICT_MARKS = ("✅ Correct —", "✅ Correct -")
#: HTML a pandas table, a list or a plain paragraph needs; nothing that runs code.
SAFE_TAGS = sorted({*ALLOWED_TAGS, "div", "span", "p", "pre", "code", "br", "hr", "table",
                    "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "h1", "h2", "h3",
                    "h4", "details", "summary", "sub", "sup"})
SAFE_ATTRIBUTES = {**ALLOWED_ATTRIBUTES, "*": ["class"], "th": ["colspan", "rowspan"],
                   "td": ["colspan", "rowspan"]}


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

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            if is_check(cell):
                cell.source = split_hidden(cell.source)[0]
                cell.outputs = friendly_check_outputs(cell.get("outputs", []))
            elif cell.cell_type == "code":
                cell.outputs = [_without_look_alike(output) for output in cell.get("outputs", [])]
        return nb, resources


def _without_look_alike(output: NotebookNode) -> NotebookNode:
    """A learner's output that imitates a green verdict (printed, displayed, or by a thread
    while the grader worked) is not shown: only check cells carry verdicts."""
    texts = [str(output.get("text", ""))] + [str(value) for value in
                                             (output.get("data") or {}).values()]
    if any(mark in text for text in texts for mark in _VERDICT_MARKS):
        return NotebookNode(output_type="stream", name="stdout", text=LOOK_ALIKE + "\n")
    return output


def _authored_by_learner(cell) -> bool:
    """Cells whose text the learner wrote: answers, and cells they added."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("solution")) or not meta.get("locked")


class SanitizeOutputs(SanitizeHTML):
    """nbconvert's sanitizer, on what the learner could have written or made a cell print."""

    enabled = Bool(True).tag(config=True)  # nbconvert's preprocessors are off by default
    trust_checks = Bool(False, help="Keep check cells' outputs: the cohort grader wrote them "
                                    "itself, from verdicts computed outside the kernel.").tag(
        config=True)
    tags = List(SAFE_TAGS).tag(config=True)
    safe_output_keys = {"metadata", "text/plain", "application/json", "image/png", "image/jpeg"}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.attributes = SAFE_ATTRIBUTES
        self.strip = True

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type == "markdown":
            if _authored_by_learner(cell):
                cell.source = self.sanitize_html_tags(cell.source)
        elif cell.cell_type == "raw":
            cell.source = self.sanitize_html_tags(cell.source)
        elif cell.cell_type == "code" and not (self.trust_checks and is_check(cell)):
            cell.outputs = self.sanitize_code_outputs(cell.outputs)
        return cell, resources


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
