"""Turning a learner's columns into clean yes/no decisions and group labels.

Fairness metrics need two yes/no columns (what was decided, what was true) and
a group column. Files from real offices write "yes" in many ways ("Y", "ya",
"approved", 1, True), leave cells empty, or hold a column that is not yes/no at
all. Every one of those becomes a plain message here, before any metric is
computed, so a learner never meets a library's error about "binary labels".
"""
from __future__ import annotations

import pandas as pd

from civicai.checks.describe import kind_of
from civicai.errors import LearnerError, require_columns

#: Words that mean "yes" in the files a public office exports (English and Bahasa Indonesia).
YES_WORDS = frozenset({"yes", "y", "true", "t", "1", "ya", "iya", "benar", "approved",
                       "accepted", "eligible", "selected", "granted", "layak", "diterima"})
#: Words that mean "no".
NO_WORDS = frozenset({"no", "n", "false", "f", "0", "tidak", "bukan", "salah", "denied",
                      "rejected", "refused", "ineligible", "not eligible", "not selected",
                      "tidak layak", "ditolak"})

#: The label given to rows whose group is empty, so that they stay visible in every table.
NOT_RECORDED = "(not recorded)"


def as_yes_no(values: pd.Series, name: str = "", positive: object = None) -> pd.Series:
    """The column as True/False, or a LearnerError that says what to fix.

    `positive` names the value that means "yes" when the column uses words
    this function does not know (for example "PKH" and "non-PKH").
    """
    name = name or str(values.name)
    missing = int(values.isna().sum())
    if missing:
        raise LearnerError(
            f"The column '{name}' has {missing} empty cell(s).",
            "Fill them in, or remove those rows first (for example with `.dropna()`), "
            "so that every row says yes or no.")
    if len(values) == 0:
        raise LearnerError(f"The column '{name}' has no rows.", "Check the filter before it.")
    if positive is not None:
        if not (values == positive).any():
            shown = ", ".join(repr(v) for v in sorted(values.astype(str).unique())[:6])
            raise LearnerError(f"No row of '{name}' holds {positive!r}.",
                               f"Its values are: {shown}. Choose one of them as 'yes'.")
        return pd.Series(values == positive, index=values.index, name=name)
    if pd.api.types.is_bool_dtype(values):
        return values.astype(bool).rename(name)
    if pd.api.types.is_numeric_dtype(values) and set(values.unique()) <= {0, 1}:
        return (values == 1).rename(name)
    words = values.astype(str).str.strip().str.casefold()
    found = set(words.unique())
    unknown = found - YES_WORDS - NO_WORDS
    if unknown:
        shown = ", ".join(repr(v) for v in sorted(found)[:6])
        more = "" if len(found) <= 6 else f" and {len(found) - 6} more"
        if len(found) > 2:
            raise LearnerError(
                f"The column '{name}' is not a yes/no column: it holds {len(found)} different "
                f"values ({shown}{more}).",
                "Choose a column that says yes or no for every row (decided / true outcome).")
        raise LearnerError(
            f"The column '{name}' holds {shown}: which of them means 'yes'?",
            "Say it with `positive=...`, for example positive='PKH'.")
    return pd.Series(words.isin(YES_WORDS).to_numpy(), index=values.index, name=name)


def group_labels(values: pd.Series, name: str = "") -> pd.Series:
    """Group labels as text, with empty cells shown as '(not recorded)' rather than dropped.

    Who is missing from the records is itself a finding, so missing labels
    stay in the tables under their own name.
    """
    name = name or str(values.name)
    if len(values) == 0:
        raise LearnerError(f"The column '{name}' has no rows.", "Check the filter before it.")
    labels = values.astype("string").str.strip()
    labels = labels.mask(labels.isna() | (labels == ""), NOT_RECORDED)
    return pd.Series(labels.astype(str).to_numpy(), index=values.index, name=name)


def decision_columns(table: pd.DataFrame, decision: str, group: str | list[str],
                     outcome: str | None = None, *, decision_yes: object = None,
                     outcome_yes: object = None) -> pd.DataFrame:
    """A clean table: `decision` (and `outcome`) as True/False, each group column as text.

    The one door through which every report and chart of this module reads a
    learner's table, so every one of them gives the same plain messages.
    """
    if not isinstance(table, pd.DataFrame):
        raise LearnerError(f"This needs a table, not {kind_of(table)}.",
                           "Load your file first, for example with `pd.read_csv(...)`.")
    groups = [group] if isinstance(group, str) else list(group)
    if not groups:
        raise LearnerError("No group column was given.",
                           "Name the column that says which group each row belongs to.")
    require_columns(table, [decision, *groups] + ([outcome] if outcome else []))
    if table.empty:
        raise LearnerError("The table has no rows.", "Check the filter before it.")
    clean = pd.DataFrame(index=table.index)
    for column in groups:
        clean[column] = group_labels(table[column], column)
    clean[decision] = as_yes_no(table[decision], decision, decision_yes)
    if outcome:
        clean[outcome] = as_yes_no(table[outcome], outcome, outcome_yes)
    return clean
