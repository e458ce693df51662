"""The 1970 US draft lottery (vcdExtra/Draft1970): was an official randomisation fair?

On 1 December 1969 the US Selective Service drew the 366 birthdays of the
year in random order; men born on the first days drawn were called up to
fight in Vietnam first. Statisticians soon showed that late-year birthdays
got low (early) numbers far more often than chance allows: the capsules had
been poorly mixed. Module 05 audits the draw. The table is about calendar
days, not people; nothing needs anonymising. The build adds the calendar
date and whether the number was called, from the published facts.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from civicai.data.real.rdata import RDATASETS_LICENCE, fetch
from civicai.data.schema import Built, Column, DatasetSpec

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LAST_NUMBER_CALLED = 195  # the first 195 birthdays drawn were called to serve

SPEC = DatasetSpec(
    name="draft_lottery_1970",
    kind="real",
    title="The 1970 US draft lottery: the draft number drawn for each birthday",
    source="US Selective Service System draft lottery of 1 December 1969, as published by Starr (1997), "
           "Journal of Statistics Education 5(2); via the vcdExtra R package (Draft1970)",
    licence=f"US government public record (facts, no copyright); {RDATASETS_LICENCE}; vcdExtra: GPL-2 or later",
    columns=(
        Column("day_of_year", "integer", "the birthday as a day of the year, 1 (1 January) to 366 (31 December; "
                                         "29 February is day 60)"),
        Column("month", "category", "month of the birthday", levels=MONTHS, ordered=True),
        Column("day_of_month", "integer", "day of the month of the birthday"),
        Column("draft_number", "integer", "the order in which the birthday was drawn: 1 was called first"),
        Column("called", "boolean", "True when the number was called to serve (draft numbers 1 to 195)"),
    ),
    modules=("05-transparency",),
    rdatasets=("vcdExtra", "Draft1970"),
    extra={"public_record": "yes: the draw was public and its results were published"},
)


def make() -> Built:
    raw = fetch(*SPEC.rdatasets).sort_values("Day")
    dates = [dt.date(1948, 1, 1) + dt.timedelta(days=int(day) - 1) for day in raw["Day"]]  # 1948: a leap year
    frame = pd.DataFrame({
        "day_of_year": raw["Day"].astype(int).to_numpy(),
        "month": [MONTHS[date.month - 1] for date in dates],
        "day_of_month": [date.day for date in dates],
        "draft_number": raw["Rank"].astype(int).to_numpy(),
        "called": (raw["Rank"] <= LAST_NUMBER_CALLED).to_numpy(),
    })
    if list(frame["month"]) != [str(month) for month in raw["Month"]]:
        raise ValueError("draft_lottery_1970: the computed months disagree with the published ones")
    if sorted(frame["draft_number"]) != list(range(1, 367)):
        raise ValueError("draft_lottery_1970: the draft numbers are not 1 to 366 exactly once")
    return Built(frame, ("calendar date and 'called' added; nothing removed",))
