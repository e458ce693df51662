"""Salted fingerprints of expected answers, so the package never holds them.

A visible check that confirms an exact value compares fingerprints: the
SHA-256 of the question's id (the salt) and the answer written in one
canonical way. Reading this package tells a learner how answers are compared,
not what they are. Full correctness is judged by the hidden tests, which only
the instructor has.

Authors make a fingerprint with:

    python -m civicai.checks QUESTION_ID VALUE [--decimals N]
"""
from __future__ import annotations

import argparse
import hashlib
import math
import unicodedata

from civicai.checks.describe import is_plain_number


def canonical_number(value: float, decimals: int) -> str:
    """A number rounded to `decimals` places, written one way only ("-0" is "0")."""
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0
    return f"{rounded:.{decimals}f}"


def canonical_text(value: str) -> str:
    """Text compared the way a person would: case, accents and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", value)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(without_accents.casefold().split())


def fingerprint(question_id: str, canonical: str) -> str:
    return hashlib.sha256(f"{question_id}\x00{canonical}".encode("utf-8")).hexdigest()


def number_fingerprints(question_id: str, value: float, decimals: int) -> set[str]:
    """Fingerprints of a number and of its nearest neighbours at the rounding edge.

    A learner's 0.12499999 and the author's 0.125 should not fall on opposite
    sides of a rounding boundary, so a tiny nudge either way is also accepted.
    """
    nudge = 10.0 ** -(decimals + 3)
    return {fingerprint(question_id, canonical_number(value + delta, decimals))
            for delta in (-nudge, 0.0, nudge)}


def matches_number(question_id: str, value: float, decimals: int, expected: str) -> bool:
    return is_plain_number(value) and math.isfinite(float(value)) and \
        expected in number_fingerprints(question_id, value, decimals)


def matches_text(question_id: str, value: str, expected: str) -> bool:
    return type(value) is str and fingerprint(question_id, canonical_text(value)) == expected


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Print the fingerprint of an expected answer.")
    parser.add_argument("question_id")
    parser.add_argument("value")
    parser.add_argument("--decimals", type=int, help="the value is a number rounded to N places")
    arguments = parser.parse_args(argv)
    if arguments.decimals is None:
        canonical = canonical_text(arguments.value)
    else:
        canonical = canonical_number(float(arguments.value), arguments.decimals)
    print(fingerprint(arguments.question_id, canonical))
