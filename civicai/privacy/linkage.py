"""A linkage attack: join an "anonymised" release to a public list on quasi-identifiers.

This is how Latanya Sweeney re-identified hospital records in Massachusetts:
the release had no names, but it kept ZIP code, sex and birth date, and a
voter list had the same three columns next to every name. A release row is
*re-identified* when exactly one person on the public list shares its
quasi-identifiers; when several do, the attacker only has a short list of
suspects (still a risk, but not a certain match).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from civicai.errors import LearnerError
from civicai.privacy.risk import check_table


@dataclass(frozen=True)
class LinkageResult:
    """What a linkage attack achieved."""

    matches: pd.DataFrame  # release rows matched to exactly one public row, with its columns
    release_rows: int
    unique_matches: int  # release rows with exactly one candidate: re-identified
    ambiguous: int  # release rows with two or more candidates
    no_match: int  # release rows with no candidate on the public list

    @property
    def rate(self) -> float:
        """The share of release rows re-identified (0 to 1)."""
        return self.unique_matches / self.release_rows

    def summary(self) -> str:
        return (f"{self.unique_matches:,} of {self.release_rows:,} records "
                f"({self.rate:.1%}) match exactly one person on the public list; "
                f"{self.ambiguous:,} match several people and {self.no_match:,} match nobody.")

    def __repr__(self) -> str:
        return self.summary()


def linkage_attack(release: pd.DataFrame, public: pd.DataFrame,
                   on: Sequence[str]) -> LinkageResult:
    """Join `release` to `public` on the columns `on` and count who is singled out."""
    if isinstance(on, str):
        on = [on]
    on = list(on)
    if not on:
        raise LearnerError("Name at least one column to join on (the quasi-identifiers).")
    check_table(release, on, "the release")
    check_table(public, on, "the public list")
    for column in on:
        dates = [pd.api.types.is_datetime64_any_dtype(table[column]) for table in (release, public)]
        if dates[0] != dates[1]:
            raise LearnerError(f"Column '{column}' holds dates in one table and not in the other, "
                               "so nothing would match.",
                               "Convert both with pd.to_datetime(...) first.")
    candidates = public.groupby(on, dropna=False, observed=True).size().rename("_candidates")
    counted = release.join(candidates, on=on)
    counts = counted["_candidates"].fillna(0).astype(int)
    unique_rows = counts == 1
    singles = public[public.groupby(on, dropna=False, observed=True)[on[0]]
                     .transform("size") == 1]
    matches = release[unique_rows].merge(singles, on=on, how="left",
                                         suffixes=("", " (public list)"))
    return LinkageResult(matches=matches, release_rows=len(release),
                         unique_matches=int(unique_rows.sum()),
                         ambiguous=int((counts > 1).sum()), no_match=int((counts == 0).sum()))
