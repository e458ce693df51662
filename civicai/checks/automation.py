"""Checks of module 01's exercise (exercises/01-automation): automating administrative work.

Many questions also name common slips (the lesson's month instead of the
question's, the training set instead of the test set): the instructor source
states each slip and what to say about it, so the check can name the slip
instead of only saying "not right yet". The later questions of Part C use the
router of question 4, and say so when question 4 is not right yet.
"""
from __future__ import annotations

import pandas as pd

from civicai.automation.examples import business_permits
from civicai.checks.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion

PREFIX = "01-automation"


def _problem_with_clean_permits(call) -> str | None:
    """Try the learner's clean_permits on the exercise's example register."""
    example = business_permits()
    result = call(example.copy())
    if type(result) is not pd.DataFrame:
        return ("Your function should give back a table (a pandas DataFrame): end it with "
                "`return clean_register(table, rules)`.")
    missing = [column for column in example.columns if column not in result.columns]
    if missing:
        return f"The cleaned table has lost the column(s) {', '.join(missing)}."
    rows = len(result.index)
    if rows < len(example) - 1:
        return (f"Your cleaned register has {rows} rows, but only exact copies should go (the "
                f"example has {len(example)} rows and one exact copy). Rows with a wrong code or "
                "date must stay, flagged for a person: do not delete them.")
    if rows > len(example) - 1:
        return ("Your cleaned register still has the exact copy of a row. Use clean_register, "
                "which removes exact copies.")
    spellings = sorted(set(result["kecamatan"].dropna().astype(str)))
    if len(spellings) != 3:
        return (f"The kecamatan are still written {len(spellings)} ways ({', '.join(spellings)}). "
                "Tell the rules which column holds names to merge: spelling_columns=(...).")
    codes = result["kode_pos"].dropna().astype(str)
    if not codes.str.fullmatch(r"\d{5}").all():
        odd = codes[~codes.str.fullmatch(r"\d{5}")].iloc[0]
        return (f"A kode pos is still '{odd}'. Tell the rules which column holds the postcode: "
                "code_column=...")
    dates = result["tanggal_terbit"]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        return ("tanggal_terbit still holds text, not dates. Tell the rules which column holds "
                "the date: date_column=...")
    first = dates.iloc[0]
    if pd.notna(first) and (first.month, first.day) == (3, 4):
        return ("'03/04/2024' was read as 4 March, but Indonesian dates put the day first: it is "
                "3 April. Give the rules the date format: date_format=\"%d/%m/%Y\".")
    unreadable = int(dates.isna().sum())
    if unreadable != 1:
        return (f"{unreadable} dates could not be read; only '31/04/2024' (April has 30 days) "
                "should be. Check the date format: day/month/year is \"%d/%m/%Y\".")
    return None


def _same_register(result, expected) -> bool:
    """The same cleaned register: the same rows kept (by position), the same values."""
    if type(result) is not pd.DataFrame or list(result.index) != list(expected.index):
        return False
    for column in expected.columns:
        if column not in result.columns:
            return False
        mine, theirs = result[column], expected[column]
        if pd.api.types.is_datetime64_any_dtype(theirs):
            if not pd.api.types.is_datetime64_any_dtype(mine):
                return False
            mine, theirs = mine.dt.strftime("%Y-%m-%d"), theirs.dt.strftime("%Y-%m-%d")
        if [None if pd.isna(item) else str(item) for item in mine] != \
                [None if pd.isna(item) else str(item) for item in theirs]:
            return False
    return True


q1 = FunctionQuestion(
    f"{PREFIX}/q1", "Question 1 — a cleaning function for permits", "clean_permits",
    _problem_with_clean_permits, same=_same_register,
    hidden_hint="Your rules must fit any register with these four columns, not only the "
                "example: check each of the five rules of Hint 2.")

q2 = NumberQuestion(
    f"{PREFIX}/q2", "Question 2 — licences dated before 2017", "old_licences",
    whole=True, low=0, high=52519, what="a whole number of licences")

q3 = NumberQuestion(
    f"{PREFIX}/q3", "Question 3 — cat licences in March 2018", "cats_in_march",
    whole=True, low=0, high=5000, what="a whole number of licences")

q4 = NumberQuestion(
    f"{PREFIX}/q4", "Question 4 — train and test the router", "test_accuracy",
    decimals=3, low=0, high=1, what="a share between 0 and 1 (for example 0.9)")

q5 = NumberQuestion(
    f"{PREFIX}/q5", "Question 5 — recall of a small unit", "recall_dpmptsp",
    decimals=2, low=0, high=1, what="a share between 0 and 1", depends_on=("q4",))

q6 = ChoiceQuestion(f"{PREFIX}/q6", "Question 6 — an accurate router?", "accuracy_answer")

q7 = NumberQuestion(
    f"{PREFIX}/q7", "Question 7 — the threshold for an error target", "threshold_for_target",
    decimals=2, low=0, high=1, what="a threshold between 0 and 1", depends_on=("q4",))

q8 = NumberQuestion(
    f"{PREFIX}/q8", "Question 8 — staff hours saved", "hours_saved",
    low=0, high=10000, what="a number of hours", depends_on=("q4",))

q9 = ChoiceQuestion(f"{PREFIX}/q9", "Question 9 — a complaint the router is unsure about",
                    "low_confidence_answer")

q10 = ChoiceQuestion(f"{PREFIX}/q10", "Question 10 — where the errors fall",
                     "uneven_errors_answer")
