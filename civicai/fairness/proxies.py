"""Finding proxies: columns that give a protected group away.

Leaving the protected column (sex, disability, ethnicity) out of a model does
not stop the model from treating that group differently when another column
tells the same story: a type of housing, a region, a job. A proxy is found by
asking, for every other column, how strongly it is associated with the
protected one. The measure is Cramér's V (from SciPy): 0 means the column
says nothing about the group, 1 means it tells the group exactly.
"""
from __future__ import annotations

import pandas as pd
from scipy.stats.contingency import association

from civicai.checks.describe import kind_of
from civicai.errors import LearnerError, require_columns
from civicai.fairness.decisions import group_labels

#: How many equal-sized bands a number column is cut into before comparing.
BANDS = 5


def _as_categories(values: pd.Series) -> pd.Series:
    """Numbers with many values are cut into bands, so every column is compared alike."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values) \
            and values.nunique() > BANDS:
        return pd.qcut(values, BANDS, duplicates="drop").astype(str)
    return group_labels(values)


def proxy_strength(table: pd.DataFrame, protected: str,
                   columns: list[str] | None = None) -> pd.Series:
    """Cramér's V between `protected` and each other column, strongest first.

    Columns where every row is different (identifiers) are left out: they
    "predict" anything perfectly and mean nothing.
    """
    if not isinstance(table, pd.DataFrame):
        raise LearnerError(f"proxy_strength() needs a table, not {kind_of(table)}.")
    require_columns(table, [protected] + list(columns or []))
    if table[protected].nunique(dropna=False) < 2:
        raise LearnerError(f"Everyone in the table is in the same '{protected}' group.",
                           "A proxy can only be found when there are at least two groups.")
    candidates = [column for column in (columns or table.columns) if column != protected
                  and table[column].nunique(dropna=False) < len(table)]
    target = group_labels(table[protected])
    strengths = {}
    for column in candidates:
        counts = pd.crosstab(target, _as_categories(table[column]))
        strengths[column] = float(association(counts.to_numpy(), method="cramer")) \
            if counts.shape[1] > 1 else 0.0
    if not strengths:
        raise LearnerError("There is no other column to compare with.",
                           "Give the table some columns besides the protected one.")
    return pd.Series(strengths, name=f"association with {protected}").sort_values(
        ascending=False)
