"""Where a judgement finds the right answer: salted fingerprints in a notebook, the key in the grader.

Each answer is stated once, in the instructor source: the reference solution.
The build runs that source once (`civicai.authoring.key`) and writes two files
from what it finds:

- the answer key, `autograder/keys/NN-topic.json`, for the grader only: the
  expected value of every question (and, for a function question, the
  reference function's results on the hidden inputs);
- the fingerprints, `civicai/checks/fingerprints/NN-topic.json`, shipped with
  the package: for every target of a question the SHA-256 of the question's id,
  the target's name and the target written in one canonical way, and the message
  of each known slip under its own fingerprint. Reading them tells a learner how
  answers are compared, never what they are.

A question judges an answer by asking a `Match` whether the answer's canonical
forms hit a target. In the learner's notebook the match compares fingerprints;
in the grader it compares the key's canonical forms. The judging code is the
same in both places, so a ✅ in the notebook and the grade cannot disagree.
"""
from __future__ import annotations

import functools
import hashlib
import json
import unicodedata
from pathlib import Path

from civicai import REPO_ROOT

#: The fingerprints of every exercise, made by the build (`make notebooks`).
FINGERPRINTS = Path(__file__).resolve().parent / "fingerprints"
#: The answer keys, for the grader only (the sandbox hides this folder).
KEYS = REPO_ROOT / "autograder" / "keys"


def canonical_number(value: float, decimals: int) -> str:
    """A number rounded to `decimals` places, written one way only ("-0" is "0")."""
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0
    return f"{rounded:.{decimals}f}"


def number_forms(value: float, decimals: int) -> set[str]:
    """A number at its stated precision, and its neighbours at the rounding edge.

    A learner's 0.12499999 and the author's 0.125 should not fall on opposite
    sides of a rounding boundary, so a tiny nudge either way is also accepted.
    """
    nudge = 10.0 ** -(decimals + 3)
    return {canonical_number(float(value) + delta, decimals) for delta in (-nudge, 0.0, nudge)}


def canonical_text(value: str) -> str:
    """Text compared the way a person would: case, accents and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", value)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(without_accents.casefold().split())


def fingerprint(question_id: str, name: str, canonical: str) -> str:
    return hashlib.sha256(f"{question_id}\x00{name}\x00{canonical}".encode("utf-8")).hexdigest()


class Match:
    """Says whether an answer's canonical forms hit one of a question's named targets, and
    which known slip an answer is.

    Made either from fingerprints (what a learner's copy of the course holds) or from
    targets (canonical forms of the key, in the grader). Target names are "answer" for the
    answer itself, or a part's name for a question with several parts. Slips are known
    wrong answers with a message for each: in the fingerprints, `{"slips": {fingerprint:
    message}}`; in the grader, `slips={canonical form: message}`.
    """

    def __init__(self, question_id: str, *, fingerprints: dict | None = None,
                 targets: dict[str, str] | None = None, slips: dict[str, str] | None = None):
        self.question_id = question_id
        self.fingerprints, self.targets, self.slips = fingerprints, targets, slips

    def __call__(self, name: str, forms: set[str] | str) -> bool:
        forms = {forms} if isinstance(forms, str) else set(forms)
        if self.targets is not None:
            return self.targets.get(name) in forms
        stored = (self.fingerprints or {}).get(name)
        return type(stored) is str and stored in {
            fingerprint(self.question_id, name, form) for form in forms}

    def slip(self, forms: set[str]) -> str | None:
        """The message of the known slip these forms are, if they are one."""
        if self.targets is not None:
            return next((self.slips[form] for form in sorted(forms) if form in (self.slips or {})),
                        None)
        stored = (self.fingerprints or {}).get("slips") or {}
        for form in sorted(forms):
            message = stored.get(fingerprint(self.question_id, "slip", form))
            if message:
                return message
        return None


@functools.cache
def fingerprints(assignment: str) -> dict[str, dict[str, str]]:
    """{grade_id: {target name: fingerprint}} of one exercise ({} before the first build)."""
    path = FINGERPRINTS / f"{assignment}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["questions"]


def key_path(assignment: str) -> Path:
    return KEYS / f"{assignment}.json"


def key(assignment: str) -> dict:
    """The answer key of one exercise: {"questions": {grade_id: entry}, ...}; grader only."""
    path = key_path(assignment)
    if not path.exists():
        raise FileNotFoundError(
            f"There is no answer key for {assignment} ({path}). It is made from the instructor "
            "source by `make notebooks`.")
    return json.loads(path.read_text(encoding="utf-8"))
