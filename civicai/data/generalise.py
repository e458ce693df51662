"""Reach k-anonymity the way statistics offices do: generalise step by step, suppress what is left.

Each step coarsens the quasi-identifiers of the rows that are still in a
group smaller than k (a neighbourhood becomes its police precinct, a state its
census region, ...). Rows in groups that are large enough are never touched,
so the table keeps as much detail as k allows. Whatever is still too rare
after the last step is removed, and every step reports how many rows it
changed, so the data card can say exactly what was done.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from civicai.data.disclosure import small_groups


@dataclass(frozen=True)
class Step:
    """One generalisation: a description for the card and what it does to the rare rows."""

    description: str
    apply: Callable[[pd.DataFrame], pd.DataFrame]


def generalise_until_k(frame: pd.DataFrame, quasi_identifiers, k: int,
                       steps: list[Step]) -> tuple[pd.DataFrame, list[str]]:
    """The table with every quasi-identifier group at least k rows, and a note per step taken."""
    frame = frame.copy()
    notes = []
    for step in steps:
        rare = small_groups(frame, quasi_identifiers, k)
        if not rare.any():
            break
        changed = step.apply(frame.loc[rare].copy())
        for column in changed.columns:
            if changed[column].equals(frame.loc[rare, column]):
                continue  # untouched by this step: keep its type
            frame[column] = frame[column].where(~rare, changed[column].reindex(frame.index))
        notes.append(f"{step.description}: {int(rare.sum()):,} rows")
    rare = small_groups(frame, quasi_identifiers, k)
    if rare.any():
        after = " after that" if notes else ""
        notes.append(f"rows still in a group of fewer than {k}{after}, removed: {int(rare.sum()):,}")
        frame = frame.loc[~rare]
    return frame.reset_index(drop=True), notes
