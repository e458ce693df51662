"""The sandbox ground floor: forgiving file reading, plain messages, safe defaults."""
import io

import pandas as pd
import pytest

from civicai import sandbox
from civicai.errors import LearnerError, require_columns


@pytest.mark.parametrize("content", [
    b"unit,count\nDukcapil,3\nBPJS,5\n",
    b"unit;count\nDukcapil;3\nBPJS;5\n",
    b"unit\tcount\nDukcapil\t3\nBPJS\t5\n",
    b"\xef\xbb\xbfunit,count\nDukcapil,3\nBPJS,5\n",
])
def test_csv_exports_of_every_common_shape_are_read(content):
    table = sandbox.read_table(content, "units.csv")
    assert list(table.columns) == ["unit", "count"]
    assert table["count"].tolist() == [3, 5]


def test_windows_encoded_text_is_read():
    table = sandbox.read_table("kota,catatan\nBekasi,café\n".encode("cp1252"), "x.csv")
    assert table.loc[0, "catatan"] == "café"


def test_excel_files_are_read(tmp_path):
    buffer = io.BytesIO()
    pd.DataFrame({"unit": ["Dukcapil"], "count": [3]}).to_excel(buffer, index=False)
    table = sandbox.read_table(buffer.getvalue(), "units.xlsx")
    assert table.to_dict("list") == {"unit": ["Dukcapil"], "count": [3]}


@pytest.mark.parametrize("content, name, words", [
    (b"", "empty.csv", "is empty"),
    (b"unit,count\n", "header-only.csv", "no rows of data"),
    (b"%PDF-1.4", "report.pdf", "not a CSV or Excel file"),
    (b"not excel", "broken.xlsx", "could not be read as an Excel workbook"),
])
def test_bad_files_get_a_plain_message(content, name, words):
    with pytest.raises(LearnerError, match=words) as caught:
        sandbox.read_table(content, name)
    rendered = caught.value._render_traceback_()
    assert not any("Traceback" in line for line in rendered)


def test_a_wrong_path_says_how_to_find_the_right_one(tmp_path):
    with pytest.raises(LearnerError, match="There is no file at"):
        sandbox.read_table_file(tmp_path / "missing.csv")
    good = tmp_path / "mine.csv"
    good.write_text("a,b\n1,2\n")
    assert sandbox.read_table_file(f'"{good}"').shape == (1, 2)


def test_picker_keeps_the_example_until_a_good_file_comes(tmp_path):
    example = pd.DataFrame({"text": ["jalan rusak"], "unit": ["PU"]})
    picker = sandbox.TablePicker(example, "three complaints")
    picker._path.value = str(tmp_path / "nope.csv")
    picker._on_path(None)
    assert picker.data is example and "There is no file" in picker._status.value
    mine = tmp_path / "mine.csv"
    mine.write_text("text;unit\nlampu mati;PLN\nsampah;DLH\n")
    picker._path.value = str(mine)
    picker._on_path(None)
    assert picker.data.shape == (2, 2) and "your file" in picker._status.value


def test_column_chooser_guesses_by_name_and_follows_the_learner():
    table = pd.DataFrame({"Text": ["a"], "category": ["b"], "other": [1]})
    chooser = sandbox.ColumnChooser(table, {"text": "the text", "label": "the category"},
                                    defaults={"label": "category"})
    assert chooser["text"] == "Text" and chooser["label"] == "category"
    chooser._menus["label"].value = "other"
    assert chooser["label"] == "other"


def test_optional_roles_can_be_left_out():
    table = pd.DataFrame({"question": ["Opening hours?"], "answer": ["8 to 4."]})
    chooser = sandbox.ColumnChooser(table, {"question": "q", "answer": "a", "id": "entry id"},
                                    optional={"id"})
    assert chooser["id"] is None and chooser["question"] == "question"
    assert chooser._menus["question"].options == ("question", "answer")
    chooser._menus["id"].value = "answer"
    assert chooser["id"] == "answer"


def test_missing_columns_are_named_with_what_exists():
    table = pd.DataFrame({"Unit": [1], "count": [2]})
    with pytest.raises(LearnerError) as caught:
        require_columns(table, ["unit", "count"], "the complaints table")
    message = str(caught.value)
    assert "The complaints table has no column 'unit'" in message
    assert "'unit' looks like 'Unit'" in message and "'count'" in message
    require_columns(table, ["Unit"])  # nothing missing: no error
