"""Checks of module 04's exercise (exercises/04-privacy): privacy and anonymisation.

Two questions have their own kind here: a list of column names (compared as a
set), and a choice of generalisation levels (checked for k first, then
compared with the answer). The two function questions try the learner's
function: a keyed pseudonym is compared with HMAC-SHA256; a differentially
private count is checked statistically over many draws from a seeded generator,
so it cannot flake (and must draw from that generator, so a seeded run repeats).
"""
from __future__ import annotations

import hashlib
import hmac
import math
import re
from typing import Any

import numpy as np

from civicai.checks.answers import Match
from civicai.checks.describe import has_type, is_plain_number, kind_of, short_text
from civicai.checks.values import decode
from civicai.checks.questions import (
    OPEN_HINT,
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    Question,
)
from civicai.errors import LearnerError

PREFIX = "04-privacy"
#: The columns of the member register in the exercise's first questions.
REGISTER_COLUMNS = ("nik", "name", "phone", "birth_date", "sex", "kecamatan", "job", "diagnosis")
#: The quasi-identifiers of the household register in the generalisation question.
LEVELS_COLUMNS = ("regency", "head_sex", "household_size", "head_education")
LEVELS_K = 5
_HEX = re.compile(r"[0-9a-f]{64}")


class ColumnsQuestion(Question):
    """A list of column names, judged as a set (order and repeats do not count)."""

    def __init__(self, qid: str, title: str, variable: str, columns: tuple[str, ...],
                 hint: str = OPEN_HINT):
        super().__init__(qid, title, variable, hint)
        self.columns = columns

    def forms(self, value: Any) -> set[str]:
        example = f"{self.variable} = [\"{self.columns[0]}\", \"{self.columns[1]}\"]"
        if not has_type(value, (list, tuple, set)):
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}. Write a list of column "
                             f"names in square brackets, for example `{example}`.")
        items = list(value)
        if not items:
            raise self.wrong(f"`{self.variable}` is an empty list. Put the column names in it.")
        for item in items:
            if type(item) is not str:
                raise self.wrong(f"One item of the list is {kind_of(item)}. Each item should be "
                                 "a column name in quotes.")
            if item not in self.columns:
                raise self.wrong(f"{short_text(item)} is not a column of the table. Its columns "
                                 "are: " + ", ".join(self.columns) + ".")
        return {",".join(sorted(set(items)))}

    def not_right(self, value: Any, forms: set[str], match: Match):
        return self.wrong("These are real columns, but not the right set yet: some column is "
                          "missing or should not be there. Check each column against the "
                          "definition in the question.")


class LevelsQuestion(Question):
    """A choice of generalisation levels for the household register.

    The check generalises the register itself, so it judges exactly what the
    learner's choice gives: k first (without suppression), then whether the
    levels are those that lose the least.
    """

    def forms(self, value: Any) -> set[str]:
        from civicai.data import load
        from civicai.privacy import generalise, household_ladders, k_anonymity

        if type(value) is not dict:
            raise self.wrong(f"`{self.variable}` is {kind_of(value)}. Write a dictionary, for "
                             f"example `{self.variable} = {{\"regency\": \"province\", "
                             "\"head_sex\": \"as is\"}`.")
        households = load("households")
        every_ladder = household_ladders(households)
        ladders = [every_ladder[column] for column in LEVELS_COLUMNS]
        for column, level in value.items():
            if type(column) is not str or type(level) is not str:
                raise self.wrong("Each key and each level should be text in quotes.")
        try:
            released = generalise(households, ladders, value)
        except LearnerError as problem:
            raise self.wrong(problem.message + (f" {problem.what_to_do}" if problem.what_to_do
                                                else "")) from None
        self._k = k_anonymity(released, list(LEVELS_COLUMNS))
        if self._k < LEVELS_K:
            raise self.wrong(f"With these levels k is {self._k}: some households are still in "
                             f"groups smaller than {LEVELS_K}. Climb further up some ladder.")
        chosen = {item.column: value.get(item.column, item.names[0]) for item in ladders}
        return {";".join(f"{column}={level}" for column, level in sorted(chosen.items()))}

    def not_right(self, value: Any, forms: set[str], match: Match):
        return self.wrong(f"These levels reach k = {self._k} without suppression, but another "
                          "choice loses less for the planner's analysis. Compare the "
                          "'analysis error' of the choices that reach k = 5.")


def _probe_pseudonymise(call) -> str | None:
    nik, key = "3471065007849001", b"course-check-key-3f9a1c7e5b2d4068a1f3"
    result = call(nik, key)
    if type(result) is not str:
        return (f"Your function gives back {kind_of(result)}; it should give back text: the "
                "64 hexadecimal characters of `.hexdigest()`.")
    if not _HEX.fullmatch(result):
        return (f"Your function gives back {short_text(result)}, which is not 64 hexadecimal "
                "characters. End with `.hexdigest()` (not `.digest()`).")
    if result == hashlib.sha256(nik.encode()).hexdigest():
        return ("Your function gives the plain SHA-256 of the NIK: the key is not used, so "
                "anyone can reverse it by trying every NIK. Mix the key in with `hmac.new`.")
    if result != hmac.new(key, nik.encode(), hashlib.sha256).hexdigest():
        return ("Your function uses the key, but not in the standard way. Use "
                "`hmac.new(key, nik.encode(), hashlib.sha256).hexdigest()`.")
    if call(nik, key) != result:
        return "Your function gives a different pseudonym each time for the same NIK and key."
    return None


def _probe_dp_count(call) -> str | None:
    epsilon, true_count, draws = 0.5, 100, 4000
    rng = np.random.default_rng(20240404)
    values = []
    for _ in range(draws):
        value = call(true_count, epsilon, rng)
        if not is_plain_number(value) or not math.isfinite(float(value)):
            return (f"Your function gives back {kind_of(value)}; it should give back one "
                    "number: the count plus noise.")
        values.append(float(value))
    noise = np.array(values) - true_count
    if np.ptp(noise) == 0:
        return ("Your function gives the same number every time: there is no random noise. "
                "Add `rng.laplace(...)`.")
    # two generators started with the same seed must give the same release
    repeats = {float(call(true_count, epsilon, np.random.default_rng(7))) for _ in range(2)}
    if len(repeats) > 1:
        return ("Your function does not draw its noise from the generator `rng` it is given: "
                "two generators started with the same seed gave different counts. Use "
                "`rng.laplace(...)`, so that a run with a fixed seed can be repeated.")
    if all(value.is_integer() for value in values):
        return ("Your function gives back whole numbers only: do not round inside it. "
                "Rounding is done later, on the published figure.")
    if abs(noise.mean()) > 0.35:
        return (f"Over {draws:,} calls your counts are off by {noise.mean():+.2f} on average: "
                "the noise should be centred on 0 (loc=0).")
    spread = float(np.abs(noise).mean())
    expected = 1 / epsilon
    if abs(spread - expected) > 0.12 * expected:
        return (f"With epsilon {epsilon}, your noise is {spread:.2f} on average, but Laplace "
                f"noise for a count should average 1 / epsilon = {expected:g}. Check the "
                "scale you give to rng.laplace (and do not round the result).")
    kurtosis = float(np.mean(noise ** 4) / np.mean(noise ** 2) ** 2)
    if kurtosis < 4.0:  # Laplace: 6, normal: 3; with 4,000 draws they never meet near 4
        return ("The noise has the right size but the wrong shape: it looks like a bell curve "
                "(normal noise), not a Laplace distribution. Use `rng.laplace`.")
    return None


def _judge_noise(results: list) -> str | None:
    """The hidden inputs' noise, judged by its statistics (the hidden calls are made in this
    order: 20,000 draws at epsilon 0.2 from one generator, 20,000 at 2.0 from another, then
    two single draws from two generators with the same seed)."""
    numbers = [decode(record["ok"]) if type(record) is dict and "ok" in record else None
               for record in results]
    if len(numbers) != 40002 or not all(is_plain_number(number) and math.isfinite(float(number))
                                        for number in numbers):
        return ("On your instructor's further examples, your function does not give back one "
                "number every time.")
    draws = np.array([float(number) for number in numbers])
    for epsilon, noise in ((0.2, draws[:20000] - 50), (2.0, draws[20000:40000] - 50)):
        # sample mean: standard error sqrt(2)/(epsilon*sqrt(20000)); 6 standard errors allowed
        if abs(noise.mean()) >= 6 * np.sqrt(2) / (epsilon * np.sqrt(20000)):
            return "On your instructor's further examples, the noise is not centred on 0."
        # mean absolute noise must be 1/epsilon within 5% (its spread is under 1% here)
        if abs(np.abs(noise).mean() * epsilon - 1) >= 0.05:
            return ("On your instructor's further examples (other epsilons), the noise does not "
                    "have the size 1 / epsilon. Check the scale you give to rng.laplace.")
        if np.mean(noise ** 4) / np.mean(noise ** 2) ** 2 <= 4.5:  # Laplace 6, normal 3
            return ("On your instructor's further examples, the noise does not have the shape of "
                    "a Laplace distribution.")
    if draws[40000] != draws[40001]:
        return ("Two generators started with the same seed gave different counts: draw the noise "
                "from the generator `rng` your function is given.")
    return None


class NoiseQuestion(FunctionQuestion):
    """A function that adds random noise: its hidden results are judged by their statistics."""

    keeps_reference = False  # the reference's own random draws are no answer to compare with

    def judge_hidden(self, results: list, expected: list) -> str | None:
        return _judge_noise(results if type(results) is list else [])


q1 = ColumnsQuestion(f"{PREFIX}/q1", "Question 1 — direct identifiers", "direct_identifiers",
                     REGISTER_COLUMNS)

q2 = ColumnsQuestion(f"{PREFIX}/q2", "Question 2 — quasi-identifiers", "quasi_identifiers",
                     REGISTER_COLUMNS)

q3 = NumberQuestion(
    f"{PREFIX}/q3", "Question 3 — the linkage attack with birth years", "reidentified_share",
    decimals=3, low=0, high=1, what="a share between 0 and 1 (for example 0.25)")

q4 = ChoiceQuestion(f"{PREFIX}/q4", "Question 4 — three candidates", "three_candidates")

q5 = FunctionQuestion(
    f"{PREFIX}/q5", "Question 5 — a keyed pseudonym", "pseudonymise", _probe_pseudonymise,
    hidden_hint="With other NIKs and keys, it must give the standard HMAC-SHA256 of the NIK.")

q6 = NumberQuestion(
    f"{PREFIX}/q6", "Question 6 — k of the household register", "k_households",
    whole=True, low=1, high=3956, what="a whole number of households")

q7 = LevelsQuestion(f"{PREFIX}/q7", "Question 7 — k = 5 at the least cost", "chosen_levels")

q8 = ChoiceQuestion(f"{PREFIX}/q8", "Question 8 — a large group that all share one value",
                    "same_value_group")

q9 = NoiseQuestion(f"{PREFIX}/q9", "Question 9 — a differentially private count", "dp_count",
                   _probe_dp_count)

q10 = NumberQuestion(
    f"{PREFIX}/q10", "Question 10 — sharing the privacy budget", "epsilon_per_month",
    decimals=3, low=0, high=1.2, what="an epsilon (a number above 0)")

q11 = ChoiceQuestion(f"{PREFIX}/q11", "Question 11 — what the law asks", "minimise")
