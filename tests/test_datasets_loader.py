"""The loader: typed tables, and one plain message (never a traceback) for every problem a learner can meet."""
import shutil

import pandas as pd
import pytest

from civicai.data import DATASETS_DIR, DatasetError, card, catalog, load

ENTRIES = list(catalog())


@pytest.fixture
def folder(tmp_path):
    """A copy of the catalog, the cards and two small files, to damage freely."""
    for name in ("catalog.yml", "draft_lottery_1970.csv", "draft_lottery_1970.md", "faq_questions.csv"):
        shutil.copy(DATASETS_DIR / name, tmp_path / name)
    return tmp_path


def _says_rebuild(error: DatasetError, file: str) -> None:
    message = str(error)
    assert file in message and "make datasets" in message, message


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["name"])
def test_load_gives_each_column_its_declared_type(entry):
    frame = load(entry["name"])
    assert list(frame.columns) == [column["name"] for column in entry["columns"]]
    assert len(frame) == entry["rows"]
    for column in entry["columns"]:
        values = frame[column["name"]]
        kind = column["type"]
        if kind == "category":
            assert isinstance(values.dtype, pd.CategoricalDtype), column["name"]
            if "levels" in column:
                assert list(values.cat.categories) == column["levels"]
                assert values.cat.ordered == column.get("ordered", False)
        elif kind in ("date", "datetime"):
            assert pd.api.types.is_datetime64_any_dtype(values), column["name"]
        elif kind == "boolean":
            assert pd.api.types.is_bool_dtype(values), column["name"]
        elif kind == "integer":
            assert pd.api.types.is_integer_dtype(values), column["name"]
        elif kind == "float":
            assert pd.api.types.is_float_dtype(values), column["name"]
        elif kind == "string":
            assert pd.api.types.is_string_dtype(values), column["name"]
        elif kind == "json":
            assert all(isinstance(value, list) for value in values.dropna()), column["name"]


def test_an_unknown_name_lists_the_names_and_suggests_the_closest():
    with pytest.raises(DatasetError) as caught:
        load("complaint")
    message = str(caught.value)
    assert "no dataset called 'complaint'" in message and "Did you mean 'complaints'?" in message
    assert all(entry["name"] in message for entry in ENTRIES)


def test_a_file_name_instead_of_a_dataset_name_gets_a_suggestion():
    with pytest.raises(DatasetError, match="Did you mean 'seattle_pets'"):
        load("Seattle_Pets.csv")


def test_a_name_that_is_not_text_gets_a_plain_message():
    with pytest.raises(DatasetError, match="in quotes"):
        load(3)


def test_a_missing_file_names_the_file_and_the_rebuild_command(folder):
    (folder / "draft_lottery_1970.csv").unlink()
    with pytest.raises(DatasetError, match="is missing") as caught:
        load("draft_lottery_1970", folder=folder)
    _says_rebuild(caught.value, "draft_lottery_1970.csv")


@pytest.mark.parametrize("damage,reason", [
    (lambda text: text[: len(text) // 2].rsplit("\n", 1)[0] + "\n", "rows, the catalog says 366"),
    (lambda text: text.replace("day_of_year", "day", 1), "missing column"),
    (lambda text: text.replace("True", "maybe", 1), "should hold boolean values"),
    (lambda text: text.replace("Jan", "January", 1), "should hold category values"),
    (lambda text: text.replace(",305,", ",three hundred,", 1), "should hold integer values"),
    (lambda text: "", "cannot be read as a table"),
])
def test_a_damaged_file_names_the_file_and_the_rebuild_command(folder, damage, reason):
    path = folder / "draft_lottery_1970.csv"
    path.write_text(damage(path.read_text()))
    with pytest.raises(DatasetError, match=reason) as caught:
        load("draft_lottery_1970", folder=folder)
    _says_rebuild(caught.value, "draft_lottery_1970.csv")


def test_a_file_that_is_not_text_at_all_is_reported_as_damaged(folder):
    (folder / "draft_lottery_1970.csv").write_bytes(b"\xff\xfe\x00\x81" * 100)
    with pytest.raises(DatasetError, match="damaged") as caught:
        load("draft_lottery_1970", folder=folder)
    _says_rebuild(caught.value, "draft_lottery_1970.csv")


def test_a_label_outside_a_columns_levels_is_reported(folder):
    path = folder / "faq_questions.csv"
    path.write_text(path.read_text().replace(",train", ",training", 1))
    with pytest.raises(DatasetError, match="column 'split'"):
        load("faq_questions", folder=folder)


def test_a_missing_or_damaged_catalog_is_reported(folder):
    (folder / "catalog.yml").write_text("datasets: [: oops")
    with pytest.raises(DatasetError, match="catalog.*damaged") as caught:
        catalog(folder=folder)
    assert "make datasets" in str(caught.value)
    (folder / "catalog.yml").unlink()
    with pytest.raises(DatasetError, match="catalog.*missing"):
        load("faq_questions", folder=folder)


def test_the_error_shows_as_its_message_not_a_traceback():
    with pytest.raises(DatasetError) as caught:
        load("polce_stops")
    lines = caught.value._render_traceback_()
    plain = [line.replace("\x1b[1;31m⚠️ ", "").replace("\x1b[0m", "") for line in lines]
    assert plain == str(caught.value).splitlines()
    assert "There is no dataset called 'polce_stops'" in plain[0]
    assert not any("Traceback" in line or "File \"" in line for line in lines)


def test_catalog_prints_one_line_per_dataset_and_shows_a_table_in_a_notebook():
    listing = catalog()
    text = repr(listing).splitlines()
    assert len(text) == len(ENTRIES) + 1  # a header, then one line each
    for line, entry in zip(text[1:], ENTRIES):
        assert line.startswith(entry["name"]) and entry["title"] in line and f"{entry['rows']:,}" in line
    page = listing._repr_html_()
    assert page.count("<tr>") == len(ENTRIES) + 1
    assert listing["complaints"]["kind"] == "synthetic"
    assert list(listing.to_frame()["name"]) == [entry["name"] for entry in ENTRIES]


def test_card_is_markdown_in_a_notebook_and_text_when_printed():
    shown = card("seattle_pets")
    assert shown._repr_markdown_().startswith("# Seattle pet licences")
    text = repr(shown)
    assert "<!--" not in text and "## Preprocessing and anonymisation" in text


def test_a_missing_card_is_reported(folder):
    (folder / "draft_lottery_1970.md").unlink()
    with pytest.raises(DatasetError, match="data card") as caught:
        card("draft_lottery_1970", folder=folder)
    _says_rebuild(caught.value, "draft_lottery_1970.md")
