"""Disclosure checks: direct identifiers in a table, and the k-anonymity of its quasi-identifiers.

A *direct identifier* names or reaches one person on its own: a name, an
e-mail address, a phone number, a national ID number (Indonesia's 16-digit
NIK), a street address, an exact birth date. A *quasi-identifier* does not on
its own but can in combination (birth year, sex, district); a table is
*k-anonymous* when every combination of its quasi-identifiers is shared by at
least k rows, so nobody can be singled out among fewer than k.

The rules are plain regular expressions and name lists (`civicai.data.names`),
so a reviewer can read exactly what is looked for. They are a safety net for
the course's own files, not a guarantee about arbitrary text: a name that is on
no list and has no honorific before it can slip through, which is why the
real datasets were also reviewed by hand (see their data cards).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from civicai.data.names import FAMILY_NAMES, GIVEN_NAMES, HONORIFICS, NOT_PERSON_NAMES


@dataclass(frozen=True)
class Finding:
    """One direct identifier found in a table."""

    kind: str  # name, email, phone, nik, address, birth date
    column: str
    text: str  # the matched text

    def __str__(self) -> str:
        return f"{self.kind} in column {self.column!r}: {self.text!r}"


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+62|62|0)[\s-]?8\d{1,2}(?:[\s-]?\d{2,4}){2,3}(?!\d)"  # Indonesian mobile
    r"|(?<![\w(])\(?\d{3}\)?[\s.-]\d{3}[.-]\d{4}(?!\d)"  # North American
    r"|(?<![\w+])\(0\d{2,3}\)\s?\d{3,4}[\s-]?\d{3,4}(?!\d)"  # Indonesian landline, (021) 555-1234
)
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Ln|Court|Ct|Place|Parkway|Highway)\b"
    r"|\b(?:Jl|Jln|Jalan)\.?\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:No|Nomor)\.?\s*\d+"
    r"|\bRT\.?\s*\d{1,3}\s*/\s*RW\.?\s*\d{1,3}\b"
)
_DATE = r"(?:\d{1,2}[-/. ](?:\d{1,2}|[A-Za-z]{3,9})[-/. ]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4})"
_BIRTH_TEXT = re.compile(
    r"(?i:\b(?:born(?: on)?|date of birth|d\.?o\.?b\.?|birthday|lahir(?: pada)?|tgl\.? lahir|tanggal lahir|"
    r"ttl)\b)[\s:,]{0,3}(?:[A-Z][a-z]+,?\s+)?" + _DATE)
_BIRTH_COLUMN = re.compile(r"(?i)birth|\bdob\b|lahir|tgl_lahir|tanggal_lahir")
_DAY_DATE = re.compile(r"^\s*" + _DATE + r"\s*$")

_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
_HONORIFIC = re.compile(r"\b(?:" + "|".join(HONORIFICS) + r")\.?\s+" + _WORD)
_PAIR = re.compile(r"\b(" + _WORD + r")(?=\s+(?:([A-Z])\.\s+)?(" + _WORD + r")\b)")
_INTRODUCTION = re.compile(r"(?i:\b(?:my name is|nama saya|nama sy|atas nama|a\.n\.))\s+" + _WORD)


def _phone_length_ok(number: str) -> bool:
    """Indonesian mobile numbers have 10-13 digits after the 0 (11-14 with 62); others are 10."""
    digits = re.sub(r"\D", "", number)
    if number.lstrip("(").startswith("0") and not number.startswith("(0"):
        return 10 <= len(digits) <= 13
    if number.startswith(("+62", "62")):
        return 11 <= len(digits) <= 14
    return True


def _names(text: str) -> list[str]:
    found = [match.group(0) for match in _HONORIFIC.finditer(text)]
    found += [match.group(0) for match in _INTRODUCTION.finditer(text)]
    for match in _PAIR.finditer(text):
        given, initial, second = match.group(1), match.group(2), match.group(3)
        if given not in GIVEN_NAMES:
            continue
        if second in FAMILY_NAMES or second in GIVEN_NAMES or initial:
            found.append(f"{given} {initial + '. ' if initial else ''}{second}")
    return [name for name in found if not any(safe in name for safe in NOT_PERSON_NAMES)]


def identifiers_in_text(text: str) -> list[tuple[str, str]]:
    """(kind, matched text) for every direct identifier in one piece of text."""
    found = [("email", match.group(0)) for match in _EMAIL.finditer(text)]
    found += [("phone", match.group(0)) for match in _PHONE.finditer(text) if _phone_length_ok(match.group(0))]
    found += [("nik", match.group(0)) for match in _NIK.finditer(text)]
    found += [("address", match.group(0)) for match in _ADDRESS.finditer(text)]
    found += [("birth date", match.group(0)) for match in _BIRTH_TEXT.finditer(text)]
    found += [("name", name) for name in _names(text)]
    return found


def find_direct_identifiers(frame: pd.DataFrame) -> list[Finding]:
    """Every direct identifier in a table (each distinct value is read once)."""
    findings = []
    for column in frame.columns:
        values = frame[column].dropna()
        if pd.api.types.is_bool_dtype(values) or pd.api.types.is_float_dtype(values):
            continue  # True/False and decimals cannot hold a name, number or address
        if pd.api.types.is_datetime64_any_dtype(values):
            values = values.dt.strftime("%Y-%m-%d")
        texts = pd.unique(values.astype(str))
        if _BIRTH_COLUMN.search(str(column)):
            findings += [Finding("birth date", column, text) for text in texts
                         if _DAY_DATE.match(text)][:5]
        for text in texts:
            findings += [Finding(kind, column, match) for kind, match in identifiers_in_text(text)]
    return findings


def group_numbers(columns) -> np.ndarray:
    """For every row, the number of its group: rows with equal values in all columns share one.

    Each column becomes whole-number codes first (a missing value gets a code of
    its own); grouping numbers with NumPy is much faster than grouping text with
    pandas, and the privacy tools group the same table many times.
    """
    numbers = np.zeros(len(columns[0]) if len(columns) else 0, dtype=np.int64)
    if not len(numbers):
        return numbers  # no rows: no groups
    for column in columns:
        codes = pd.factorize(column, use_na_sentinel=False)[0]
        # pair the group number so far with this column's code, then renumber 0, 1, 2, ...
        # so the numbers never grow past the number of rows
        numbers = pd.factorize(numbers * (codes.max() + 1) + codes)[0]
    return numbers


def group_sizes(frame: pd.DataFrame, quasi_identifiers) -> pd.Series:
    """For every row, how many rows (itself included) share its quasi-identifier values.

    This is the one place the course counts equivalence classes: the checks on
    shipped files below and the learner's tools in `civicai.privacy.risk` both
    call it. With no quasi-identifiers every row looks alike.
    """
    quasi_identifiers = list(quasi_identifiers)
    missing = [name for name in quasi_identifiers if name not in frame.columns]
    if missing:
        raise KeyError(f"quasi-identifier column(s) not in the table: {', '.join(missing)}")
    if not quasi_identifiers:
        return pd.Series(len(frame), index=frame.index, name="class_size")
    groups = group_numbers([frame[name] for name in quasi_identifiers])
    return pd.Series(np.bincount(groups)[groups], index=frame.index, name="class_size")


def k_anonymity(frame: pd.DataFrame, quasi_identifiers) -> int:
    """The smallest number of rows that share one combination of the quasi-identifiers.

    A missing value counts as a value of its own (the strict reading). With no
    quasi-identifiers every row looks alike, so k is the number of rows; an
    empty table has k = 0.
    """
    sizes = group_sizes(frame, quasi_identifiers)
    return int(sizes.min()) if len(sizes) else 0


def small_groups(frame: pd.DataFrame, quasi_identifiers, k: int) -> pd.Series:
    """True for every row whose quasi-identifier combination is shared by fewer than k rows."""
    return group_sizes(frame, quasi_identifiers) < k
