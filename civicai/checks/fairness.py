"""Checks of module 03's exercise (exercises/03-bias) and the lesson's demonstration.

Numbers are compared at the precision each question states; the audit table is
compared cell by cell (each group's selection rate, FNR and FPR), and the
mitigated decisions by what they achieve (equal miss rates) and by who they
select.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from civicai.checks.describe import is_plain_number, kind_of
from civicai.checks.questions import (
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    Question,
    TableQuestion,
    TextQuestion,
)

PREFIX = "03-bias"


def _miss_rate_probe(call) -> str | None:
    """Three small registers whose miss rates can be counted on one hand."""
    examples = [
        ([True, True, True, True, False], [True, False, False, True, True], 0.5),
        ([True, False, True, False], [True, True, True, False], 0.0),
        ([True, True, True, False, False, False], [False, False, True, True, True, False],
         2 / 3),
    ]
    for poor, selected, expected in examples:
        result = call(pd.Series(poor), pd.Series(selected))
        if not is_plain_number(result):
            return (f"Your function gives back {kind_of(result)}; it should give back one "
                    "number (a share between 0 and 1).")
        if not math.isclose(float(result), expected, abs_tol=1e-9):
            return (f"On a small example (truly_poor = {poor}, selected = {selected}) your "
                    f"function gives {float(result):.3g}; counting by hand gives "
                    f"{expected:.3g}. Count only the truly poor households: of those, which "
                    "share was not selected?")
    return None


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
        return ("Your table should have one row for households with a disability (True) and "
                "one for the others (False).")
    return None


_SELECTION = ("The selection rates are not right yet. Is `y_pred` the model's decision "
              "(`households['selected']`)?")
_Q6_MESSAGES = {
    **{f"selection-{group}": _SELECTION for group in ("true", "false")},
    **{f"fnr-{group}": "The selection rates are right, but the FNR column is not. Is it "
                       "`false_negative_rate`, with `y_true` the truth (`households['truly_poor']`)?"
       for group in ("true", "false")},
    **{f"fpr-{group}": "The FNR column is right, but the FPR column is not. Is it "
                       "`false_positive_rate`?" for group in ("true", "false")},
}


def _mitigated_problem(value: Any) -> str | None:
    """Properties of decisions whose miss rates are equal for the two disability groups."""
    from civicai.data import load
    from civicai.fairness import audit

    if type(value) is not pd.Series or value.dtype != bool:
        return (f"`mitigated` is {kind_of(value)}; it should be the yes/no decisions that "
                "`fairness.mitigate(...)` gives back.")
    households = load("households")
    if len(value) != len(households) or not value.index.equals(households.index):
        return (f"`mitigated` has {len(value)} decisions; it should have one per household, "
                "in the register's order.")
    fnr = audit(households["truly_poor"], value.to_numpy(), households["disability"],
                metrics=("FNR",)).by_group["FNR"]
    if abs(fnr.iloc[0] - fnr.iloc[1]) > 0.05:
        return (f"With your choice, the miss rates (FNR) are still {fnr.iloc[0]:.0%} and "
                f"{fnr.iloc[1]:.0%}. Which constraint makes the miss rates equal?")
    return None


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
                          "ones the question asks for. Use `fairness.mitigate(model, "
                          "\"disability\", ...)` with the constraint that makes only the miss "
                          "rates equal.")


def _same_share(result, expected) -> bool:
    return is_plain_number(result) and math.isclose(float(result), float(expected), abs_tol=1e-6)


q1 = NumberQuestion(
    f"{PREFIX}/q1", "Question 1 — approval rate of African American applicants",
    "approval_rate_black", decimals=3, low=0, high=1,
    what="a share between 0 and 1 (for example 0.5)")

q2 = NumberQuestion(
    f"{PREFIX}/q2", "Question 2 — the four-fifths ratio", "approval_ratio", decimals=2,
    low=0, high=1, what="a ratio between 0 and 1 (the lower rate divided by the higher one)")

q3 = ChoiceQuestion(f"{PREFIX}/q3", "Question 3 — what the ratio tells you", "ratio_reading")

q4 = TextQuestion(
    f"{PREFIX}/q4", "Question 4 — the strongest proxy", "strongest_proxy",
    ("payments_to_income", "housing_to_income", "loan_to_value", "consumer_credit",
     "mortgage_credit", "public_bad_record", "self_employed", "insurance_denied",
     "condominium", "industry_unemployment"),
    what="one of the columns to choose from",
    not_this="{name} is one of the columns, but not the most strongly associated one. Look at "
             "the top of your sorted result.")

q5 = FunctionQuestion(
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

q11 = NumberQuestion(
    f"{PREFIX}/q11", "Question 11 — the mitigated model's accuracy", "mitigated_accuracy",
    decimals=3, low=0, high=1, what="a share between 0 and 1", depends_on=("q10",))

q12 = ChoiceQuestion(f"{PREFIX}/q12", "Question 12 — should the office switch?",
                     "switch_decision")

#: The lesson's demonstration (not graded; the lesson explains its answer): which rate for a
#: food-aid top-up?
demo = ChoiceQuestion(
    f"{PREFIX}/demo", "Try it — food-aid top-up", "metric_for_food_aid",
    demo={"answer": "016d1ff6daf3f9fd05c5b515664ddd6bd9b1da873227989d34852e0c5bfe6f17"})
