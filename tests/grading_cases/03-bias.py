"""Plausible mistakes in module 03's exercise, the checks each one must fail, and the words of
the message each failing check must give (a named message, never only "not right yet").

At least one per graded part, one per misconception the lesson warns about (the rate over
the wrong households, the ratio the wrong way round, FNR and FPR swapped, a proxy measured
against the outcome, a small group's rate at face value, accuracy for a decision that harms
or helps, equal selection rates for equal misses), and the gaps the question's own examples
would not reveal (question 5's hidden inputs). Each mistake costs a full run of the exercise
under nbgrader.
"""

_MISS_RATE = "def miss_rate(truly_poor, selected):\n    return {}\n"
_MITIGATED = 'mitigated = fairness.mitigate(model, {!r}, {!r})'

# name: (answers by grade_id, check cells that must lose their points, {check: words told})
MISTAKES = {
    # -- question 1: an approval rate by hand
    "rate over all applicants, not within the group": (
        {"q1_answer": 'approval_rate_black = mortgages["approved"].mean()'}, {"q1"},
        {"q1": "approval rate over all applicants"}),
    "the denial rate for the approval rate": (
        {"q1_answer": 'approval_rate_black = mortgages.loc[mortgages["african_american"], '
                      '"denied"].mean()'}, {"q1"},
        {"q1": "share of African American applicants who were denied"}),
    "the share of African American applicants among the approved (the wrong way round)": (
        {"q1_answer": 'approval_rate_black = mortgages.loc[mortgages["approved"], '
                      '"african_american"].mean()'}, {"q1"},
        {"q1": "the rate the wrong way round"}),
    # -- question 2: the four-fifths ratio
    "ratio the wrong way round (highest over lowest)": (
        {"q2_answer": 'approval_ratio = approval_rates["rate"].max() / '
                      'approval_rates["rate"].min()'}, {"q2"},
        {"q2": "the higher rate divided by the lower one"}),
    "the difference of the rates, not their ratio": (
        {"q2_answer": 'approval_ratio = approval_rates["rate"].max() - '
                      'approval_rates["rate"].min()'}, {"q2"},
        {"q2": "difference between the two approval rates"}),
    "the counts of approvals divided, not the rates": (
        {"q2_answer": 'approval_ratio = approval_rates["yes"].min() / '
                      'approval_rates["yes"].max()'}, {"q2"},
        {"q2": "divides the numbers of approved applications"}),
    # -- question 3: what the ratio tells you
    "a disparity proves discrimination": (
        {"q3_answer": 'ratio_reading = "a"'}, {"q3"},
        {"q3": "not a legal test of discrimination"}),
    "the gap explained away before anyone measured it": (
        {"q3_answer": 'ratio_reading = "b"'}, {"q3"}, {"q3": "nobody has measured it yet"}),
    # -- question 4: the strongest proxy
    "the column most associated with the decision (the outcome), not with race": (
        {"q4_answer": 'strongest_proxy = fairness.proxy_strength(\n'
                      '    mortgages[financial + ["approved"]], "approved").index[0]'}, {"q4"},
        {"q4": "most strongly associated with the bank's decision"}),
    "the strength of the association, not the column's name": (
        {"q4_answer": 'strongest_proxy = fairness.proxy_strength(finances, '
                      '"african_american").iloc[0]'}, {"q4"},
        {"q4": "not the column's name"}),
    "the last name of the list, read as if it were sorted weakest first": (
        {"q4_answer": 'strongest_proxy = fairness.proxy_strength(finances, '
                      '"african_american").index[-1]'}, {"q4"},
        {"q4": "least associated with race"}),
    # -- question 5: a miss rate by hand
    "misses counted over every household, not only the poor": (
        {"q5_answer": _MISS_RATE.format("(truly_poor & ~selected).mean()")}, {"q5"},
        {"q5": "divides the missed poor households by all the households"}),
    "the hit rate (TPR) for the miss rate": (
        {"q5_answer": _MISS_RATE.format("selected[truly_poor].mean()")}, {"q5"},
        {"q5": "the hit rate, TPR"}),
    "the share poor among the households not selected (the wrong way round)": (
        {"q5_answer": _MISS_RATE.format("truly_poor[~selected].mean()")}, {"q5"},
        {"q5": "the rate the wrong way round"}),
    "Fairlearn's false_negative_rate, which says 0 for a group without poor households": (
        {"q5_answer": _MISS_RATE.format("false_negative_rate(truly_poor, selected)")}, {"q5"},
        {"q5": "has nobody who could be missed"}),
    "rows looked up one by one by their number": (
        {"q5_answer": "def miss_rate(truly_poor, selected):\n"
                      "    poor = missed = 0\n"
                      "    for i in range(len(truly_poor)):\n"
                      "        if truly_poor[i]:\n"
                      "            poor += 1\n"
                      "            if not selected[i]:\n"
                      "                missed += 1\n"
                      "    return missed / poor\n"}, {"q5"},
        {"q5": "whose rows are not numbered from 0"}),
    # -- question 6: the audit with Fairlearn
    "FNR and FPR swapped": (
        {"q6_answer": "by_disability = MetricFrame(\n"
                      '    metrics={"selection_rate": selection_rate, "FNR": false_positive_rate,\n'
                      '             "FPR": false_negative_rate},\n'
                      '    y_true=households["truly_poor"], y_pred=households["selected"],\n'
                      '    sensitive_features=households["disability"]).by_group\n'}, {"q6"},
        {"q6": "paired with `false_negative_rate`"}),
    "the lesson's groups (sex of the head) instead of disability": (
        {"q6_answer": "by_disability = MetricFrame(\n"
                      '    metrics={"selection_rate": selection_rate, "FNR": false_negative_rate,\n'
                      '             "FPR": false_positive_rate},\n'
                      '    y_true=households["truly_poor"], y_pred=households["selected"],\n'
                      '    sensitive_features=households["head_sex"]).by_group\n'}, {"q6"},
        {"q6": "this question compares households by `disability`"}),
    "the truth and the decision swapped": (
        {"q6_answer": "by_disability = MetricFrame(\n"
                      '    metrics={"selection_rate": selection_rate, "FNR": false_negative_rate,\n'
                      '             "FPR": false_positive_rate},\n'
                      '    y_true=households["selected"], y_pred=households["truly_poor"],\n'
                      '    sensitive_features=households["disability"]).by_group\n'}, {"q6"},
        {"q6": "not the other way round"}),
    # -- question 7: the largest miss-rate ratio
    "the largest miss rate, not the largest ratio": (
        {"q7_answer": 'largest_fnr_ratio = fairness.disparity(by_province["FNR"], '
                      '"Jawa Barat")["rate"].max()'}, {"q7"},
        {"q7": "the largest miss rate itself"}),
    "the province with the most poor households as the reference": (
        {"q7_answer": 'largest_fnr_ratio = fairness.disparity(by_province["FNR"], '
                      '"Nusa Tenggara Timur")["ratio"].max()'}, {"q7"},
        {"q7": "takes Nusa Tenggara Timur"}),
    "the reference's rate divided by each province's (the wrong way round)": (
        {"q7_answer": 'largest_fnr_ratio = (by_province.loc["Jawa Barat", "FNR"] / '
                      'by_province["FNR"]).max()'}, {"q7"},
        {"q7": "the ratio the wrong way round"}),
    # -- question 8: reading the largest ratio
    "a tiny group's ratio taken at face value": (
        {"q8_answer": 'largest_ratio_reading = "a"'}, {"q8"},
        {"q8": "takes the ratio at face value"}),
    "a tiny group's ratio taken as confirming a known pattern": (
        {"q8_answer": 'largest_ratio_reading = "c"'}, {"q8"}, {"q8": "cannot confirm it"}),
    # -- question 9: which error rate matters
    "accuracy chosen for a punitive decision": (
        {"q9a_answer": 'metric_tax_audit = "c"'}, {"q9a"},
        {"q9a": "Accuracy mixes both kinds of error"}),
    "the miss rate for a punitive decision (tax audits)": (
        {"q9a_answer": 'metric_tax_audit = "b"'}, {"q9a"}, {"q9a": "an audit is a burden"}),
    "the false-alarm rate for an assistive decision (scholarships)": (
        {"q9b_answer": 'metric_scholarship = "a"'}, {"q9b"},
        {"q9b": "think of the pupils who need it"}),
    "the miss rate for a punitive decision (held claims)": (
        {"q9c_answer": 'metric_claims = "b"'}, {"q9c"},
        {"q9c": "the honest claims held for months"}),
    # -- question 10: equal miss rates; question 11 uses its decisions
    "equal selection rates instead of equal misses (the accuracy follows)": (
        {"q10_answer": _MITIGATED.format("disability", "demographic_parity")}, {"q10", "q11"},
        {"q10": "equal selection rates", "q11": "question 10"}),
    "equal false-alarm rates, the rate for a punitive decision": (
        {"q10_answer": _MITIGATED.format("disability", "false_positive_rate_parity")},
        {"q10", "q11"}, {"q10": "false-alarm rates (FPR) equal", "q11": "question 10"}),
    "mitigated for the lesson's groups (sex of the head), not for disability": (
        {"q10_answer": _MITIGATED.format("head_sex", "false_negative_rate_parity")},
        {"q10", "q11"}, {"q10": "female- and male-headed", "q11": "question 10"}),
    "equal miss and false-alarm rates (equalized odds), more than asked": (
        {"q10_answer": _MITIGATED.format("disability", "equalized_odds")}, {"q10"},
        {"q10": "make the false-alarm rates equal too (`\"equalized_odds\"`)"}),
    # -- question 11: the mitigated model's accuracy
    "the office's rule's accuracy, not the mitigated model's": (
        {"q11_answer": 'mitigated_accuracy = (households["selected"] == '
                       'households["truly_poor"]).mean()'}, {"q11"},
        {"q11": "accuracy of the office's rule"}),
    "the share selected, not the share decided rightly": (
        {"q11_answer": "mitigated_accuracy = mitigated.mean()"}, {"q11"},
        {"q11": "its selection rate"}),
    "the share of wrong decisions, not of right ones": (
        {"q11_answer": 'mitigated_accuracy = (mitigated != households["truly_poor"]).mean()'},
        {"q11"}, {"q11": "the share of wrong decisions"}),
    # -- question 12: should the office switch?
    "a more accurate model is automatically the fair choice": (
        {"q12_answer": 'switch_decision = "a"'}, {"q12"},
        {"q12": "Accuracy counts a missed poor household"}),
    "a protected characteristic ends the discussion, whatever the results": (
        {"q12_answer": 'switch_decision = "b"'}, {"q12"},
        {"q12": "unlawful or contested in many places"}),
}

# Correct answers written another way (see tests/grading_cases/00-start-here.py for the form):
# each must score full marks with nothing flagged.
HONEST = [
    {"name": "a boolean filter, then the mean", "answers": {"q1_answer": (
        'approval_rate_black = mortgages[mortgages["african_american"]]["approved"].mean()')}},
    {"name": "the ratio by hand, rounded as the lesson shows it", "answers": {"q2_answer": (
        'approval_ratio = round(approval_rates["rate"].min() / approval_rates["rate"].max(), 2)')}},
    {"name": "capital letter", "answers": {"q3_answer": 'ratio_reading = "C"'}},
    {"name": "the column typed in after reading the list", "answers": {
        "q4_answer": 'strongest_proxy = "consumer_credit"'}},
    {"name": "one minus the hit rate", "answers": {"q5_answer": (
        "def miss_rate(truly_poor, selected):\n    return 1 - selected[truly_poor].mean()\n")}},
    {"name": "the audit with attribute access and the metrics in another order",
     "answers": {"q6_answer": (
         "by_disability = MetricFrame(\n"
         '    metrics={"FPR": false_positive_rate, "FNR": false_negative_rate,\n'
         '             "selection_rate": selection_rate},\n'
         "    y_true=households.truly_poor, y_pred=households.selected,\n"
         "    sensitive_features=households.disability,\n).by_group\n")}},
    {"name": "the largest ratio with attribute access", "answers": {"q7_answer": (
        'largest_fnr_ratio = fairness.disparity(by_province["FNR"], "Jawa Barat").ratio.max()')}},
    {"name": "spaces around the letter", "answers": {"q8_answer": "largest_ratio_reading = ' b '"}},
    {"name": "capital letter (9a)", "answers": {"q9a_answer": 'metric_tax_audit = "A"'}},
    {"name": "the letter in brackets (9b)", "answers": {"q9b_answer": 'metric_scholarship = "(b)"'}},
    {"name": "mitigate with keyword arguments", "answers": {"q10_answer": (
        'mitigated = fairness.mitigate(model, group="disability",\n'
        '                              constraint="false_negative_rate_parity")')}},
    {"name": "plain scikit-learn for the accuracy", "answers": {"q11_answer": (
        "from sklearn.metrics import accuracy_score\n\n"
        'mitigated_accuracy = accuracy_score(households["truly_poor"], mitigated)')}},
    {"name": "capital letter (12)", "answers": {"q12_answer": 'switch_decision = "C"'}},
    {"name": "DataFrame.query, in a helper function", "answers": {"q1_answer": (
        "def approval_rate(table, group):\n"
        '    return table.query(group)["approved"].mean()\n\n\n'
        'approval_rate_black = approval_rate(mortgages, "african_american")')}},
    {"name": "misses counted, divided by the truly poor", "answers": {"q5_answer": (
        "def miss_rate(truly_poor, selected):\n"
        "    missed = (truly_poor & ~selected).sum()\n"
        "    return missed / truly_poor.sum()\n")}},
    {"name": "the audit rounded to three decimals", "answers": {"q6_answer": (
        "by_disability = MetricFrame(\n"
        '    metrics={"selection_rate": selection_rate, "FNR": false_negative_rate,\n'
        '             "FPR": false_positive_rate},\n'
        '    y_true=households["truly_poor"], y_pred=households["selected"],\n'
        '    sensitive_features=households["disability"],\n).by_group.round(3)\n')}},
    {"name": "the ratio typed in, two decimals", "answers": {"q7_answer": "largest_fnr_ratio = 1.87"}},
    {"name": "accuracy with groupby-free pandas, rounded", "answers": {"q11_answer": (
        'mitigated_accuracy = round(float((mitigated == households.truly_poor).mean()), 3)')}},
    {"name": "extra cells and the proxy list looked at", "after": {
        "q4_answer": 'fairness.proxy_strength(finances, "african_american").head()',
        "q10_answer": "mitigated.value_counts()"}},
    {"name": "saved with old outputs, cells run out of order", "stale": True},
    {"name": "the ratio from question 1's answer and the higher rate", "answers": {"q2_answer": (
        'approval_ratio = approval_rate_black / approval_rates["rate"].max()')}},
    {"name": "the name of the strongest proxy with idxmax", "answers": {"q4_answer": (
        'strongest_proxy = fairness.proxy_strength(finances, "african_american").idxmax()')}},
    {"name": "a miss rate by lengths, which stops where there is no poor household to count",
     "answers": {"q5_answer": (
         "def miss_rate(truly_poor, selected):\n"
         "    poor_decisions = selected[truly_poor]\n"
         "    return len(poor_decisions[~poor_decisions]) / len(poor_decisions)\n")}},
    {"name": "the largest ratio divided by hand", "answers": {"q7_answer": (
        'largest_fnr_ratio = (by_province["FNR"] / by_province.loc["Jawa Barat", "FNR"]).max()')}},
    {"name": "a miss rate compared with False", "answers": {"q5_answer": (
        "def miss_rate(truly_poor, selected):\n"
        "    return (selected[truly_poor] == False).mean()  # noqa: E712\n")}},
    {"name": "one minus the error rate", "answers": {"q11_answer": (
        'mitigated_accuracy = 1 - (mitigated != households["truly_poor"]).mean()')}},
    {"name": "the letter in brackets (9c)", "answers": {"q9c_answer": 'metric_claims = "(a)"'}},
]
