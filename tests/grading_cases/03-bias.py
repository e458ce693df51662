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
