"""Measuring disclosure risk: equivalence classes, k-anonymity, uniques, l-diversity.

These are the measures national statistics offices use before releasing
microdata (see the IHSN/World Bank "Statistical Disclosure Control: A Practice
Guide", chapter "Measuring Risk"):

- an *equivalence class* is a group of rows that share the same values of
  every quasi-identifier (the guide calls the combination a *key*);
- a table is *k-anonymous* when every class has at least k rows, so nobody can
  be singled out among fewer than k people; a row alone in its class is a
  *sample unique*;
- a table is *l-diverse* when every class holds at least l different values
  of the sensitive attribute; with l = 1 a whole class shares one diagnosis,
  and anyone known to be in the class has it (attribute disclosure).

A missing value counts as a value of its own: a blank can single someone out too.
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from civicai.checks.describe import kind_of
from civicai.data.disclosure import group_sizes
from civicai.errors import LearnerError, require_columns


def check_table(table: object, columns: Sequence[str], what: str = "the table") -> pd.DataFrame:
    """The table, if it is a non-empty DataFrame with these columns; else a plain message."""
    if type(table) is not pd.DataFrame:
        raise LearnerError(f"{what.capitalize()} should be a table (rows and named columns), "
                           f"not {kind_of(table)}.")
    if table.empty:
        raise LearnerError(f"{what.capitalize()} has no rows.",
                           "Check the filter or the file that produced it.")
    require_columns(table, list(columns), what)
    return table


def _quasi(quasi_identifiers: Sequence[str]) -> list[str]:
    if isinstance(quasi_identifiers, str):
        raise LearnerError(f"Give the columns as a list, for example [{quasi_identifiers!r}], "
                           "not as a single piece of text.")
    quasi = list(quasi_identifiers)
    if not quasi:
        raise LearnerError("No quasi-identifier column is chosen.",
                           "Choose at least one (in the sandbox, in the list of columns above), "
                           "then run this cell again.")
    if len(set(quasi)) != len(quasi):
        raise LearnerError("A quasi-identifier is listed twice.")
    return quasi


def class_sizes(table: pd.DataFrame, quasi_identifiers: Sequence[str]) -> pd.Series:
    """For every row, how many rows (itself included) share its quasi-identifier values.

    The counting is `civicai.data.disclosure.group_sizes`, the same that checks
    the course's own files; this adds the plain-language checks of the input.
    """
    quasi = _quasi(quasi_identifiers)
    check_table(table, quasi)
    return group_sizes(table, quasi)


def k_anonymity(table: pd.DataFrame, quasi_identifiers: Sequence[str]) -> int:
    """k: the size of the smallest equivalence class (1 means someone is unique)."""
    return int(class_sizes(table, quasi_identifiers).min())


def uniques(table: pd.DataFrame, quasi_identifiers: Sequence[str]) -> int:
    """How many rows are alone in their equivalence class (sample uniques)."""
    return int((class_sizes(table, quasi_identifiers) == 1).sum())


def rows_below(table: pd.DataFrame, quasi_identifiers: Sequence[str], k: int) -> pd.Series:
    """True for every row whose class has fewer than k rows: the rows that break k-anonymity."""
    if type(k) is not int or k < 1:
        raise LearnerError(f"k should be a whole number of at least 1, not {k!r}.")
    return class_sizes(table, quasi_identifiers) < k


def l_diversity(table: pd.DataFrame, quasi_identifiers: Sequence[str], sensitive: str) -> int:
    """l: the fewest different sensitive values found in any equivalence class."""
    quasi = _quasi(quasi_identifiers)
    check_table(table, [*quasi, sensitive])
    if sensitive in quasi:
        raise LearnerError(f"'{sensitive}' is listed both as a quasi-identifier and as the "
                           "sensitive attribute. It is one or the other.")
    distinct = table.groupby(quasi, dropna=False, observed=True)[sensitive].nunique(dropna=False)
    return int(distinct.min())


def class_table(table: pd.DataFrame, quasi_identifiers: Sequence[str],
                sensitive: str | None = None) -> pd.DataFrame:
    """One row per equivalence class: its values, its size and (optionally) its sensitive values.

    Smallest classes first: they are the riskiest.
    """
    quasi = _quasi(quasi_identifiers)
    check_table(table, quasi + ([sensitive] if sensitive else []))
    groups = table.groupby(quasi, dropna=False, observed=True)
    classes = groups.size().rename("people").to_frame()
    if sensitive:
        classes[f"different {sensitive}"] = groups[sensitive].nunique(dropna=False)
    return classes.reset_index().sort_values("people", kind="stable").reset_index(drop=True)
