"""Checks of the module 02 exercise (exercises/02-chatbots): build and measure an FAQ bot.

The two functions are tried on the examples shown in their question (an FAQ
question must find its own entry; each phone format in the list must be
masked); the instructor source adds new paraphrases and formats, which only the
grader tries.
"""
from __future__ import annotations

from civicai.checks.answers import canonical_text
from civicai.checks.describe import kind_of, short_text
from civicai.checks.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion

PREFIX = "02-chatbots"


def _probe_best_entry(call) -> str | None:
    """An FAQ question, asked word for word, must find its own entry."""
    from civicai.chatbot import entries_from_course_faq
    from civicai.data import load

    entries = entries_from_course_faq(load("faq"))
    for row in (0, len(entries) // 2 + 3, len(entries) - 1):
        question, own_id = entries["question"].iloc[row], entries["faq_id"].iloc[row]
        result = call(question)
        if type(result) is not str:
            hint = (" It looks like a row position: look up the `faq_id` in that row."
                    if kind_of(result) in ("a whole number", "a number") else "")
            return f"Your function gives back {kind_of(result)}; it should give an FAQ id " \
                   f"(text, like the `faq_id` column).{hint}"
        if result not in set(entries["faq_id"]):
            return f"Your function gives back {short_text(result)}, which is not an FAQ id. " \
                   "Give back the `faq_id` of the best row, not its question or answer."
        if result != own_id:
            return (f"Asked the FAQ's own question {short_text(question, 60)}, your function "
                    f"gives {result}, not the entry that question belongs to. Are you taking "
                    "the *most* similar row (the largest similarity)?")
    return None


PHONE_EXAMPLES = ("081255501234", "0812-5550-1234", "0812 5550 1234", "+62 812-5550-1234",
                  "+6281255501234", "62812.5550.1234")
UNTOUCHED_EXAMPLES = ("Antrean nomor 15 tanggal 12-08-2024, biaya Rp 150.000.",)


def _probe_mask_contacts(call) -> str | None:
    """Every format listed in the question is masked; dates and amounts are not."""
    for number in PHONE_EXAMPLES:
        message = f"Hubungi saya di {number} ya"
        result = call(message)
        if type(result) is not str:
            return f"Your function gives back {kind_of(result)}; it should give back the text."
        if result != "Hubungi saya di [PHONE] ya":
            return (f"For {short_text(message)} your function gives {short_text(result, 60)}. "
                    f"The number {number} should be replaced by [PHONE], and nothing else "
                    "should change.")
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
    exercise asks for measures computed, not copied.
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
