"""Rules before AI: a validation report and a cleaned copy of an administrative register.

Many automation wins need no machine learning. A few written rules find what
makes a register unreliable: rows entered twice, one thing spelt three ways,
codes that cannot exist, dates that cannot be right. The rules here do two
separate things, on purpose:

- they *report* every problem, row by row, so a person can see what was found
  and why, and count it month after month;
- they *clean* only what is certain (a ZIP+4 code becomes its 5-digit ZIP,
  "Pot-Bellied" and "pot bellied" become one spelling, an exact copy of a row
  goes), while anything that needs judgement (a licence dated 2003 in a
  2016-2018 register, two different pets under one licence number) is kept and
  flagged for a person. Deleting a citizen's record because one field looks
  wrong is how automation quietly harms people.
"""
from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, fields

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, NullFormatter
import numpy as np
import pandas as pd
from pandas.tseries.api import guess_datetime_format

from civicai.checks.answers import canonical_text
from civicai.checks.describe import kind_of
from civicai.errors import LearnerError, require_columns

#: Each kind of problem, in the order the report lists them, and what the cleaning does about it.
ACTIONS = {
    "missing value": "left empty: a person fills it in",
    "duplicate row": "removed: the first copy is kept",
    "repeated id": "kept: a person checks whether these rows are the same case",
    "spelling variant": "replaced by the most common spelling",
    "code with extra digits": "cut to its first digits (a ZIP+4 code becomes its ZIP)",
    "invalid code": "left empty: a person looks up the right code",
    "unreadable date": "left empty: a person checks the original record",
    "date out of range": "kept, flagged: a person checks it",
}
REPORT_COLUMNS = ["row", "column", "problem", "value", "action"]


@dataclass(frozen=True)
class RegisterRules:
    """Which columns of a register hold what, and what counts as valid.

    Every rule is optional, so the same function serves a pet licence register,
    a population register or a learner's own file.

    - `id_column`: the case number; rows sharing it are flagged (not removed).
    - `date_column`, `earliest`, `latest`, `date_format`: dates outside
      [earliest, latest] are flagged; `date_format` is e.g. "%d/%m/%Y" for
      31/12/2023 (None: the format of the first date is used for all).
    - `code_column`, `code_digits`: a code of exactly that many digits (a ZIP
      code or an Indonesian *kode pos*: 5); `also_valid` lists codes accepted
      as they are although they are not all digits (such as "981xx", a ZIP
      code the publisher masked to protect privacy).
    - `spelling_columns`: labels whose spelling variants become one spelling.
    - `required_columns`: columns that must not be empty.
    """

    id_column: str | None = None
    date_column: str | None = None
    earliest: str | None = None
    latest: str | None = None
    date_format: str | None = None
    code_column: str | None = None
    code_digits: int = 5
    also_valid: tuple[str, ...] = ()
    spelling_columns: tuple[str, ...] = ()
    required_columns: tuple[str, ...] = ()

    def __post_init__(self):
        for name in ("spelling_columns", "required_columns", "also_valid"):
            value = getattr(self, name)
            if isinstance(value, str):  # ("kode_pos") without its comma is a plain text
                object.__setattr__(self, name, (value,))
            elif isinstance(value, list):
                object.__setattr__(self, name, tuple(value))
        values = [getattr(self, field.name) for field in fields(self)]
        if any(value is Ellipsis or (type(value) is tuple and Ellipsis in value)
               for value in values):
            raise LearnerError("The rules still hold the placeholder `...`.",
                               'Write the rules in its place, for example id_column="nomor_izin".')
        for name in ("id_column", "date_column", "code_column", "earliest", "latest",
                     "date_format"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise LearnerError(f"The rule {name} should be text in quotes, not {value!r}.",
                                   f'For example {name}="..." with the name between the quotes.')
        for name in ("spelling_columns", "required_columns", "also_valid"):
            if not all(isinstance(item, str) for item in getattr(self, name)):
                raise LearnerError(f"The rule {name} should list names in quotes.",
                                   f'For example {name}=("kecamatan",).')
        if type(self.code_digits) is not int or self.code_digits < 1:
            raise LearnerError(f"code_digits should be a whole number, not {self.code_digits!r}.",
                               "A postcode has 5 digits, a NIK 16.")

    def columns(self) -> list[str]:
        named = [self.id_column, self.date_column, self.code_column,
                 *self.spelling_columns, *self.required_columns]
        return list(dict.fromkeys(column for column in named if column))


def standard_code(value: object, digits: int = 5) -> str | None:
    """The code as exactly `digits` digits of text, or None when it is not a valid code.

    "98115-7706" (a ZIP+4 code) and " 98115 " and the number 98115 all give
    "98115"; "9810", "98l15", "" and a missing value give None.
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        value = int(value)
    match = re.fullmatch(rf"(\d{{{digits}}})(?:[-\s]\d+)?", str(value).strip())
    return match.group(1) if match else None


def _standard_codes(values: pd.Series, digits: int, also_valid: tuple[str, ...] = ()) -> pd.Series:
    """`standard_code` of a whole column (worked out once per distinct value: registers repeat)."""
    codes = {value: str(value).strip() if str(value).strip() in also_valid
             else standard_code(value, digits) for value in values.dropna().unique()}
    return values.map(codes).astype(object).where(values.notna(), None)


def spelling_key(text: str) -> str:
    """What two spellings of one label share: case, accents, spacing and punctuation ignored."""
    return canonical_text(re.sub(r"[\W_]+", " ", text))


def _as_text(values: pd.Series) -> pd.Series:
    """A column as Python text, missing values as None (categories and numbers too)."""
    text = values.astype("string")
    return text.astype(object).where(text.notna(), None)


def _spelling_map(text: pd.Series) -> dict[str, str]:
    """Each spelling -> the most common spelling sharing its key (ties: alphabetical first)."""
    counts = text.dropna().value_counts()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    preferred: dict[str, str] = {}
    for spelling, _ in ranked:
        preferred.setdefault(spelling_key(spelling), spelling)
    return {spelling: preferred[spelling_key(spelling)] for spelling, _ in ranked}


def standardise_spelling(values: pd.Series) -> pd.Series:
    """The column with every spelling variant replaced by the most common spelling."""
    text = _as_text(values)
    return text.map(_spelling_map(text)).astype(object).where(text.notna(), None)


def spelling_variants(values: pd.Series) -> pd.DataFrame:
    """Labels written more than one way: each spelling, how many rows use it, what it becomes."""
    text = _as_text(values)
    mapping = _spelling_map(text)
    counts = text.dropna().value_counts()
    table = pd.DataFrame({"spelling": counts.index, "rows": counts.to_numpy()})
    table["becomes"] = table["spelling"].map(mapping)
    spellings_per_label = table.groupby("becomes")["spelling"].transform("size")
    table = table[spellings_per_label > 1]
    return table.sort_values(["becomes", "rows", "spelling"], ascending=[True, False, True],
                             ignore_index=True)


class _Findings:
    """Problems found while cleaning, one row each."""

    def __init__(self):
        self.rows: list[tuple] = []

    def add(self, mask: pd.Series, values: pd.Series, column: str, problem: str) -> None:
        for row, value in zip(mask.index[mask.to_numpy()], values[mask]):
            self.rows.append((row, column, problem, "" if pd.isna(value) else str(value)))

    def report(self) -> pd.DataFrame:
        report = pd.DataFrame(self.rows, columns=REPORT_COLUMNS[:4])
        report["action"] = report["problem"].map(ACTIONS)
        order = {problem: rank for rank, problem in enumerate(ACTIONS)}
        report["rank"] = report["problem"].map(order)
        report = report.sort_values(["rank", "row", "column"], kind="stable", ignore_index=True)
        return report[REPORT_COLUMNS]


def _timestamp(text: str | None, name: str) -> pd.Timestamp | None:
    if text is None:
        return None
    try:
        return pd.Timestamp(text)
    except (ValueError, TypeError):
        raise LearnerError(f"The rule {name}={text!r} is not a date.",
                           'Write it as year-month-day, for example "2016-01-01".') from None


def _check_table(table: object, rules: RegisterRules) -> None:
    if type(rules) is not RegisterRules:
        raise LearnerError("The rules must be a RegisterRules(...).",
                           "For example: RegisterRules(id_column=\"license_number\").")
    if not isinstance(table, pd.DataFrame):
        raise LearnerError(f"A register must be a table, not {kind_of(table)}.",
                           "Load it first, for example with load(\"seattle_pets\").")
    if table.empty:
        raise LearnerError("The register is empty: there is nothing to check.",
                           "Check that the file has rows of data under its column names.")
    require_columns(table, rules.columns(), "the register")


def _first_date_format(text: pd.Series) -> str | None:
    """The format of the first value that reads as a date ("2024-01-31" gives "%Y-%m-%d").

    Like pandas, an ambiguous "03/04/2024" is taken month first: the lesson shows
    why Indonesian registers must say date_format="%d/%m/%Y".
    """
    for value in text.dropna().head(100):
        with warnings.catch_warnings():  # pandas' remark on day-first guesses: we decide below
            warnings.simplefilter("ignore", UserWarning)
            found = guess_datetime_format(str(value).strip())
        if found:
            return found
    return None


def read_dates(values: pd.Series, date_format: str | None = None) -> pd.Series:
    """Dates from a column; a value that does not fit the format becomes missing (NaT).

    One format for the whole column, never a guess per value, so "03/04" and
    "15/04" cannot silently be read in two different orders.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    text = _as_text(values)
    date_format = date_format or _first_date_format(text) or "ISO8601"
    return pd.to_datetime(text, errors="coerce", format=date_format)


def _validate(table: pd.DataFrame, rules: RegisterRules) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(cleaned copy, validation report): one pass, so the two always agree."""
    _check_table(table, rules)
    earliest = _timestamp(rules.earliest, "earliest")
    latest = _timestamp(rules.latest, "latest")
    cleaned, found = table.copy(), _Findings()
    for column in rules.required_columns:
        text = _as_text(cleaned[column])
        found.add(text.isna() | (text.str.strip() == ""), cleaned[column], column, "missing value")
    for column in rules.spelling_columns:
        original, standard = _as_text(cleaned[column]), standardise_spelling(cleaned[column])
        found.add(original.notna() & (original != standard), original, column, "spelling variant")
        cleaned[column] = standard
    if rules.code_column:
        column = rules.code_column
        original = _as_text(cleaned[column])
        given = original.notna() & (original.str.strip() != "")
        standard = _standard_codes(cleaned[column], rules.code_digits, rules.also_valid)
        found.add(given & standard.isna(), original, column, "invalid code")
        found.add(given & standard.notna() & (original.str.strip() != standard), original, column,
                  "code with extra digits")
        cleaned[column] = standard.astype(object)
    if rules.date_column:
        column = rules.date_column
        dates = read_dates(cleaned[column], rules.date_format)
        found.add(cleaned[column].notna() & dates.isna(), cleaned[column], column, "unreadable date")
        outside = pd.Series(False, index=dates.index)
        if earliest is not None:
            outside |= dates < earliest
        if latest is not None:
            outside |= dates > latest
        found.add(outside, dates.dt.strftime("%Y-%m-%d"), column, "date out of range")
        cleaned[column] = dates
    duplicate = cleaned.duplicated(keep="first")
    found.add(duplicate, pd.Series("the same as an earlier row", index=cleaned.index),
              "(whole row)", "duplicate row")
    if rules.id_column:
        column = rules.id_column
        kept_ids = cleaned[column].where(~duplicate)  # an exact copy is not a second case
        repeated = kept_ids.notna() & kept_ids.duplicated(keep=False)
        found.add(repeated, cleaned[column], column, "repeated id")
    return cleaned[~duplicate], found.report()


def validation_report(table: pd.DataFrame, rules: RegisterRules) -> pd.DataFrame:
    """Every problem the rules find: one row per problem (row, column, problem, value, action)."""
    return _validate(table, rules)[1]


def clean_register(table: pd.DataFrame, rules: RegisterRules) -> pd.DataFrame:
    """A cleaned copy of the register: certain fixes made, nothing doubtful deleted.

    The original table is not changed. Row labels are kept, so a cleaned row
    can be traced back to the original and to the validation report.
    """
    return _validate(table, rules)[0]


def problem_summary(report: pd.DataFrame) -> pd.DataFrame:
    """How many rows have each kind of problem, per column, and what the cleaning does."""
    require_columns(report, REPORT_COLUMNS, "the validation report")
    summary = (report.groupby(["problem", "column"], sort=False).size()
               .rename("rows").reset_index())
    summary["action"] = summary["problem"].map(ACTIONS)
    return summary.sort_values("rows", ascending=False, kind="stable", ignore_index=True)


def describe_problems(summary: pd.DataFrame) -> str:
    """The problem summary in words, most frequent first (the text beside its chart)."""
    require_columns(summary, ["problem", "column", "rows"], "the problem summary")
    if summary.empty:
        return "The rules found no problem."
    text = "; ".join(f"{problem} in {column}: {rows:,} row{'' if rows == 1 else 's'}"
                     for problem, column, rows in
                     zip(summary["problem"], summary["column"], summary["rows"]))
    return text[0].upper() + text[1:] + "."


def plot_problem_summary(summary: pd.DataFrame, title: str = "What the rules found"):
    """A horizontal bar per kind of problem (log scale: a few problems and thousands share a chart)."""
    require_columns(summary, ["problem", "column", "rows"], "the problem summary")
    labels = summary["problem"] + " (" + summary["column"] + ")"
    figure, axes = plt.subplots(figsize=(7, 0.45 * len(summary) + 1.2))
    axes.barh(labels[::-1], summary["rows"][::-1])
    for y, rows in enumerate(summary["rows"][::-1]):
        axes.annotate(f"{rows:,}", (rows, y), xytext=(4, 0), textcoords="offset points",
                      va="center")
    if len(summary) and summary["rows"].max() > 50 * max(summary["rows"].min(), 1):
        axes.set_xscale("log")
        # plain "1,000" labels: easier to read than 10³, and much faster to draw
        axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
        axes.xaxis.set_minor_formatter(NullFormatter())
        axes.set_xlabel("rows (log scale: each step is ten times more)")
    else:
        axes.set_xlabel("rows")
    axes.set_title(title)
    figure.tight_layout()
    return figure
