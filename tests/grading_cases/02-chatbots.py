"""Plausible mistakes in the module 02 exercise, one per misconception the lesson warns about.

Each entry: (answers by grade_id, the check cells that must lose their points). Every
mistake is one more notebook for nbgrader to grade, so the list keeps one or two per
misconception rather than every variant.
"""

Q1_HEAD = ("def best_entry(question):\n"
           "    question_vector = vectorizer.transform([question])\n"
           "    similarities = cosine_similarity(question_vector, faq_vectors)[0]\n")
Q6_HEAD = ('EMAIL = r"[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"\n\n\n'
           "def mask_contacts(text):\n"
           '    text = re.sub(EMAIL, "[EMAIL]", text)\n')

MISTAKES = {
    # The bot must take the MOST similar entry, and answer with the entry's id (its citation).
    "takes the least similar entry": (
        {"q1_answer": Q1_HEAD + '    return entries["faq_id"].iloc[similarities.argmin()]\n'},
        {"q1"}),
    "gives the row position, not the entry id": (
        {"q1_answer": Q1_HEAD + "    return similarities.argmax()\n"}, {"q1"}),
    # Top-1 accuracy is over in-scope questions only.
    "accuracy over every question, out-of-scope ones included": (
        {"q2_answer": 'top1_accuracy = (test_predicted["faq_id"] == test["faq_id"]).mean()'},
        {"q2"}),
    # Out-of-scope recall is not the fallback rate.
    "fallback rate instead of out-of-scope recall": (
        {"q3_answer": 'out_of_scope_recall = (test_predicted["confidence"] < 0.20).mean()'},
        {"q3"}),
    # Choose on train, measure on test.
    "chooses the threshold on the test questions": (
        {"q4_answer": 'chosen_threshold = lowest_threshold(sweep(test_predicted, test["faq_id"]), '
                      '"out_of_scope_recall", 0.80)'},
        {"q4"}),
    # Containment counts right answers only.
    "containment as 'not handed to a person'": (
        {"q5_answer": 'containment = 1 - scorecard(test_predicted, test["faq_id"], 0.25)'
                      '["fallback_rate"]'},
        {"q5"}),
    # Redaction: every way people write a number, and nothing that is not one.
    "phone rule knows only the 08 format": (
        {"q6_answer": Q6_HEAD + '    text = re.sub(r"08\\d{1,2}[ .-]?\\d{3,4}[ .-]?\\d{3,5}", '
                                '"[PHONE]", text)\n    return text\n'},
        {"q6"}),
    "phone rule masks every group of digits": (
        {"q6_answer": Q6_HEAD + '    text = re.sub(r"\\+?\\d[\\d .-]{5,}\\d", "[PHONE]", text)\n'
                                "    return text\n"},
        {"q6"}),
    # A measure is computed, not copied: the lesson printed top-1 accuracy as 62.7%.
    "types rounded figures instead of computing them": (
        {"q2_answer": "top1_accuracy = 0.627", "q7_answer": "name_recall = 0.942"},
        {"q2", "q7"}),
    # Recall is the share of details caught; precision is the share of masks that were right.
    "reads precision instead of recall": (
        {"q7_answer": 'name_recall = scores.loc["name", "precision"]'}, {"q7"}),
    # Judgement: caution where wrong answers are costly, people for urgent cases.
    "lets containment decide a health bot's threshold": (
        {"q8_answer": 'costly_measure = "a"'}, {"q8"}),
    "trusts the confidence on an urgent health question": (
        {"q9_answer": 'urgent_case = "a"'}, {"q9"}),
    "hostile: a number that equals everything": (
        {"q2_answer": "class Yes(float):\n    def __eq__(self, other):\n        return True\n"
                      "top1_accuracy = Yes(0.5)"},
        {"q2"}),
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
    {"name": "the letter in brackets", "answers": {"q10_answer": 'vendor_problem = "(b)"'}},
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
    {"name": "capital letter again", "answers": {"q11_answer": 'generative_design = "B"'}},
    {"name": "extra cells and a warning", "after": {
        "q2_answer": "import warnings\nwarnings.warn('looking at the misses')\n"
                     'test[test_predicted["faq_id"] != test["faq_id"]].head()',
        "q7_answer": "scores"}},
    {"name": "saved with old outputs, cells run out of order", "stale": True},
]
