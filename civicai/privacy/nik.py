"""Indonesia's NIK (Nomor Induk Kependudukan) and how to pseudonymise it safely.

A NIK is not a random number. Its 16 digits follow a published pattern
(explained by the civil registry, Dukcapil):

    PP KK CC DDMMYY SSSS
    |  |  |  |      +-- serial number, from 0001
    |  |  |  +--------- birth date; women have 40 added to the day (a woman born on the 10th: 50)
    |  |  +------------ district (kecamatan) code
    |  +--------------- regency or city (kabupaten/kota) code
    +------------------ province code

Because the pattern is public, the set of NIKs that one person could have is
small once you know a little about them. So a plain hash (SHA-256 of the NIK)
is not anonymous: anyone can hash every candidate NIK and look the results up
(`reverse_plain_hashes`). A keyed hash (HMAC-SHA256) mixes in a secret key; as
long as the key is kept apart from the data, nobody can build that lookup table.
"""
from __future__ import annotations

import hashlib
import hmac
import itertools
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from civicai.errors import LearnerError

#: Added to the day of birth in a woman's NIK.
WOMAN_DAY_OFFSET = 40
#: The shortest secret key `keyed_hash` accepts: 32 bytes, as long as SHA-256's output.
MIN_KEY_BYTES = 32


@dataclass(frozen=True)
class NikParts:
    """What the digits of one NIK say."""

    province: str
    regency: str
    district: str
    birth_date: date
    sex: str  # "F" or "M"
    serial: int

    @property
    def region(self) -> str:
        """The first six digits: province, regency and district codes together."""
        return self.province + self.regency + self.district

    def __repr__(self) -> str:
        person = "a woman" if self.sex == "F" else "a man"
        return (f"province {self.province}, regency/city {self.regency}, district "
                f"{self.district}: {person} born on {self.birth_date:%d %B %Y}, "
                f"serial number {self.serial:04d}")


def make_nik(region: str, birth_date: date, sex: str, serial: int) -> str:
    """The NIK of a person registered in `region` (6 digits), born on `birth_date`.

    The course uses it to make fake NIKs that follow the real pattern.
    """
    if len(region) != 6 or not region.isdigit():
        raise LearnerError(f"The region code {region!r} should be 6 digits "
                           "(2 for the province, 2 for the regency, 2 for the district).")
    if sex not in ("F", "M"):
        raise LearnerError(f"Sex {sex!r} should be 'F' or 'M'.")
    if not 1 <= serial <= 9999:
        raise LearnerError(f"The serial number {serial} should be between 1 and 9999.")
    return _format(region, birth_date, sex, serial)


def _format(region: str, birth_date: date, sex: str, serial: int) -> str:
    day = birth_date.day + (WOMAN_DAY_OFFSET if sex == "F" else 0)
    return f"{region}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"


def parse_nik(nik: str, century: int = 1900) -> NikParts:
    """Read the parts of a NIK. Two-digit years are placed in `century` (1900 or 2000)."""
    if type(nik) is not str:
        raise LearnerError(f"A NIK should be text (in quotes), not {type(nik).__name__}.",
                           "NIKs can start with 0 and are 16 digits long: keep them as text.")
    digits = nik.strip()
    if len(digits) != 16 or not digits.isdigit():
        raise LearnerError(f"{digits!r} is not a NIK: a NIK is exactly 16 digits.")
    day, month, year = int(digits[6:8]), int(digits[8:10]), century + int(digits[10:12])
    sex = "F" if day > WOMAN_DAY_OFFSET else "M"
    day -= WOMAN_DAY_OFFSET if sex == "F" else 0
    try:
        born = date(year, month, day)
    except ValueError:
        raise LearnerError(f"{digits!r} holds no valid birth date (digits 7 to 12).") from None
    return NikParts(digits[0:2], digits[2:4], digits[4:6], born, sex, int(digits[12:16]))


def plain_hash(value: str) -> str:
    """SHA-256 of the text, as 64 hexadecimal characters. NOT a safe pseudonym for a NIK."""
    return hashlib.sha256(_text(value, "value").encode("utf-8")).hexdigest()


def keyed_hash(value: str, key: bytes | str) -> str:
    """HMAC-SHA256 of the text with a secret key: a pseudonym nobody can reverse without the key.

    The same value and key always give the same pseudonym, so records can still
    be linked across tables; a different key gives unrelated pseudonyms.
    """
    secret = key.encode("utf-8") if type(key) is str else key
    if type(secret) is not bytes:
        raise LearnerError(f"The key should be text or bytes, not {type(key).__name__}.")
    if len(secret) < MIN_KEY_BYTES:
        raise LearnerError(
            f"This key is {len(secret)} characters long: too short to keep secret.",
            f"Use at least {MIN_KEY_BYTES} random characters, e.g. from `new_secret_key()`, "
            "and store the key apart from the data.")
    return hmac.new(secret, _text(value, "value").encode("utf-8"), hashlib.sha256).hexdigest()


def new_secret_key() -> str:
    """A fresh random key (64 hexadecimal characters) for `keyed_hash`.

    Random on purpose: a key that can be re-created is not secret. Store it in
    a password manager or key vault, never next to the pseudonymised data.
    """
    return secrets.token_hex(MIN_KEY_BYTES)


def _text(value: object, what: str) -> str:
    if type(value) is not str:
        raise LearnerError(f"The {what} to hash should be text (in quotes), "
                           f"not {type(value).__name__}.",
                           "Convert numbers with str(...) first; keep leading zeros.")
    return value


def candidate_niks(regions: Iterable[str], first_birth: date, last_birth: date,
                   serials: Iterable[int], sexes: Iterable[str] = ("F", "M")) -> Iterator[str]:
    """Every NIK that the given regions, birth dates, sexes and serial numbers allow.

    This is what an attacker enumerates: the search space of the NIK pattern.
    """
    if last_birth < first_birth:
        raise LearnerError("The last birth date comes before the first one.")
    days = [first_birth + timedelta(days=offset)
            for offset in range((last_birth - first_birth).days + 1)]
    regions, serials, sexes = list(regions), list(serials), list(sexes)
    for region, sex, serial in itertools.product(regions, sexes, serials):
        make_nik(region, first_birth, sex, serial)  # checks each part once, not for every date
    # the parts are written once and glued together: an attacker's loop is this simple
    serial_codes = [f"{serial:04d}" for serial in serials]
    for region, sex in itertools.product(regions, sexes):
        for born in days:
            prefix = _format(region, born, sex, 1)[:12]
            for code in serial_codes:
                yield prefix + code


def reverse_plain_hashes(hashes: Iterable[str], candidates: Iterable[str]) -> dict[str, str]:
    """{hash: NIK} for every hash whose NIK is among the candidates: a dictionary attack.

    Each candidate is hashed once and looked up in the set of target hashes,
    so the work grows with the number of candidates, not with the number of targets.
    """
    targets = set(hashes)
    found = {}
    for nik in candidates:
        digest = hashlib.sha256(nik.encode("utf-8")).hexdigest()
        if digest in targets:
            found[digest] = nik
            if len(found) == len(targets):
                break
    return found


def search_space_size(regions: int, birth_days: int, serials: int, sexes: int = 2) -> int:
    """How many NIKs an attacker must try: regions x birth dates x sexes x serial numbers."""
    return regions * birth_days * sexes * serials


def time_to_try(candidates: int, per_second: float) -> str:
    """How long trying `candidates` NIKs takes at a measured speed, in words."""
    seconds = candidates / per_second
    for unit, size in (("years", 365 * 86400), ("days", 86400), ("hours", 3600), ("minutes", 60)):
        if seconds >= 2 * size:
            return f"about {seconds / size:,.0f} {unit}"
    return "under 2 minutes" if seconds >= 1 else "under a second"
