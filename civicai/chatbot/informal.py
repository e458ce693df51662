"""Make informal, mixed-language chat text look like the knowledge base's text.

Citizens write to a chatbot the way they write to a friend: "sy mau bikin ktp
gmn ya", "how 2 renew SIM?", "KARTU KELUARGA HILANG!!!", "anak2 sy". A bot that
compares words letter by letter misses "gmn" = "bagaimana" (how) and "bikin" =
"membuat" (make). Four simple steps close much of that gap, and each is easy
to explain and to check:

1. lower-case everything and strip accents ("Café" -> "cafe");
2. split words the way Indonesian informal writing joins them: "anak2" (the "2"
   repeats the word: "anak-anak") and "ktp-nya";
3. replace common chat abbreviations and slang with the standard word, using a
   small dictionary a civil servant can read and extend (`SLANG`);
4. drop the little words that are in almost every question and say nothing
   about its topic (`COMMON_WORDS`: "yang", "di", "bagaimana", "the", "how",
   "do", "I"...). Without this step, expanding "ga" to "tidak" would make a
   question look like every FAQ entry that contains "tidak".

The dictionary is written from common Indonesian and English chat usage, not
from the course's test questions, so the improvement it brings is honest.
"""
from __future__ import annotations

import re
import unicodedata

from civicai.errors import LearnerError

#: Informal or abbreviated word -> the standard word. Bahasa Indonesia first, then English.
SLANG: dict[str, str] = {
    # Bahasa Indonesia: pronouns and question words
    "sy": "saya", "aku": "saya", "aq": "saya", "gw": "saya", "gue": "saya", "gua": "saya",
    "km": "kamu", "kmu": "kamu",
    "gmn": "bagaimana", "gmna": "bagaimana", "gimana": "bagaimana", "bgmn": "bagaimana",
    "gmana": "bagaimana",
    "knp": "mengapa", "kenapa": "mengapa", "napa": "mengapa",
    "dmn": "di mana", "dmana": "di mana", "dimana": "di mana",
    "kpn": "kapan", "brp": "berapa", "brapa": "berapa", "apaan": "apa", "ap": "apa",
    # Bahasa Indonesia: common function words
    "udh": "sudah", "udah": "sudah", "sdh": "sudah", "dah": "sudah",
    "tdk": "tidak", "gak": "tidak", "ga": "tidak", "gk": "tidak", "nggak": "tidak",
    "ngga": "tidak", "enggak": "tidak", "engga": "tidak",
    "blm": "belum", "blom": "belum", "belom": "belum",
    "yg": "yang", "dgn": "dengan", "dg": "dengan", "utk": "untuk", "untk": "untuk",
    "bs": "bisa", "bsa": "bisa", "krn": "karena", "karna": "karena", "krna": "karena",
    "jg": "juga", "aja": "saja", "aj": "saja", "sj": "saja", "lg": "lagi",
    "sm": "sama", "trs": "terus", "tp": "tetapi", "tapi": "tetapi",
    "kalo": "kalau", "klo": "kalau", "kl": "kalau", "klu": "kalau",
    "mo": "mau", "pengen": "ingin", "pingin": "ingin", "pgn": "ingin",
    "org": "orang", "tgl": "tanggal", "thn": "tahun", "bln": "bulan", "hr": "hari",
    "sampe": "sampai", "ampe": "sampai", "dr": "dari", "dri": "dari",
    "hrs": "harus", "msh": "masih", "masi": "masih", "skrg": "sekarang", "skrng": "sekarang",
    "bgt": "sekali", "banget": "sekali", "gini": "begini", "gitu": "begitu",
    "tolongin": "tolong", "mksh": "terima kasih", "makasih": "terima kasih",
    "trmksh": "terima kasih", "thx": "thanks", "tks": "terima kasih",
    # Bahasa Indonesia: informal verb forms and shortened words
    "bikin": "membuat", "bkin": "membuat", "ngurus": "mengurus", "ngambil": "mengambil",
    "nyari": "mencari", "ngganti": "mengganti", "gnti": "ganti", "dftr": "daftar",
    "byr": "bayar", "ilang": "hilang", "ngilang": "hilang",
    # English chat
    "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please",
    "thnx": "thanks", "ty": "thank you", "hw": "how", "wat": "what",
    "wht": "what", "whr": "where", "wen": "when", "cuz": "because", "coz": "because",
    "bc": "because", "b4": "before", "2day": "today", "tmrw": "tomorrow", "tmr": "tomorrow",
    "govt": "government", "im": "i am", "cant": "cannot", "dont": "do not",
    "doesnt": "does not", "wanna": "want to", "gonna": "going to", "gotta": "have to",
}

#: Words so common in questions that they say nothing about the topic, by language (they do
#: say which language a question is in: see `language_of`).
INDONESIAN_COMMON = frozenset("""
    yang di ke dari dan atau untuk dengan ini itu saya kamu kami anda apa apakah bagaimana
    mengapa kapan berapa mana siapa tidak sudah belum bisa akan ada adalah ya nya pun lah kah
    juga saja lagi sama terus tetapi kalau mau ingin harus masih sekarang sekali begini begitu
""".split())
ENGLISH_COMMON = frozenset("""
    the a an of to in on for and or is are am be do does did i my me we our you your it this
    that what how why when where which who can could should would will please thanks thank
    with at by from as have has there
""".split())
COMMON_WORDS = INDONESIAN_COMMON | ENGLISH_COMMON
_WORD_DIGIT_REPEAT = re.compile(r"\b([a-z]{2,})2\b")   # "anak2" -> "anak anak"
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold_accents(text: str) -> str:
    """Lower-case and strip accents and special letter forms: "Café Ｋ" -> "cafe k"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def language_of(text: str) -> str | None:
    """"id" or "en" by the little words a question is written with (after expanding chat
    slang, so "gmn" counts as Indonesian), or None when they do not tell.

    A bot must answer, hand over and refuse in the citizen's language; the FAQ entry that
    matched best says nothing about it when the question is one the FAQ does not cover.
    """
    folded = _WORD_DIGIT_REPEAT.sub(r"\1 \1", fold_accents(text))
    words = [part for word in _NOT_WORD.sub(" ", folded).split()
             for part in SLANG.get(word, word).split()]
    indonesian = sum(word in INDONESIAN_COMMON for word in words)
    english = sum(word in ENGLISH_COMMON for word in words)
    if indonesian == english:
        return None
    return "id" if indonesian > english else "en"


def normalise(text: str, slang: dict[str, str] | None = None,
              common_words: frozenset[str] = COMMON_WORDS) -> str:
    """The chat text in a standard form: lower case, no accents or punctuation, slang
    expanded, common words dropped.

    `slang` replaces the built-in dictionary and `common_words` the built-in
    list (pass `{}` or `frozenset()` to switch a step off and see what it changes).
    """
    if not isinstance(text, str):
        raise LearnerError(f"normalise() needs a piece of text, not {type(text).__name__}.",
                           'Put the text in quotes, for example normalise("gmn cara bikin ktp").')
    dictionary = SLANG if slang is None else slang
    folded = fold_accents(text)
    folded = _WORD_DIGIT_REPEAT.sub(r"\1 \1", folded)
    words = []
    for word in _NOT_WORD.sub(" ", folded).split():
        words.extend(dictionary.get(word, word).split())
    return " ".join(word for word in words if word not in common_words)
