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
