"""Disclosure: no shipped file leaks a direct identifier, every file reaches its declared k.

The checks themselves are proven to fail: each kind of identifier planted in a
fixture is found, ordinary text that merely looks similar is not, and a table
with a unique combination of quasi-identifiers falls below k.
"""
from pathlib import Path

import pandas as pd
import pytest

from civicai.data import catalog, load
from civicai.data.disclosure import find_direct_identifiers, identifiers_in_text, k_anonymity, small_groups

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "datasets"
ENTRIES = list(catalog())
NOT_IDENTIFIABLE = [entry["name"] for entry in ENTRIES if not entry["identifiable"]]
IDENTIFIABLE = [entry["name"] for entry in ENTRIES if entry["identifiable"]]


@pytest.mark.parametrize("name", NOT_IDENTIFIABLE)
def test_no_direct_identifiers_in_files_not_marked_identifiable(name):
    findings = find_direct_identifiers(load(name))
    assert not findings, f"{name}: " + "; ".join(map(str, findings[:5]))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["name"])
def test_every_file_reaches_its_declared_k(entry):
    assert k_anonymity(load(entry["name"]), entry["quasi_identifiers"]) >= entry["k"]


def test_real_data_is_never_identifiable_and_reaches_k_5():
    real = [entry for entry in ENTRIES if entry["kind"] == "real"]
    assert len(real) >= 5
    for entry in real:
        assert entry["identifiable"] is False, entry["name"]
        assert entry["quasi_identifiers"] or entry["k"] == entry["rows"], entry["name"]
        assert entry["k"] >= 5, entry["name"]


def test_only_synthetic_teaching_files_are_identifiable_and_they_really_are():
    assert set(IDENTIFIABLE) == {"complaints", "health_release", "voter_list"}
    for name in IDENTIFIABLE:
        entry = catalog()[name]
        assert entry["kind"] == "synthetic" and entry["k"] == 1
        frame = load(name)
        # the flag is not decoration: these files do single people out
        assert find_direct_identifiers(frame) or k_anonymity(frame, entry["quasi_identifiers"]) == 1


# ------------------------------------------------------------ the checks can fail


@pytest.mark.parametrize("kind,text", list(pd.read_csv(FIXTURES / "planted_identifiers.csv").itertuples(index=False)))
def test_each_planted_identifier_is_found(kind, text):
    kinds = [found for found, _ in identifiers_in_text(text)]
    assert kind in kinds, f"{kind} not found in {text!r} (found {kinds})"


@pytest.mark.parametrize("text", list(pd.read_csv(FIXTURES / "not_identifiers.csv")["text"]))
def test_ordinary_text_is_not_mistaken_for_an_identifier(text):
    assert identifiers_in_text(text) == []


def test_a_planted_identifier_in_a_table_is_reported_with_its_column():
    clean = load("faq")
    assert find_direct_identifiers(clean) == []
    planted = clean.copy()
    planted.loc[3, "answer_en"] = planted.loc[3, "answer_en"] + " Questions: siti.rahayu@example.com"
    findings = find_direct_identifiers(planted)
    assert [(finding.kind, finding.column) for finding in findings] == [("email", "answer_en")]


def test_exact_birth_dates_in_a_birth_date_column_are_found():
    frame = pd.DataFrame({"birth_date": pd.to_datetime(["1980-03-12", "1975-07-01"]), "sex": ["F", "M"]})
    assert {finding.kind for finding in find_direct_identifiers(frame)} == {"birth date"}
    frame["birth_date"] = frame["birth_date"].dt.year  # a birth year is not an exact birth date
    assert find_direct_identifiers(frame) == []


def test_a_unique_combination_breaks_k_anonymity():
    table = pd.read_csv(FIXTURES / "unique_combination.csv")
    quasi = ["district", "sex", "age_band"]
    assert k_anonymity(table, quasi) == 1
    assert small_groups(table, quasi, 5).tolist() == [False] * 10 + [True]
    assert k_anonymity(table.iloc[:10], quasi) == 5


def test_missing_values_count_as_a_value_of_their_own():
    table = pd.DataFrame({"zip": ["98101"] * 5 + [None], "species": ["Dog"] * 6})
    assert k_anonymity(table, ["zip", "species"]) == 1


def test_k_of_a_table_without_quasi_identifiers_is_its_row_count():
    assert k_anonymity(pd.DataFrame({"x": range(7)}), []) == 7


def test_planted_details_in_complaints_are_all_found_by_the_checks():
    """The complaints' NIK, phone and e-mail spans are exactly what the detectors look for."""
    complaints = load("complaints")
    missed = []
    for text, spans in zip(complaints["text"], complaints["personal_data"]):
        found = identifiers_in_text(text)
        for span in spans:
            if span["type"] in ("nik", "phone", "email"):
                value = text[span["start"]:span["end"]]
                if not any(kind == span["type"] and value in match for kind, match in found):
                    missed.append((span["type"], value))
    assert not missed, missed[:5]
