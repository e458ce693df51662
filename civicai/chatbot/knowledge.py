"""The knowledge base a bot may answer from: one row per question-and-answer pair.

A bot that cites its source needs every answer to carry an id and a source.
Everything the bots in this package use goes through one shape, the
*entries* table, with the columns in `ENTRY_COLUMNS`:

    faq_id    the id of the FAQ entry (the citation: "FAQ entry F012")
    question  the entry's question, in one language
    answer    the entry's answer, in the same language
    source    the office or page the answer comes from
    language  "en", "id", ... (the bot answers in the language it matched)

The course's bilingual FAQ has two rows per entry (English and Bahasa
Indonesia); a learner's own FAQ, in the sandbox, has one row per entry. Both
are turned into entries here, with plain-language errors for tables that do
not fit.
"""
from __future__ import annotations

import pandas as pd

from civicai.errors import LearnerError, require_columns
from civicai.sandbox import FIRST_DATA_ROW

ENTRY_COLUMNS = ["faq_id", "question", "answer", "source", "language"]
#: The course FAQ's columns for each language (see the data card: `card("faq")`).
COURSE_FAQ_LANGUAGES = {"en": ("question_en", "answer_en"), "id": ("question_id", "answer_id")}


def as_text(values) -> pd.Series:
    """Cells as text, outer spaces removed, missing cells as "" (the index is kept).

    Whole numbers stay whole: a spreadsheet column of ids with an empty cell
    (an out-of-scope test question) is read as decimals, 1.0, 2.0, ..., and
    "1.0" must still match the FAQ entry "1".
    """
    def one(value) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    return pd.Series(values, dtype="object").map(one)


def _checked(entries: pd.DataFrame, what: str) -> pd.DataFrame:
    """Entries with no empty question or answer, or a LearnerError saying which rows."""
    entries = entries.reset_index(drop=True)
    for column in ("faq_id", "question", "answer"):
        empty = entries.index[entries[column] == ""]
        if len(empty):
            rows = ", ".join(str(row + 2) for row in empty[:5])  # +2: header line, 1-based
            raise LearnerError(
                f"{what.capitalize()} has an empty '{column}' in row(s) {rows}"
                f"{' and more' if len(empty) > 5 else ''}.",
                "Every entry needs an id, a question and an answer: fill the empty cells "
                "or delete those rows.")
    if entries.empty:
        raise LearnerError(f"{what.capitalize()} has no entries.",
                           "A bot needs at least one question with its answer.")
    return entries[ENTRY_COLUMNS]


def entries_from_course_faq(faq: pd.DataFrame) -> pd.DataFrame:
    """The course's bilingual FAQ (`load("faq")`) as entries: one row per entry and language."""
    columns = ["faq_id", "source"] + [column for pair in COURSE_FAQ_LANGUAGES.values()
                                      for column in pair]
    require_columns(faq, columns, "the FAQ table")
    parts = []
    for language, (question, answer) in COURSE_FAQ_LANGUAGES.items():
        parts.append(pd.DataFrame({
            "faq_id": as_text(faq["faq_id"]), "question": as_text(faq[question]),
            "answer": as_text(faq[answer]), "source": as_text(faq["source"]),
            "language": language}))
    return _checked(pd.concat(parts, ignore_index=True), "the FAQ table")


def entries_from_table(table: pd.DataFrame, question: str, answer: str, *,
                       faq_id: str | None = None, source: str | None = None,
                       language: str = "") -> pd.DataFrame:
    """Any FAQ table (for example a learner's CSV) as entries.

    Without an id column, entries are named by the row a spreadsheet shows them in
    ("row 2" for the first under the column names, as in the sandboxes), so the bot can
    still say which entry an answer came from, in words the learner finds in Excel.
    """
    if not isinstance(table, pd.DataFrame):
        raise LearnerError(f"An FAQ must be a table, not {type(table).__name__}.",
                           "Load your file with the file picker above.")
    named = [column for column in (question, answer, faq_id, source) if column]
    require_columns(table, named, "your FAQ table")
    ids = (as_text(table[faq_id]) if faq_id else
           pd.Series([f"row {number}" for number in
                      range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(table))], index=table.index))
    sources = as_text(table[source]) if source else pd.Series("your FAQ", index=table.index)
    entries = pd.DataFrame({"faq_id": ids, "question": as_text(table[question]),
                            "answer": as_text(table[answer]), "source": sources,
                            "language": language})
    return _checked(entries, "your FAQ table")
