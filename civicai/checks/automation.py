"""Checks of module 01's exercise (exercises/01-automation): automating administrative work.

Question 1 asks for the rules of a register (a `RegisterRules`), not for code
around them: each rule is judged on its own, so the check can say which rule is
missing, wrong or not asked for, without knowing more than the fingerprint of
each. Many other questions also name common slips (the lesson's month instead
of the question's, the training set instead of the test set): the instructor
source states each slip and what to say about it, so the check can name the
slip instead of only saying "not right yet". The later questions of Parts C and
D use the router of question 4, and say so when question 4 is not right yet.
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any

from civicai.automation.cleaning import RegisterRules
from civicai.automation.examples import business_permits, market_stalls
from civicai.checks.answers import Match
from civicai.checks.describe import has_type, kind_of, short_text
from civicai.checks.outcome import CheckFailed, NotRightYet
from civicai.checks.questions import GENERIC_MESSAGES, ChoiceQuestion, NumberQuestion, Question
from civicai.checks.values import Opaque, decode, fields_of

PREFIX = "01-automation"

# ---- question 1: the rules of a register ----------------------------------------------------

#: Every rule a RegisterRules has, and its value when it is not given.
RULE_DEFAULTS = {field.name: field.default for field in dataclasses.fields(RegisterRules)}
_TEXT_RULES = ("id_column", "date_column", "code_column", "earliest", "latest", "date_format")
_LIST_RULES = ("spelling_columns", "required_columns", "also_valid")
_COLUMN_RULES = ("id_column", "spelling_columns", "code_column", "date_column",
                 "required_columns")
#: The order in which a message names the rules (the order the question lists them).
_ORDER = ("id_column", "spelling_columns", "code_column", "code_digits", "also_valid",
          "date_column", "date_format", "earliest", "latest", "required_columns")

#: What each rule is for, in the words of a message about a rule that is missing.
_MISSING = {
    "id_column": "The rules do not say which column is the permit number (`id_column`), so two "
                 "permits with the same number but different details would not be flagged for "
                 "a person.",
    "spelling_columns": "The rules do not say which column holds names whose spelling variants "
                        "should be merged (`spelling_columns`), so \"Coblong\" and \"coblong\" "
                        "would be counted as two different places.",
    "code_column": "The rules do not say which column holds the postcode (`code_column`), so a "
                   "kode pos with four digits is not flagged and one with extra digits is not "
                   "cut to five.",
    "date_column": "The rules do not say which column holds the date of issue (`date_column`), "
                   "so the dates stay text and an impossible date (31 April) is not found.",
    "date_format": "The rules give no date format (`date_format`), so \"03/04/2024\" is read "
                   "month first, as 4 March. This register writes the day first, then the month, "
                   "then the year in four digits: the lesson's STALL_RULES show how to say so.",
}


class _Odd(Exception):
    """A rule whose value is of a kind no RegisterRules can hold (a look-alike class)."""


def _normal(name: str, value: Any) -> Any:
    """A rule's value written one way: what does not change what the rules do is ignored
    (a list or a tuple, the order of a list of columns, an empty text for no rule).

    Spaces inside the quotes are kept: a column's name with a space before it names no
    column, and a date format with one reads no date, so they do change what the rules do.
    """
    if name in _LIST_RULES:
        if has_type(value, (str,)):
            return [value]
        if has_type(value, (tuple, list)) and all(has_type(item, (str,)) for item in value):
            return sorted(set(value))
        raise _Odd(name)
    if name == "code_digits":
        if has_type(value, (int,)):
            return int(value)
        raise _Odd(name)
    if value is None or (has_type(value, (str,)) and value == ""):
        return None
    if has_type(value, (str,)):
        return str(value)
    raise _Odd(name)


def _type_name(value: object) -> str:
    """The name of a value's type, without asking the value (or its class) anything."""
    try:
        return str(type.__dict__["__name__"].__get__(type(value)))
    except Exception:
        return ""


def _columns(register) -> list[str]:
    return [str(column) for column in register().columns]


class RulesQuestion(Question):
    """The rules of a register, a `RegisterRules(...)`, judged rule by rule.

    The canonical form covers every rule, so a rule the question does not ask for is as
    wrong as a missing one. Each rule also has a target of its own: when the rules are
    not right, the message names each rule that is missing, wrong or extra, and says what
    that does to the register (`register` gives the example register, to tell a column
    name that does not exist from one that is the wrong column).
    """

    def __init__(self, qid: str, title: str, variable: str, *, register, **options):
        super().__init__(qid, title, variable, **options)
        self.register = register

    def _not_rules(self) -> str:
        return (f"Write the rules inside `RegisterRules(...)`, each as name=value, as the "
                "lesson's STALL_RULES do (section 2.5).")

    def rules(self, value: Any) -> dict[str, Any]:
        """{rule: its value written one way}, or NotRightYet when this is not rules."""
        if has_type(value, (dict,)):
            raise self.wrong(f"`{self.variable}` is a dictionary, not rules. {self._not_rules()}")
        if type(value) is type or (issubclass(type(value), Opaque) and value.type_name == "type"):
            raise self.wrong(f"`{self.variable}` is a type (a kind of value, not a value): "
                             "RegisterRules itself, without rules. Put the rules inside its "
                             "brackets: `RegisterRules(name=value, ...)`.")
        fields = fields_of(value, "RegisterRules")
        named = value.type_name if issubclass(type(value), Opaque) else _type_name(value)
        if fields is None and named != "RegisterRules":
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}, but this question needs "
                             f"rules. {self._not_rules()}")
        if fields is None or set(fields) != set(RULE_DEFAULTS):
            raise self.wrong(f"`{self.variable}` is called RegisterRules, but it is not the "
                             "course's RegisterRules. Do not define your own: run the first cell "
                             "of the notebook again (it loads the course's tools), then your "
                             "answer cell.")
        found = {}
        for name in RULE_DEFAULTS:
            try:
                found[name] = _normal(name, fields[name])
            except _Odd:
                raise self.wrong(f"The rule `{name}` holds {kind_of(fields[name])}. Write it "
                                 "as the lesson does: a name in quotes, or several in brackets.") \
                    from None
        return found

    def forms(self, value: Any) -> set[str]:
        return {json.dumps(self.rules(value), sort_keys=True)}

    def targets(self, entry: dict) -> dict[str, str]:
        expected = self.rules(decode(entry["value"]))
        return {"answer": json.dumps(expected, sort_keys=True),
                **{f"rule {name}": json.dumps(rule) for name, rule in expected.items()}}

    def not_right(self, value: Any, forms: set[str], match: Match) -> NotRightYet:
        rules = self.rules(value)
        problems: list[tuple[str, str]] = []
        for name in _ORDER:
            mine = rules[name]
            if match(f"rule {name}", json.dumps(mine)):
                continue
            default = _normal(name, RULE_DEFAULTS[name])
            if mine == default:
                problems.append((name, _MISSING.get(
                    name, f"The rules do not set `{name}`, which the question asks for.")))
            elif match(f"rule {name}", json.dumps(default)):
                problems.append((name, self._extra(name, mine)))
            else:
                problems.append((name, self._wrong(name, mine)))
        if not problems:
            return self.wrong("These rules are not right yet. Compare each one with the list "
                              "in the question.")
        if len(problems) > 2:
            names = ", ".join(f"`{name}`" for name, _ in problems)
            return self.wrong(f"{len(problems)} rules are not right yet ({names}). Start with "
                              f"the first: {problems[0][1]}")
        return self.wrong(" ".join(message for _, message in problems))

    # ---- what to say about one rule -------------------------------------------------------
    def _no_such_column(self, name: str, column: str) -> str | None:
        """A message when `column` is not a column of the register, else None."""
        present = _columns(self.register)
        if column in present:
            return None
        quoted = short_text(column)
        if column.strip() in present:
            return (f"`{name}` is {quoted}, with a space inside the quotes: the register's "
                    "column names have none, so the rules cannot find the column.")
        if column in _columns(market_stalls):
            return (f"`{name}` is {quoted}, a column of the lesson's market-stall register. "
                    "This register has its own columns: take their names from the table "
                    "above.")
        if column.casefold() in {item.casefold() for item in present}:
            return (f"`{name}` is {quoted}: capital letters count in a column's name. Copy it "
                    "exactly as the table above writes it.")
        return (f"There is no column {quoted} in the permit register (`{name}`). Copy the "
                "column's name exactly as the table above writes it.")

    def _wrong(self, name: str, mine: Any) -> str:
        if name in _COLUMN_RULES:
            for column in (mine if isinstance(mine, list) else [mine]):
                missing = self._no_such_column(name, column)
                if missing:
                    return missing
        if name == "date_format":
            return _date_format_problem(mine)
        quoted = short_text(mine) if isinstance(mine, str) else ""
        if name == "id_column":
            return (f"`id_column` is {quoted}, which is not the permit number. The id column "
                    "is the one that tells one permit from another, so that rows sharing a "
                    "number but differing in their details are flagged for a person.")
        if name == "code_column":
            return (f"`code_column` is {quoted}, which does not hold the postcode: the code "
                    "rule checks for a five-digit kode pos, so it must point at the postcode "
                    "column.")
        if name == "date_column":
            return (f"`date_column` is {quoted}, which does not hold the date of issue, so the "
                    "real dates are never read or checked.")
        if name == "spelling_columns":
            listed = ", ".join(short_text(column) for column in mine)
            return (f"`spelling_columns` lists {listed}. List only the column of names whose "
                    "spelling variants should be merged (the places), and nothing else: "
                    "merging \"spellings\" in other columns changes values that are not names.")
        if name == "code_digits":
            return f"`code_digits` is {mine}, but a kode pos has five digits."
        return f"The rule `{name}` is not what the question asks for: read that rule again."

    def _extra(self, name: str, mine: Any) -> str:
        if name in ("earliest", "latest"):
            return (f"The rules also set `{name}`, a date range the question does not ask for: "
                    "it would flag permits dated outside it. Leave it out (the Seattle rules "
                    "of the lesson needed one; this register does not).")
        if name == "code_digits":
            return (f"The rules set `code_digits` to {mine}, but a kode pos has five digits, "
                    "which the rules assume when code_digits is not given: leave it out.")
        return (f"The rules also set `{name}`, which the question does not ask for. Leave it "
                "out: each rule changes what is flagged or cleaned.")


def _date_format_problem(date_format: str) -> str:
    """What is wrong with a date format, for a register written like "03/04/2024" (3 April)."""
    quoted = short_text(date_format)
    if date_format != date_format.strip():
        return (f"The date format {quoted} has a space inside the quotes, so no date fits it: "
                "write it without spaces.")
    if "%" not in date_format:
        return (f"The date format {quoted} is not written in the codes the computer reads: "
                "each part (day, month, year) is a code that starts with %, as in the lesson's "
                "STALL_RULES.")
    day, month = date_format.find("%d"), date_format.find("%m")
    if 0 <= month < day:
        return (f"The date format {quoted} reads the month first, so \"03/04/2024\" becomes "
                "4 March. This register writes the day first, then the month.")
    if "%y" in date_format:
        return (f"The date format {quoted} reads a two-digit year (24), but this register "
                "writes the year in four digits (2024): the year's code is a capital letter.")
    if day < 0 or month < 0 or "%Y" not in date_format:
        return (f"The date format {quoted} does not have a code for each of the day, the month "
                "and the year.")
    return (f"The date format {quoted} does not fit how this register writes its dates: the "
            "day, then the month, then the year, with a slash between them.")


# ---- the router's later questions ---------------------------------------------------------

class UsesEarlierAnswer(NumberQuestion):
    """A number computed from an earlier answer (the router of question 4).

    When that answer is not right yet, this number cannot be right either, whatever it
    is: the message then points back to it, instead of guessing what this number is (a
    value the wrong router gives may equal a known slip of this question by chance). A
    message about the form of the answer (a percentage for a share), or one that already
    names the earlier question, is kept.
    """

    def after_earlier(self, failure: CheckFailed, failed: set[str]) -> CheckFailed:
        earlier = [grade_id for grade_id in self.depends_on if grade_id in failed]
        if not earlier or not isinstance(failure, NotRightYet):
            return failure
        names = [f"question {grade_id.lstrip('q')}" for grade_id in earlier]
        if all(name in failure.message for name in names):
            return failure
        joined = " and ".join(names)
        pointer = (f"This question uses your answer to {joined}, which is not right yet, so "
                   f"this number cannot be right either. Fix {joined} first, then run the cells "
                   "after it again, and this check.")
        if self._about_the_value(failure.message):
            return NotRightYet(failure.question, pointer, failure.hint)
        return NotRightYet(failure.question, f"{failure.message} {pointer}", failure.hint)

    def _about_the_value(self, message: str) -> bool:
        """Whether a message judges the number itself (not its form): generic, or a slip."""
        if any(generic in message for generic in GENERIC_MESSAGES):
            return True
        stored = self.fingerprints().fingerprints or {}
        slips = stored.get("slips") or {}
        return message in set(slips.values())


q1 = RulesQuestion(
    f"{PREFIX}/q1", "Question 1 — rules for the permit register", "permit_rules",
    register=business_permits)

q2 = NumberQuestion(
    f"{PREFIX}/q2", "Question 2 — licences dated before 2017", "old_licences",
    whole=True, low=0, high=52519, what="a whole number of licences")

q3 = NumberQuestion(
    f"{PREFIX}/q3", "Question 3 — cat licences in March 2018", "cats_in_march",
    whole=True, low=0, high=5000, what="a whole number of licences")

q4 = NumberQuestion(
    f"{PREFIX}/q4", "Question 4 — train and test the router", "test_accuracy",
    decimals=3, low=0, high=1, what="a share between 0 and 1 (for example 0.9)")

q5 = UsesEarlierAnswer(
    f"{PREFIX}/q5", "Question 5 — recall of a small unit", "recall_dpmptsp",
    decimals=2, low=0, high=1, what="a share between 0 and 1", depends_on=("q4",))

q6 = ChoiceQuestion(f"{PREFIX}/q6", "Question 6 — an accurate router?", "accuracy_answer")

q7 = UsesEarlierAnswer(
    f"{PREFIX}/q7", "Question 7 — the threshold for an error target", "threshold_for_target",
    decimals=2, low=0, high=1, what="a threshold between 0 and 1", depends_on=("q4",))

q8 = UsesEarlierAnswer(
    f"{PREFIX}/q8", "Question 8 — staff hours saved", "hours_saved",
    low=0, high=10000, what="a number of hours", depends_on=("q4",))

q9 = ChoiceQuestion(f"{PREFIX}/q9", "Question 9 — a complaint the router is unsure about",
                    "low_confidence_answer")

q10 = ChoiceQuestion(f"{PREFIX}/q10", "Question 10 — where the errors fall",
                     "uneven_errors_answer")
