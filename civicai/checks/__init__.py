"""Learner checks: instant, friendly feedback that never gives the answer away, judged the same
way in the learner's notebook and in the grader.

Every graded part of an exercise is a `Question` (see `questions`), defined in
the checks module of its exercise (`EXERCISES` below) with the id
`<exercise folder>/<grade id>`. It has three outcomes: not attempted yet, not
right yet with what looks wrong, or correct. The right answers are not here:
they are stated once, in the instructor source, and reach this package only as
salted fingerprints (see `answers`).
"""
from __future__ import annotations

import importlib

from civicai.checks.outcome import NotAttemptedYet, NotRightYet, show_correct
from civicai.checks.questions import (
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    Question,
    TableQuestion,
    TextQuestion,
)

#: Each graded exercise (its folder in exercises/) and the module of its checks.
EXERCISES = {
    "00-start-here": "civicai.checks.start_here",
    "01-automation": "civicai.checks.automation",
    "02-chatbots": "civicai.checks.chatbot",
    "03-bias": "civicai.checks.fairness",
    "04-privacy": "civicai.checks.privacy",
}


def questions_of(assignment: str) -> dict[str, Question]:
    """{grade id: question} of one exercise, from its checks module."""
    if assignment not in EXERCISES:
        raise KeyError(f"no checks for an exercise named {assignment!r}")
    module = importlib.import_module(EXERCISES[assignment])
    found = {}
    for value in vars(module).values():
        if isinstance(value, Question) and value.assignment == assignment and value.demo is None:
            found[value.grade_id] = value
    return found


def question(qid: str) -> Question:
    """The question with this id (`<exercise folder>/<grade id>`)."""
    assignment, _, grade_id = qid.partition("/")
    return questions_of(assignment)[grade_id]


__all__ = [
    "EXERCISES", "ChoiceQuestion", "FunctionQuestion", "NotAttemptedYet", "NotRightYet",
    "NumberQuestion", "Question", "TableQuestion", "TextQuestion", "question", "questions_of",
    "show_correct",
]
