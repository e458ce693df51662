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
    assert table.loc[2, "catatan"] == "café"


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
    assert picker.data.equals(sandbox.numbered_as_spreadsheet(example))
    assert picker.source.startswith("the example") and "There is no file" in picker._status.value
    mine = tmp_path / "mine.csv"
    mine.write_text("text;unit\nlampu mati;PLN\nsampah;DLH\n")
    picker._path.value = str(mine)
    picker._on_path(None)
    assert picker.data.shape == (2, 2) and "your file" in picker._status.value


# -- rows are named by the numbers the learner sees in Excel -----------------------------

def _workbook(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("content, name, numbers", [
    (b"unit,count\nDukcapil,3\nBPJS,5\nPDAM,1\n", "units.csv", [2, 3, 4]),
    (b"unit;count\r\nDukcapil;3\r\nBPJS;5\r\n", "units.csv", [2, 3]),
    # a blank line is an empty row in Excel: the rows after it keep Excel's numbers
    (b"unit,count\nDukcapil,3\n\nBPJS,5\n   \nPDAM,1\n\n", "units.csv", [2, 4, 6]),
    # a cell with a line break inside its quotes is one row in Excel
    (b'unit,note\nDukcapil,"two\nlines"\nBPJS,one\n', "notes.csv", [2, 3]),
    # a row of empty cells (",") is a row in Excel and stays one here
    (b"unit,count\nDukcapil,3\n,\nBPJS,5\n", "units.csv", [2, 3, 4]),
    (_workbook([["unit", "count"], ["Dukcapil", 3], [None, None], ["BPJS", 5]]), "units.xlsx",
     [2, 3, 4]),
], ids=["csv", "semicolons", "blank lines", "line break in a cell", "empty cells", "excel"])
def test_rows_are_numbered_as_the_spreadsheet_shows_them(content, name, numbers):
    table = sandbox.read_table(content, name)
    assert table.index.tolist() == numbers
    assert table.loc[numbers[-1]].notna().all()  # the last number is a row with data


def test_a_report_on_your_file_names_the_row_excel_shows():
    """The issue's case: a problem on the second row of data is "row 3", as in Excel."""
    from civicai.automation import RegisterRules, clean_register, validation_report

    content = _workbook([["nomor_izin", "kode_pos"], ["P-1", "40111"], ["P-2", "4011"],
                         ["P-3", "40112"]])
    table = sandbox.read_table(content, "izin.xlsx")
    rules = RegisterRules(id_column="nomor_izin", code_column="kode_pos")
    report = validation_report(table, rules)
    assert report[["row", "problem", "value"]].values.tolist() == [[3, "invalid code", "4011"]]
    assert clean_register(table, rules).index.tolist() == [2, 3, 4]
    csv = "nomor_izin;kode_pos\nP-1;40111\n\nP-2;4011\n".encode()
    assert validation_report(sandbox.read_table(csv, "izin.csv"), rules)["row"].tolist() == [4]


def test_the_picker_numbers_the_example_and_your_file_alike_and_says_how(tmp_path):
    example = pd.DataFrame({"text": ["jalan rusak", "ktp hilang"], "unit": ["PU", "Dukcapil"]})
    picker = sandbox.TablePicker(example, "two complaints")
    assert picker.data.index.tolist() == [2, 3] and example.index.tolist() == [0, 1]
    assert "the column names are row 1, so the first row of data is row 2" in \
        picker._status.value
    mine = tmp_path / "mine.csv"
    mine.write_text("text,unit\nlampu mati,PLN\n\nsampah,DLH\n")
    picker._path.value = str(mine)
    picker._on_path(None)
    assert picker.data.index.tolist() == [2, 4] and "row 2" in picker._status.value


def test_a_csv_whose_layout_cannot_be_guessed_gets_a_plain_message():
    with pytest.raises(LearnerError, match="could not be read as a table"):
        sandbox.read_table(b"\n\nunit,count\nDukcapil,3\n", "blank-top.csv")


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
