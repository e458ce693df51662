"""Visible checks of module 04's exercise (exercises/04-privacy): privacy and anonymisation.

Exact answers are stored only as salted fingerprints. Two questions have
their own kind here: a list of column names (compared as a set), and a choice
of generalisation levels (checked for k first, then compared by fingerprint).
The two function questions try the learner's function: a keyed pseudonym is
compared with HMAC-SHA256, a differentially private count is checked
statistically over many draws from a seeded generator, so it cannot flake
(and must draw from that generator, so a seeded run repeats).
"""
from __future__ import annotations

import hashlib
import hmac
import math
import re
from typing import Any

import numpy as np

from civicai.checks import answers
from civicai.checks.describe import has_type, is_plain_number, kind_of, short_text
from civicai.checks.questions import (
    OPEN_HINT,
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    Question,
)
from civicai.errors import LearnerError

#: The columns of the member register in the exercise's first questions.
REGISTER_COLUMNS = ("nik", "name", "phone", "birth_date", "sex", "kecamatan", "job", "diagnosis")
#: The quasi-identifiers of the household register in the generalisation question.
LEVELS_COLUMNS = ("regency", "head_sex", "household_size", "head_education")
LEVELS_K = 5
_HEX = re.compile(r"[0-9a-f]{64}")


class ColumnsQuestion(Question):
    """A list of column names, judged as a set (order and repeats do not count)."""

    def __init__(self, qid: str, title: str, variable: str, fingerprint: str,
                 columns: tuple[str, ...], hint: str = OPEN_HINT):
        super().__init__(qid, title, variable, hint)
        self.fingerprint, self.columns = fingerprint, columns

    def judge(self, value: Any) -> None:
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
        canonical = ",".join(sorted(set(items)))
        if not answers.matches_text(self.qid, canonical, self.fingerprint):
            raise self.wrong("These are real columns, but not the right set yet: some column is "
                             "missing or should not be there. Check each column against the "
                             "definition in the question.")


class LevelsQuestion(Question):
    """A choice of generalisation levels for the household register.

    The check generalises the register itself, so it judges exactly what the
    learner's choice gives: k first (without suppression), then the fingerprint
    of the levels that lose the least.
    """

    def __init__(self, qid: str, title: str, variable: str, fingerprint: str,
                 hint: str = OPEN_HINT):
        super().__init__(qid, title, variable, hint)
        self.fingerprint = fingerprint

    def judge(self, value: Any) -> None:
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
        k = k_anonymity(released, list(LEVELS_COLUMNS))
        if k < LEVELS_K:
            raise self.wrong(f"With these levels k is {k}: some households are still in groups "
                             f"smaller than {LEVELS_K}. Climb further up some ladder.")
        chosen = {item.column: value.get(item.column, item.names[0]) for item in ladders}
        canonical = ";".join(f"{column}={level}" for column, level in sorted(chosen.items()))
        if not answers.matches_text(self.qid, canonical, self.fingerprint):
            raise self.wrong(f"These levels reach k = {k} without suppression, but another "
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


q1 = ColumnsQuestion(
    "privacy/q1", "Question 1 — direct identifiers", "direct_identifiers",
    "a2cabf59d202060621ca135eb0ce8ded1908704264d63ab5a4967b932daec2e4", REGISTER_COLUMNS)

q2 = ColumnsQuestion(
    "privacy/q2", "Question 2 — quasi-identifiers", "quasi_identifiers",
    "99e3c850fff406832be55f168d6a0615459c5e7246d98a144cc8d29102bdb0c2", REGISTER_COLUMNS)

q3 = NumberQuestion(
    "privacy/q3", "Question 3 — the linkage attack with birth years", "reidentified_share",
    "1db61769f2df61b3e29150a59c7b75845c547b705127d5417ec7fde8950251e8", decimals=3,
    low=0, high=1, what="a share between 0 and 1 (for example 0.25)")

q4 = ChoiceQuestion(
    "privacy/q4", "Question 4 — three candidates", "three_candidates",
    "0ed1be7c42c32f45eb655b5232e7ad99b0835dd81826bcd77021aa75e5aaa72d")

q5 = FunctionQuestion(
    "privacy/q5", "Question 5 — a keyed pseudonym", "pseudonymise", _probe_pseudonymise)

q6 = NumberQuestion(
    "privacy/q6", "Question 6 — k of the household register", "k_households",
    "b9980e6f49711ec549d224c3a46fcba9da6642aa0b7b6db807ef69c31171f20c",
    low=1, high=3956, what="a whole number of households")

q7 = LevelsQuestion(
    "privacy/q7", "Question 7 — k = 5 at the least cost", "chosen_levels",
    "877dacde9807f48dc29fa836c23feaadb87a8696514442cf5f2f141cfb815be6")

q8 = ChoiceQuestion(
    "privacy/q8", "Question 8 — a large group that all share one value", "same_value_group",
    "d074f360015e262da2804ab92c691bbebd3f8dcfeea778264ec540b918692167")

q9 = FunctionQuestion(
    "privacy/q9", "Question 9 — a differentially private count", "dp_count", _probe_dp_count)

q10 = NumberQuestion(
    "privacy/q10", "Question 10 — sharing the privacy budget", "epsilon_per_month",
    "663f6e1902cb4f3f2ffc4468cfd8455ca846514183f876a89be31e613ba896eb", decimals=3,
    low=0, high=1.2, what="an epsilon (a number above 0)")

q11 = ChoiceQuestion(
    "privacy/q11", "Question 11 — what the law asks", "minimise",
    "491d131a93a94da7b3358884247571493e323f2a33f9cad84944c0da677e0d8d")
