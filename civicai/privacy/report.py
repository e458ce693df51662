"""A disclosure-risk report for any table, with suggested generalisations.

The sandbox runs this on a learner's own file: which quasi-identifiers they
chose, how many people are unique on them, the table's k and l, the riskiest
records, and a plan to reach the target k by climbing each column's ladder one
step at a time (always the step that protects the most people), then
suppressing what is left. Everything is computed on the learner's computer.
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from civicai.errors import LearnerError
from civicai.privacy.generalise import (
    Ladder,
    as_is,
    generalise,
    hidden,
    ladder,
    number_band,
    to_month,
    to_year,
    year_band,
)
from civicai.privacy.risk import check_table, class_sizes, l_diversity

#: Rows shown as "riskiest records" in a report.
RISKIEST_SHOWN = 10


_DATE_FORMATS = ("ISO8601", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%m/%d/%Y")


def parse_date_columns(table: pd.DataFrame, share: float = 0.9) -> tuple[pd.DataFrame, list[str]]:
    """The table with text columns that hold dates turned into dates, and every date column.

    A spreadsheet export gives dates as text ("1984-07-10", "10/07/1984"). A
    column is converted when at least `share` of its filled cells read as dates
    in one format; day-first formats are tried before the American month-first one.
    The names returned are all the columns that now hold dates, including those
    that already did, because those are the ones the report generalises as dates.
    """
    converted, names = table.copy(), []
    for column in table.columns:
        values = table[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            names.append(str(column))
            continue
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        filled = values.dropna().astype(str)
        # a date has a day, a month and a year; "1984" or "2023-10" is left as it is
        if filled.empty or not filled.str.contains(r"\d+[-/.]\d+[-/.]\d+", regex=True).all():
            continue
        for date_format in _DATE_FORMATS:
            dates = pd.to_datetime(values, format=date_format, errors="coerce")
            if dates.notna().sum() >= share * len(filled):
                converted[column], names = dates, [*names, str(column)]
                break
    return converted, names


def merge_rare(min_rows: int):
    """A level that replaces values held by fewer than `min_rows` rows with 'other'."""
    def merge(values: pd.Series) -> pd.Series:
        text = values.astype("string")
        counts = text.groupby(text, dropna=False).transform("size")
        return text.where(counts >= min_rows, "other")

    return merge


def automatic_ladder(values: pd.Series) -> Ladder:
    """A sensible ladder for a column of the learner's own data, from its type."""
    name = str(values.name)
    if pd.api.types.is_datetime64_any_dtype(values):
        return ladder(name, ("exact", as_is), ("month", to_month), ("year", to_year),
                      ("5-year band", year_band(5)), ("hidden", hidden))
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values) \
            and values.nunique() > 10:
        return ladder(name, ("exact", as_is), ("bands of 5", number_band(5)),
                      ("bands of 10", number_band(10)), ("bands of 20", number_band(20)),
                      ("hidden", hidden))
    if values.nunique(dropna=False) <= 5:  # sex, yes/no, a few categories: keep or hide
        return ladder(name, ("exact", as_is), ("hidden", hidden))
    return ladder(name, ("exact", as_is), ("rare values (under 5) merged", merge_rare(5)),
                  ("rare values (under 20) merged", merge_rare(20)), ("hidden", hidden))


def suggest_levels(table: pd.DataFrame, ladders: Sequence[Ladder],
                   k: int) -> tuple[dict[str, str], list[str]]:
    """Climb the ladders step by step until k is reached: (levels, steps in words).

    For each column, the candidate step is its next level up that leaves fewer
    rows below k than now; the step taken is the candidate that leaves the
    fewest. The plan stops when k is reached or no step helps any more. It never
    hides a column: that is left to the person, as it may be the column they
    need most. Whatever is still below k is for suppression.
    """
    quasi = [item.column for item in ladders]
    levels = {item.column: item.names[0] for item in ladders}
    steps = []

    def below(trial: dict[str, str]) -> int:
        return int((class_sizes(generalise(table, ladders, trial), quasi) < k).sum())

    current = below(levels)
    while current > 0:
        candidates = []
        for item in ladders:
            for position in range(item.position(levels[item.column]) + 1, len(item.names)):
                if item.levels[position][1] is hidden:
                    break
                trial = {**levels, item.column: item.names[position]}
                rows = below(trial)
                if rows < current:
                    candidates.append((rows, item.column, trial))
                    break
        if not candidates:
            break
        current, column, levels = min(candidates, key=lambda candidate: candidate[0])
        steps.append(f"'{column}' → {levels[column]}: {current:,} rows still below k = {k}")
    return levels, steps


@dataclass(frozen=True)
class DisclosureReport:
    """The risk of one table on the chosen quasi-identifiers (see `disclosure_report`)."""

    rows: int
    quasi_identifiers: list[str]
    k: int
    uniques: int
    k_target: int
    below_target: int
    sensitive: str | None
    l: int | None
    riskiest: pd.DataFrame
    suggested_levels: dict[str, str]
    steps: list[str]
    suppressed_after_plan: int
    l_after_plan: int | None  # l of what is left after the plan and suppression

    def lines(self) -> list[str]:
        lines = [f"{self.rows:,} rows; quasi-identifiers: {', '.join(self.quasi_identifiers)}.",
                 f"k = {self.k}: the smallest group of look-alikes has {self.k} row(s).",
                 f"{self.uniques:,} rows ({self.uniques / self.rows:.1%}) are unique: "
                 "anyone who knows these columns about them can find their row.",
                 f"{self.below_target:,} rows are in groups smaller than k = {self.k_target}."]
        if self.sensitive:
            lines.append(f"l = {self.l}: some group of look-alikes has only {self.l} different "
                         f"value(s) of '{self.sensitive}'" + (
                             " (a group of one row always has l = 1)." if self.uniques else "."))
        if self.steps:
            lines.append("Suggested generalisations, one step at a time:")
            lines += [f"  {number}. {step}" for number, step in enumerate(self.steps, 1)]
        elif self.below_target:
            lines.append("No generalisation short of hiding a column helps here.")
        if self.below_target:
            lines.append(f"After these steps, suppress {self.suppressed_after_plan:,} row(s) "
                         f"still below k = {self.k_target}.")
        if self.sensitive and self.l_after_plan is not None:
            warning = (" Everyone in some group shares one value: attribute disclosure. "
                       "Generalise further, or check that value before publishing."
                       if self.l_after_plan == 1 else "")
            lines.append(f"Then l = {self.l_after_plan}: the fewest different values of "
                         f"'{self.sensitive}' in a group of at least {self.k_target}.{warning}")
        return lines

    def __repr__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line.strip())}</li>" for line in self.lines())
        riskiest = self.riskiest.to_html(index=False, max_rows=RISKIEST_SHOWN)
        return (f"<div role='region' aria-label='Disclosure-risk report'>"
                f"<h4>Disclosure-risk report</h4><ul>{items}</ul>"
                f"<p><b>Riskiest records</b> (smallest groups first):</p>{riskiest}</div>")


def disclosure_report(table: pd.DataFrame, quasi_identifiers: Sequence[str],
                      sensitive: str | None = None, k_target: int = 5,
                      ladders: Sequence[Ladder] | None = None) -> DisclosureReport:
    """Measure the risk of `table` and suggest how to reach k = `k_target`."""
    quasi = list(quasi_identifiers)
    check_table(table, quasi + ([sensitive] if sensitive else []))
    if type(k_target) is not int or k_target < 2:
        raise LearnerError(f"The target k should be a whole number of at least 2, "
                           f"not {k_target!r}.")
    sizes = class_sizes(table, quasi)
    ladders = list(ladders) if ladders else [automatic_ladder(table[c]) for c in quasi]
    levels, steps = suggest_levels(table, ladders, k_target)
    planned = generalise(table, ladders, levels)
    after = class_sizes(planned, quasi)
    kept = planned[after >= k_target]
    columns = quasi + ([sensitive] if sensitive else [])
    riskiest = table.loc[sizes.sort_values(kind="stable").index[:RISKIEST_SHOWN], columns] \
        .assign(**{"people like this": sizes})
    return DisclosureReport(
        rows=len(table), quasi_identifiers=quasi, k=int(sizes.min()),
        uniques=int((sizes == 1).sum()), k_target=k_target,
        below_target=int((sizes < k_target).sum()), sensitive=sensitive,
        l=l_diversity(table, quasi, sensitive) if sensitive else None,
        riskiest=riskiest, suggested_levels=levels, steps=steps,
        suppressed_after_plan=int((after < k_target).sum()),
        l_after_plan=l_diversity(kept, quasi, sensitive) if sensitive and len(kept) else None)
