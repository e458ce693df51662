"""Chat logs are personal data: find and mask ID numbers, phone numbers, e-mails and names.

Citizens type their NIK (the 16-digit national ID number), phone number,
e-mail and name into a chat without being asked. A transcript stored as typed
is a register of personal data, with the duties that come with it. Masking
these details *before* a transcript is stored keeps the useful part (what
was asked) and drops the risky part (who asked).

Every rule here is a readable pattern, so an officer can see what is caught
and what is not:

- **e-mail**: something@domain.tld;
- **NIK**: 16 digits, written together or in groups ("3201 1234 5678 9012");
- **phone**: Indonesian mobile numbers (08..., +62 8..., 62 8...) and
  landlines with an area code ("(021) 555-1234", "0274-512345");
- **name**: the words after a cue. After a sure cue ("nama saya", "nama:",
  "atas nama", "a.n.", "pelapor", "reported by", "contact person") any word
  is taken, even in lower case; after a weaker cue (Bapak, Ibu, Pak, Bu,
  Sdr., Mr, Mrs, Dr, "saya", "sy", "aku", "I am", "my name is") only
  capitalised words. A name without a cue, or in lower case after a weak
  cue, is missed: the measured recall shows how often, which is why a
  person still checks.

`redaction_scores` measures recall (the share of planted details masked) and
precision (the share of masks that hit a real detail) on texts whose details
are known, such as the course's synthetic complaints.
"""
from __future__ import annotations

import json
import re

import pandas as pd

from civicai.errors import LearnerError

TYPES = ("nik", "phone", "email", "name")
PLACEHOLDERS = {"nik": "[NIK]", "phone": "[PHONE]", "email": "[EMAIL]", "name": "[NAME]"}

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_NIK = re.compile(r"(?<![\d+])(?:\d[ .-]?){15}\d(?!\d)")
_MOBILE = r"(?:\+62|62|0)[ .-]?8\d{1,2}[ .-]?\d{3,4}[ .-]?\d{3,5}"
_LANDLINE = r"(?:\(0\d{1,3}\)|0\d{1,3}|\+62[ .-]?\(?\d{1,3}\)?)[ .-]?\d{3,4}[ .-]?\d{3,4}"
_PHONE = re.compile(rf"(?<![\w+])(?:\(\+62\)[ .-]?8\d{{1,2}}[ .-]?\d{{3,4}}[ .-]?\d{{3,5}}"
                    rf"|{_MOBILE}|{_LANDLINE})(?!\d)")
#: After these a name surely follows, even when it is typed in lower case ("pelapor: budi").
#: ("nama" alone is not enough: "balik nama", "salah nama" are about documents, not people.)
_SURE_CUES = re.compile(
    r"\b(?:nama\s+(?:saya|sy|aku|ku)|nama\s*:|atas nama|a\.n\.|pelapor|reported by"
    r"|contact person|dilaporkan oleh)(?![A-Za-z])\s*:?\s*", re.IGNORECASE)
#: After these a name may follow: it is taken only when its words start with a capital.
_MAYBE_CUES = re.compile(
    r"\b(?:bapak|bpk|pak|ibu|bu|sdr|sdri|saudara|saudari|mas|mbak|kak|mr|mrs|ms|miss|dr|prof"
    r"|hj|saya|sy|aku|i am|i'm|this is|my name is|nama)(?![A-Za-z])\.?\s+", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z'’]+")
MAX_NAME_WORDS = 3
#: Job titles between an honorific and a name ("Pak Lurah Joko"): skipped, the name follows.
TITLES = frozenset({"lurah", "camat", "bupati", "walikota", "gubernur", "kades", "sekda", "haji",
                    "dokter", "officer", "mayor", "kepala", "ketua", "rt", "rw"})
#: Words that end a name, or show that none follows ("Ibu Kota Jakarta", "saya tinggal di").
NOT_NAMES = frozenset("""
    kota dinas kantor petugas jalan jl kabupaten desa kecamatan kelurahan warga yang dan di ke
    dari ini itu untuk dengan sebagai adalah mau ingin tinggal tidak sudah belum sedang masih
    mohon tolong terima kasih selaku juga hp wa telp telepon no nomor nik email
    saya anda kami and a an the from of in at with to who is am not here living writing resident
    phone please thank thanks staff sir madam head very also just
""".split())


def _check_text(text) -> str:
    if not isinstance(text, str):
        raise LearnerError(f"Redaction needs a piece of text, not {type(text).__name__}.",
                           "Pass one message (a string) at a time.")
    return text


def _looks_like_a_name(word: str) -> bool:
    """Capitalised, but not an abbreviation in capitals ("Budi", not "SHM" or "KTP")."""
    return word[0].isupper() and not (len(word) > 1 and word.isupper())


def _name_after(text: str, position: int, sure: bool) -> dict | None:
    """The name that starts at `position`, if the words there look like one."""
    words = []
    while len(words) < MAX_NAME_WORDS:
        word = _WORD.match(text, position)
        if not word or word.group().casefold() in NOT_NAMES:
            break
        if not (sure or _looks_like_a_name(word.group())):
            break
        if not (words == [] and word.group().casefold() in TITLES):  # "Pak Lurah Joko"
            words.append(word)
        gap = re.match(r"[ \t]+", text[word.end():])  # a name's words are separated by spaces
        if not gap:
            break
        position = word.end() + gap.end()
    if not words:
        return None
    return {"type": "name", "start": words[0].start(), "end": words[-1].end()}


def _name_spans(text: str) -> list[dict]:
    spans = [_name_after(text, cue.end(), sure) for pattern, sure in
             ((_SURE_CUES, True), (_MAYBE_CUES, False)) for cue in pattern.finditer(text)]
    return [span for span in spans if span]


def find_personal_data(text: str) -> list[dict]:
    """The personal details in a text: [{"type", "start", "end"}, ...], in reading order.

    Patterns are tried from the most to the least specific (e-mail, NIK,
    phone, name); a later match that overlaps an earlier one is dropped.
    """
    text = _check_text(text)
    found: list[dict] = []
    candidates = [{"type": kind, "start": m.start(), "end": m.end()}
                  for kind, pattern in (("email", _EMAIL), ("nik", _NIK), ("phone", _PHONE))
                  for m in pattern.finditer(text)]
    for span in candidates + _name_spans(text):
        if all(span["end"] <= kept["start"] or span["start"] >= kept["end"] for kept in found):
            found.append(span)
    return sorted(found, key=lambda span: span["start"])


def redact(text: str, labels: bool = True) -> str:
    """The text with every detail `find_personal_data` finds replaced by [NIK], [PHONE], ...

    With `labels=False` the details are simply removed: that is what a bot
    should match on, so that "[PHONE]" does not look like a question about phones.
    """
    pieces, position = [], 0
    for span in find_personal_data(text):
        pieces += [text[position:span["start"]], PLACEHOLDERS[span["type"]] if labels else ""]
        position = span["end"]
    return "".join(pieces) + text[position:]


def _as_spans(value) -> list[dict]:
    """Planted spans from a list of dicts or its JSON text."""
    if isinstance(value, str):
        value = json.loads(value) if value.strip() else []
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [dict(span) for span in value]


def _covered(span: dict, masks: list[dict]) -> bool:
    """True when every character of `span` lies inside some mask."""
    position = span["start"]
    for mask in sorted(masks, key=lambda m: m["start"]):
        if mask["start"] <= position < mask["end"]:
            position = mask["end"]
        if position >= span["end"]:
            return True
    return position >= span["end"]


def _overlaps(mask: dict, spans: list[dict]) -> bool:
    return any(mask["start"] < span["end"] and span["start"] < mask["end"] for span in spans)


def redaction_scores(texts, planted, finder=find_personal_data) -> pd.DataFrame:
    """Recall and precision of a finder on texts whose personal details are known.

    A planted detail counts as *caught* when every one of its characters is
    masked (a half-masked phone number still identifies someone). A mask counts
    as *correct* when it overlaps a planted detail. One row per type, plus "all".
    """
    texts, planted = list(texts), list(planted)
    if len(texts) != len(planted):
        raise LearnerError(f"There are {len(texts)} texts but {len(planted)} lists of details.")
    counts = {kind: {"planted": 0, "caught": 0, "masks": 0, "correct": 0} for kind in TYPES}
    for text, truth in zip(texts, planted):
        truth, masks = _as_spans(truth), finder(_check_text(text))
        for span in truth:
            counts[span["type"]]["planted"] += 1
            counts[span["type"]]["caught"] += _covered(span, masks)
        for mask in masks:
            counts[mask["type"]]["masks"] += 1
            counts[mask["type"]]["correct"] += _overlaps(mask, truth)
    table = pd.DataFrame.from_dict(counts, orient="index")
    table.loc["all"] = table.sum()
    table["recall"] = table["caught"] / table["planted"].where(table["planted"] > 0)
    table["precision"] = table["correct"] / table["masks"].where(table["masks"] > 0)
    return table


def missed_details(texts, planted, kind: str | None = None, finder=find_personal_data,
                   context: int = 30) -> pd.DataFrame:
    """The planted details a finder did not fully mask, each with a little text around it."""
    rows = []
    for text, truth in zip(texts, planted):
        masks = finder(_check_text(text))
        for span in _as_spans(truth):
            if (kind is None or span["type"] == kind) and not _covered(span, masks):
                rows.append({"type": span["type"], "detail": text[span["start"]:span["end"]],
                             "in context": text[max(0, span["start"] - context):
                                                span["end"] + context]})
    return pd.DataFrame(rows, columns=["type", "detail", "in context"])
