"""Plausible mistakes in module 03's exercise, and the checks each one must fail.

One per misconception the lesson warns about. Each mistake costs a full run of the
exercise under nbgrader, so the list stays at the misconceptions that matter most.
"""

# name: (answers by grade_id, check cells that must lose their points)
MISTAKES = {
    "rate over all applicants, not within the group": (
        {"q1_answer": 'approval_rate_black = mortgages["approved"].mean()'}, {"q1"}),
    "ratio the wrong way round (highest over lowest)": (
        {"q2_answer": 'approval_ratio = approval_rates["rate"].max() / '
                      'approval_rates["rate"].min()'}, {"q2"}),
    "a disparity proves discrimination": ({"q3_answer": 'ratio_reading = "a"'}, {"q3"}),
    "misses counted over every household, not only the poor": (
        {"q5_answer": "def miss_rate(truly_poor, selected):\n"
                      "    return (truly_poor & ~selected).mean()\n"}, {"q5"}),
    "FNR and FPR swapped": (
        {"q6_answer": "by_disability = MetricFrame(\n"
                      '    metrics={"selection_rate": selection_rate, "FNR": false_positive_rate,\n'
                      '             "FPR": false_negative_rate},\n'
                      '    y_true=households["truly_poor"], y_pred=households["selected"],\n'
                      '    sensitive_features=households["disability"]).by_group\n'}, {"q6"}),
    "a tiny group's ratio taken at face value": (
        {"q8_answer": 'largest_ratio_reading = "a"'}, {"q8"}),
    "accuracy chosen for a punitive decision": ({"q9a_answer": 'metric_tax_audit = "c"'},
                                                {"q9a"}),
    "equal selection rates instead of equal misses (the accuracy follows)": (
        {"q10_answer": 'mitigated = fairness.mitigate(model, "disability", '
                       '"demographic_parity")'}, {"q10", "q11"}),
    "a more accurate model is automatically the fair choice": (
        {"q12_answer": 'switch_decision = "a"'}, {"q12"}),
}

# Correct answers written another way (see tests/grading_cases/00-start-here.py for the form):
# each must score full marks with nothing flagged.
HONEST = [
    {"name": "a boolean filter, then the mean", "answers": {"q1_answer": (
        'approval_rate_black = mortgages[mortgages["african_american"]]["approved"].mean()')}},
    {"name": "the ratio by hand, rounded as the lesson shows it", "answers": {"q2_answer": (
        'approval_ratio = round(approval_rates["rate"].min() / approval_rates["rate"].max(), 2)')}},
    {"name": "capital letter", "answers": {"q3_answer": 'ratio_reading = "B"'}},
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
    {"name": "spaces around the letter", "answers": {"q8_answer": "largest_ratio_reading = ' c '"}},
    {"name": "capital letter (9a)", "answers": {"q9a_answer": 'metric_tax_audit = "A"'}},
    {"name": "the letter in brackets (9b)", "answers": {"q9b_answer": 'metric_scholarship = "(b)"'}},
    {"name": "mitigate with keyword arguments", "answers": {"q10_answer": (
        'mitigated = fairness.mitigate(model, group="disability",\n'
        '                              constraint="false_negative_rate_parity")')}},
    {"name": "plain scikit-learn for the accuracy", "answers": {"q11_answer": (
        "from sklearn.metrics import accuracy_score\n\n"
        'mitigated_accuracy = accuracy_score(households["truly_poor"], mitigated)')}},
    {"name": "capital letter (12)", "answers": {"q12_answer": 'switch_decision = "B"'}},
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
]
