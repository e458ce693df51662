"""Checks of module 04's exercise (exercises/04-privacy): privacy and anonymisation.

Two questions have their own kind here: a list of column names (compared as a
set), and a choice of generalisation levels (checked for k first, then
compared with the answer). The numbers name their known slips before their range
(a count typed for a share is told what it is, not only that it is too large).
The two function questions try the learner's function: a keyed pseudonym is
compared with HMAC-SHA256, and the usual ways of getting it wrong are named; a
differentially private count is checked statistically over many draws from a
seeded generator, so it cannot flake (and must draw from that generator, so a
seeded run repeats), and each usual mistake (wrong scale, noise added twice,
a fixed seed of its own, rounding, a bell curve) is named.
"""
from __future__ import annotations

import hashlib
import hmac
import math
import re
from typing import Any

import numpy as np

from civicai.checks.answers import Match, number_forms
from civicai.checks.describe import has_type, is_plain_number, kind_of, short_text
from civicai.checks.outcome import NotRightYet
from civicai.checks.values import decode
from civicai.checks.questions import (
    OPEN_HINT,
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    Question,
    explaining,
)
from civicai.errors import LearnerError

PREFIX = "04-privacy"
#: The columns of the member register in the exercise's first questions.
REGISTER_COLUMNS = ("nik", "name", "phone", "birth_date", "sex", "kecamatan", "job", "diagnosis")
#: The quasi-identifiers of the household register in the generalisation question.
LEVELS_COLUMNS = ("regency", "head_sex", "household_size", "head_education")
LEVELS_K = 5
_HEX = re.compile(r"[0-9a-f]+")


class ColumnsQuestion(Question):
    """A list of column names, judged as a set (order and repeats do not count).

    `definition` says, in a sentence, what a column must be to belong in the list: an
    unknown wrong set is told to check each column against it (known slips are named).
    """

    def __init__(self, qid: str, title: str, variable: str, columns: tuple[str, ...],
                 hint: str = OPEN_HINT, *, definition: str = "", **options):
        super().__init__(qid, title, variable, hint, **options)
        self.columns = columns
        self.definition = definition or "Check each column against the definition in the question."

    def forms(self, value: Any) -> set[str]:
        # Placeholders, never two of the table's columns: those could be part of the answer.
        example = f'{self.variable} = ["a column", "another column"]'
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
            joined = [(left, item[len(left):]) for left in self.columns
                      if item.startswith(left) and item[len(left):] in self.columns]
            if joined:
                left, right = joined[0]
                raise self.wrong(f"{short_text(item)} is two names run together: a comma is "
                                 f"missing between them (\"{left}\", \"{right}\"). Python "
                                 "joins two texts that stand side by side.")
            if item not in self.columns:
                raise self.wrong(f"{short_text(item)} is not a column of the table. Its columns "
                                 "are: " + ", ".join(self.columns) + ".")
        return {",".join(sorted(set(items)))}

    def not_right(self, value: Any, forms: set[str], match: Match):
        return self.wrong("These are real columns, but not the right set yet: some column is "
                          f"missing or should not be there. {self.definition}")


class FigureQuestion(NumberQuestion):
    """A number whose known slips are named first, even outside the sensible range.

    A count typed where a share is asked (199 for a share), or a budget multiplied
    instead of divided, is a known slip: its message says what that number is, where the
    range check alone would only say "too large". `otherwise` is what to look at again
    when a number of the right kind is not a known slip.
    """

    def __init__(self, qid: str, title: str, variable: str, *, otherwise: str = "", **options):
        super().__init__(qid, title, variable, **options)
        self.otherwise = otherwise

    def judge(self, value: Any, match: Match | None = None) -> None:
        match = match or self.fingerprints()
        if is_plain_number(value) and math.isfinite(float(value)):
            forms = number_forms(float(value), self.decimals)
            slip = match.slip(forms)
            if slip and not match("answer", forms):
                raise self.wrong(slip)
        super().judge(value, match)

    def not_right(self, value: Any, forms: set[str], match: Match) -> NotRightYet:
        failure = super().not_right(value, forms, match)
        if not self.otherwise:
            return failure
        return self.wrong(f"{failure.message} {self.otherwise}")


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
                             f"groups smaller than {LEVELS_K}, so some would have to be "
                             "suppressed. Look only at the choices whose 'k before suppression' "
                             f"is at least {LEVELS_K}.")
        chosen = {item.column: value.get(item.column, item.names[0]) for item in ladders}
        return {";".join(f"{column}={level}" for column, level in sorted(chosen.items()))}

    def not_right(self, value: Any, forms: set[str], match: Match):
        return self.wrong(f"These levels reach k = {self._k} without suppression, but another "
                          "choice loses less for the planner's analysis. Compare the "
                          f"'analysis error' of the choices that reach k = {LEVELS_K}, and keep "
                          "what the planner needs at the level they need it.")


# ---- question 5: a keyed pseudonym ------------------------------------------------------------

#: The probe's NIK and key (not the notebook's: a function that holds the notebook's own
#: example NIK or practice key instead of its inputs is then told so).
PROBE_NIK, PROBE_KEY = "3471061203919002", b"course-check-key-3f9a1c7e5b2d4068a1f3"
#: The NIK and the key the exercise's try-it cell uses.
EXAMPLE_NIK, PRACTICE_KEY = "3471065007849001", b"practice-key-for-this-exercise-only-0001"
#: Hashes a learner might use instead of SHA-256, by the length of their hexadecimal text.
_OTHER_HASHES = {32: "an MD5", 40: "a SHA-1", 56: "a SHA-224", 96: "a SHA-384",
                 128: "a SHA-512"}
#: What Python's error means in this question: (words of the error, plain words).
_PSEUDONYM_ERRORS = (
    ("Strings must be encoded", "the NIK is text, and a hash works on bytes. Turn the NIK "
     "into bytes first, as the lesson did with `.encode()` (in the function, `nik_bytes` is "
     "the NIK already turned into bytes)."),
    ("'bytes' object has no attribute 'encode'", "the key is already bytes (the `b` before "
     "its quotes): only the NIK, which is text, needs `.encode()`."),
    ("Missing required parameter 'digestmod'", "`hmac.new` has to be told which hash to mix "
     "the key in with: the question asks for SHA-256."),
    ("key: expected bytes or bytearray", "`hmac.new` takes the secret key first and the NIK "
     "(as bytes) second: here it got text where the key should be. Are the two the other "
     "way round?"),
    ("can't concat", "your function glues the key and the NIK together. A keyed hash does not "
     "glue them: HMAC mixes the key in for you."),
    ("can only concatenate", "your function glues the key and the NIK together. A keyed hash "
     "does not glue them: HMAC mixes the key in for you."),
    ("'_hashlib.HASH' object has no attribute", "give `hmac.new` the hash's name, "
     "`hashlib.sha256`, without brackets after it."),
    ("'str' object has no attribute 'hexdigest'", "your keyed hash is already written as "
     "text: the function's last line calls `.hexdigest()` for you, so leave it out of your "
     "line."),
    ("'bytes' object has no attribute 'hexdigest'", "your line gives the hash as bytes "
     "(`hmac.digest` or `.digest()` does that). Give the keyed hash itself, made with "
     "`hmac.new`: the function's last line writes it as text."),
    ("name 'demo_key' is not defined", "`demo_key` was the lesson's key. Use the key the "
     "function is given, `key`: a real key is kept apart from the notebook."),
    ("is not defined", "Python does not know a name in your line. Use the names the function "
     "gives you: `key`, `nik_bytes`, and the modules `hmac` and `hashlib`."),
)


def _hex(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if type(data) is str else data).hexdigest()


def _pseudonym_problem(result: Any, nik: str, key: bytes) -> str | None:
    """What is wrong with one pseudonym of the probe, in plain words (None: it is right)."""
    if type(result) is bytes:
        return ("Your function gives back bytes (the raw hash), not text. The question asks for "
                "64 hexadecimal characters: the lesson's `.hexdigest()` writes the hash that way "
                "(`.digest()` gives bytes).")
    kind = kind_of(result)
    if kind in ("an object of type HMAC", "an object of type HASH"):
        return ("Your function gives back the hash itself, not its text. Finish with "
                "`.hexdigest()`, which writes it as 64 hexadecimal characters.")
    if type(result) is not str:
        return (f"Your function gives back {kind}; it should give back text: the 64 "
                "hexadecimal characters of `.hexdigest()`.")
    message = nik.encode("utf-8")
    if result == hmac.new(key, message, hashlib.sha256).hexdigest():
        return None
    if result.lower() == hmac.new(key, message, hashlib.sha256).hexdigest():
        return ("Your pseudonym is right but written in capital letters. Give it as "
                "`.hexdigest()` writes it (small letters), so that it matches the pseudonyms "
                "made elsewhere with the same key.")
    if _HEX.fullmatch(result) and len(result) in _OTHER_HASHES:
        name = _OTHER_HASHES[len(result)]
        return (f"Your function gives {len(result)} hexadecimal characters: that is {name} "
                "hash, not SHA-256. Keep the key mixed in with HMAC, and use SHA-256.")
    if not (_HEX.fullmatch(result) and len(result) == 64):
        return (f"Your function gives back {short_text(result)}, which is not 64 hexadecimal "
                "characters (digits and the letters a-f). Did the result get cut short, or "
                "something added to it?")
    if result == _hex(nik):
        return ("Your function gives the plain SHA-256 of the NIK: the key is not used, so "
                "anyone can reverse it by trying every possible NIK (section 4 of the lesson). "
                "Mix the key in with `hmac`.")
    if result in {_hex(key + message), _hex(message + key)}:
        return ("Your function glues the key and the NIK together and takes the plain SHA-256 "
                "of the result. That is not HMAC, the standard keyed hash: use the `hmac` "
                "module, which mixes the key in for you.")
    if result == hmac.new(message, key, hashlib.sha256).hexdigest():
        return ("The NIK and the key have swapped places: `hmac.new` takes the secret key "
                "first, then the NIK (as bytes).")
    if result == hmac.new(PRACTICE_KEY, message, hashlib.sha256).hexdigest():
        return ("Your function uses the practice key written in the notebook, not the key it "
                "is given. It must work with whatever key it receives: a real key is kept "
                "apart from the notebook.")
    if result == hmac.new(key, EXAMPLE_NIK.encode("utf-8"), hashlib.sha256).hexdigest():
        return ("Your function always pseudonymises the example NIK written in the notebook, "
                "not the NIK it is given.")
    return ("Your function's result is not the HMAC-SHA256 of the NIK with the key it is "
            "given. Compare it with the keyed hash of section 4 of the lesson ('A keyed hash "
            "(HMAC) with a secret key'): the key, then the NIK as bytes, with SHA-256, "
            "written as hexadecimal characters.")


def _probe_pseudonymise(call) -> str | None:
    call = explaining(call, _PSEUDONYM_ERRORS)
    result = call(PROBE_NIK, PROBE_KEY)
    again = call(PROBE_NIK, PROBE_KEY)
    if type(result) is str and (type(again) is not str or again != result):
        return ("Your function gives a different pseudonym each time for the same NIK and key: "
                "then records can no longer be linked. Leave out anything random.")
    return _pseudonym_problem(result, PROBE_NIK, PROBE_KEY)


# ---- question 9: a differentially private count -------------------------------------------------

def _same_noise(noise: float) -> str:
    return (f"Your function adds noise, but the same noise every time ({noise:+.2f} on every "
            "call): it seems to start a random generator of its own with a fixed seed, instead "
            "of drawing from the `rng` it is given. Noise that repeats protects nobody: two "
            "counts that differ by one person are published exactly 1 apart, and whoever "
            "guesses the seed can work the noise out and subtract it. Draw from `rng`.")


def _not_one_number(value: Any) -> str:
    if type(value) is np.ndarray or has_type(value, (list, tuple)):
        return ("Your function gives back a list of numbers (an array), not one number. Draw a "
                "single value from `rng.laplace` (leave out `size`), and add it to the count.")
    return (f"Your function gives back {kind_of(value)}; it should give back one number: the "
            "count plus noise.")


def _wrong_size(epsilon: float, spread: float) -> str:
    """What a noise of this average size (at this epsilon) suggests."""
    expected = 1 / epsilon
    ratio = spread / expected
    said = (f"With epsilon {epsilon:g}, your noise is {spread:.2f} on average, but Laplace noise "
            f"for a count should average 1 / epsilon = {expected:g}.")
    if abs(spread - epsilon) <= 0.15 * epsilon:
        return (f"{said} Yours has the size of epsilon itself: the scale is sensitivity / "
                "epsilon, so a smaller epsilon (more privacy) must give more noise, not less.")
    if abs(ratio - 1.5) <= 0.1:
        return (f"{said} That is what noise drawn twice and added twice gives: draw one Laplace "
                "value per count.")
    if abs(ratio - 2) <= 0.2:
        return (f"{said} That is twice the right size: the sensitivity of a count is 1 (one "
                "person changes it by at most 1).")
    if abs(spread - 1) <= 0.15 and abs(expected - 1) > 0.3:
        return (f"{said} Yours has the size 1, the sensitivity of a count: is the scale the "
                "sensitivity alone? It must also follow epsilon (a smaller epsilon, more noise).")
    return (f"{said} Check how your scale is worked out from the sensitivity and epsilon (and "
            "do not round the result).")


#: What Python's errors mean in question 9, whose blank is the noise's scale:
#: (words of the error, plain words).
_SCALE_ERRORS = (
    ("scale < 0", "the scale is below 0. A scale says how wide the noise spreads, so it is a "
     "positive number: work it out from the sensitivity and epsilon."),
    ("could not convert string to float", "the scale is text in quotes. Write the calculation "
     "without quotes."),
    ("must be real number", "the scale is not a number. Write a calculation with the "
     "sensitivity and epsilon."),
    ("is not defined", "Python does not know a name in your line. Use the names the function "
     "gives you: `sensitivity` and `epsilon`."),
)


def _probe_dp_count(call) -> str | None:
    epsilon, true_count, draws = 0.5, 100, 4000
    rng = np.random.default_rng(20240404)
    values = []
    call = explaining(call, _SCALE_ERRORS)
    first = call(true_count, epsilon, rng)
    for index in range(draws):
        value = first if index == 0 else call(true_count, epsilon, rng)
        if not is_plain_number(value) or not math.isfinite(float(value)):
            return _not_one_number(value)
        values.append(float(value))
    noise = np.array(values) - true_count
    if np.ptp(noise) == 0:
        if noise[0] == 0:
            return ("Your function gives back the true count itself: there is no random noise. "
                    "Add Laplace noise drawn from `rng`, with a scale above 0 (noise of scale "
                    "0 is always 0).")
        return _same_noise(float(noise[0]))
    # two generators started with the same seed must give the same release
    repeats = {float(call(true_count, epsilon, np.random.default_rng(7))) for _ in range(2)}
    if len(repeats) > 1:
        return ("Your function does not draw its noise from the generator `rng` it is given "
                "(it uses a generator of its own, or NumPy's shared one): two generators "
                "started with the same seed gave different counts. Draw from `rng`, so that a "
                "run with a fixed seed can be repeated.")
    if all(value.is_integer() for value in values):
        return ("Your function gives back whole numbers only: do not round inside it. "
                "Rounding is done later, on the published figure.")
    if abs(noise.mean() - true_count) < 1.0:
        return ("Your counts are about twice the true count: the count is added twice (once "
                "as the centre of the noise, `loc`, and once more). The noise should be centred "
                "on 0 and added to the count once.")
    if abs(noise.mean()) > 0.35:
        return (f"Over {draws:,} calls your counts are off by {noise.mean():+.2f} on average: "
                "the noise should be centred on 0 (loc=0).")
    spread = float(np.abs(noise).mean())
    if abs(spread * epsilon - 1) > 0.12:
        return _wrong_size(epsilon, spread)
    kurtosis = float(np.mean(noise ** 4) / np.mean(noise ** 2) ** 2)
    if kurtosis < 4.0:  # Laplace: 6, normal: 3; with 4,000 draws they never meet near 4
        if kurtosis > 2.5:
            return ("The noise has the right size but the wrong shape: it looks like a bell "
                    "curve (normal noise), not a Laplace distribution. Use `rng.laplace`.")
        return ("The noise has the right size but the wrong shape: a Laplace distribution "
                "draws mostly small values and a few large ones. Use `rng.laplace`.")
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
    sizes = []
    for epsilon, noise in ((0.2, draws[:20000] - 50), (2.0, draws[20000:40000] - 50)):
        if np.ptp(noise) == 0:
            if noise[0] == 0:
                return ("On your instructor's further examples, your function gives back the "
                        "true count itself: there is no noise.")
            return f"On your instructor's further examples: {_same_noise(float(noise[0]))}"
        if abs(noise.mean() - 50) < 6 * np.sqrt(2) / (epsilon * np.sqrt(20000)):
            return ("On your instructor's further examples, the count is added twice (once as "
                    "the centre of the noise, `loc`, and once more): the noise should be "
                    "centred on 0.")
        # sample mean: standard error sqrt(2)/(epsilon*sqrt(20000)); 6 standard errors allowed
        if abs(noise.mean()) >= 6 * np.sqrt(2) / (epsilon * np.sqrt(20000)):
            return "On your instructor's further examples, the noise is not centred on 0."
        sizes.append(float(np.abs(noise).mean()))
    for epsilon, size in zip((0.2, 2.0), sizes):
        # mean absolute noise must be 1/epsilon within 5% (its spread is under 1% here)
        if abs(size * epsilon - 1) >= 0.05:
            if max(sizes) < 1.25 * min(sizes):
                return ("On your instructor's further examples (other epsilons), the noise has "
                        "the same size whatever epsilon is. It must follow 1 / epsilon: a "
                        "smaller epsilon gives more noise. Was a scale worked out for one "
                        "epsilon typed in, instead of computed from `epsilon`?")
            return ("On your instructor's further examples (other epsilons), the noise does not "
                    "have the size 1 / epsilon. Check how your scale is worked out from the "
                    "sensitivity and epsilon.")
    for noise in (draws[:20000] - 50, draws[20000:40000] - 50):
        if np.mean(noise ** 4) / np.mean(noise ** 2) ** 2 <= 4.5:  # Laplace 6, normal 3
            return ("On your instructor's further examples, the noise does not have the shape of "
                    "a Laplace distribution.")
    if draws[40000] != draws[40001]:
        return ("Two generators started with the same seed gave different counts: draw the noise "
                "from the generator `rng` your function is given, not from one of its own.")
    return None


class NoiseQuestion(FunctionQuestion):
    """A function that adds random noise: its hidden results are judged by their statistics."""

    keeps_reference = False  # the reference's own random draws are no answer to compare with

    def judge_hidden(self, results: list, expected: list) -> str | None:
        return _judge_noise(results if type(results) is list else [])


q1 = ColumnsQuestion(
    f"{PREFIX}/q1", "Question 1 — direct identifiers", "direct_identifiers", REGISTER_COLUMNS,
    definition="For each column ask: if I knew only this one value about a stranger, could I "
               "find or contact them?")

q2 = ColumnsQuestion(
    f"{PREFIX}/q2", "Question 2 — quasi-identifiers", "quasi_identifiers", REGISTER_COLUMNS,
    definition="For each column ask: is it harmless alone, but something a neighbour or a "
               "public list could tell an attacker? Leave out the direct identifiers and the "
               "sensitive attribute.")

q3 = FigureQuestion(
    f"{PREFIX}/q3", "Question 3 — the linkage attack with birth years", "reidentified_share",
    decimals=3, low=0, high=1, what="a share between 0 and 1 (for example 0.25)",
    otherwise="Count only the records with exactly one candidate, out of all the records of "
              "the release (section 3 of the lesson).")

q4 = ChoiceQuestion(f"{PREFIX}/q4", "Question 4 — three candidates", "three_candidates")

q5 = FunctionQuestion(
    f"{PREFIX}/q5", "Question 5 — a keyed pseudonym", "pseudonymise", _probe_pseudonymise,
    hidden_hint="With other NIKs and keys, it must give the standard HMAC-SHA256 of the NIK.")

q6 = FigureQuestion(
    f"{PREFIX}/q6", "Question 6 — k of the household register", "k_households",
    whole=True, low=1, high=3956, what="a whole number of households",
    otherwise="k is the number of households in the smallest group that shares the same "
              "regency and head_education.")

q7 = LevelsQuestion(f"{PREFIX}/q7", "Question 7 — k = 5 at the least cost", "chosen_levels")

q8 = ChoiceQuestion(f"{PREFIX}/q8", "Question 8 — a large group that all share one value",
                    "same_value_group")

q9 = NoiseQuestion(f"{PREFIX}/q9", "Question 9 — a differentially private count", "dp_count",
                   _probe_dp_count)

q10 = FigureQuestion(
    f"{PREFIX}/q10", "Question 10 — sharing the privacy budget", "epsilon_per_month",
    decimals=3, low=0, high=1.2, what="an epsilon (a number above 0)",
    otherwise="Releases about the same people add their epsilons up: all the year's monthly "
              "releases together must fit in the year's budget.")

q11 = ChoiceQuestion(f"{PREFIX}/q11", "Question 11 — what the law asks", "minimise")
