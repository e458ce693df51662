"""Visible checks of module 03's exercise (exercises/03-bias) and the lesson's demonstration.

Exact values are compared by salted fingerprint (see `civicai.checks.answers`);
the table and the mitigated decisions are checked by their properties. Full
correctness is judged by the hidden tests in the instructor source.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from civicai.checks import answers
from civicai.checks.describe import is_plain_number, kind_of, short_text
from civicai.checks.questions import (
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    Question,
    TableQuestion,
)


class ColumnNameQuestion(Question):
    """The name of one column of a known table, compared by fingerprint."""

    def __init__(self, qid: str, title: str, variable: str, fingerprint: str,
                 columns: tuple[str, ...], **kwargs):
        super().__init__(qid, title, variable, **kwargs)
        self.fingerprint, self.columns = fingerprint, columns

    def judge(self, value: Any) -> None:
        if type(value) is not str:
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}. Write the column's name "
                             f'in quotes, for example `{self.variable} = "{self.columns[0]}"`.')
        name = value.strip()
        if name not in self.columns:
            raise self.wrong(f"{short_text(value)} is not one of the columns to choose from. "
                             "Copy the name exactly from the table above (lower case, with "
                             "underscores).")
        if not answers.matches_text(self.qid, name, self.fingerprint):
            raise self.wrong(f'"{name}" is one of the columns, but not the most strongly '
                             "associated one. Look at the top of your sorted result.")


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


#: Question 6: the selection rate and the FNR of households with a disabled member.
_Q6_SELECTION = "3667395c9923b1a9633a644b32eb4f9d51595bd9e25ed52402c3dc213292a50c"
_Q6_FNR = "403e6baa53bebaf27ebe1c8220255637c4fdde24eec0370c85f875a689ba51ae"


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
    selection, fnr = _value(table, "True", "selection_rate"), _value(table, "True", "FNR")
    if selection is None:
        return "Your table has no row for households with a disability (True)."
    if not answers.matches_number("bias/q6-selection", float(selection), 3, _Q6_SELECTION):
        return ("The selection rates are not right yet. Is `y_pred` the model's decision "
                "(`households['selected']`)?")
    if not answers.matches_number("bias/q6-fnr", float(fnr), 3, _Q6_FNR):
        return ("The selection rates are right, but the FNR column is not. Is it "
                "`false_negative_rate`, with `y_true` the truth (`households['truly_poor']`)?")
    return None


def _mitigated_problem(value: Any) -> str | None:
    """Properties of decisions whose miss rates are equal for the two disability groups."""
    from civicai.data import load
    from civicai.fairness import audit

    if type(value) is not pd.Series or value.dtype != bool:
        return (f"`mitigated` is {kind_of(value)}; it should be the yes/no decisions that "
                "`fairness.mitigate(...)` gives back.")
    households = load("households")
    if len(value) != len(households):
        return f"`mitigated` has {len(value)} decisions; it should have one per household."
    fnr = audit(households["truly_poor"], value.to_numpy(), households["disability"],
                metrics=("FNR",)).by_group["FNR"]
    if abs(fnr.iloc[0] - fnr.iloc[1]) > 0.05:
        return (f"With your choice, the miss rates (FNR) are still {fnr.iloc[0]:.0%} and "
                f"{fnr.iloc[1]:.0%}. Which constraint makes the miss rates equal?")
    return None


class DecisionsQuestion(Question):
    """Yes/no decisions for every household, checked by what they achieve."""

    def judge(self, value: Any) -> None:
        problem = _mitigated_problem(value)
        if problem:
            raise self.wrong(problem)


q1 = NumberQuestion(
    "bias/q1", "Question 1 — approval rate of African American applicants",
    "approval_rate_black",
    "ffa4a0915d1a156bd8d92e68704f313b43453696a1b265c6756c71d21c5d5a20",
    decimals=3, low=0, high=1, what="a share between 0 and 1 (for example 0.5)")

q2 = NumberQuestion(
    "bias/q2", "Question 2 — the four-fifths ratio", "approval_ratio",
    "3bed14a6511dc5abea2639bcf463ac39870a0a6855f0e632e0c9902834a3f46b",
    decimals=2, low=0, high=1,
    what="a ratio between 0 and 1 (the lower rate divided by the higher one)")

q3 = ChoiceQuestion(
    "bias/q3", "Question 3 — what the ratio tells you", "ratio_reading",
    "912b11ac27a8a36219910371ad7ad44be43de293f965526d9beb10d11f7e2780")

q4 = ColumnNameQuestion(
    "bias/q4", "Question 4 — the strongest proxy", "strongest_proxy",
    "e35a5accc82de2d5250c3a226fe755fecc2075e2fe89267f538da0e3caecb61e",
    columns=("payments_to_income", "housing_to_income", "loan_to_value", "consumer_credit",
             "mortgage_credit", "public_bad_record", "self_employed", "insurance_denied",
             "condominium", "industry_unemployment"))

q5 = FunctionQuestion("bias/q5", "Question 5 — a miss rate by hand", "miss_rate",
                      _miss_rate_probe)

q6 = TableQuestion("bias/q6", "Question 6 — the audit with Fairlearn", "by_disability",
                   columns=("selection_rate", "FNR", "FPR"), min_rows=1,
                   extra=_disability_table_problem)

q7 = NumberQuestion(
    "bias/q7", "Question 7 — the largest miss-rate ratio", "largest_fnr_ratio",
    "38937c2cd530320f1364bc9776e17be4e6ebfc2cc242d81b9ed57d6fe9eb352e",
    decimals=2, low=0, high=20, what="a ratio (how many times the reference's miss rate)")

q8 = ChoiceQuestion(
    "bias/q8", "Question 8 — reading the largest ratio", "largest_ratio_reading",
    "a248c0414cfec109e4299eb06758824cd58fadb35fbc256b06ca3caeec471771")

q9a = ChoiceQuestion(
    "bias/q9a", "Question 9a — tax audits", "metric_tax_audit",
    "68953efeaff9c92bbc40e3b6331899682ed0a2bf69cb18ec964ec7af13a91d1f")

q9b = ChoiceQuestion(
    "bias/q9b", "Question 9b — KIP scholarships", "metric_scholarship",
    "0202736a046f5e5e58151da2d955383a4d9167ca3852d6914af713b7545a969f")

q9c = ChoiceQuestion(
    "bias/q9c", "Question 9c — held hospital claims", "metric_claims",
    "3c89e05e498c75ffb3a5a93888e91eda3835a2739690f814a7a3a3bf29eb1f0a")

q10 = DecisionsQuestion("bias/q10", "Question 10 — equal miss rates", "mitigated")

q11 = NumberQuestion(
    "bias/q11", "Question 11 — the mitigated model's accuracy", "mitigated_accuracy",
    "9bdfafc8666555cb6508ce230a70c843dac2412ae1c382393930bd02b5341839",
    decimals=3, low=0, high=1, what="a share between 0 and 1")

q12 = ChoiceQuestion(
    "bias/q12", "Question 12 — should the office switch?", "switch_decision",
    "f3165aa47b197662db48e220ad160866f56a50fb6ae51d36aeb37e69837b7704")

#: The lesson's demonstration (not graded): which rate for a food-aid top-up?
demo = ChoiceQuestion(
    "bias/demo", "Try it — food-aid top-up", "metric_for_food_aid",
    "68e1d2445b89652a2af7cd10d76782aec0351f89537db38a1e52851b3f8a0c9a")
