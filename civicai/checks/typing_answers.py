"""The start page's tries of each way an answer is typed (not graded; each answer is given on
the page).

A newcomer's first answers go wrong in the typing, not in the thinking: text without quotes,
a letter without quotes, a decimal comma, a percentage for a share, ÷ copied from the text,
names without brackets. Each try here lets a learner make that slip once, on a question whose
answer the page states, and read what a check says about it, so the first time it happens in
a graded exercise is not the first time they see it. The slips themselves are recognised by
the same code as in every exercise (`cells.explain`, the questions' own forms).
"""
from __future__ import annotations

from typing import Any

from civicai.checks.answers import Match, canonical_text
from civicai.checks.describe import kind_of, short_text
from civicai.checks.privacy import ColumnsQuestion
from civicai.checks.questions import ChoiceQuestion, NumberQuestion, Question

#: A try has no hints of its own: the table at the top of the section is its hint.
HINT = "The table at the top of section 5 shows how each kind of answer is typed."


class WordsQuestion(Question):
    """A few words typed as text; the words are given on the page, so a wrong text says them."""

    def __init__(self, qid: str, title: str, variable: str, words: str, **options):
        super().__init__(qid, title, variable, **options)
        self.words = words

    def forms(self, value: Any) -> set[str]:
        if type(value) is not str:
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}. Text is written in quotes, "
                             f"like this: \"{self.words}\".")
        return {canonical_text(value)}

    def not_right(self, value: Any, forms: set[str], match: Match):
        return self.wrong(f"You wrote the text {short_text(value)}, in quotes: well done. The "
                          f"question asks for the words {self.words} (capital letters do not "
                          "count, spelling does).")


class LetterTry(ChoiceQuestion):
    """A letter in quotes; the letter is given on the page, so a wrong one is told it."""

    def not_right(self, value: Any, forms: set[str], match: Match):
        return self.wrong(f"You wrote a letter in quotes, {short_text(value)}: well done. This "
                          "try asks for the letter the text above names.")


# The answers the page gives, as the same salted fingerprints as every exercise's.
text = WordsQuestion(
    "00-start-here/type-text", "Try it — text in quotes", "office", "Dinas Sosial", hint=HINT,
    demo={"answer": "ce92370b71919294f4faecf150b39b2aa109a7e9c75aa4f9274faf9b3497bf56"})

letter = LetterTry(
    "00-start-here/type-letter", "Try it — a letter in quotes", "best_option",
    hint=HINT,
    demo={"answer": "033fbad91493c7d3e4bcb9c2862aa78480fd6646feaa68405753515d723d005f"})

share = NumberQuestion(
    "00-start-here/type-share", "Try it — a share, with a point", "share_online", decimals=2,
    low=0, high=1, what="a share between 0 and 1",
    hint=HINT,
    demo={"answer": "684459fef8e31c2eb15f2cff392086cf975c06310899aae997cb73942474be34"})

calculation = NumberQuestion(
    "00-start-here/type-sum", "Try it — a calculation", "minutes_per_citizen", low=0, high=480,
    what="a number of minutes",
    hint=HINT,
    demo={"answer": "8ac3f66304ad72e044ad63b3be2c0834b4398b523fbea31d29ee570101a3d75a"})

names = ColumnsQuestion(
    "00-start-here/type-list", "Try it — a list of names", "columns_to_hide",
    ("nik", "name", "phone", "kecamatan", "job"),
    definition="The question names the two columns: name and phone.",
    hint=HINT,
    demo={"answer": "b7e31672b51382d245092bda34f1230e773ac10398781cb72210034c64cedb70"})
