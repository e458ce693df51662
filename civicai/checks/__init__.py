"""Learner checks: instant, friendly feedback that never gives the answer away.

Every graded part of an exercise has a visible check (a `Question` from
`questions`) with three outcomes: not attempted yet, not right yet with a
hint, or correct. Hidden tests, written by the instructor, use `strict`.
Each exercise's questions live in a module of this package named after it.
"""
from civicai.checks.outcome import NotAttemptedYet, NotRightYet, show_correct
from civicai.checks.questions import (
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    Question,
    TableQuestion,
)

__all__ = [
    "ChoiceQuestion", "FunctionQuestion", "NotAttemptedYet", "NotRightYet", "NumberQuestion",
    "Question", "TableQuestion", "show_correct",
]
