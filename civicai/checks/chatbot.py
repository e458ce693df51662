"""Checks of the module 02 exercise (exercises/02-chatbots): build and measure an FAQ bot.

The two functions are tried on the examples shown in their question (an FAQ
question must find its own entry; each phone format in the list must be
masked, and each probe message says which format went wrong and how); the
instructor source adds new paraphrases and formats, which only the grader
tries, each with the mistake it is there to catch (`why=`). The measures and
the multiple-choice questions name their common slips in the instructor
source (the wrong denominator, the training questions, precision for recall,
1 minus the fallback rate for containment, a rounded figure typed in).
"""
from __future__ import annotations

import pandas as pd

from civicai.checks.answers import canonical_text
from civicai.checks.describe import is_plain_number, kind_of, short_text
from civicai.checks.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion, explaining

PREFIX = "02-chatbots"


def _not_an_id(result) -> str:
    """What a learner's best_entry gave back instead of an FAQ id, in plain words."""
    if is_plain_number(result) and float(result).is_integer():
        hint = " It looks like a row position: look up the `faq_id` in that row."
    elif is_plain_number(result):
        hint = (" It looks like a similarity (a number from 0 to 1), not an entry: find the "
                "position of the largest similarity, then the `faq_id` in that row.")
    elif type(result) is pd.Series:
        hint = (" It holds many rows: `best_row` should be the position of one row (a whole "
                "number), not the whole list of similarities.")
    else:
        hint = ""
    return (f"Your function gives back {kind_of(result)}; it should give an FAQ id (text, like "
            f"the `faq_id` column).{hint}")


#: What Python's errors mean in question 1, whose blank is the position `best_row`:
#: (words of the error, plain words).
_BEST_ROW_ERRORS = (
    ("Cannot index by location index with a non-integer key",
     "`best_row` must be a row position, a whole number such as 17, for `.iloc` to find the "
     "row. Yours is another kind of value: the largest similarity itself (a number from 0 to "
     "1, which `.max()` gives) is not a position; the position of the largest is what "
     "`.argmax()` gives."),
    ("cannot be interpreted as an integer",
     "`best_row` must be a row position, a whole number. `argmax` (and `argmin`) only work it "
     "out when they are called: write the brackets, `.argmax()`."),
    ("positional indexer is out-of-bounds",
     "`best_row` is past the last row of `entries`: positions count from 0 up to one less than "
     "the number of rows. Take the position of a similarity, not a count or a similarity "
     "multiplied."),
)


def _probe_best_entry(call) -> str | None:
    """An FAQ question, asked word for word, must find its own entry."""
    from civicai.chatbot import entries_from_course_faq
    from civicai.data import load

    call = explaining(call, _BEST_ROW_ERRORS)
    entries = entries_from_course_faq(load("faq"))
    for row in (0, len(entries) // 2 + 3, len(entries) - 1):
        question, own_id = entries["question"].iloc[row], entries["faq_id"].iloc[row]
        result = call(question)
        if type(result) is not str:
            return _not_an_id(result)
        if result not in set(entries["faq_id"]):
            return f"Your function gives back {short_text(result)}, which is not an FAQ id. " \
                   "Give back the `faq_id` of the best row, not its question or answer."
        if result != own_id:
            return (f"Asked the FAQ's own question {short_text(question, 60)}, your function "
                    f"gives {result}, not the entry that question belongs to. Are you taking "
                    "the *most* similar row (the largest similarity)?")
    return None


#: The formats the question lists, and how each is written (for the probe's messages).
PHONE_EXAMPLES = {
    "081255501234": "as one run of digits",
    "0812-5550-1234": "with dashes between the groups",
    "0812 5550 1234": "with spaces between the groups",
    "+62 812-5550-1234": "with the country code +62 and a space after it",
    "+6281255501234": "with the country code +62 in place of the first 0",
    "62812.5550.1234": "with the country code 62 (no plus) and dots between the groups",
}
UNTOUCHED_EXAMPLES = ("Antrean nomor 15 tanggal 12-08-2024, biaya Rp 150.000.",)


def _phone_problem(number: str, message: str, result: str) -> str:
    """What a wrong result on one of the question's phone formats says about the rule."""
    shown = f"For {short_text(message)} your function gives {short_text(result, 60)}."
    if result.count("[PHONE]") > 1:
        return (f"{shown} Your rule cuts the one number {number} into several pieces. If "
                "`start` lists its choices with `|`, put them in brackets, as in `(A|B)`: "
                "without brackets, `|` splits the whole pattern, and a lone 0 or 62 becomes "
                "a rule of its own.")
    if "+[PHONE]" in result:
        return (f"{shown} The plus sign of +62 is left in front of [PHONE]: the start of your "
                "pattern must take in the plus sign too (in a pattern a real plus sign is "
                "written `\\+`, as the question shows).")
    if result == message:
        return (f"Your rule does not mask {number}, a mobile number written "
                f"{PHONE_EXAMPLES[number]}. Every format in the question's list must become "
                "[PHONE]: check that `start` allows the way this number begins (and, if you "
                "changed them, that the other parts allow its separators).")
    if "[PHONE]" in result:
        return (f"{shown} Your rule masks only part of the number {number}: check how many "
                "digits each group may have, and that a space, dot or dash may stand between "
                "the groups.")
    return (f"{shown} The number {number} should be replaced by [PHONE], and nothing else "
            "should change.")


#: What Python's errors mean in question 6, whose blank is a part of a pattern:
#: (words of the error, plain words).
_PATTERN_ERRORS = (
    ("nothing to repeat", "in a pattern a plain + means \"one or more of what comes just "
     "before\", so it cannot stand first, nor just after `(` or `|`. A real plus sign is "
     "written `\\+`."),
    ("multiple repeat", "two signs that repeat (such as + and ?) stand side by side. A real plus "
     "sign is written `\\+`."),
    ("missing ), unterminated subpattern", "a bracket `(` is opened but never closed: each `(` "
     "needs its `)`."),
    ("unbalanced parenthesis", "a bracket `)` closes nothing: each `)` needs a `(` before it."),
    ("unsupported operand", "the parts of the pattern are glued together with +, so each part "
     "must be text in quotes, such as `r\"[ .-]?\"`."),
)


def _probe_mask_contacts(call) -> str | None:
    """Every format listed in the question is masked; dates and amounts are not."""
    call = explaining(call, _PATTERN_ERRORS)
    for number in PHONE_EXAMPLES:
        message = f"Hubungi saya di {number} ya"
        result = call(message)
        if type(result) is not str:
            return f"Your function gives back {kind_of(result)}; it should give back the text."
        if result != "Hubungi saya di [PHONE] ya":
            return _phone_problem(number, message, result)
    result = call("email: budi.santoso@mail.example")
    if result != "email: [EMAIL]":
        return ("E-mail addresses are no longer masked: keep the e-mail line that was written "
                "for you.")
    for message in UNTOUCHED_EXAMPLES:
        result = call(message)
        if result != message:
            return (f"Your function changes {short_text(message, 60)} into "
                    f"{short_text(str(result), 60)}: dates and amounts are not phone numbers. "
                    "Is your pattern too loose (any group of digits)?")
    return None


def _same_text(result, expected) -> bool:
    """The same text as a person reads it (capitals and spacing aside)."""
    return type(result) is str and canonical_text(result) == canonical_text(expected)


def _share(grade_id: str, title: str, variable: str) -> NumberQuestion:
    """A measure between 0 and 1, checked to the 6 decimal places the exercise states.

    A figure typed in rounded (0.627 read from the lesson) is "not right yet": the
    exercise asks for measures computed, not copied. The instructor source names
    the rounded figures a learner could have read, and the usual wrong measures.
    """
    return NumberQuestion(f"{PREFIX}/{grade_id}", title, variable, decimals=6, low=0, high=1,
                          what="a share between 0 and 1")


q1 = FunctionQuestion(
    f"{PREFIX}/q1", "Question 1 — find the best entry", "best_entry", _probe_best_entry,
    same=_same_text,
    hidden_hint="Citizens ask in their own words: does your function compare the question "
                "with every entry, and take the most similar one?")

q2 = _share("q2", "Question 2 — top-1 accuracy", "top1_accuracy")

q3 = _share("q3", "Question 3 — out-of-scope recall", "out_of_scope_recall")

q4 = NumberQuestion(f"{PREFIX}/q4", "Question 4 — choose the threshold", "chosen_threshold",
                    decimals=2, low=0, high=1, what="a threshold between 0 and 1")

q5 = _share("q5", "Question 5 — containment", "containment")

q6 = FunctionQuestion(
    f"{PREFIX}/q6", "Question 6 — mask contact details", "mask_contacts", _probe_mask_contacts,
    same=_same_text,
    hidden_hint="People write numbers in many ways: check every format in the question's list, "
                "and that dates and amounts stay as they are.")

q7 = _share("q7", "Question 7 — names caught by redaction", "name_recall")

q8 = ChoiceQuestion(f"{PREFIX}/q8", "Question 8 — when wrong answers are costly",
                    "costly_measure")

q9 = ChoiceQuestion(f"{PREFIX}/q9", "Question 9 — when to hand over", "urgent_case")

q10 = ChoiceQuestion(f"{PREFIX}/q10", "Question 10 — a vendor's number", "vendor_problem")

q11 = ChoiceQuestion(f"{PREFIX}/q11", "Question 11 — generative AI", "generative_design")
