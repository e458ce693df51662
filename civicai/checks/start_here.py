"""Checks of the start-here practice exercise (exercises/00-start-here) and the start page's demo.

Question 5 is the course's first function: a learner completes one line of `hours_needed`
(the rest is written for them). The check tries it on a few queues and, when a result is
wrong, says which usual slip it looks like (multiplying, dividing the wrong way round, the
hours a day of question 1, an hour's part dropped); Python's errors are said in plain words.
"""
from __future__ import annotations

import math

from civicai.checks.describe import is_plain_number, kind_of, short_text
from civicai.checks.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion, explaining

q1 = NumberQuestion("00-start-here/q1", "Question 1 — a counter's day", "citizens_per_day",
                    whole=True, low=1, high=500, what="a whole number of citizens")

q2 = NumberQuestion("00-start-here/q2", "Question 2 — requests by WhatsApp", "whatsapp_requests",
                    whole=True, low=0, high=10, what="a whole number of requests")

q3 = ChoiceQuestion("00-start-here/q3", "Question 3 — when a check says 'not right yet'",
                    "what_to_do")


# ---- question 5: a first function ---------------------------------------------------------

#: The question's figures: citizens the counter serves in an hour, hours it is open a day.
PER_HOUR, HOURS_A_DAY = 12, 7
#: The queues the check tries, in this order (36 is the one the notebook's try-it cell uses).
_QUEUES = (36, 6, 100)


def _close(result: float, number: float) -> bool:
    return math.isclose(result, number, rel_tol=1e-9, abs_tol=1e-9)


def _hours(number: float) -> str:
    return "1 hour" if number == 1 else f"{number:g} hours"


def _hours_slip(citizens: int, result: float) -> str:
    """What a wrong number of hours for `citizens` looks like, in plain words."""
    said = f"For {citizens} citizens your function gives {_hours(result)}."
    if _close(result, citizens * PER_HOUR):
        return (f"{said} It multiplies the citizens by {PER_HOUR}: that is how many citizens "
                f"{citizens} hours would serve. Here the citizens are known and the hours are "
                "asked: divide, with /.")
    if citizens and _close(result, PER_HOUR / citizens):
        return (f"{said} It divides {PER_HOUR} by the citizens: the wrong way round. Put "
                f"`citizens` first, then / and the number of citizens served in an hour.")
    if _close(result, citizens / HOURS_A_DAY) or _close(result, citizens * HOURS_A_DAY):
        return (f"{said} It uses {HOURS_A_DAY}, the hours the counter is open in a day "
                f"(question 1). This question is about the citizens served in one hour.")
    exact = citizens / PER_HOUR
    if any(_close(result, candidate) for candidate in
           (math.floor(exact), round(exact), *(round(exact, places) for places in (1, 2, 3)))):
        return (f"{said} It rounds the hours, or drops part of an hour: {citizens} citizens do "
                f"not take exactly {_hours(result)}. Give the exact hours: divide with / (not //) "
                "and do not round.")
    return (f"{said} Work it out on paper for this queue: how many hours does the counter "
            "need? Then write the same calculation with `citizens`.")


#: Python's errors in this question, in plain words: (words of the error, what to do).
_HOURS_ERRORS = (
    ("is not defined", "Python does not know the name {name}. Inside the function the number of "
     "citizens is called `citizens`, the name in brackets on the `def` line: check the "
     "spelling."),
    ("unsupported operand", "a calculation mixes a number with something that is not a number "
     "(text in quotes, or the placeholder `...`). Use `citizens` and a number, without quotes."),
    ("can't multiply sequence", "a calculation mixes a number with text: leave out the quotes."),
    ("ZeroDivisionError", "something was divided by zero. Divide the citizens by the citizens "
     "served in an hour, not the other way round."),
)


def _probe_hours(call) -> str | None:
    """The hours for a few queues, each compared with the sum done by hand."""
    call = explaining(call, _HOURS_ERRORS)
    results = []
    for citizens in _QUEUES:
        result = call(citizens)
        if type(result) is str:
            return (f"Your function gives back text, {short_text(result)}; it should give back "
                    "a number of hours. Leave out the quotes.")
        if not is_plain_number(result) or not math.isfinite(float(result)):
            return (f"Your function gives back {kind_of(result)}; it should give back a number "
                    "of hours.")
        results.append(float(result))
        if len(results) > 1 and all(_close(value, results[0]) for value in results):
            return (f"Your function gives {_hours(results[0])} for {_QUEUES[0]} citizens and "
                    f"for {citizens} citizens: the same, whatever the queue. Work the hours out "
                    "from `citizens`, the number the function is given.")
        if not _close(float(result), citizens / PER_HOUR):
            return _hours_slip(citizens, float(result))
    return None


def _same_hours(result, expected) -> bool:
    """The same number of hours, whatever kind of number holds it."""
    return is_plain_number(result) and is_plain_number(expected) and \
        _close(float(result), float(expected))


q5 = FunctionQuestion(
    "00-start-here/q5", "Question 5 — your first function", "hours_needed", _probe_hours,
    same=_same_hours,
    hidden_hint="It must work for any queue: divide the number of citizens it is given by the "
                "citizens served in an hour.")

#: The start page's demonstration (not graded, its answer given on the page): days in a week.
demo = NumberQuestion(
    "00-start-here/demo", "Try a check — days in a week", "days_in_week", whole=True, low=1,
    high=31, what="a whole number of days",
    demo={"answer": "d8e0b6b9ac1e81f27b9b1f262f253ead3962515db85637f15138f25f46cccf73"})
