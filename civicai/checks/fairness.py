"""Checks of module 03's exercise (exercises/03-bias) and the lesson's demonstration.

Numbers are compared at the precision each question states; the audit table is
compared cell by cell (each group's selection rate, FNR and FPR), and the
mitigated decisions by what they achieve (equal miss rates) and by who they
select. Where a wrong answer shows which mistake it comes from (the rate over the
wrong households, the ratio the wrong way round, a strength typed for a name, the
wrong constraint), the message says what the learner did.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from civicai.checks.answers import canonical_text
from civicai.checks.describe import is_missing_number, is_plain_number, kind_of
from civicai.checks.outcome import CheckFailed, NotRightYet
from civicai.checks.questions import (
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    Question,
    TableQuestion,
    TextQuestion,
)

PREFIX = "03-bias"


# ---- question 5: a miss rate by hand -------------------------------------------------------

def _rates(poor: list[bool], selected: list[bool]) -> dict[str, float]:
    """The rates a miss-rate function can give by mistake, on a small hand-made register."""
    missed = sum(p and not s for p, s in zip(poor, selected))
    wrongly_selected = sum(s and not p for p, s in zip(poor, selected))
    n, n_poor, n_selected = len(poor), sum(poor), sum(selected)
    return {"right": missed / n_poor, "all": missed / n, "hit": (n_poor - missed) / n_poor,
            "fpr": wrongly_selected / (n - n_poor),
            "unselected poor": missed / (n - n_selected),
            "selected not poor": wrongly_selected / n_selected, "count": missed,
            "percentage": 100 * missed / n_poor, "unselected over poor": (n - n_selected) / n_poor,
            "unselected": (n - n_selected) / n}


#: What each of those mistakes is, in the words of the lesson.
_MISS_RATE_MISTAKES = {
    "all": "It divides the missed poor households by all the households. A miss rate counts "
           "only the truly poor: of those, the share that was not selected.",
    "hit": "That is the share of the truly poor households that were selected (the hit rate, "
           "TPR). The miss rate is the other part: the share of them that was not selected.",
    "fpr": "That is the share of the households that are not poor that were selected anyway "
           "(the false positive rate). The miss rate looks at the truly poor households.",
    "unselected poor": "It starts from the households that were not selected and takes the "
                       "share of them that is poor: the rate the wrong way round. Start from "
                       "the truly poor households: of those, the share not selected.",
    "selected not poor": "It starts from the selected households and takes the share of them "
                         "that is not poor. Start from the truly poor households: of those, "
                         "the share not selected.",
    "count": "That is a count (how many poor households were missed), not a share: divide it "
             "by the number of truly poor households.",
    "percentage": "That is a percentage. Give back a share between 0 and 1 (50% is 0.5).",
    "unselected over poor": "It divides all the households that were not selected by the "
                            "number of truly poor ones. Count only the truly poor households "
                            "that were not selected.",
    "unselected": "That is the share of all households that were not selected. Count only the "
                  "truly poor: of those, the share not selected.",
}

#: Small registers whose miss rates can be counted on one hand. The first tells every
#: mistake above apart from the right rate and from each other.
_MISS_RATE_EXAMPLES = [
    ([True, False, True, False, True, False, False],
     [False, True, True, False, False, False, False]),
    ([True, True, True, True, False], [True, False, False, True, True]),
    ([True, False, True, False], [True, True, True, False]),
    ([True, True, True, False, False, False], [False, False, True, True, True, False]),
]


def _what_went_wrong(result: float, rates: dict[str, float]) -> str:
    """The mistake a wrong result on an example comes from, when it shows."""
    for name, message in _MISS_RATE_MISTAKES.items():
        if math.isclose(result, rates[name], abs_tol=1e-9):
            return message
    right = rates["right"]
    if any(math.isclose(result, round(right, places), abs_tol=1e-12) for places in (1, 2, 3, 4)):
        return ("It rounds its result. Give back the share as it is: rounding is for showing a "
                "number, not for working with it.")
    return "Count only the truly poor households: of those, which share was not selected?"


def _miss_rate_probe(call) -> str | None:
    """The examples of `_MISS_RATE_EXAMPLES`; a wrong result is named where it can be."""
    for poor, selected in _MISS_RATE_EXAMPLES:
        rates = _rates(poor, selected)
        result = call(pd.Series(poor), pd.Series(selected))
        if not is_plain_number(result):
            return (f"Your function gives back {kind_of(result)}; it should give back one "
                    "number (a share between 0 and 1).")
        if not math.isclose(float(result), rates["right"], abs_tol=1e-9):
            return (f"On a small example (truly_poor = {poor}, selected = {selected}) your "
                    f"function gives {float(result):.3g}; counting by hand gives "
                    f"{rates['right']:.3g}. {_what_went_wrong(float(result), rates)}")
    return None


def _same_share(result, expected) -> bool:
    """The same share; for a group with nobody to measure, both "not defined" (NaN)."""
    if not is_plain_number(result):
        return False
    if is_missing_number(expected):
        return is_missing_number(result)
    return math.isclose(float(result), float(expected), abs_tol=1e-6)


class MissRateQuestion(FunctionQuestion):
    """A miss-rate function. Where the rate is not defined (a group without any truly poor
    household: the reference gives NaN), stopping with a division by zero says the same
    thing and is accepted; a number (Fairlearn's 0) is not."""

    def judge_hidden(self, results: list, expected: list) -> str | None:
        if type(results) is list and type(expected) is list and len(results) == len(expected):
            from civicai.checks.values import Unreadable, decode

            kept = []
            for mine, theirs in zip(results, expected):
                try:
                    undefined = type(theirs) is dict and is_missing_number(decode(theirs.get("ok")))
                except Unreadable:
                    undefined = False
                divided_by_zero = type(mine) is dict and \
                    str(mine.get("error", "")).startswith("ZeroDivisionError")
                if not (undefined and divided_by_zero):
                    kept.append((mine, theirs))
            results, expected = [mine for mine, _ in kept], [theirs for _, theirs in kept]
        return super().judge_hidden(results, expected)


# ---- question 6: the audit table -----------------------------------------------------------

def _value(table: pd.DataFrame, group: str, column: str):
    """The cell of `table` in the row named like `group` (True or "True") and `column`."""
    rows = [key for key in table.index if str(key) == group]
    return table.loc[rows[0], column] if rows else None


def _q6_parts(table: pd.DataFrame) -> dict:
    """Each group's three rates: the cells the audit is about."""
    parts = {}
    for metric, label in (("selection_rate", "selection"), ("FNR", "fnr"), ("FPR", "fpr")):
        for group in ("True", "False"):
            parts[f"{label}-{group.lower()}"] = _value(table, group, metric)
    return parts


def _disability_table_problem(table: pd.DataFrame) -> str | None:
    if len(table.index) != 2:
        return (f"Your table has {len(table.index)} rows; it should have one row per group of "
                "`disability` (True and False). Did you pass `households['disability']` as "
                "`sensitive_features`?")
    try:
        numbers = table[["selection_rate", "FNR", "FPR"]].to_numpy(dtype=float)
    except (TypeError, ValueError):
        return "Every rate in your table should be a number."
    if not np.isfinite(numbers).all() or (numbers < 0).any() or (numbers > 1).any():
        return "Every rate in your table should be a share between 0 and 1."
    if _value(table, "True", "selection_rate") is None or \
            _value(table, "False", "selection_rate") is None:
        groups = ", ".join(str(key) for key in table.index)
        return (f"Your table's rows are {groups}; it should have one row for households with a "
                "disabled member (True) and one for the others (False). The groups come from "
                "`sensitive_features`: this question compares households by `disability`.")
    return None


_SELECTION = ("The selection rates are not right yet: the selection rate is the share of each "
              "group that the model selected. Is `y_pred` the model's decision "
              "(`households['selected']`), and `y_true` the truth (`households['truly_poor']`), "
              "not the other way round?")
_Q6_MESSAGES = {
    **{f"selection-{group}": _SELECTION for group in ("true", "false")},
    **{f"fnr-{group}": "The selection rates are right, but the FNR column is not: it should "
                       "be, of the truly poor households, the share not selected. Is \"FNR\" "
                       "paired with `false_negative_rate` (not `false_positive_rate`), with "
                       "`y_true` the truth (`households['truly_poor']`)?"
       for group in ("true", "false")},
    **{f"fpr-{group}": "The selection rates and the FNR column are right, but the FPR column is "
                       "not: it should be, of the households that are not poor, the share "
                       "selected anyway. Is \"FPR\" paired with `false_positive_rate`?"
       for group in ("true", "false")},
}


# ---- question 10: the mitigated decisions --------------------------------------------------

def _by_group(households: pd.DataFrame, chosen: np.ndarray, group: str, metric: str) -> list:
    from civicai.fairness import audit

    return list(audit(households["truly_poor"], chosen, households[group],
                      metrics=(metric,)).by_group[metric])


def _about_equal(rates: list, within: float) -> bool:
    return len(rates) == 2 and all(map(math.isfinite, rates)) and abs(rates[0] - rates[1]) <= within


def _mitigated_problem(value: Any) -> str | None:
    """Properties of decisions whose miss rates are equal for the two disability groups; when
    they are not, what the decisions do make equal instead."""
    from civicai.data import load

    if type(value) is not pd.Series or value.dtype != bool:
        return (f"`mitigated` is {kind_of(value)}; it should be the yes/no decisions that "
                "`fairness.mitigate(...)` gives back.")
    households = load("households")
    if len(value) != len(households) or not value.index.equals(households.index):
        return (f"`mitigated` has {len(value)} decisions; it should have one per household, "
                "in the register's order.")
    chosen = value.to_numpy()
    fnr = _by_group(households, chosen, "disability", "FNR")
    if _about_equal(fnr, 0.05):
        return None
    still = (f"the miss rates (FNR) are still {fnr[0]:.0%} and {fnr[1]:.0%} for households "
             "without and with a disabled member")
    by_sex = _by_group(households, chosen, "head_sex", "FNR")
    if _about_equal(by_sex, 0.05):
        return (f"Your decisions make the miss rates about equal for female- and male-headed "
                f"households (the lesson's groups), but {still}. This question's groups are "
                "those of `\"disability\"`.")
    selection = _by_group(households, chosen, "disability", "selection_rate")
    if _about_equal(selection, 0.01):
        return (f"Your decisions select households without and with a disabled member about "
                f"as often ({selection[0]:.0%} and {selection[1]:.0%}: equal selection rates), "
                f"but {still}. Equal selection rates can hide unequal misses: in an assistive "
                "programme, which error must be spread evenly?")
    fpr = _by_group(households, chosen, "disability", "FPR")
    if _about_equal(fpr, 0.01):
        return (f"Your decisions make the false-alarm rates (FPR) equal, but {still}. FPR is "
                "the error that matters when a decision harms (punitive); social assistance "
                "helps. Which constraint makes the miss rates equal?")
    return f"With your choice, {still}. Which constraint makes the miss rates equal?"


class DecisionsQuestion(Question):
    """Yes/no decisions for every household: what they achieve first, then who they select."""

    def forms(self, value: Any) -> set[str]:
        problem = _mitigated_problem(value)
        if problem:
            raise self.wrong(problem)
        from civicai.data import load

        households = load("households")
        poor, disability = households["truly_poor"].to_numpy(), households["disability"].to_numpy()
        chosen = value.to_numpy()
        counts = (int(chosen.sum()), int((poor & disability & ~chosen).sum()),
                  int((poor & ~disability & ~chosen).sum()))
        return {",".join(map(str, counts))}

    def not_right(self, value: Any, forms: set[str], match) -> Any:
        return self.wrong("Your decisions make the miss rates about equal, but they are not the "
                          "ones the question asks for: perhaps they make the false-alarm rates "
                          "equal too (`\"equalized_odds\"`), a stricter rule that moves the "
                          "thresholds further. Use `fairness.mitigate(model, \"disability\", "
                          "...)` with the constraint that makes only the miss rates equal.")


# ---- numbers, names and the accuracy of question 11 ------------------------------------------

class RatioQuestion(NumberQuestion):
    """The four-fifths ratio: the lower rate over the higher, so at most 1. A ratio a little
    above 1 is the same division the wrong way round, and is told so (not "a percentage")."""

    def forms(self, value: Any) -> set[str]:
        if is_plain_number(value) and math.isfinite(float(value)) and 1 < float(value) <= 5:
            raise self.wrong(f"`{self.variable}` is {float(value):.2f}, more than 1: that is "
                             "the higher rate divided by the lower one. The four-fifths ratio "
                             "divides the lower rate by the higher one, so it is at most 1.")
        return super().forms(value)


#: Names that are in the mortgage table but are not the applicants' financial columns.
_NOT_FINANCIAL = {
    "denied": "the bank's decision",
    "approved": "the bank's decision",
    "african_american": "the race column itself",
}


class ProxyQuestion(TextQuestion):
    """A column's name. A strength of association typed for the name, or a column that is not
    one of the financial ones, is told what it is."""

    def forms(self, value: Any) -> set[str]:
        if is_plain_number(value) and 0 <= float(value) <= 1:
            raise self.wrong(f"`{self.variable}` is a number ({float(value):.3g}): that is how "
                             "strongly a column is associated with race (Cramér's V), not the "
                             "column's name. The question asks for the name, in quotes: in "
                             "the result of `fairness.proxy_strength`, the names are the index.")
        if type(value) is str and canonical_text(value) in _NOT_FINANCIAL:
            what = _NOT_FINANCIAL[canonical_text(value)]
            raise self.wrong(f'"{value.strip()}" is {what}, not one of the applicants\' '
                             "financial columns. The question asks which financial column "
                             "gives race away: measure them on the table `finances`.")
        return super().forms(value)


class AccuracyQuestion(NumberQuestion):
    """The mitigated model's accuracy, which uses question 10's decisions: when those are not
    right yet, that comes first in the message."""

    def not_right(self, value: Any, forms: set[str], match) -> NotRightYet:
        return self.wrong(f"`{self.variable}` is {float(value):.3f}: that is not yet the share "
                          "of all households that the mitigated model decides rightly. A "
                          "decision is right where `mitigated` agrees with the truth, "
                          "`households['truly_poor']`.")

    def after_earlier(self, failure: CheckFailed, failed: set[str]) -> CheckFailed:
        earlier = [grade_id for grade_id in self.depends_on if grade_id in failed]
        if not earlier or not isinstance(failure, NotRightYet):
            return failure
        names = " and ".join(f"question {grade_id.lstrip('q')}" for grade_id in earlier)
        return NotRightYet(failure.question, f"This question uses your answer to {names}, which "
                           f"is not right yet: fix that first, run its cell again, then this "
                           f"one. ({failure.message})", failure.hint)


# ---- the questions ---------------------------------------------------------------------------

q1 = NumberQuestion(
    f"{PREFIX}/q1", "Question 1 — approval rate of African American applicants",
    "approval_rate_black", decimals=3, low=0, high=1,
    what="a share between 0 and 1 (for example 0.5)")

q2 = RatioQuestion(
    f"{PREFIX}/q2", "Question 2 — the four-fifths ratio", "approval_ratio", decimals=2,
    low=0, high=1, what="a ratio between 0 and 1 (the lower rate divided by the higher one)")

q3 = ChoiceQuestion(f"{PREFIX}/q3", "Question 3 — what the ratio tells you", "ratio_reading")

q4 = ProxyQuestion(
    f"{PREFIX}/q4", "Question 4 — the strongest proxy", "strongest_proxy",
    ("payments_to_income", "housing_to_income", "loan_to_value", "consumer_credit",
     "mortgage_credit", "public_bad_record", "self_employed", "insurance_denied",
     "condominium", "industry_unemployment"),
    what="one of the columns to choose from",
    not_this="{name} is one of the financial columns, but not the most strongly associated "
             "with race. `fairness.proxy_strength` lists the columns strongest first: measure "
             "them against `\"african_american\"` (not against the bank's decision), on the "
             "table `finances`, and take the first name.")

q5 = MissRateQuestion(
    f"{PREFIX}/q5", "Question 5 — a miss rate by hand", "miss_rate", _miss_rate_probe,
    same=_same_share,
    hidden_hint="Of the truly poor households only, the share that was not selected.")

q6 = TableQuestion(
    f"{PREFIX}/q6", "Question 6 — the audit with Fairlearn", "by_disability",
    columns=("selection_rate", "FNR", "FPR"), parts=_q6_parts, decimals=3,
    part_messages=_Q6_MESSAGES, extra=_disability_table_problem)

q7 = NumberQuestion(
    f"{PREFIX}/q7", "Question 7 — the largest miss-rate ratio", "largest_fnr_ratio",
    decimals=2, low=0, high=20, what="a ratio (how many times the reference's miss rate)")

q8 = ChoiceQuestion(f"{PREFIX}/q8", "Question 8 — reading the largest ratio",
                    "largest_ratio_reading")

q9a = ChoiceQuestion(f"{PREFIX}/q9a", "Question 9a — tax audits", "metric_tax_audit")

q9b = ChoiceQuestion(f"{PREFIX}/q9b", "Question 9b — KIP scholarships", "metric_scholarship")

q9c = ChoiceQuestion(f"{PREFIX}/q9c", "Question 9c — held hospital claims", "metric_claims")

q10 = DecisionsQuestion(f"{PREFIX}/q10", "Question 10 — equal miss rates", "mitigated")

q11 = AccuracyQuestion(
    f"{PREFIX}/q11", "Question 11 — the mitigated model's accuracy", "mitigated_accuracy",
    decimals=3, low=0, high=1, what="a share between 0 and 1", depends_on=("q10",))

q12 = ChoiceQuestion(f"{PREFIX}/q12", "Question 12 — should the office switch?",
                     "switch_decision")

#: The lesson's demonstration (not graded; the lesson explains its answer): which rate for a
#: food-aid top-up?
demo = ChoiceQuestion(
    f"{PREFIX}/demo", "Try it — food-aid top-up", "metric_for_food_aid",
    demo={"answer": "016d1ff6daf3f9fd05c5b515664ddd6bd9b1da873227989d34852e0c5bfe6f17"})
