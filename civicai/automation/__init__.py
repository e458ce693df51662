"""Module 01's tools: automating administrative work, safely.

The lesson, the sandbox, the exercise and the tests all call these; each
notebook shows an idea step by step, then uses the tool, so nothing is
written twice.

- `cleaning`: rules before AI: a validation report and a cleaned copy of a register.
- `reporting`: a monthly report (table, chart, sentences) written to HTML and Excel.
- `routing`: a text router (TF-IDF and a linear classifier) and its honest evaluation.
- `review`: people in the loop: a confidence threshold, a human review queue,
  staff hours saved, and where the errors fall.
"""
from civicai.automation.cleaning import (
    RegisterRules,
    clean_register,
    problem_summary,
    spelling_variants,
    standard_code,
    standardise_spelling,
    validation_report,
)
from civicai.automation.reporting import MonthlyReport, monthly_report
from civicai.automation.review import (
    error_rates_by,
    error_rates_summary,
    looks_informal,
    staff_hours_saved,
    threshold_explorer,
    threshold_for_error_target,
    threshold_table,
)
from civicai.automation.routing import (
    RouterEvaluation,
    always_biggest_accuracy,
    evaluate_router,
    route,
    split_for_training,
    train_router,
)

__all__ = [
    "MonthlyReport", "RegisterRules", "RouterEvaluation", "always_biggest_accuracy",
    "clean_register", "error_rates_by", "error_rates_summary", "evaluate_router",
    "looks_informal", "monthly_report", "problem_summary", "route", "spelling_variants",
    "split_for_training", "staff_hours_saved", "standard_code", "standardise_spelling",
    "threshold_explorer", "threshold_for_error_target", "threshold_table", "train_router",
    "validation_report",
]
