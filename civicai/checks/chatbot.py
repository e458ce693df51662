"""Visible checks of the module 02 exercise (exercises/02-chatbots): build and measure an FAQ bot.

Numbers are compared by salted fingerprint; the two functions are tried on
the examples shown in their question (an FAQ question must find its own
entry; each phone format in the list must be masked), never on the hidden
tests' new paraphrases and formats.
"""
from __future__ import annotations

from civicai.checks.describe import kind_of, short_text
from civicai.checks.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion


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


def _share(qid: str, title: str, variable: str, fingerprint: str) -> NumberQuestion:
    """A measure between 0 and 1, checked to 6 decimals.

    Close to the precision of the hidden tests, so that a ✅ is not followed by
    lost points: a figure typed in rounded (0.627 read from the lesson) is told
    "not right yet" here rather than failing unseen at grading.
    """
    return NumberQuestion(qid, title, variable, fingerprint, decimals=6, low=0, high=1,
                          what="a share between 0 and 1")


q1 = FunctionQuestion("chatbots/q1", "Question 1 — find the best entry", "best_entry",
                      _probe_best_entry)

q2 = _share("chatbots/q2", "Question 2 — top-1 accuracy", "top1_accuracy",
            "8085430ce63e8fd9c5e7a1c1f07c29ddca6a228974191e3b43e2fdcda820b219")

q3 = _share("chatbots/q3", "Question 3 — out-of-scope recall", "out_of_scope_recall",
            "3251e509a1d2b46705837e5b1d6bdd8a8249d53dea0ebab723557a72e259d183")

q4 = NumberQuestion("chatbots/q4", "Question 4 — choose the threshold", "chosen_threshold",
                    "18bd9229df0f47f2923923b255718738da74841021899946470a5f9a7b10c043",
                    decimals=2, low=0, high=1, what="a threshold between 0 and 1")

q5 = _share("chatbots/q5", "Question 5 — containment", "containment",
            "d6fc89aac90bdf0208ad525f47dc120db5a97e4d6d57b145f52628c9af8eb11c")

q6 = FunctionQuestion("chatbots/q6", "Question 6 — mask contact details", "mask_contacts",
                      _probe_mask_contacts)

q7 = _share("chatbots/q7", "Question 7 — names caught by redaction", "name_recall",
            "a18a8f192b08ab7c99df8b48f0fb6fac7cfb12847b56931e734cba2e911fa60b")

q8 = ChoiceQuestion("chatbots/q8", "Question 8 — when wrong answers are costly",
                    "costly_measure",
                    "5f0db0aa2973d778eae1975e8c56ed7ac69a614ab40a52c9c246b302987aeeb2")

q9 = ChoiceQuestion("chatbots/q9", "Question 9 — when to hand over", "urgent_case",
                    "33817315def228921cf81edcc87b21ba501fd4ce817cb246ef285bee8d96d387")

q10 = ChoiceQuestion("chatbots/q10", "Question 10 — a vendor's number", "vendor_problem",
                     "0af232d6ff3eb3992191f7d8d9de3e05e06886576b5d6dad471c0bcc85f40a52")

q11 = ChoiceQuestion("chatbots/q11", "Question 11 — generative AI", "generative_design",
                     "b8d696832cc3f0b00d22529bf9198722f8f0ca17781ad8e029a9f5bd1eb3d66b")
