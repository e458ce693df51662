"""Fake personal identifiers for the synthetic teaching files: names, NIK numbers, phones, e-mails.

They look real enough to teach redaction and linkage attacks, and are made
so that they cannot reach a real person:
- NIK numbers have the real structure (province, regency, district, birth
  date with 40 added to the day for women, serial) but serials in the 9000s,
  a range a real register practically never reaches for one birth date in one
  district;
- phone numbers all contain the block 5550 after the operator prefix, in the
  spirit of the fictional 555 numbers of films;
- e-mail addresses use the domains reserved for examples (RFC 2606: .example,
  example.com, example.org, example.net), which can never receive mail;
- names are random pairs from common-name lists (`civicai.data.names`).
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np

from civicai.data.names import (INDONESIAN_FAMILY, INDONESIAN_FEMALE, INDONESIAN_MALE,
                                INDONESIAN_SECOND_FEMALE, INDONESIAN_SECOND_MALE)

MOBILE_PREFIXES = ("0811", "0812", "0813", "0821", "0822", "0852", "0853", "0857", "0858",
                   "0877", "0878", "0895", "0896", "0881")
EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "surel.example")


def person_name(rng: np.random.Generator, sex: str) -> str:
    """A fake Indonesian name: one or two given names, sometimes with a family or second name."""
    given = INDONESIAN_FEMALE if sex == "F" else INDONESIAN_MALE
    first = str(rng.choice(given))
    shape = rng.random()
    if shape < 0.15:
        return first
    seconds = INDONESIAN_FAMILY + (INDONESIAN_SECOND_FEMALE if sex == "F" else INDONESIAN_SECOND_MALE)
    second = str(rng.choice(seconds if shape < 0.75 else given))
    return first if second == first else f"{first} {second}"


def nik(rng: np.random.Generator, area_code: str, birth: dt.date, sex: str) -> str:
    """A fake 16-digit NIK: area code (6 digits) + DDMMYY (day + 40 for women) + serial 9000-9999."""
    if len(area_code) != 6 or not area_code.isdigit():
        raise ValueError(f"area code must be 6 digits (province, regency, district), not {area_code!r}")
    day = birth.day + (40 if sex == "F" else 0)
    return f"{area_code}{day:02d}{birth.month:02d}{birth.year % 100:02d}{int(rng.integers(9000, 10000)):04d}"


def phone(rng: np.random.Generator) -> str:
    """A fake Indonesian mobile number in one of the ways people write them."""
    prefix = str(rng.choice(MOBILE_PREFIXES))
    tail = f"{int(rng.integers(0, 10000)):04d}"
    national = prefix[1:]  # without the leading 0
    forms = (f"{prefix}5550{tail}", f"{prefix}-5550-{tail}", f"{prefix} 5550 {tail}",
             f"+62{national}5550{tail}", f"+62 {national}-5550-{tail}", f"62{national}5550{tail}")
    return forms[int(rng.integers(0, len(forms)))]


def email(rng: np.random.Generator, name: str) -> str:
    """A fake e-mail address built from a name, at a domain reserved for examples."""
    parts = re.sub(r"[^a-z ]", "", name.lower()).split()
    style = int(rng.integers(0, 4))
    if style == 0 or len(parts) == 1:
        local = f"{parts[0]}{int(rng.integers(1, 99))}"
    elif style == 1:
        local = ".".join(parts)
    elif style == 2:
        local = f"{parts[0][0]}{parts[-1]}"
    else:
        local = f"{parts[0]}_{parts[-1]}{int(rng.integers(70, 100))}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def birth_date(rng: np.random.Generator, age: int, on: dt.date) -> dt.date:
    """A random birth date of someone who is `age` years old on the date `on`."""
    latest = on.replace(year=on.year - age) if not (on.month == 2 and on.day == 29) else on.replace(
        year=on.year - age, day=28)
    return latest - dt.timedelta(days=int(rng.integers(0, 365)))
