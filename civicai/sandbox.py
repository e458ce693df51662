"""The ground floor of every sandbox: bring your own file, safely.

A sandbox applies a module's tools to a file the learner brings. It must run
as-is (for "Run all" and the tests) on a worked example, and switch to the
learner's file when they upload one or type its path. Reading a file a person
exported from a spreadsheet is where most things go wrong (a semicolon instead
of a comma, an Excel encoding, an empty sheet), so reading is forgiving and
every failure is a plain message.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import pandas as pd
from IPython.display import display

from civicai.errors import LearnerError
from civicai.style import callout

MAX_BYTES = 50 * 2**20
_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")

#: A spreadsheet shows the column names in row 1, so its first row of data is row 2.
FIRST_DATA_ROW = 2

#: What the row numbers mean, in the words the sandboxes use.
ROW_NUMBERS = ("Rows are numbered as in a spreadsheet such as Excel: the column names are "
               f"row 1, so the first row of data is row {FIRST_DATA_ROW}.")


def on_binder() -> bool:
    """True on a public Binder server, where uploaded files are not private."""
    return any(name in os.environ for name in ("BINDER_SERVICE_HOST", "BINDER_LAUNCH_HOST",
                                               "BINDER_REPO_URL"))


def privacy_warning() -> None:
    """The warning every sandbox shows before it asks for a file."""
    where = ("You are on Binder, a public service: do not upload any file about real people "
             "here." if on_binder() else
             "Check that this computer is one your organisation allows for this data.")
    display(callout(
        "privacy", "Real personal data stays on your own computer",
        "This sandbox runs the course's tools on a file you bring. Use real data about "
        f"citizens only on your own computer or your organisation's approved system. {where}"
        "\n\nIf in doubt, try it first with the example data below, or with a copy of your "
        "file from which names, ID numbers, addresses and contact details have been removed."))


def numbered_as_spreadsheet(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of the table whose row labels are the numbers a spreadsheet shows: 2, 3, ...

    Every report that names a row (the validation report's `row`, the cleaned
    copy's `row` column) then names the row the learner finds in Excel.
    """
    numbered = table.copy()
    numbered.index = pd.RangeIndex(FIRST_DATA_ROW, FIRST_DATA_ROW + len(table))
    return numbered


def read_table(content: bytes, name: str) -> pd.DataFrame:
    """A DataFrame from the bytes of a CSV or Excel file, or a LearnerError saying why not.

    Rows are labelled with the numbers a spreadsheet shows for them (the column
    names are row 1, the first row of data is row 2), so a report that names a
    row names the one the learner finds when they open the file. A CSV file's
    blank lines are left out, as before, but still counted.
    """
    suffix = Path(name).suffix.casefold()
    if not content:
        raise LearnerError(f"The file '{name}' is empty.", "Check that you chose the right file.")
    if len(content) > MAX_BYTES:
        raise LearnerError(f"The file '{name}' is larger than {MAX_BYTES // 2**20} MB.",
                           "Use a sample of it (for example the first 10,000 rows).")
    if suffix in (".xlsx", ".xlsm"):
        try:
            table = numbered_as_spreadsheet(pd.read_excel(io.BytesIO(content)))
        except Exception as error:
            raise LearnerError(f"'{name}' could not be read as an Excel workbook ({error}).",
                               "Save it again from Excel, or export it as CSV.") from None
    elif suffix in (".csv", ".txt", ".tsv"):
        table = _read_csv(content, name)
    else:
        raise LearnerError(f"'{name}' is not a CSV or Excel file.",
                           "Export your data as CSV (File → Save As → CSV) and try again.")
    if table.empty or len(table.columns) == 0:
        raise LearnerError(f"'{name}' has no rows of data.",
                           "Check that the first row holds column names and data follows.")
    return table


def _read_csv(content: bytes, name: str) -> pd.DataFrame:
    for encoding in _ENCODINGS:
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        try:
            # sep=None lets pandas sniff "," ";" or tab, as spreadsheets export all three
            table = pd.read_csv(io.StringIO(text), sep=None, engine="python")
            table.index = _csv_row_numbers(text, len(table))
            return table
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error) as error:
            raise LearnerError(f"'{name}' could not be read as a table ({error}).",
                               "Open it in a spreadsheet and save it again as CSV.") from None
    raise LearnerError(f"'{name}' is not a text file.", "Export your data as CSV and try again.")


def _csv_row_numbers(text: str, rows: int) -> pd.Index:
    """The row numbers a spreadsheet shows for a CSV file's rows of data.

    Reading a CSV skips its blank lines, but a spreadsheet shows each as an
    empty row: read once more, keeping every line as it is, to count them.
    (A cell with a line break inside its quotes is one row in both.)
    """
    every = pd.read_csv(io.StringIO(text), sep=None, engine="python", dtype=str,
                        skip_blank_lines=False, na_filter=False)
    # a blank line gives a row without any field ("   " fills the first one only)
    first = every.iloc[:, 0] if len(every.columns) else pd.Series(dtype=object)
    blank = every.iloc[:, 1:].isna().all(axis=1) & (first.isna() | (first.str.strip() == ""))
    numbers = pd.Index(FIRST_DATA_ROW + np.flatnonzero(~blank.to_numpy()))
    if len(numbers) != rows:  # a shape this reading does not foresee: count rows as they come
        return pd.RangeIndex(FIRST_DATA_ROW, FIRST_DATA_ROW + rows)
    return numbers


def read_table_file(path: str | Path) -> pd.DataFrame:
    """Read a CSV or Excel file from a path on this computer."""
    path = Path(str(path).strip().strip('"')).expanduser()
    if not path.is_file():
        raise LearnerError(f"There is no file at '{path}'.",
                           "Check the path: copy it from your file explorer, including the "
                           "file name and its ending (.csv or .xlsx).")
    return read_table(path.read_bytes(), path.name)


class TablePicker:
    """Upload a file or type its path; until then, the worked example is used.

    `picker.data` is the table the cells below should use. After choosing a
    file, the learner re-runs the cells below (the message says so). Its rows,
    the example's too, are numbered as a spreadsheet shows them (2, 3, ...), so
    a report naming a row names the one the learner finds in Excel.
    """

    def __init__(self, example: pd.DataFrame, example_name: str):
        self.data = numbered_as_spreadsheet(example)
        self.source = f"the example: {example_name}"
        self._upload = widgets.FileUpload(accept=".csv,.txt,.tsv,.xlsx", multiple=False,
                                          description="Upload a file")
        self._path = widgets.Text(placeholder="…or type the path of a file on this computer",
                                  layout=widgets.Layout(width="60%"))
        self._use_path = widgets.Button(description="Use this path")
        self._status = widgets.HTML(self._status_text())
        self._upload.observe(self._on_upload, names="value")
        self._use_path.on_click(self._on_path)

    def _status_text(self, problem: str = "") -> str:
        if problem:
            return f"<b style='color:#8a1c1c'>⚠️ {problem}</b>"
        rows, columns = self.data.shape
        return (f"Using <b>{self.source}</b> ({rows:,} rows, {columns} columns). "
                f"{ROW_NUMBERS} After choosing another file, run the cells below again.")

    def _use(self, load, source: str) -> None:
        try:
            self.data, self.source = load(), source
            self._status.value = self._status_text()
        except LearnerError as error:
            self._status.value = self._status_text(str(error))

    def _on_upload(self, change) -> None:
        if change["new"]:
            uploaded = change["new"][0]
            self._use(lambda: read_table(bytes(uploaded["content"]), uploaded["name"]),
                      f"your file {uploaded['name']}")

    def _on_path(self, _button) -> None:
        self._use(lambda: read_table_file(self._path.value), f"your file {self._path.value}")

    def _ipython_display_(self) -> None:
        display(widgets.VBox([widgets.HBox([self._upload]),
                              widgets.HBox([self._path, self._use_path]), self._status]))


class ColumnChooser:
    """Drop-downs to say which column of the learner's table plays which role.

    `roles` maps a role to its explanation, e.g. {"text": "the text to route"}.
    `chooser["text"]` is the column chosen for that role: at first the example's
    column of that name (or the first column), then whatever the learner picks.
    Roles listed in `optional` (a learner's file may not have them, like an id
    column) also offer "(none)", for which `chooser[role]` is None.
    """

    NONE = "(none)"

    def __init__(self, table: pd.DataFrame, roles: dict[str, str],
                 defaults: dict[str, str] | None = None, optional=()):
        columns = [str(column) for column in table.columns]
        defaults = defaults or {}
        self._menus = {}
        for role, meaning in roles.items():
            options = [self.NONE, *columns] if role in optional else columns
            guess = defaults.get(role) if defaults.get(role) in columns else \
                next((c for c in columns if c.casefold() == role.casefold()), options[0])
            self._menus[role] = widgets.Dropdown(options=options, value=guess,
                                                 description=role,
                                                 tooltip=meaning)
        self._help = widgets.HTML("<br>".join(f"<b>{role}</b>: {meaning}"
                                              for role, meaning in roles.items()))

    def __getitem__(self, role: str) -> str | None:
        value = self._menus[role].value
        return None if value == self.NONE else value

    def _ipython_display_(self) -> None:
        display(widgets.VBox([self._help, *self._menus.values()]))
