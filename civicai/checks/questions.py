"""Visible checks: one `Question` per graded part of an exercise.

In a notebook, a check cell calls `question.check()`. The check looks up the
learner's answer by name in the notebook (so a missing answer is "not attempted
yet", not a NameError), judges it, and either shows a green note or raises a
friendly `NotAttemptedYet` / `NotRightYet` (see `outcome`). Each kind of
question below says in plain words what is wrong: the wrong kind of value, a
missing column, a number out of a sensible range, an error inside the learner's
function. Exact values are compared by salted fingerprint (see `answers`).

Hostile answers are handled: values are checked by exact type before anything
else, and nothing here ever asks a learner's object whether it equals
something, so an object that claims to equal everything gets nowhere.
"""
from __future__ import annotations

import inspect
import math
import sys
import warnings
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from civicai.checks import answers
from civicai.checks.describe import is_missing_number, is_plain_number, kind_of, short_text
from civicai.checks.outcome import (
    CheckFailed,
    NotAttemptedYet,
    NotRightYet,
    show_correct,
    show_failure,
)

#: The words nbgrader puts where a solution was (see autograder/nbgrader_config.py).
STUB_MARKER = "YOUR ANSWER HERE"
OPEN_HINT = "Open '💡 Hint 1' under the question; if that is not enough, 'Hint 2'."


def _learner_namespace() -> dict[str, Any]:
    """The globals of the notebook (or script) that called the check."""
    frame = sys._getframe(1)
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("civicai.checks"):
        frame = frame.f_back
    return frame.f_globals if frame is not None else {}


def _empty_function():
    ...


def _is_untouched_function(value: object) -> bool:
    """A function whose body is still nbgrader's stub (or does nothing at all)."""
    if not inspect.isfunction(value):
        return False
    if value.__code__.co_code == _empty_function.__code__.co_code:
        return True
    try:
        return STUB_MARKER in inspect.getsource(value)
    except (OSError, TypeError):
        return False


def _describe_error(error: BaseException) -> str:
    """`KeyError: 'age'`, without trusting the error object to print itself."""
    try:
        detail = str(error)[:200]
    except Exception:
        detail = ""
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


class Question:
    """One graded part: where its answer lives and how to tell if it is right.

    Subclasses implement `judge(value)`, raising `self.wrong(...)` when the
    answer is not right yet.
    """

    success = "Well done."

    def __init__(self, qid: str, title: str, variable: str, hint: str = OPEN_HINT):
        self.qid, self.title, self.variable, self.hint = qid, title, variable, hint

    def wrong(self, message: str) -> NotRightYet:
        return NotRightYet(self.title, message, self.hint)

    def answer(self) -> Any:
        """The learner's answer, or NotAttemptedYet if there is none yet."""
        namespace = _learner_namespace()
        if self.variable not in namespace:
            raise NotAttemptedYet(
                self.title,
                f"There is no `{self.variable}` yet. Write your answer in the cell above, "
                "run that cell (Shift+Enter), then run this check again.")
        value = namespace[self.variable]
        if value is Ellipsis or (type(value) is str and not value.strip()) \
                or _is_untouched_function(value):
            raise NotAttemptedYet(
                self.title,
                f"`{self.variable}` still holds the placeholder. Replace the `...` in the cell "
                "above with your answer, run that cell, then run this check again.")
        return value

    def judge(self, value: Any) -> None:
        raise NotImplementedError

    def check(self) -> None:
        """Judge the learner's answer and show the outcome (raise if not passed)."""
        self.judge(self.answer())
        show_correct(self.title, self.success)

    def show(self) -> None:
        """Like `check()`, but a failed check is shown, not raised.

        For lessons and sandboxes, where a demonstration must not stop "Run all".
        """
        try:
            self.check()
        except CheckFailed as failure:
            show_failure(failure)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.qid}: run .check() to check your answer>"


class NumberQuestion(Question):
    """A single number, compared by fingerprint at a stated precision."""

    def __init__(self, qid: str, title: str, variable: str, fingerprint: str, *,
                 decimals: int = 0, low: float | None = None, high: float | None = None,
                 what: str = "a number", hint: str = OPEN_HINT):
        super().__init__(qid, title, variable, hint)
        self.fingerprint, self.decimals = fingerprint, decimals
        self.low, self.high, self.what = low, high, what

    def judge(self, value: Any) -> None:
        if isinstance(value, (pd.Series, pd.DataFrame)) and getattr(value, "size", 0) == 1:
            raise self.wrong(f"`{self.variable}` is {kind_of(value)} holding one value. "
                             "The question needs the number itself: take it out of the "
                             "table, for example with `.iloc[0]` or `.item()`.")
        if not is_plain_number(value):
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}, but this question "
                             f"needs {self.what}.")
        if is_missing_number(value) or not math.isfinite(float(value)):
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}. Check for missing "
                             "values or a division by zero in your calculation.")
        number = float(value)
        if self.low is not None and number < self.low:
            raise self.wrong(f"`{self.variable}` is {number:g}, which is too small to be "
                             f"right: it should be at least {self.low:g}.")
        if self.high is not None and number > self.high:
            raise self.wrong(f"`{self.variable}` is {number:g}, which is too large to be "
                             f"right: it should be at most {self.high:g}.")
        if not answers.matches_number(self.qid, number, self.decimals, self.fingerprint):
            precision = ("as a whole number" if self.decimals == 0
                         else f"rounded to {self.decimals} decimal places")
            raise self.wrong(f"`{self.variable}` is {kind_of(value)} in a sensible range, but "
                             f"not the right one ({precision}).")


class ChoiceQuestion(Question):
    """Pick one option ("a", "b", "c", ...): an interpretation question."""

    def __init__(self, qid: str, title: str, variable: str, fingerprint: str, *,
                 options: str = "abc", hint: str = OPEN_HINT):
        super().__init__(qid, title, variable, hint)
        self.fingerprint, self.options = fingerprint, options

    def judge(self, value: Any) -> None:
        listed = ", ".join(f'"{option}"' for option in self.options)
        if type(value) is not str:
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}. Write one letter in "
                             f'quotes, for example `{self.variable} = "{self.options[0]}"`.')
        letter = value.strip().strip("()").casefold()
        if letter not in self.options:
            raise self.wrong(f"`{self.variable}` is {short_text(value)}. Choose one of "
                             f"{listed} (just the letter, in quotes).")
        if not answers.matches_text(self.qid, letter, self.fingerprint):
            raise self.wrong(f'"{letter}" is not the best answer. Reread the options and '
                             "think about which one the lesson's example supports.")


class TableQuestion(Question):
    """A pandas table with the columns it needs and, optionally, more checks."""

    def __init__(self, qid: str, title: str, variable: str, *, columns: Iterable[str] = (),
                 min_rows: int = 1, max_rows: int | None = None,
                 extra: Callable[[pd.DataFrame], str | None] | None = None,
                 hint: str = OPEN_HINT):
        super().__init__(qid, title, variable, hint)
        self.columns, self.min_rows, self.max_rows = tuple(columns), min_rows, max_rows
        self.extra = extra

    def judge(self, value: Any) -> None:
        if type(value) is not pd.DataFrame:
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}, but this question "
                             "needs a table (a pandas DataFrame).")
        present = {str(column) for column in value.columns}
        missing = [column for column in self.columns if column not in present]
        if missing:
            names = ", ".join(f"'{column}'" for column in missing)
            raise self.wrong(f"Your table has no column {names}. Check the spelling "
                             "(capital letters and spaces count).")
        rows = len(value.index)
        if rows < self.min_rows:
            raise self.wrong(f"Your table has {rows} rows; it should have at least "
                             f"{self.min_rows}. Did a filter remove everything?")
        if self.max_rows is not None and rows > self.max_rows:
            raise self.wrong(f"Your table has {rows} rows; it should have at most "
                             f"{self.max_rows}. Is a filter or a grouping step missing?")
        if self.extra is not None:
            problem = self.extra(value)
            if problem:
                raise self.wrong(problem)


class FunctionQuestion(Question):
    """A function the learner writes, tried on examples by `probe`.

    `probe(call)` receives a safe caller: `call(*args)` runs the learner's
    function and turns any error inside it into a plain message. The probe
    returns None when every example is right, or a message saying what is not.
    """

    def __init__(self, qid: str, title: str, variable: str,
                 probe: Callable[[Callable[..., Any]], str | None], hint: str = OPEN_HINT):
        super().__init__(qid, title, variable, hint)
        self.probe = probe

    def judge(self, value: Any) -> None:
        if not callable(value) or isinstance(value, type):
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}, but this question "
                             f"needs a function: start the cell with `def {self.variable}(...):`.")

        def call(*arguments: Any) -> Any:
            try:
                result = value(*arguments)
            except Exception as error:  # the learner's code: any error is possible
                raise self.wrong("Your function stopped with an error: "
                                 f"{_describe_error(error)}") from None
            if result is None:
                raise self.wrong("Your function gives back nothing (None). Did you forget "
                                 "`return` on its last line?")
            return result

        # A warning from the learner's code would go to stderr, and nbgrader counts any
        # stderr output of a test cell as a failure. Once around the probe, not at each
        # call: a probe may call the function thousands of times.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            problem = self.probe(call)
        if problem:
            raise self.wrong(problem)
