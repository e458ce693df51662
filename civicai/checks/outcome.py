"""The three states a learner sees after a check: not attempted, not right yet, correct.

A check that is not passed raises an exception, because nbgrader counts a test
cell as failed only when it ends in an error. To keep that error friendly, the
exceptions define `_render_traceback_`: IPython shows its lines instead of a
traceback, and nbgrader's Validate dialog shows the same lines. So the learner
reads one short message in plain words, never a wall of code.

A passed check displays a short green note and raises nothing. Nothing here
writes to stderr: nbgrader counts any stderr output of a test cell as a failure.
"""
from __future__ import annotations

import html
import textwrap

_RESET = "\x1b[0m"
_WIDTH = 76
#: state -> (terminal colour, label, text colour, background); WCAG AA contrast.
_STYLES = {
    "not-attempted": ("\x1b[1;34m", "✏️ Not attempted yet", "#1f4e79", "#e8f1fb"),
    "not-right": ("\x1b[1;31m", "🔎 Not right yet", "#8a1c1c", "#fdecea"),
    "correct": ("\x1b[1;32m", "✅ Correct", "#1e5631", "#e7f5ea"),
}


class _Note:
    """A check's outcome as a coloured note: HTML in JupyterLab, text elsewhere."""

    def __init__(self, state: str, question: str, message: str, hint: str = ""):
        self.state, self.question, self.message, self.hint = state, question, message, hint

    def lines(self, colour: bool = False) -> list[str]:
        """The note as text lines, wrapped: Validate's dialog does not wrap long lines."""
        start, label = _STYLES[self.state][0], _STYLES[self.state][1]
        title = f"{label} — {self.question}"
        lines = [f"{start}{title}{_RESET}" if colour else title]
        for paragraph in self.message.splitlines():
            lines += textwrap.wrap(paragraph, _WIDTH) or [""]
        if self.hint:
            lines += ["", *textwrap.wrap(f"Hint: {self.hint}", _WIDTH)]
        return lines

    def __repr__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:
        _, label, ink, paper = _STYLES[self.state]
        paragraphs = "".join(f"<div>{html.escape(line)}</div>"
                             for line in self.message.splitlines())
        hint = f"<div><em>Hint: {html.escape(self.hint)}</em></div>" if self.hint else ""
        return (f'<div role="status" style="border-left:6px solid {ink};background:{paper};'
                f'color:{ink};padding:0.5em 0.8em;margin:0.3em 0;">'
                f"<strong>{label} — {html.escape(self.question)}</strong>"
                f"{paragraphs}{hint}</div>")


class CheckFailed(AssertionError):
    """A check that did not pass; shown as a short message, not a traceback.

    It is an AssertionError so that any test runner treats it as a failed test.
    """

    state = "not-right"

    def __init__(self, question: str, message: str, hint: str = ""):
        super().__init__(question, message)
        self.note = _Note(self.state, question, message, hint)
        self.question, self.message, self.hint = question, message, hint

    def __str__(self) -> str:
        return repr(self.note)

    def _render_traceback_(self) -> list[str]:
        return self.note.lines(colour=True)


class NotAttemptedYet(CheckFailed):
    """The learner has not written an answer yet."""

    state = "not-attempted"


class NotRightYet(CheckFailed):
    """The learner answered, but the answer is not right yet."""

    state = "not-right"


def _display(note: _Note) -> None:
    from IPython import get_ipython
    from IPython.display import display

    if get_ipython() is None:
        print(repr(note))
    else:
        display(note)


def note_output(state: str, question: str, message: str, hint: str = "",
                error: str | None = None) -> dict:
    """A note as a notebook output (a plain dict): what the grader writes into a check cell.

    With `error` (the exception's name) it is an error output, which nbgrader scores
    zero; Validate and the feedback page show its lines, the same as in the notebook.
    """
    note = _Note(state, question, message, hint)
    if error:
        return {"output_type": "error", "ename": error, "evalue": message,
                "traceback": note.lines(colour=True)}
    return {"output_type": "display_data", "metadata": {},
            "data": {"text/plain": repr(note), "text/html": note._repr_html_()}}


def show_correct(question: str, message: str = "Well done.") -> None:
    """Display the green 'correct' note (or print it outside a notebook)."""
    _display(_Note("correct", question, message))


def show_failure(failure: CheckFailed) -> None:
    """Display a failed check as a note, for lessons where nothing may stop 'Run all'."""
    _display(failure.note)
