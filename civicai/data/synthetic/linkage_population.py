"""The fake population behind `health_release` and `voter_list`, the linkage-attack pair.

One made-up population of adults in the 14 districts (kecamatan) of Kota
Yogyakarta, each with a fake name, sex, exact birth date and a fake NIK that
encodes them (as a real NIK does). Both files are drawn from it, so some people
are in both: that overlap is what a linkage attack finds by joining the two
files on birth date, sex and district. Built once per process and shared by
the two dataset modules.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np
import pandas as pd

from civicai.data import identifiers
from civicai.data.places import YOGYAKARTA_CODE, YOGYAKARTA_DISTRICTS

SEED = 20231115
PEOPLE = 9000
ON = dt.date(2024, 1, 1)  # the day the ages refer to
#: District populations differ (Umbulharjo is the largest, Pakualaman the smallest).
DISTRICT_WEIGHTS = (0.06, 0.05, 0.09, 0.17, 0.07, 0.10, 0.04, 0.02, 0.03, 0.04, 0.06, 0.04, 0.05, 0.08)


@lru_cache(maxsize=1)
def population() -> pd.DataFrame:
    """Every fake person: person (an internal number), name, sex, birth_date, kecamatan, nik."""
    rng = np.random.default_rng(SEED)
    weights = np.array(DISTRICT_WEIGHTS) / sum(DISTRICT_WEIGHTS)
    districts = rng.choice(len(YOGYAKARTA_DISTRICTS), size=PEOPLE, p=weights)
    ages = np.clip(np.round(rng.gamma(4.5, 9.5, PEOPLE) + 17), 17, 95).astype(int)
    rows = []
    for person, (district, age) in enumerate(zip(districts, ages)):
        sex = "F" if rng.random() < 0.51 else "M"
        name, code = YOGYAKARTA_DISTRICTS[district][0], YOGYAKARTA_DISTRICTS[district][1]
        born = identifiers.birth_date(rng, int(age), ON)
        rows.append({"person": person, "name": identifiers.person_name(rng, sex), "sex": sex,
                     "birth_date": born, "kecamatan": name,
                     "nik": identifiers.nik(rng, f"{YOGYAKARTA_CODE}{code}", born, sex)})
    frame = pd.DataFrame(rows)
    frame["birth_date"] = pd.to_datetime(frame["birth_date"])
    return frame
