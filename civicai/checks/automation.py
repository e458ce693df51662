"""Visible checks of module 01's exercise (exercises/01-automation).

Exact answers are stored only as salted fingerprints. Some number questions
also know the fingerprints of a few common slips (the lesson's month instead
of the question's, the training set instead of the test set), so the check
can name the slip instead of just saying "not right yet". Full correctness is
judged by the hidden tests in the instructor's source.
"""
from __future__ import annotations

import math

import pandas as pd

from civicai.automation.examples import business_permits
from civicai.checks import answers
from civicai.checks.describe import is_plain_number
from civicai.checks.outcome import NotRightYet
from civicai.checks.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion

PREFIX = "01-automation"


class NumberWithSlips(NumberQuestion):
    """A number question that recognises known slips by fingerprint and names them."""

    def __init__(self, *arguments, slips: dict[str, str] | None = None, **options):
        super().__init__(*arguments, **options)
        self.slips = slips or {}

    def judge(self, value) -> None:
        try:
            super().judge(value)
        except NotRightYet:
            if is_plain_number(value) and math.isfinite(float(value)):
                for fingerprint, message in self.slips.items():
                    if answers.matches_number(self.qid, float(value), self.decimals, fingerprint):
                        raise self.wrong(message) from None
            raise


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


q1 = FunctionQuestion(
    f"{PREFIX}/q1", "Question 1 — a cleaning function for permits", "clean_permits",
    _problem_with_clean_permits)

q2 = NumberWithSlips(
    f"{PREFIX}/q2", "Question 2 — licences dated before 2017", "old_licences",
    "1af47ff43105b82a0fb1273a76996d4f20de0795f34f8cfc4f429fd6b487325a",
    low=0, high=52519, what="a whole number of licences",
    slips={"1d34e9e69a4a412b99e30c8c21d7be1774f5bdda9ade17bba3925ba32b22627c":
           "That is the count with the lesson's rule (from 2015). This question's rule starts "
           "on 1 January 2017: earliest=\"2017-01-01\".",
           "c0bae8f6f10fb74e7127c3d4c7ad5fa4dc1a0e14cdc1a2ac01da1d0820ea87af":
           "That counts every row of the report. Count only the rows whose problem is "
           "\"date out of range\"."})

q3 = NumberWithSlips(
    f"{PREFIX}/q3", "Question 3 — cat licences in March 2018", "cats_in_march",
    "1ca0b5f2563fee3460085da1cb9d35f4ea4857358a85be8f952e7436f6eed3b3",
    low=0, high=5000, what="a whole number of licences",
    slips={"e87d0a802b25c9007d586440b2d09ebc52ef9ba0842256228b6276135bbc81f9":
           "That is June 2018, the lesson's month. Change the month to \"2018-03\"."})

q4 = NumberWithSlips(
    f"{PREFIX}/q4", "Question 4 — train and test the router", "test_accuracy",
    "659e19c64b0803a616186ac4a594d7f3ae8ce3bfe3df6fd2fc017946a6589962",
    decimals=3, low=0, high=1, what="a share between 0 and 1 (for example 0.9)",
    slips={"4d419c918a079ce0c66660b9cb5d51862f6c13808908f2b2de1375fd92c71848":
           "That is the router's score on the complaints it learnt from (the training set). "
           "Test it on `test`, the complaints it has never seen."})

q5 = NumberWithSlips(
    f"{PREFIX}/q5", "Question 5 — recall of a small unit", "recall_dpmptsp",
    "3a7b54a58f3caab8b0bec12bb76239a8f97a1bed450d8571ba62ee9d955ae977",
    decimals=2, low=0, high=1, what="a share between 0 and 1",
    slips={"b108b09086fe94d43d08843fefc2abf90680bd302e4c50b2ca166dd99428d8f4":
           "That is DPMPTSP's precision (of the complaints sent there, the share that belong "
           "there). The question asks for recall: of DPMPTSP's own complaints, the share that "
           "reached it.",
           "70e010412afb1c083efafa6e49f1987c4deac4dce83a6c524cc7e6ef49cc3d80":
           "That is the recall on the training set. Use the evaluation on the test set."})

q6 = ChoiceQuestion(
    f"{PREFIX}/q6", "Question 6 — an accurate router?", "accuracy_answer",
    "2a0895d6469511a8c941c3c18e72eafae717d4143574543c9cae9cfd627ac8e5")

q7 = NumberWithSlips(
    f"{PREFIX}/q7", "Question 7 — the threshold for an error target", "threshold_for_target",
    "2d3d4550043e4f2b81f4d6d4267f5b7553dce910a46d92721eb370deb3e7dccb",
    decimals=2, low=0, high=1, what="a threshold between 0 and 1",
    slips={"ba8fdb01c0d688c151a8cedfde39dad2ea5504e774d736a731c11bb5b0bf793a":
           "That is the threshold for the lesson's target (1 in 100). This target is stricter: "
           "1 in 200 is 0.005."})

q8 = NumberWithSlips(
    f"{PREFIX}/q8", "Question 8 — staff hours saved", "hours_saved",
    "4de739d324c891d4b6fd45f267595aff30614a61aad9a876f8f02ee161e188f1",
    low=0, high=10000, what="a number of hours",
    slips={"42ca3037e360c8b5ff1c68723643ae8fb1ce735b6f6c548062c3f236a430af25":
           "That is the time for every complaint. Only the share routed automatically saves "
           "time: multiply by the share automated at threshold 0.70.",
           "49ef003d673fd43ae254d319b70c7067cc2af8c1874dc20822a7ddabb5619ca1":
           "That uses the share that goes to review. Staff save time on the share that is "
           "routed automatically."})

q9 = ChoiceQuestion(
    f"{PREFIX}/q9", "Question 9 — a complaint the router is unsure about", "low_confidence_answer",
    "a3fdefec21f397d485ca0f7c19310191583be70bfca20669b1f0f968e0c82025")

q10 = ChoiceQuestion(
    f"{PREFIX}/q10", "Question 10 — where the errors fall", "uneven_errors_answer",
    "773fd45dc5ac60c50072f32c478f23f78a218997631c420a49f065bf0838f48d")
