"""Generalisation and suppression, and what they cost the people who use the data.

*Generalising* replaces a detailed value by a wider one: a birth date by its
month or year, an age by a 10-year band, a district (kecamatan) by its regency
(kabupaten). Each quasi-identifier has a *ladder* of levels, from the most
detailed to the coarsest. Climbing a ladder makes equivalence classes bigger
(k goes up) and the data less detailed. *Suppressing* removes the few rows
that are still in classes smaller than k.

Both cost usefulness. `analysis_error` measures that cost the way a data user
feels it: a planner wants one figure for each small group (for example the
diabetes rate for each 5-year age group, sex and regency); from a coarser
release they can only read the rate of the wider group. The error is how far,
on average over all people, the planner's figure is from the true one.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from civicai.data.disclosure import group_numbers
from civicai.errors import LearnerError
from civicai.privacy.risk import check_table, class_sizes, l_diversity


# ---- the steps of a ladder -------------------------------------------------------------------

def as_is(values: pd.Series) -> pd.Series:
    """The values unchanged (the bottom of every ladder)."""
    return values


def hidden(values: pd.Series) -> pd.Series:
    """The whole column replaced by '*': the column says nothing any more."""
    return pd.Series("*", index=values.index, name=values.name)


def _dates(values: pd.Series) -> pd.Series:
    if not pd.api.types.is_datetime64_any_dtype(values):
        raise LearnerError(f"Column '{values.name}' does not hold dates.",
                           "Convert it with pd.to_datetime(...) first.")
    return values


def to_month(values: pd.Series) -> pd.Series:
    """A date as its year and month, e.g. 1984-07."""
    return _dates(values).dt.strftime("%Y-%m").astype("string")


def to_year(values: pd.Series) -> pd.Series:
    """A date as its year, e.g. 1984."""
    return _dates(values).dt.year.astype("Int64").astype("string")


def _band_labels(numbers: pd.Series, width: int) -> pd.Series:
    start = (numbers // width) * width
    labels = start.astype("Int64").astype("string") + "-" + \
        (start + width - 1).astype("Int64").astype("string")
    return labels.where(numbers.notna())


def number_band(width: int) -> Callable[[pd.Series], pd.Series]:
    """A level that puts numbers (ages, years) in bands: 30-34, 35-39, ..."""
    if type(width) is not int or width < 1:
        raise LearnerError(f"A band width should be a whole number of at least 1, not {width!r}.")

    def band(values: pd.Series) -> pd.Series:
        if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            raise LearnerError(f"Column '{values.name}' does not hold numbers, so it cannot "
                               "be put in bands.")
        return _band_labels(values, width)

    band.__doc__ = f"numbers in bands of {width}"
    return band


def year_band(width: int) -> Callable[[pd.Series], pd.Series]:
    """A level that puts dates in bands of `width` years: 1980-1984, 1985-1989, ..."""
    banded = number_band(width)
    return lambda values: banded(_dates(values).dt.year)


def lookup(mapping: Mapping[str, str], what: str) -> Callable[[pd.Series], pd.Series]:
    """A level that replaces each value by a wider one, e.g. a district by its regency."""
    def replace(values: pd.Series) -> pd.Series:
        text = values.astype("string")
        unknown = sorted(set(text.dropna().unique()) - set(mapping))
        if unknown:
            raise LearnerError(f"No {what} is known for {', '.join(map(repr, unknown[:3]))}.")
        return text.map(mapping).astype("string")

    return replace


@dataclass(frozen=True)
class Ladder:
    """The levels of one quasi-identifier, from the most detailed to the coarsest."""

    column: str
    levels: tuple[tuple[str, Callable[[pd.Series], pd.Series]], ...]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.levels]

    def position(self, level: str) -> int:
        if level not in self.names:
            raise LearnerError(f"'{level}' is not a level of '{self.column}'.",
                               "Its levels are: " + ", ".join(repr(n) for n in self.names) + ".")
        return self.names.index(level)

    def apply(self, values: pd.Series, level: str) -> pd.Series:
        return self.levels[self.position(level)][1](values)


def ladder(column: str, *levels: tuple[str, Callable[[pd.Series], pd.Series]]) -> Ladder:
    """A ladder: `ladder("age", ("exact", as_is), ("10-year band", number_band(10)))`."""
    if not levels:
        raise LearnerError(f"The ladder of '{column}' needs at least one level.")
    return Ladder(column, tuple(levels))


def _ladders(ladders: Sequence[Ladder]) -> dict[str, Ladder]:
    by_column = {item.column: item for item in ladders}
    if len(by_column) != len(ladders):
        raise LearnerError("Two ladders are for the same column.")
    return by_column


def _levels(ladders: dict[str, Ladder], levels: Mapping[str, str]) -> dict[str, str]:
    if not isinstance(levels, Mapping):
        raise LearnerError("Give the levels as a dictionary, e.g. {'birth_date': 'year'}.")
    unknown = [column for column in levels if column not in ladders]
    if unknown:
        raise LearnerError(f"There is no ladder for {', '.join(map(repr, unknown))}.",
                           "Columns with a ladder: " + ", ".join(map(repr, ladders)) + ".")
    chosen = {column: item.names[0] for column, item in ladders.items()}
    for column, level in levels.items():
        ladders[column].position(level)
        chosen[column] = level
    return chosen


def generalise(table: pd.DataFrame, ladders: Sequence[Ladder],
               levels: Mapping[str, str]) -> pd.DataFrame:
    """A copy of the table with each laddered column at its chosen level.

    Columns missing from `levels` stay at their most detailed level.
    """
    by_column = _ladders(ladders)
    chosen = _levels(by_column, levels)
    check_table(table, list(by_column))
    released = table.copy()
    for column, level in chosen.items():
        released[column] = by_column[column].apply(table[column], level)
    return released


def suppress(table: pd.DataFrame, quasi_identifiers: Sequence[str], k: int) -> pd.DataFrame:
    """The table without the rows whose equivalence class has fewer than k rows."""
    if type(k) is not int or k < 1:
        raise LearnerError(f"k should be a whole number of at least 1, not {k!r}.")
    return table[class_sizes(table, quasi_identifiers) >= k]


def analysis_error(original: pd.DataFrame, released_rows: pd.Index, ladders: Sequence[Ladder],
                   released_levels: Mapping[str, str], analysis_levels: Mapping[str, str],
                   outcome: pd.Series) -> float:
    """How far a planner's group rates from the release are from the truth (0 to 1).

    The planner wants the rate of `outcome` (True/False per row) for each group
    of the columns in `analysis_levels`, at those levels (other columns do not
    matter to them). Where the release is coarser, the planner can only use the
    rate of the wider group; rows suppressed from the release (`released_rows`
    are the ones kept) count in no rate. The result is the average gap between
    the planner's rate and the true rate, over every person in the original table.
    """
    by_column = _ladders(ladders)
    released = _levels(by_column, released_levels)
    _levels(by_column, analysis_levels)
    check_table(original, list(by_column))
    if not pd.api.types.is_bool_dtype(outcome) or len(outcome) != len(original):
        raise LearnerError("The outcome should be one True/False value per row of the table.")
    values = outcome.to_numpy(dtype=float)
    kept = original.index.isin(released_rows).astype(float)
    # per column, the planner reads whichever is coarser: the release or the analysis
    readable = {column: by_column[column].names[max(by_column[column].position(released[column]),
                                                    by_column[column].position(level))]
                for column, level in analysis_levels.items()}

    def group_rates(levels: Mapping[str, str], weights: np.ndarray) -> np.ndarray:
        """Each row's group rate of the outcome, counting only rows with weight 1."""
        if not levels:
            groups = np.zeros(len(original), dtype=int)
        else:
            groups = group_numbers([by_column[column].apply(original[column], level)
                                    for column, level in levels.items()])
        sums = np.bincount(groups, weights=values * weights)
        counts = np.bincount(groups, weights=weights)
        fallback = values[weights == 1].mean() if weights.any() else values.mean()
        rates = np.divide(sums, counts, out=np.full(len(sums), fallback), where=counts > 0)
        return rates[groups]

    truth = group_rates(analysis_levels, np.ones(len(original)))
    estimate = group_rates(readable, kept)
    return float(np.abs(estimate - truth).mean())


@dataclass(frozen=True)
class Trial:
    """One choice of levels and what it gives."""

    levels: dict[str, str]
    k_target: int
    k_before: int  # k after generalising, before suppression
    suppressed: int  # rows removed to reach the target k
    l_after: int | None  # l-diversity of what is released (None without a sensitive column)
    error: float | None  # analysis_error of what is released (None without an analysis)

    def __repr__(self) -> str:
        levels = ", ".join(f"{column}: {level}" for column, level in self.levels.items())
        lines = [f"Levels: {levels}.",
                 f"k after generalising: {self.k_before}.",
                 f"Rows suppressed to reach k = {self.k_target}: {self.suppressed:,}."]
        if self.l_after is not None:
            lines.append(f"l after suppression: {self.l_after}.")
        if self.error is not None:
            lines.append(f"Analysis error: {100 * self.error:.2f} percentage points.")
        return "\n".join(lines)


def try_levels(table: pd.DataFrame, ladders: Sequence[Ladder], levels: Mapping[str, str],
               k: int, sensitive: str | None = None,
               analysis: tuple[Mapping[str, str], pd.Series] | None = None) -> Trial:
    """Generalise, suppress what is still below k, and measure risk and usefulness."""
    quasi = [item.column for item in ladders]
    chosen = _levels(_ladders(ladders), levels)
    # only the columns measured here are copied: `compare_levels` calls this dozens of times
    measured = list(dict.fromkeys(quasi + ([sensitive] if sensitive else [])))
    generalised = generalise(check_table(table, measured)[measured], ladders, chosen)
    sizes = class_sizes(generalised, quasi)
    kept = generalised[sizes >= k]
    l_after = l_diversity(kept, quasi, sensitive) if sensitive and not kept.empty else None
    error = None
    if analysis is not None:
        analysis_levels, outcome = analysis
        error = analysis_error(table, kept.index, ladders, chosen, analysis_levels, outcome)
    return Trial(chosen, k, int(sizes.min()), len(table) - len(kept), l_after, error)


def _remembered(ladders: Sequence[Ladder], table: pd.DataFrame) -> list[Ladder]:
    """The same ladders, with every level of `table` computed once and then reused."""
    def level(function: Callable[[pd.Series], pd.Series], done: pd.Series):
        return lambda values: done if values.index.equals(done.index) else function(values)

    return [Ladder(item.column, tuple((name, level(function, function(table[item.column])))
                                      for name, function in item.levels))
            for item in ladders]


def compare_levels(table: pd.DataFrame, ladders: Sequence[Ladder], k: int,
                   sensitive: str | None = None,
                   analysis: tuple[Mapping[str, str], pd.Series] | None = None) -> pd.DataFrame:
    """Every combination of levels, one row each, with k, rows suppressed, l and error."""
    check_table(table, [item.column for item in ladders])
    ladders = _remembered(ladders, table)
    rows = []
    for combination in itertools.product(*(item.names for item in ladders)):
        levels = dict(zip((item.column for item in ladders), combination))
        trial = try_levels(table, ladders, levels, k, sensitive, analysis)
        row = {**levels, "k before suppression": trial.k_before,
               "rows suppressed": trial.suppressed}
        if sensitive:
            row["l after suppression"] = trial.l_after
        if analysis is not None:
            row["analysis error (points)"] = round(100 * trial.error, 2)
        rows.append(row)
    return pd.DataFrame(rows)
