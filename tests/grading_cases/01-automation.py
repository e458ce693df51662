"""Plausible mistakes in module 01's exercise, and the checks each one must fail.

One per misconception the lesson warns about (dates read month first, deleting
doubtful rows, the lesson's rule or month instead of the question's, testing
on the training set, precision for recall, accuracy is enough, automating the
unsure cases, overall figures hide groups), plus hostile answers.
"""

RULES_WITHOUT_DATE_FORMAT = '''def clean_permits(table):
    rules = RegisterRules(id_column="nomor_izin", spelling_columns=("kecamatan",),
                          code_column="kode_pos", date_column="tanggal_terbit")
    return clean_register(table, rules)
'''

DELETES_DOUBTFUL_ROWS = '''def clean_permits(table):
    rules = RegisterRules(id_column="nomor_izin", spelling_columns=("kecamatan",),
                          code_column="kode_pos", date_column="tanggal_terbit",
                          date_format="%d/%m/%Y")
    return clean_register(table, rules).dropna()
'''

DATE_REPORT = '''date_report = validation_report(pets, RegisterRules(
    date_column="license_issue_date", earliest={earliest!r}, latest="2018-12-31"))
'''

TESTS_ON_TRAINING_TEXTS = '''router = train_router(train["text"], train["unit"])
evaluation = evaluate_router(router, train, "text", "unit")
test_accuracy = evaluation.accuracy
'''

HOSTILE_ROUTER_ANSWER = '''class Yes(float):
    def __eq__(self, other):
        return True
    __hash__ = float.__hash__
router = train_router(train["text"], train["unit"])
evaluation = evaluate_router(router, test, "text", "unit")
test_accuracy = Yes(0.5)
'''

# name: (answers by grade_id, check cells that must lose their points)
MISTAKES = {
    "dates read month first (no date format)": ({"q1_answer": RULES_WITHOUT_DATE_FORMAT}, {"q1"}),
    "deletes rows with a doubtful code or date": ({"q1_answer": DELETES_DOUBTFUL_ROWS}, {"q1"}),
    "the lesson's date rule (2015), not the question's": (
        {"q2_answer": DATE_REPORT.format(earliest="2015-01-01")
         + 'old_licences = (date_report["problem"] == "date out of range").sum()\n'}, {"q2"}),
    "the lesson's month (June), not March": (
        {"q3_answer": 'march = monthly_report(clean_pets, "2018-06", date_column="license_issue_date", '
                      'group_column="species")\ncats_in_march = march.table.loc["Cat", "this month"]\n'},
        {"q3"}),
    # Every later figure comes from this evaluation, so they all go wrong with it.
    "tests the router on the texts it learnt from": (
        {"q4_answer": TESTS_ON_TRAINING_TEXTS}, {"q4", "q5", "q7", "q8"}),
    "precision instead of recall": (
        {"q5_answer": 'recall_dpmptsp = evaluation.per_unit.loc["DPMPTSP", "precision"]\n'}, {"q5"}),
    "accuracy is enough": ({"q6_answer": 'accuracy_answer = "a"\n'}, {"q6"}),
    "the lesson's error target (1 in 100)": (
        {"q7_answer": 'threshold_for_target = threshold_for_error_target('
                      'predictions["confidence"], predictions["correct"], 0.01)\n'}, {"q7"}),
    "hours for every complaint, not only the automated ones": (
        {"q8_answer": "share_at_070 = 1.0\nhours_saved = 5000 * 3 / 60\n"}, {"q8"}),
    "routes unsure complaints anyway": ({"q9_answer": 'low_confidence_answer = "b"\n'}, {"q9"}),
    "the overall accuracy hides no one": ({"q10_answer": 'uneven_errors_answer = "a"\n'}, {"q10"}),
    "hostile: a number that equals everything": ({"q4_answer": HOSTILE_ROUTER_ANSWER}, {"q4"}),
}

# Correct answers written another way (see tests/grading_cases/00-start-here.py for the form):
# each must score full marks with nothing flagged.
HONEST = [
    {"name": "rules as a constant, spelling columns as a list", "answers": {"q1_answer": (
        'PERMIT_RULES = RegisterRules(date_format="%d/%m/%Y", date_column="tanggal_terbit",\n'
        '                             code_column="kode_pos", spelling_columns=["kecamatan"],\n'
        '                             id_column="nomor_izin")\n\n\n'
        "def clean_permits(table):\n    return clean_register(table.copy(), PERMIT_RULES)\n")}},
    {"name": "DataFrame.query", "answers": {"q2_answer": (
        'date_report = validation_report(pets, RegisterRules(date_column="license_issue_date",\n'
        '                                earliest="2017-01-01", latest="2018-12-31"))\n'
        "old_licences = len(date_report.query(\"problem == 'date out of range'\"))\n")}},
    {"name": "a warning from an ordinary call, then value_counts", "answers": {"q3_answer": (
        "import warnings\n"
        'warnings.warn("March is a busy month")\n'
        'march = monthly_report(clean_pets, "2018-03", date_column="license_issue_date",\n'
        '                       group_column="species", what="licences")\n'
        'cats_in_march = int(march.table.at["Cat", "this month"])\n')}},
    {"name": "plain scikit-learn for the accuracy", "answers": {"q4_answer": (
        "from sklearn.metrics import accuracy_score\n\n"
        'router = train_router(train["text"], train["unit"])\n'
        'evaluation = evaluate_router(router, test, "text", "unit")\n'
        'test_accuracy = accuracy_score(test["unit"], router.predict(test["text"]))\n')}},
    {"name": "recall typed in, two decimals as the question allows",
     "answers": {"q5_answer": "recall_dpmptsp = 0.79"}},
    {"name": "capital letter", "answers": {"q6_answer": 'accuracy_answer = "B"'}},
    {"name": "the target written as a fraction",
     "answers": {"q7_answer": 'threshold_for_target = threshold_for_error_target(\n'
                              '    predictions["confidence"], predictions["correct"], 1 / 200)\n'}},
    {"name": "the share read with query, the hours by the formula", "answers": {"q8_answer": (
        'share_at_070 = tradeoff.query("threshold == 0.7")["share automated"].iloc[0]\n'
        "hours_saved = 5000 * share_at_070 * 3 / 60\n")}},
    {"name": "spaces around the letter", "answers": {"q9_answer": "low_confidence_answer = ' a '"}},
    {"name": "the letter in brackets", "answers": {"q10_answer": 'uneven_errors_answer = "(c)"'}},
    {"name": "a helper function for the report", "answers": {"q2_answer": (
        "def out_of_range(table, earliest):\n"
        '    report = validation_report(table, RegisterRules(date_column="license_issue_date",\n'
        '                                                    earliest=earliest,\n'
        '                                                    latest="2018-12-31"))\n'
        '    return report["problem"].value_counts().get("date out of range", 0)\n\n\n'
        'old_licences = out_of_range(pets, "2017-01-01")\n')}},
    {"name": "the count typed in after reading the table",
     "answers": {"q3_answer": (
         'march = monthly_report(clean_pets, "2018-03", date_column="license_issue_date",\n'
         '                       group_column="species", what="licences")\n'
         "display(march)\ncats_in_march = 610\n")}},
    {"name": "the accuracy rounded to the stated precision", "answers": {"q4_answer": (
        'router = train_router(train["text"], train["unit"])\n'
        'evaluation = evaluate_router(router, test, "text", "unit")\n'
        "test_accuracy = round(evaluation.accuracy, 3)\n")}},
    {"name": "recall read column first", "answers": {
        "q5_answer": 'recall_dpmptsp = evaluation.per_unit["recall"]["DPMPTSP"]'}},
    {"name": "the threshold typed in", "answers": {"q7_answer": "threshold_for_target = 0.25"}},
    {"name": "hours rounded to whole hours", "answers": {"q8_answer": (
        'share_at_070 = tradeoff.loc[tradeoff["threshold"] == 0.7, "share automated"].item()\n'
        "hours_saved = round(staff_hours_saved(5000, 3, share_at_070))\n")}},
    {"name": "extra cells to look at the results", "after": {
        "q4_answer": "evaluation.per_unit", "q2_answer": "date_report.head()",
        "q8_answer": "print(f'{hours_saved:.1f} hours a month')"}},
    {"name": "saved with old outputs, cells run out of order", "stale": True},
]
