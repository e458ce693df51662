"""Plausible mistakes in module 01's exercise, and the checks each one must fail.

One per misconception the lesson warns about (a repeated id not flagged, dates read month
first, a rule not asked for, the lesson's rule or month instead of the question's, testing
on the training set, precision for recall, a target typed in for a threshold, a hint's
rounded figure, accuracy is enough, automating the unsure cases, overall figures hide
groups), at least one per graded part and one per wrong option, plus hostile answers.
"""

#: Question 1's five rules, as the question asks for them; a mistake changes one of them.
RULES = {
    "id_column": '"nomor_izin"',
    "spelling_columns": '("kecamatan",)',
    "code_column": '"kode_pos"',
    "date_column": '"tanggal_terbit"',
    "date_format": '"%d/%m/%Y"',
}


def permit_rules(without=(), **changed):
    """An answer to question 1: the rules, with some left out and some changed."""
    rules = {name: value for name, value in {**RULES, **changed}.items() if name not in without}
    lines = "".join(f"    {name}={value},\n" for name, value in rules.items())
    return {"q1_answer": f"permit_rules = RegisterRules(\n{lines})\n"}


DATE_REPORT = '''date_report = validation_report(pets, RegisterRules(
    date_column="license_issue_date", earliest={earliest!r}, latest="2018-12-31"))
'''

MARCH = '''march = monthly_report(clean_pets, {month!r}, date_column="license_issue_date",
                       group_column="species", what="licences")
'''

TESTS_ON_TRAINING_TEXTS = '''router = train_router(train["text"], train["unit"])
evaluation = evaluate_router(router, train, "text", "unit")
test_accuracy = evaluation.accuracy
'''

TRAINS_ON_EVERY_COMPLAINT = '''router = train_router(complaints["text"], complaints["unit"])
evaluation = evaluate_router(router, test, "text", "unit")
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

SHARE_AT_070 = 'share_at_070 = tradeoff.loc[tradeoff["threshold"] == 0.7, "share automated"].item()\n'

# name: (answers by grade_id, check cells that must lose their points,
#        {check: words of the message the learner must get for this mistake})
MISTAKES = {
    # -- question 1: each rule the question asks for, missing or wrong, and a rule too many
    "no id column: a repeated permit number would not be flagged": (
        permit_rules(without=["id_column"]), {"q1"},
        {"q1": "which column is the permit number"}),
    "no spelling rule": (
        permit_rules(without=["spelling_columns"]), {"q1"},
        {"q1": "spelling variants should be merged"}),
    "no postcode rule": (
        permit_rules(without=["code_column"]), {"q1"}, {"q1": "which column holds the postcode"}),
    "no date column": (
        permit_rules(without=["date_column"]), {"q1"},
        {"q1": "which column holds the date of issue"}),
    "dates read month first (no date format)": (
        permit_rules(without=["date_format"]), {"q1"}, {"q1": "read month first, as 4 March"}),
    "a month-first date format": (
        permit_rules(date_format='"%m/%d/%Y"'), {"q1"}, {"q1": "reads the month first"}),
    "a two-digit year in the date format": (
        permit_rules(date_format='"%d/%m/%y"'), {"q1"}, {"q1": "two-digit year"}),
    "the postcode taken for the id": (
        permit_rules(id_column='"kode_pos"'), {"q1"}, {"q1": "which is not the permit number"}),
    "the lesson's stall columns kept": (
        permit_rules(id_column='"no_kios"'), {"q1"},
        {"q1": "a column of the lesson's market-stall register"}),
    "a date range the question does not ask for (the lesson's Seattle rule)": (
        permit_rules(earliest='"2015-01-01"', latest='"2018-12-31"'), {"q1"},
        {"q1": "a date range the question does not ask for"}),
    "the rules of the lesson by name": (
        {"q1_answer": "permit_rules = STALL_RULES\n"}, {"q1"},
        {"q1": "Python does not know the name `STALL_RULES`"}),
    # -- question 2
    "the lesson's date rule (2015), not the question's": (
        {"q2_answer": DATE_REPORT.format(earliest="2015-01-01")
         + 'old_licences = (date_report["problem"] == "date out of range").sum()\n'}, {"q2"},
        {"q2": "the lesson's rule (from 2015)"}),
    "the rule starts a day early": (
        {"q2_answer": DATE_REPORT.format(earliest="2016-12-31")
         + 'old_licences = (date_report["problem"] == "date out of range").sum()\n'}, {"q2"},
        {"q2": "licences dated 31 December 2016 count as in range"}),
    "counts every row of the report": (
        {"q2_answer": DATE_REPORT.format(earliest="2017-01-01") + "old_licences = len(date_report)\n"},
        {"q2"}, {"q2": "That counts every row of the report"}),
    "the matches, not their count": (
        {"q2_answer": DATE_REPORT.format(earliest="2017-01-01")
         + 'old_licences = date_report["problem"] == "date out of range"\n'}, {"q2"},
        {"q2": "is a column of values"}),
    # -- question 3
    "the lesson's month (June), not March": (
        {"q3_answer": MARCH.format(month="2018-06")
         + 'cats_in_march = march.table.loc["Cat", "this month"]\n'}, {"q3"},
        {"q3": "That is June 2018, the lesson's month"}),
    "March of the wrong year": (
        {"q3_answer": MARCH.format(month="2017-03")
         + 'cats_in_march = march.table.loc["Cat", "this month"]\n'}, {"q3"},
        {"q3": "That is March 2017"}),
    "the month before's column": (
        {"q3_answer": MARCH.format(month="2018-03")
         + 'cats_in_march = march.table.loc["Cat", "month before"]\n'}, {"q3"},
        {"q3": "the month before March"}),
    # -- question 4 (every later figure of Parts C and D comes from its evaluation)
    "tests the router on the texts it learnt from": (
        {"q4_answer": TESTS_ON_TRAINING_TEXTS}, {"q4", "q5", "q7", "q8"},
        {"q4": "complaints the router learnt from", "q5": "question 4", "q7": "question 4",
         "q8": "question 4"}),
    "trains the router on every complaint, the test ones too": (
        {"q4_answer": TRAINS_ON_EVERY_COMPLAINT}, {"q4", "q5", "q7", "q8"},
        {"q4": "complaints the router learnt from", "q5": "uses your answer to question 4",
         "q7": "uses your answer to question 4", "q8": "uses your answer to question 4"}),
    "the accuracy as a percentage": (
        {"q4_answer": 'router = train_router(train["text"], train["unit"])\n'
                      'evaluation = evaluate_router(router, test, "text", "unit")\n'
                      "test_accuracy = evaluation.accuracy * 100\n"}, {"q4"},
        {"q4": "that looks like a percentage"}),
    "hostile: a number that equals everything": (
        {"q4_answer": HOSTILE_ROUTER_ANSWER}, {"q4"},
        {"q4": "behaves like a number but is not an ordinary number"}),
    # -- question 5
    "precision instead of recall": (
        {"q5_answer": 'recall_dpmptsp = evaluation.per_unit.loc["DPMPTSP", "precision"]\n'}, {"q5"},
        {"q5": "That is DPMPTSP's precision"}),
    "the overall accuracy instead of one unit's recall": (
        {"q5_answer": "recall_dpmptsp = evaluation.accuracy\n"}, {"q5"},
        {"q5": "accuracy over all units"}),
    # -- question 6: each wrong option
    "accuracy is enough, compared with another router": (
        {"q6_answer": 'accuracy_answer = "a"\n'}, {"q6"},
        {"q6": "Comparing with the breach router says little"}),
    "more accuracy before a look at the classes": (
        {"q6_answer": 'accuracy_answer = "c"\n'}, {"q6"},
        {"q6": "A higher overall accuracy can still hide a class"}),
    # -- question 7
    "the lesson's error target (1 in 100)": (
        {"q7_answer": 'threshold_for_target = threshold_for_error_target('
                      'predictions["confidence"], predictions["correct"], 0.01)\n'}, {"q7"},
        {"q7": "the threshold for the lesson's target"}),
    "the target typed in for the threshold": (
        {"q7_answer": "threshold_for_target = 0.005\n"}, {"q7"},
        {"q7": "That is an error target (a share of wrong routes), not a threshold"}),
    "the share that must be right typed in for the threshold": (
        {"q7_answer": "threshold_for_target = 0.995\n"}, {"q7"},
        {"q7": "the share of automated complaints that must be right"}),
    # -- question 8
    "hours for every complaint, not only the automated ones": (
        {"q8_answer": "share_at_070 = 1.0\nhours_saved = 5000 * 3 / 60\n"}, {"q8"},
        {"q8": "That is the time for every complaint"}),
    "the share that goes to review": (
        {"q8_answer": SHARE_AT_070 + "hours_saved = staff_hours_saved(5000, 3, 1 - share_at_070)\n"},
        {"q8"}, {"q8": "That uses the share that goes to review"}),
    "the hint's rounded share typed in": (
        {"q8_answer": "share_at_070 = 0.6\nhours_saved = staff_hours_saved(5000, 3, share_at_070)\n"},
        {"q8"}, {"q8": "That uses a rounded share"}),
    "minutes, not hours": (
        {"q8_answer": SHARE_AT_070 + "hours_saved = 5000 * share_at_070 * 3\n"}, {"q8"},
        {"q8": "That is minutes, not hours"}),
    "the lesson's city, not this one": (
        {"q8_answer": SHARE_AT_070 + "hours_saved = staff_hours_saved(3000, 4, share_at_070)\n"},
        {"q8"}, {"q8": "That uses the lesson's city"}),
    # -- question 9: each wrong option
    "routes unsure complaints anyway, for the unit to sort out": (
        {"q9_answer": 'low_confidence_answer = "b"\n'}, {"q9"},
        {"q9": "sending the complaint there anyway still routes it automatically"}),
    "sends the unsure complaint back to the citizen": (
        {"q9_answer": 'low_confidence_answer = "c"\n'}, {"q9"},
        {"q9": "pushes the agency's uncertainty back onto the citizen"}),
    # -- question 10: each wrong option
    "the overall accuracy hides no one": (
        {"q10_answer": 'uneven_errors_answer = "a"\n'}, {"q10"},
        {"q10": "The overall figure is what hides the problem"}),
    "asks citizens to change how they write": (
        {"q10_answer": 'uneven_errors_answer = "b"\n'}, {"q10"},
        {"q10": "puts the router's weakness on the citizens"}),
}

# Correct answers written another way (see tests/grading_cases/00-start-here.py for the form):
# each must score full marks with nothing flagged.
HONEST = [
    {"name": "rules in another order, spelling columns as a list", "answers": {"q1_answer": (
        'permit_rules = RegisterRules(date_format="%d/%m/%Y", date_column="tanggal_terbit",\n'
        '                             code_column="kode_pos", spelling_columns=["kecamatan"],\n'
        '                             id_column="nomor_izin")\n')}},
    {"name": "the defaults written out", "answers": {"q1_answer": (
        'permit_rules = RegisterRules(id_column="nomor_izin", spelling_columns=("kecamatan",),\n'
        '                             code_column="kode_pos", code_digits=5, also_valid=(),\n'
        '                             date_column="tanggal_terbit", date_format="%d/%m/%Y",\n'
        "                             earliest=None, latest=None, required_columns=())\n")}},
    {"name": "column names kept in variables", "answers": {"q1_answer": (
        'permit_number = "nomor_izin"\n'
        'district = "kecamatan"\n'
        'permit_rules = RegisterRules(id_column=permit_number, spelling_columns=(district,),\n'
        '                             code_column="kode_pos", date_column="tanggal_terbit",\n'
        '                             date_format="%d/%m/%Y")\n')}},
    {"name": "one spelling column without the brackets' comma", "answers": {"q1_answer": (
        'permit_rules = RegisterRules(id_column="nomor_izin", spelling_columns=("kecamatan"),\n'
        '                             code_column="kode_pos", date_column="tanggal_terbit",\n'
        "                             date_format='%d/%m/%Y')\n")}},
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
        SHARE_AT_070 + "hours_saved = round(staff_hours_saved(5000, 3, share_at_070))\n")}},
    {"name": "the share typed in with the table's three decimals", "answers": {"q8_answer": (
        "share_at_070 = 0.603\nhours_saved = staff_hours_saved(5000, 3, share_at_070)\n")}},
    {"name": "extra cells to look at the results", "after": {
        "q4_answer": "evaluation.per_unit", "q2_answer": "date_report.head()",
        "q1_answer": "validation_report(permits, permit_rules)",
        "q8_answer": "print(f'{hours_saved:.1f} hours a month')"}},
    {"name": "saved with old outputs, cells run out of order", "stale": True},
]
