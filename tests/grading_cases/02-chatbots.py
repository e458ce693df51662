"""Plausible mistakes in the module 02 exercise, one per misconception the lesson warns about.

Each entry: (answers by grade_id, the check cells that must lose their points, and for each
of those the words of the message that names the mistake). Every mistake is one more
notebook for nbgrader to grade, so the list keeps one or two per misconception rather than
every variant. The misconceptions: the wrong denominator (all questions, or the in-scope
ones only), the training questions instead of the test questions (and the other way round
for choosing), precision taken for recall, 1 minus the fallback rate for containment, a
target typed for a threshold, rounded figures typed in, an exact text match for retrieval,
handing over inside retrieval, phone rules that know only the examples, and, in Part D,
each wrong option. Questions 1 and 6 leave one blank in a function (the position `best_row`,
the part `start` of the phone pattern): their mistakes are listed both in that blank and as a
learner who rewrote the whole function.
"""

Q1_HEAD = ("def best_entry(question):\n"
           "    question_vector = vectorizer.transform([question])\n"
           "    similarities = cosine_similarity(question_vector, faq_vectors)[0]\n")
Q6_HEAD = ('EMAIL = r"[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"\n\n\n'
           "def mask_contacts(text):\n"
           '    text = re.sub(EMAIL, "[EMAIL]", text)\n')


def phone_rule(pattern: str) -> str:
    """A mask_contacts whose phone rule is `pattern` (written as in the notebook)."""
    return Q6_HEAD + f'    text = re.sub(r"{pattern}", "[PHONE]", text)\n    return text\n'


# The cells as the learner version gives them (one blank to complete): the two functions with
# their blank filled in.
def best_row(blank: str) -> str:
    """best_entry as the notebook writes it, with `blank` in place of the `...`."""
    return ("def best_entry(question):\n"
            '    """The faq_id of the FAQ entry whose question is most similar to `question`."""\n'
            "    question_vector = vectorizer.transform([question])\n"
            "    similarities = cosine_similarity(question_vector, faq_vectors)[0]\n"
            f"    best_row = (\n        {blank}\n    )\n"
            '    return entries["faq_id"].iloc[best_row]\n')


def start_rule(blank: str) -> str:
    """mask_contacts as the notebook writes it, with `blank` in place of the `...` of `start`."""
    return ('EMAIL = r"[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"\n\n\n'
            "def mask_contacts(text):\n"
            f"    start = (\n        {blank}\n    )\n"
            '    separator = r"[ .-]?"  # perhaps a space, a dot or a dash\n'
            '    operator = r"8\\d{1,2}"\n'
            '    middle = r"\\d{3,4}"\n'
            '    last = r"\\d{3,5}"\n'
            "    phone = start + separator + operator + separator + middle + separator + last\n"
            '    text = re.sub(EMAIL, "[EMAIL]", text)\n'
            '    text = re.sub(phone, "[PHONE]", text)\n'
            "    return text\n")


FIRST_NUMBER_ONLY = Q6_HEAD + (
    '    found = re.search(r"(\\+62|62|0)[ .-]?8\\d{1,2}[ .-]?\\d{3,4}[ .-]?\\d{3,5}", text)\n'
    "    if found:\n"
    '        text = text.replace(found.group(), "[PHONE]")\n'
    "    return text\n")

MISTAKES = {
    # The bot must take the MOST similar entry, and answer with the entry's id (its citation).
    "takes the least similar entry": (
        {"q1_answer": Q1_HEAD + '    return entries["faq_id"].iloc[similarities.argmin()]\n'},
        {"q1"}, {"q1": "Are you taking the *most* similar row"}),
    "gives the row position, not the entry id": (
        {"q1_answer": Q1_HEAD + "    return similarities.argmax()\n"}, {"q1"},
        {"q1": "It looks like a row position"}),
    "gives the similarity, not the entry id": (
        {"q1_answer": Q1_HEAD + "    return similarities.max()\n"}, {"q1"},
        {"q1": "It looks like a similarity"}),
    # Retrieval finds the most SIMILAR question: the FAQ's own wording passes the examples, a
    # citizen's own words do not (only the hidden paraphrases show it).
    "looks for the same text instead of the most similar": (
        {"q1_answer": Q1_HEAD + '    return entries.loc[entries["question"] == question, '
                                '"faq_id"].iloc[0]\n'}, {"q1"},
        {"q1": "not look for the same text"}),
    # The lesson's "do not guess, hand over" belongs to the threshold, not to retrieval.
    "hands over inside best_entry when nothing is very similar": (
        {"q1_answer": Q1_HEAD + ("    best_row = similarities.argmax()\n"
                                 "    if similarities[best_row] < 0.2:\n"
                                 '        return "hand over to a person"\n'
                                 '    return entries["faq_id"].iloc[best_row]\n')}, {"q1"},
        {"q1": "whether to answer or hand over to a person is decided later"}),
    # The same, in the one blank the notebook leaves (best_row): the position of the LARGEST
    # similarity, a position and not the similarity itself.
    "blank: the position of the least similar entry": (
        {"q1_answer": best_row("similarities.argmin()")}, {"q1"},
        {"q1": "Are you taking the *most* similar row"}),
    "blank: the largest similarity, not its position": (
        {"q1_answer": best_row("similarities.max()")}, {"q1"},
        {"q1": "the largest similarity itself (a number from 0 to 1, which `.max()` gives) is "
               "not a position"}),
    "blank: argmax without its brackets": (
        {"q1_answer": best_row("similarities.argmax")}, {"q1"},
        {"q1": "write the brackets, `.argmax()`"}),
    "blank: no row when nothing is very similar": (
        {"q1_answer": best_row("similarities.argmax() if similarities.max() >= 0.2 else None")},
        {"q1"}, {"q1": "whether to answer or hand over to a person is decided later"}),
    "blank: the row whose question is the same text": (
        {"q1_answer": best_row('list(entries["question"]).index(question)')}, {"q1"},
        {"q1": "not look for the same text"}),
    # Top-1 accuracy is over in-scope TEST questions only.
    "accuracy over every question, out-of-scope ones included": (
        {"q2_answer": 'top1_accuracy = (test_predicted["faq_id"] == test["faq_id"]).mean()'},
        {"q2"}, {"q2": "That is the share over all test questions"}),
    "top-1 accuracy on the train questions": (
        {"q2_answer": 'top1_accuracy = (train_predicted["faq_id"] == train["faq_id"])'
                      '[train["in_scope"]].mean()'},
        {"q2"}, {"q2": "top-1 accuracy on the train questions"}),
    "the share the bot got wrong": (
        {"q2_answer": 'top1_accuracy = (test_predicted["faq_id"] != test["faq_id"])'
                      '[test["in_scope"]].mean()'},
        {"q2"}, {"q2": "the share of in-scope questions the bot got wrong"}),
    # "About six in ten": the lesson's figure, rounded, typed in.
    "about six in ten typed in for top-1 accuracy": (
        {"q2_answer": "top1_accuracy = 0.6"}, {"q2"},
        {"q2": "That looks like a rounded figure typed in"}),
    # Out-of-scope recall is not the fallback rate, nor its precision.
    "fallback rate instead of out-of-scope recall": (
        {"q3_answer": 'out_of_scope_recall = (test_predicted["confidence"] < 0.20).mean()'},
        {"q3"}, {"q3": "That is the fallback rate"}),
    "precision of the hand-off instead of recall": (
        {"q3_answer": 'out_of_scope_recall = (~test["in_scope"])'
                      '[test_predicted["confidence"] < 0.20].mean()'},
        {"q3"}, {"q3": "a precision. Recall goes the other way"}),
    "the share of out-of-scope questions answered, not handed over": (
        {"q3_answer": 'out_of_scope_recall = (test_predicted["confidence"] >= 0.20)'
                      '[~test["in_scope"]].mean()'},
        {"q3"}, {"q3": "the share of out-of-scope questions the bot answered itself"}),
    "out-of-scope recall on the train questions": (
        {"q3_answer": 'out_of_scope_recall = (train_predicted["confidence"] < 0.20)'
                      '[~train["in_scope"]].mean()'},
        {"q3"}, {"q3": "out-of-scope recall on the train questions"}),
    # Choose on train, measure on test; the question's target, not the lesson's; a threshold,
    # not the target.
    "chooses the threshold on the test questions": (
        {"q4_answer": 'chosen_threshold = lowest_threshold(sweep(test_predicted, test["faq_id"]), '
                      '"out_of_scope_recall", 0.80)'},
        {"q4"}, {"q4": "That is the threshold the test questions give"}),
    "the lesson's target (90%), not the question's": (
        {"q4_answer": 'chosen_threshold = lowest_threshold(sweep(train_predicted, '
                      'train["faq_id"]), "out_of_scope_recall", 0.90)'},
        {"q4"}, {"q4": "chosen for a 90% target"}),
    "types the target as the threshold": (
        {"q4_answer": "chosen_threshold = 0.80"}, {"q4"},
        {"q4": "target for out-of-scope recall (80%), not a threshold"}),
    "the highest threshold that meets the rule": (
        {"q4_answer": 'table = sweep(train_predicted, train["faq_id"])\n'
                      'chosen_threshold = table.loc[table["out_of_scope_recall"] >= 0.80, '
                      '"threshold"].max()'},
        {"q4"}, {"q4": "asks for the lowest threshold that meets it"}),
    # Containment counts right answers only, over all test questions, at the question's threshold.
    "containment as 'not handed to a person'": (
        {"q5_answer": 'containment = 1 - scorecard(test_predicted, test["faq_id"], 0.25)'
                      '["fallback_rate"]'},
        {"q5"}, {"q5": "That is 1 minus the fallback rate"}),
    "about six in ten typed in for containment": (
        {"q5_answer": "containment = 0.6"}, {"q5"},
        {"q5": "1 minus the fallback rate, rounded (about six in ten)"}),
    "containment over the in-scope questions only": (
        {"q5_answer": 'answered = test_predicted["confidence"] >= 0.25\n'
                      'right = test_predicted["faq_id"] == test["faq_id"]\n'
                      'containment = (answered & right)[test["in_scope"]].mean()'},
        {"q5"}, {"q5": "a share of the in-scope questions only"}),
    "containment at question 4's threshold": (
        {"q5_answer": 'containment = scorecard(test_predicted, test["faq_id"], '
                      'chosen_threshold)["containment"]'},
        {"q5"}, {"q5": "at the threshold you chose in question 4"}),
    # Redaction: every way people write a number, and nothing that is not one.
    "phone rule knows only the 08 format": (
        {"q6_answer": Q6_HEAD + '    text = re.sub(r"08\\d{1,2}[ .-]?\\d{3,4}[ .-]?\\d{3,5}", '
                                '"[PHONE]", text)\n    return text\n'},
        {"q6"}, {"q6": "Your rule does not mask +62 812-5550-1234"}),
    "phone rule masks every group of digits": (
        {"q6_answer": Q6_HEAD + '    text = re.sub(r"\\+?\\d[\\d .-]{5,}\\d", "[PHONE]", text)\n'
                                "    return text\n"},
        {"q6"}, {"q6": "dates and amounts are not phone numbers"}),
    "phone rule leaves the plus sign of +62": (
        {"q6_answer": phone_rule(r"(62|0)[ .-]?8\d{1,2}[ .-]?\d{3,4}[ .-]?\d{3,5}")}, {"q6"},
        {"q6": "The plus sign of +62 is left in front of [PHONE]"}),
    "phone rule allows no space after the country code": (
        {"q6_answer": phone_rule(r"(\+62|62|0)8\d{1,2}[ .-]?\d{3,4}[ .-]?\d{3,5}")}, {"q6"},
        {"q6": "with the country code +62 and a space after it"}),
    # The question's examples all start 0812 and have groups of four digits, with one number
    # per message: only the hidden messages show a rule that knows no more than that.
    "phone rule knows only the 0812 operator": (
        {"q6_answer": phone_rule(r"(\+62|62|0)[ .-]?812[ .-]?\d{3,4}[ .-]?\d{3,5}")}, {"q6"},
        {"q6": "Not every mobile number starts 0812"}),
    "phone rule wants exactly four digits in each group": (
        {"q6_answer": phone_rule(r"(\+62|62|0)[ .-]?8\d{2}[ .-]?\d{4}[ .-]?\d{4}")}, {"q6"},
        {"q6": "the last group can be as short as 3 digits"}),
    "the last group of 3 or 4 digits, like the first": (
        {"q6_answer": phone_rule(r"(\+62|62|0)[ .-]?8\d{1,2}[ .-]?\d{3,4}[ .-]?\d{3,4}")}, {"q6"},
        {"q6": "The last group of a mobile number can be 5 digits long"}),
    "masks only the first number of a message": (
        {"q6_answer": FIRST_NUMBER_ONLY}, {"q6"},
        {"q6": "A message can hold more than one number"}),
    "phone rule masks any long run of digits": (
        {"q6_answer": phone_rule(r"\+?\d[\d .-]{9,}\d")}, {"q6"},
        {"q6": "a date with a time, or a large amount"}),
    # The same, in the one blank the notebook leaves (start): every way a number begins, a real
    # plus sign, the choices in brackets.
    "blank: a number begins with 0 only": (
        {"q6_answer": start_rule('r"0"')}, {"q6"},
        {"q6": "Your rule does not mask +62 812-5550-1234"}),
    "blank: the plus sign of +62 left out": (
        {"q6_answer": start_rule('r"(62|0)"')}, {"q6"},
        {"q6": "The plus sign of +62 is left in front of [PHONE]"}),
    "blank: a plain plus sign": (
        {"q6_answer": start_rule('r"(+62|62|0)"')}, {"q6"},
        {"q6": "A real plus sign is written `\\+`"}),
    "blank: the choices without brackets": (
        {"q6_answer": start_rule('r"0|62|\\+62"')}, {"q6"},
        {"q6": "without brackets, `|` splits the whole pattern"}),
    "blank: the country code only with its plus sign": (
        {"q6_answer": start_rule('r"(\\+62|0)"')}, {"q6"},
        {"q6": "Your rule does not mask 62812.5550.1234"}),
    # A measure is computed, not copied: the lesson printed top-1 accuracy as 62.7%, and the
    # exercise shows the redaction table rounded to 3 decimals.
    "types rounded figures instead of computing them": (
        {"q2_answer": "top1_accuracy = 0.627", "q7_answer": "name_recall = 0.942"},
        {"q2", "q7"}, {"q2": "That looks like a rounded figure typed in",
                       "q7": "That is the figure as the table shows it, rounded"}),
    # Recall is the share of details caught; precision is the share of masks that were right.
    "reads precision instead of recall": (
        {"q7_answer": 'name_recall = scores.loc["name", "precision"]'}, {"q7"},
        {"q7": "it is their precision"}),
    "reads the row of every kind of detail": (
        {"q7_answer": 'name_recall = scores.loc["all", "recall"]'}, {"q7"},
        {"q7": 'the row "all"'}),
    # Judgement: caution where wrong answers are costly, people for urgent cases, containment
    # that counts right answers only, generative answers grounded in approved sources.
    "lets containment decide a health bot's threshold": (
        {"q8_answer": 'costly_measure = "a"'}, {"q8"},
        {"q8": "Containment rewards the bot for answering"}),
    "lets top-1 accuracy decide the threshold": (
        {"q8_answer": 'costly_measure = "c"'}, {"q8"},
        {"q8": "Top-1 accuracy is the same at every threshold"}),
    "trusts the confidence on an urgent health question": (
        {"q9_answer": 'urgent_case = "a"'}, {"q9"},
        {"q9": "A high confidence only means the words look like"}),
    "asks an urgent case to rephrase": (
        {"q9_answer": 'urgent_case = "b"'}, {"q9"}, {"q9": "Asking to rephrase delays"}),
    "takes the vendor's containment at face value": (
        {"q10_answer": 'vendor_problem = "b"'}, {"q10"},
        {"q10": '"Ended without a person" is not the same as "helped"'}),
    "would leave out the out-of-scope conversations": (
        {"q10_answer": 'vendor_problem = "c"'}, {"q10"},
        {"q10": "Containment is a share of all questions"}),
    "trains the model on the FAQ instead of grounding it": (
        {"q11_answer": 'generative_design = "a"'}, {"q11"},
        {"q11": "A model trained on your pages still writes its own words"}),
    "a warning under every answer": (
        {"q11_answer": 'generative_design = "b"'}, {"q11"},
        {"q11": "A warning does not make an answer right"}),
    "hostile: a number that equals everything": (
        {"q2_answer": "class Yes(float):\n    def __eq__(self, other):\n        return True\n"
                      "top1_accuracy = Yes(0.5)"},
        {"q2"}, {"q2": "behaves like a number but is not an ordinary number"}),
}

# Correct answers written another way (see tests/grading_cases/00-start-here.py for the form):
# each must score full marks with nothing flagged.
HONEST = [
    {"name": "the best row with .loc", "answers": {"q1_answer": Q1_HEAD + (
        '    return entries.loc[similarities.argmax(), "faq_id"]\n')}},
    {"name": "top-1 accuracy by the course's scorecard", "answers": {
        "q2_answer": 'top1_accuracy = scorecard(test_predicted, test["faq_id"], 0)["top1_accuracy"]'}},
    {"name": "out-of-scope recall with .loc", "answers": {"q3_answer": (
        'out_of_scope_recall = (test_predicted.loc[~test["in_scope"], "confidence"] < 0.2).mean()')}},
    {"name": "the threshold typed in after the sweep", "answers": {
        "q4_answer": "chosen_threshold = 0.16"}},
    {"name": "containment by hand", "answers": {"q5_answer": (
        'answered = test_predicted["confidence"] >= 0.25\n'
        'right = test_predicted["faq_id"] == test["faq_id"]\n'
        "containment = (answered & right).mean()")}},
    {"name": "a compiled pattern with groups", "answers": {"q6_answer": Q6_HEAD + (
        '    phone = re.compile(r"(\\+62|62|0)[ .-]?8\\d{1,2}([ .-]?\\d{3,5}){2}")\n'
        '    return phone.sub("[PHONE]", text)\n')}},
    {"name": "recall read column first", "answers": {"q7_answer": 'name_recall = scores["recall"]["name"]'}},
    {"name": "capital letter", "answers": {"q8_answer": 'costly_measure = "B"'}},
    {"name": "spaces around the letter", "answers": {"q9_answer": "urgent_case = ' c '"}},
    {"name": "the letter in brackets", "answers": {"q10_answer": 'vendor_problem = "(a)"'}},
    {"name": "a loop over the similarities", "answers": {"q1_answer": Q1_HEAD + (
        "    best_row, best = 0, -1.0\n"
        "    for row, similarity in enumerate(similarities):\n"
        "        if similarity > best:\n"
        "            best_row, best = row, similarity\n"
        '    return entries["faq_id"].iloc[best_row]\n')}},
    {"name": "in-scope questions kept with query", "answers": {"q2_answer": (
        'kept = test.assign(chosen=test_predicted["faq_id"]).query("in_scope")\n'
        'top1_accuracy = (kept["chosen"] == kept["faq_id"]).mean()')}},
    {"name": "out-of-scope recall by the course's scorecard", "answers": {"q3_answer": (
        'out_of_scope_recall = scorecard(test_predicted, test["faq_id"], 0.20)'
        '["out_of_scope_recall"]')}},
    {"name": "containment rounded to the stated six decimals", "answers": {"q5_answer": (
        'containment = round(scorecard(test_predicted, test["faq_id"], 0.25)["containment"], 6)')}},
    {"name": "recall with .at", "answers": {"q7_answer": 'name_recall = scores.at["name", "recall"]'}},
    {"name": "capital letter again", "answers": {"q11_answer": 'generative_design = "C"'}},
    {"name": "the best row with NumPy and a list", "answers": {"q1_answer": Q1_HEAD + (
        "    import numpy as np\n"
        '    return list(entries["faq_id"])[int(np.argmax(similarities))]\n')}},
    {"name": "digits written as [0-9], the groups as in the hint", "answers": {"q6_answer": phone_rule(
        r"(\+62|62|0)[ .\-]?8[0-9]{1,2}[ .\-]?[0-9]{3,4}[ .\-]?[0-9]{3,5}")}},
    {"name": "the threshold read from the train sweep with query", "answers": {"q4_answer": (
        'table = sweep(train_predicted, train["faq_id"])\n'
        'chosen_threshold = table.query("out_of_scope_recall >= 0.8")["threshold"].min()')}},
    {"name": "recall read row first, then column", "answers": {
        "q7_answer": 'name_recall = scores.loc["name"]["recall"]'}},
    {"name": "a letter in brackets, a capital letter", "answers": {"q8_answer": 'costly_measure = "(b)"',
                                                          "q9_answer": 'urgent_case = "C"'}},
    {"name": "extra cells and a warning", "after": {
        "q2_answer": "import warnings\nwarnings.warn('looking at the misses')\n"
                     'test[test_predicted["faq_id"] != test["faq_id"]].head()',
        "q7_answer": "scores"}},
    {"name": "saved with old outputs, cells run out of order", "stale": True},
    # the one blank of each function, filled in other ways
    {"name": "the blank: the first position of the largest similarity, by hand", "answers": {
        "q1_answer": best_row("list(similarities).index(max(similarities))")}},
    {"name": "the blank: the smallest of the similarities turned negative", "answers": {
        "q1_answer": best_row("int((-similarities).argmin())")}},
    {"name": "the blank: the choices in another order", "answers": {
        "q6_answer": start_rule('r"(0|62|\\+62)"')}},
    {"name": "the blank: an optional plus sign, without r", "answers": {
        "q6_answer": start_rule('"(\\\\+?62|0)"')}},
    {"name": "the blank: a group that keeps nothing", "answers": {
        "q6_answer": start_rule('r"(?:\\+62|62|0)"')}},
]
