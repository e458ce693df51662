"""Questions: one per graded part of an exercise, judged the same way wherever the judging happens.

A question is defined once, here (or in a topic module beside it), and judged
in three places by the same code:

- in the learner's notebook, `question.check()` reads the answer from the
  notebook, judges it against the fingerprints (see `answers`) and shows one of
  three states: not attempted yet, not right yet (with what looks wrong, in
  plain words), or correct;
- in the grader, the learner's notebook only hands over data: `capture()`
  writes the answer as plain values (`values.encode`) and, for a function
  question, `record_calls()` writes what the function gave back on the
  examples and on the hidden inputs. The grader's own process then calls
  `judge_record()` with the answer key, in which no learner code ever ran;
- under plain nbgrader (the formgrader's Autograde button), `hidden()` does the
  same inside the notebook, with the key read from the instructor's files.

Whatever the place, `judge(value, match)` decides: the `match` says whether the
answer's canonical forms hit a target, by fingerprint or by the key. Values are
checked by exact type before anything else, and nothing here asks a learner's
object whether it equals something, so an object that claims to equal
everything gets nowhere.
"""
from __future__ import annotations

import ast
import inspect
import math
import re
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from civicai.checks import answers, cells
from civicai.checks.answers import Match, canonical_number, canonical_text, number_forms
from civicai.checks.describe import is_missing_number, is_plain_number, kind_of, short_text
from civicai.checks.outcome import (
    CheckFailed,
    NotAttemptedYet,
    NotRightYet,
    show_correct,
    show_failure,
)
from civicai.checks.values import Unreadable, decode, encode

#: The words nbgrader puts where a solution was (see autograder/nbgrader_config.py).
STUB_MARKER = "YOUR ANSWER HERE"
OPEN_HINT = "Open '💡 Hint 1' under the question; if that is not enough, 'Hint 2'."
#: The openings of the messages a check gives when it knows nothing more specific about a
#: wrong answer. Every plausible mistake an exercise lists must get a named message instead
#: (tests/grading/test_module_exercises.py).
GENERIC_MESSAGES = ("in a sensible range, but not the right one", "is not the best answer",
                    "but not the right set yet", "This is not the right answer yet",
                    "but not the right one yet", "gives a different result from the right one")
#: Why a check fails when the notebook's data for it cannot be read (the grader's side).
UNREADABLE = ("The grader could not read your answer to this question. Run your notebook from "
              "the top (Kernel → Restart Kernel and Run All Cells) to see what goes wrong.")


def _learner_namespace() -> dict[str, Any]:
    """The globals of the notebook (or script) that called the check."""
    frame = sys._getframe(1)
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("civicai.checks"):
        frame = frame.f_back
    return frame.f_globals if frame is not None else {}


def _empty_function():
    ...


def _is_untouched_function(value: object) -> bool:
    """A function the learner has not filled in yet: its body is only a stub (`...`, a
    docstring, `pass`), or it still holds nbgrader's `...` placeholder with its comment.

    A function with the placeholder replaced is an attempt, even with the comment left in
    (a function without `return` is then told so, not "not attempted").
    """
    if not inspect.isfunction(value):
        return False
    if value.__code__.co_code == _empty_function.__code__.co_code:
        return True
    try:
        source = inspect.getsource(value)
        tree = ast.parse(textwrap.dedent(source))
    except (OSError, TypeError, SyntaxError, ValueError):
        return False
    definition = tree.body[0] if tree.body else None
    if not isinstance(definition, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    if all(isinstance(statement, ast.Pass) or (isinstance(statement, ast.Expr) and
           isinstance(statement.value, ast.Constant)) for statement in definition.body):
        return True
    placeholder = any(isinstance(node, ast.Constant) and node.value is Ellipsis
                      for node in ast.walk(definition))
    return placeholder and STUB_MARKER in source


def _describe_error(error: BaseException) -> str:
    """`KeyError: 'age'`, without trusting the error object to print itself."""
    try:
        detail = str(error)[:200]
    except Exception:
        detail = ""
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


class Question:
    """One graded part: where its answer lives, and how to tell whether it is right.

    Subclasses define `forms(value)`, the canonical forms of an answer (raising
    `self.wrong(...)` when it is not the right kind of answer), and may refine
    `judge` (more parts) and `targets` (what the key's answer gives).

    Known slips (a plausible wrong answer, and what to say about it) are declared in
    the instructor source, beside the answer, and reach a question through the key and
    the fingerprints. `depends_on` names earlier questions whose answer this one uses:
    when both are not right yet, the message says to fix the earlier one first.
    """

    success = "Well done."

    def __init__(self, qid: str, title: str, variable: str, hint: str = OPEN_HINT, *,
                 demo: dict | None = None, depends_on: tuple[str, ...] = ()):
        self.qid, self.title, self.variable, self.hint = qid, title, variable, hint
        self.demo = demo  # a lesson's ungraded demonstration: its fingerprints, given here
        self.depends_on = tuple(depends_on)

    @property
    def assignment(self) -> str:
        return self.qid.split("/")[0]

    @property
    def grade_id(self) -> str:
        return self.qid.split("/", 1)[1]

    def wrong(self, message: str) -> NotRightYet:
        return NotRightYet(self.title, message, self.hint)

    # ---- the answer: missing, a placeholder, or a value -------------------------------------
    def _missing(self) -> NotAttemptedYet:
        return NotAttemptedYet(
            self.title,
            f"There is no `{self.variable}` yet. Write your answer in the cell above, "
            "run that cell (Shift+Enter), then run this check again.")

    def _placeholder(self) -> NotAttemptedYet:
        return NotAttemptedYet(
            self.title,
            f"`{self.variable}` still holds the placeholder. Replace the `...` in the cell "
            "above with your answer, run that cell, then run this check again.")

    @staticmethod
    def is_placeholder(value: object) -> bool:
        return value is Ellipsis or (type(value) is str and not value.strip()) \
            or _is_untouched_function(value)

    def _broken(self, message: str) -> NotAttemptedYet:
        return NotAttemptedYet(self.title, message[:600])

    def read(self, namespace: dict[str, Any]) -> Any:
        """The learner's answer in `namespace`, or NotAttemptedYet if there is none yet, or
        if the cell that set it stopped with an error or changed since it ran."""
        problem = cells.problem(self.variable)
        if problem:
            raise self._broken(problem)
        if self.variable not in namespace:
            raise self._missing()
        value = namespace[self.variable]
        if self.is_placeholder(value):
            raise self._placeholder()
        return value

    def capture(self, namespace: dict[str, Any]) -> dict:
        """The answer as data, for judging elsewhere (see `judge_record`)."""
        problem = cells.problem(self.variable)
        if problem:
            return {"state": "broken", "message": problem}
        if self.variable not in namespace:
            return {"state": "missing"}
        value = namespace[self.variable]
        if self.is_placeholder(value):
            return {"state": "placeholder"}
        return {"state": "value", "value": encode(value)}

    # ---- judging -------------------------------------------------------------------------------
    def forms(self, value: Any) -> set[str]:
        raise NotImplementedError

    def canonical(self, expected: Any) -> str:
        """The one canonical form of the expected answer (a member of `forms(expected)`)."""
        (form,) = self.forms(expected)
        return form

    def not_right(self, value: Any, forms: set[str], match: Match) -> NotRightYet:
        """What to say when an answer of the right kind is not the right one."""
        return self.wrong("This is not the right answer yet. Read the question again.")

    def judge(self, value: Any, match: Match | None = None) -> None:
        """Raise NotRightYet (with what looks wrong) unless `value` is the right answer.

        `match` is where the right answer's forms are found: the fingerprints when
        none is given (the learner's notebook), the key's targets in the grader.
        """
        match = match or self.fingerprints()
        forms = self.forms(value)
        if not match("answer", forms):
            slip = match.slip(forms)
            raise self.wrong(slip) if slip else self.not_right(value, forms, match)

    def targets(self, entry: dict) -> dict[str, str]:
        """{target name: canonical form} from this question's entry in the answer key."""
        return {"answer": self.canonical(decode(entry["value"]))}

    def slip_messages(self, entry: dict) -> dict[str, str]:
        """{canonical form: message} of the known slips in this question's key entry."""
        return {self.canonical(decode(slip["value"])): slip["message"]
                for slip in entry.get("slips", [])}

    def key_match(self, entry: dict) -> Match:
        return Match(self.qid, targets=self.targets(entry), slips=self.slip_messages(entry))

    def after_earlier(self, failure: CheckFailed, failed: set[str]) -> CheckFailed:
        """A not-right message that says which earlier answer it follows from, if one of
        the questions this one uses is not right yet either."""
        earlier = [grade_id for grade_id in self.depends_on if grade_id in failed]
        if not earlier or not isinstance(failure, NotRightYet):
            return failure
        names = " and ".join(f"question {grade_id.lstrip('q')}" for grade_id in earlier)
        return NotRightYet(failure.question, f"{failure.message} This question uses your answer "
                           f"to {names}, which is not right yet: fix that first.", failure.hint)

    def fingerprints(self) -> Match:
        if self.demo is not None:
            return Match(self.qid, fingerprints=self.demo)
        return Match(self.qid, fingerprints=answers.fingerprints(self.assignment).get(
            self.grade_id, {}))

    def judge_record(self, record: dict, entry: dict) -> None:
        """Judge captured data against the key's entry; raise CheckFailed when not passed."""
        state = record.get("state") if type(record) is dict else None
        if state == "broken" and type(record.get("message")) is str:
            raise self._broken(record["message"])
        if state == "missing":
            raise self._missing()
        if state == "placeholder":
            raise self._placeholder()
        if state != "value":
            raise self.wrong(UNREADABLE)
        try:
            value = decode(record.get("value"))
        except Unreadable:
            raise self.wrong(UNREADABLE) from None
        self.judge(value, self.key_match(entry))

    # ---- in a notebook -------------------------------------------------------------------------
    def check(self) -> None:
        """Judge the learner's answer and show the outcome (raise if not passed)."""
        namespace = _learner_namespace()
        try:
            self.judge(self.read(namespace), self.fingerprints())
        except NotRightYet as failure:
            raise self.after_earlier(failure, self._failed_earlier(namespace)) from None
        show_correct(self.title, self.success)

    def _failed_earlier(self, namespace: dict[str, Any]) -> set[str]:
        from civicai.checks import questions_of

        failed = set()
        for grade_id in self.depends_on:
            earlier = questions_of(self.assignment)[grade_id]
            try:
                earlier.judge(earlier.read(namespace))
            except CheckFailed:
                failed.add(grade_id)
        return failed

    def show(self) -> None:
        """Like `check()`, but a failed check is shown, not raised.

        For lessons and sandboxes, where a demonstration must not stop "Run all".
        """
        try:
            self.check()
        except CheckFailed as failure:
            show_failure(failure)

    def hidden(self, calls: Callable | None = None, slips: list | None = None) -> None:
        """The instructor's judgement, inside the notebook: for plain nbgrader only.

        In an instructor source, each check cell's hidden part is one call of this,
        declaring the hidden inputs of a function question (`calls`) and the known
        slips (`slips`: (wrong answer, or a function that computes it, message) pairs,
        which the reference run writes into the key and the fingerprints). The cohort grader
        never runs it in the learner's kernel: it reads the same declaration and
        judges outside. Plain nbgrader runs it here, with the key read from the
        instructor's files, which only an instructor's computer has.
        """
        entry = answers.key(self.assignment)["questions"][self.grade_id]
        namespace = _learner_namespace()
        try:
            self.judge_record(self.capture(namespace), entry)
        except NotRightYet as failure:
            raise self.after_earlier(failure, self._failed_earlier(namespace)) from None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.qid}: run .check() to check your answer>"


class NumberQuestion(Question):
    """A single number, right when it rounds to the answer at the stated precision.

    `decimals` is the precision the question states (0: a whole number of
    something, or a figure rounded to a whole number); `whole` asks for a whole
    number outright (a count).
    """

    def __init__(self, qid: str, title: str, variable: str, *, decimals: int = 0,
                 whole: bool = False, low: float | None = None, high: float | None = None,
                 what: str = "a number", hint: str = OPEN_HINT, **options):
        super().__init__(qid, title, variable, hint, **options)
        self.decimals, self.whole = decimals, whole
        self.low, self.high, self.what = low, high, what

    def forms(self, value: Any) -> set[str]:
        if type(value) is tuple and len(value) == 2 and all(is_plain_number(part) for part in value):
            raise self.wrong(f"Python read `{self.variable}` as two numbers, {value[0]} and "
                             f"{value[1]}: it writes decimals with a point, not a comma "
                             "(2.5, not 2,5).")
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
        if self.high is not None and self.high <= 1 < number <= 100:
            raise self.wrong(f"`{self.variable}` is {number:g}: that looks like a percentage. "
                             f"This question needs {self.what}: 80% is written 0.80.")
        if self.low is not None and number < self.low:
            raise self.wrong(f"`{self.variable}` is {number:g}, which is too small to be "
                             f"right: it should be at least {self.low:g}.")
        if self.high is not None and number > self.high:
            raise self.wrong(f"`{self.variable}` is {number:g}, which is too large to be "
                             f"right: it should be at most {self.high:g}.")
        if self.whole and not number.is_integer():
            raise self.wrong(f"`{self.variable}` is {number:g}, but this question needs "
                             f"{self.what}: a whole number, with nothing after the point.")
        return number_forms(number, self.decimals)

    def canonical(self, expected: Any) -> str:
        return canonical_number(float(expected), self.decimals)

    def not_right(self, value: Any, forms: set[str], match: Match) -> NotRightYet:
        if self.decimals:
            precision = f" (rounded to {self.decimals} decimal places)"
        else:
            precision = "" if float(value).is_integer() else " (rounded to a whole number)"
        return self.wrong(f"`{self.variable}` is {kind_of(value)} in a sensible range, but "
                          f"not the right one{precision}.")


class ChoiceQuestion(Question):
    """Pick one option ("a", "b", "c", ...): an interpretation question."""

    def __init__(self, qid: str, title: str, variable: str, *, options: str = "abc",
                 hint: str = OPEN_HINT, **extra):
        super().__init__(qid, title, variable, hint, **extra)
        self.options = options

    def forms(self, value: Any) -> set[str]:
        listed = ", ".join(f'"{option}"' for option in self.options)
        if type(value) is not str:
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}. Write one letter in "
                             f"quotes: one of {listed}.")
        letter = value.strip().strip("()").casefold()
        if letter not in self.options:
            raise self.wrong(f"`{self.variable}` is {short_text(value)}. Choose one of "
                             f"{listed} (just the letter, in quotes).")
        return {letter}

    def not_right(self, value: Any, forms: set[str], match: Match) -> NotRightYet:
        (letter,) = forms
        return self.wrong(f'"{letter}" is not the best answer. Read each option again, then '
                          "Hint 1 under the question.")


class TextQuestion(Question):
    """One of a known set of names (a column, a category), compared as a person would."""

    def __init__(self, qid: str, title: str, variable: str, choices: tuple[str, ...], *,
                 what: str = "one of the names listed", not_this: str = "",
                 hint: str = OPEN_HINT, **options):
        super().__init__(qid, title, variable, hint, **options)
        self.choices, self.what = choices, what
        self.not_this = not_this or ("{name} is {what}, but not the right one yet. Look again "
                                     "at the result the question points to.")

    def forms(self, value: Any) -> set[str]:
        if type(value) is not str:
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}. Write the name in quotes, "
                             "exactly as the table shows it.")
        if canonical_text(value) not in {canonical_text(choice) for choice in self.choices}:
            raise self.wrong(f"{short_text(value)} is not {self.what}. Copy the name exactly "
                             "from the table above (lower case, with underscores).")
        return {canonical_text(value)}

    def not_right(self, value: Any, forms: set[str], match: Match) -> NotRightYet:
        return self.wrong(self.not_this.format(name=short_text(value.strip()), what=self.what))


class TableQuestion(Question):
    """A pandas table with the columns it needs, whose named parts must match the key.

    `parts(table)` gives {part name: number} of the cells that matter (for the
    learner's table, or None for a part it lacks); each part is compared at
    `decimals` places, and `part_messages` says what a wrong part suggests.
    """

    def __init__(self, qid: str, title: str, variable: str, *, columns: Iterable[str] = (),
                 rows: int | None = None, parts: Callable[[pd.DataFrame], dict] | None = None,
                 decimals: int = 3, part_messages: dict[str, str] | None = None,
                 extra: Callable[[pd.DataFrame], str | None] | None = None,
                 hint: str = OPEN_HINT, **options):
        super().__init__(qid, title, variable, hint, **options)
        self.columns, self.rows = tuple(columns), rows
        self.parts, self.decimals = parts, decimals
        self.part_messages, self.extra = dict(part_messages or {}), extra

    def _shape_problem(self, value: Any) -> str | None:
        if type(value) is not pd.DataFrame:
            return (f"`{self.variable}` is {kind_of(value)}, but this question needs a table "
                    "(rows and named columns, like the lesson's tables).")
        present = {str(column) for column in value.columns}
        missing = [column for column in self.columns if column not in present]
        if missing:
            names = ", ".join(f"'{column}'" for column in missing)
            return (f"Your table has no column {names}. Check the spelling (capital letters "
                    "and spaces count).")
        if self.rows is not None and len(value.index) != self.rows:
            return (f"Your table has {len(value.index)} rows; it should have {self.rows}. "
                    "Is a filter or a grouping step missing, or is the grouping column wrong?")
        return self.extra(value) if self.extra else None

    def _parts(self, table: pd.DataFrame) -> dict[str, str | None]:
        found = {}
        for name, number in (self.parts(table) if self.parts else {}).items():
            found[name] = (canonical_number(float(number), self.decimals)
                           if is_plain_number(number) and math.isfinite(float(number)) else None)
        return found

    def judge(self, value: Any, match: Match | None = None) -> None:
        match = match or self.fingerprints()
        problem = self._shape_problem(value)
        if problem:
            raise self.wrong(problem)
        for name, form in self._parts(value).items():
            forms = number_forms(float(form), self.decimals) if form is not None else set()
            if not match(name, forms):
                raise self.wrong(self.part_messages.get(
                    name, f"The {name} in your table is not right yet."))

    def targets(self, entry: dict) -> dict[str, str]:
        return {name: form for name, form in self._parts(decode(entry["value"])).items()
                if form is not None}


class _Failed(Exception):
    """The learner's function stopped with an error; only its description crosses."""

    def __init__(self, description: str):
        super().__init__(description)
        self.description = description


def live(function: Callable) -> Callable:
    """Call the learner's function; an error inside it becomes a `_Failed`."""
    def invoke(*arguments: Any) -> Any:
        try:
            return function(*arguments)
        except Exception as error:  # the learner's code: any error is possible
            raise _Failed(_describe_error(error)) from None
    return invoke


def recording(invoke: Callable, records: list) -> Callable:
    """`invoke`, writing down each result (as data) or error, in order.

    `why` is what a hidden input is there to catch, in the instructor's words: it is
    written down beside the reference's result, so that the key can say it.
    """
    def record(*arguments: Any, why: str = "") -> Any:
        said = {"why": why} if why else {}
        try:
            result = invoke(*arguments)
        except _Failed as failed:
            records.append({**said, "error": failed.description})
            raise
        records.append({**said, "ok": encode(result)})
        return result
    return record


def replaying(records: list) -> Callable:
    """Stands in for the learner's function: gives back what it gave, call by call."""
    remaining = iter(records if type(records) is list else [])

    def replay(*_arguments: Any) -> Any:
        record = next(remaining, None)
        if type(record) is not dict:
            raise Unreadable("fewer results written down than the check asks for")
        if "error" in record:
            raise _Failed(str(record["error"])[:300])
        return decode(record.get("ok"))
    return replay


#: How a function question's message begins when the learner's function stopped with an error.
STOPPED = "Your function stopped with an error: "


def plain_error(failure: NotRightYet, meanings: Iterable[tuple[str, str]]) -> str | None:
    """What the error a learner's function stopped with means, in its question's words, or
    None if it is none of the usual ones.

    `meanings` are (words of Python's message, plain words) pairs, the first match wins;
    `{name}` in the plain words stands for the name Python did not know. Python's own last
    line is kept after the plain words, so a learner learns to read it too.
    """
    if not failure.message.startswith(STOPPED):
        return None
    detail = failure.message.removeprefix(STOPPED)
    for words, meaning in meanings:
        if words in detail:
            unknown = re.search(r"name '([^']+)'", detail)
            name = f"`{unknown.group(1)}`" if unknown else "you typed"
            return f"{STOPPED}{meaning.replace('{name}', name)} (Python's last line said: {detail})"
    return None


def explaining(call: Callable, meanings: Iterable[tuple[str, str]]) -> Callable:
    """`call` (a probe's way of calling the learner's function), saying the usual errors of
    its question in plain words (see `plain_error`); any other error is told as it was."""
    def explained(*arguments: Any) -> Any:
        try:
            return call(*arguments)
        except NotRightYet as failure:
            plain = plain_error(failure, meanings)
            if plain is None:
                raise
            raise NotRightYet(failure.question, plain, failure.hint) from None
    return explained


class FunctionQuestion(Question):
    """A function the learner writes, tried on the question's examples and on hidden inputs.

    `probe(call)` tries the examples the question shows: `call(*args)` runs the
    learner's function (an error inside it becomes a plain message) and the
    probe returns None when every example is right, or a message saying what is
    not. The instructor source declares the hidden inputs (`hidden(calls=...)`);
    the function's results on them are compared with the reference function's by
    `same(result, expected)`, or judged by `judge_hidden(results)` when the right
    result is a property rather than one value (random noise). A hidden input can say
    what it is there to catch, `call(table, why="...")`: a learner whose result differs
    there is told that sentence (the mistake, not the input), instead of `hidden_hint`.
    """

    #: Whether the key keeps the reference function's results on the hidden inputs.
    keeps_reference = True
    success = ("It works on the question's examples. Your instructor's grading also tries it on "
               "inputs it has not seen.")

    def __init__(self, qid: str, title: str, variable: str,
                 probe: Callable[[Callable[..., Any]], str | None], *,
                 same: Callable[[Any, Any], bool] | None = None,
                 hidden_hint: str = "", hint: str = OPEN_HINT, **options):
        super().__init__(qid, title, variable, hint, **options)
        self.probe, self.same_result = probe, same or same_data
        self.hidden_hint = hidden_hint

    def capture(self, namespace: dict[str, Any]) -> dict:
        record = super().capture(namespace)
        if record["state"] == "value" and callable(namespace[self.variable]) and \
                not isinstance(namespace[self.variable], type):
            return {"state": "function"}
        return record

    def _probe_with(self, invoke: Callable) -> None:
        def call(*arguments: Any) -> Any:
            try:
                result = invoke(*arguments)
            except _Failed as failed:
                raise self.wrong(f"{STOPPED}{failed.description}") from None
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

    def _not_a_function(self, value: Any) -> NotRightYet:
        return self.wrong(f"`{self.variable}` is {kind_of(value)}, but this question "
                          f"needs a function: start the cell with `def {self.variable}(...):`.")

    def judge(self, value: Any, match: Match | None = None) -> None:
        if not callable(value) or isinstance(value, type):
            raise self._not_a_function(value)
        self._probe_with(live(value))

    def record_calls(self, function: Callable, calls: Callable | None) -> dict:
        """What the function gave back on the examples and the hidden inputs, as data."""
        examples: list = []
        try:
            self._probe_with(recording(live(function), examples))
        except CheckFailed:
            pass  # the probe stopped where the answer went wrong: that is written down
        hidden: list = []
        if calls is not None:
            write_down = recording(live(function), hidden)

            def call(*arguments: Any, why: str = "") -> Any:
                try:
                    return write_down(*arguments, why=why)
                except _Failed:
                    return None

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                calls(call)
        return {"state": "function", "examples": examples, "hidden": hidden}

    def judge_hidden(self, results: list, expected: list) -> str | None:
        """Compare the results on the hidden inputs with the reference's, one by one.

        What an input is there to catch (`why`) is read from the key, never from the
        learner's record, and said in place of the general hint when the result differs.
        """
        if type(results) is not list or len(results) != len(expected):
            raise Unreadable("not every hidden input has a result")
        for mine, theirs in zip(results, expected):
            if type(mine) is not dict:
                raise Unreadable("a broken result")
            why = str(theirs.get("why") or self.hidden_hint)
            if "error" in mine:
                kind = str(mine["error"]).split(":")[0][:60]
                return (f"Your function works on the question's examples, but stopped with an "
                        f"error ({kind}) on one of your instructor's further examples. "
                        f"{why}").strip()
            if not self.same_result(decode(mine.get("ok")), decode(theirs["ok"])):
                if theirs.get("why"):
                    return ("Your function works on the question's examples, but not on one of "
                            f"your instructor's further examples. {why}")
                return ("Your function works on the question's examples, but gives a different "
                        "result from the right one on one of your instructor's further examples. "
                        f"{why}").strip()
        return None

    def judge_record(self, record: dict, entry: dict) -> None:
        if type(record) is not dict or record.get("state") != "function":
            super().judge_record(record, entry)  # missing, a placeholder, not a function: raises
        if "examples" not in record:
            raise self.wrong(UNREADABLE)
        try:
            self._probe_with(replaying(record["examples"]))
            problem = self.judge_hidden(record.get("hidden"), entry.get("hidden", []))
        except Unreadable:
            raise self.wrong(UNREADABLE) from None
        if problem:
            raise self.wrong(problem)

    def targets(self, entry: dict) -> dict[str, str]:
        return {}

    def hidden(self, calls: Callable | None = None, slips: list | None = None) -> None:
        namespace = _learner_namespace()
        record = self.capture(namespace)
        if record["state"] == "function":
            record = self.record_calls(namespace[self.variable], calls)
        self.judge_record(record, answers.key(self.assignment)["questions"][self.grade_id])


def same_data(result: Any, expected: Any) -> bool:
    """True when two plain values are the same: exact types, numbers to 9 significant figures."""
    if type(result) is not type(expected):
        return False
    if is_plain_number(expected):
        return math.isclose(float(result), float(expected), rel_tol=1e-9, abs_tol=1e-12) or (
            math.isnan(float(result)) and math.isnan(float(expected)))
    if type(expected) in (list, tuple):
        return len(result) == len(expected) and all(map(same_data, result, expected))
    if type(expected) in (pd.DataFrame, pd.Series):
        assert_equal = (pd.testing.assert_frame_equal if type(expected) is pd.DataFrame
                        else pd.testing.assert_series_equal)
        try:
            assert_equal(result, expected, check_exact=False, rtol=1e-9)
        except (AssertionError, TypeError, ValueError):
            return False
        return True
    if type(expected) in (str, bytes, bool, type(None)):
        return result == expected
    return False
