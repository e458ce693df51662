"""Rates by group, their uncertainty, and how far each group is from a reference group.

The course uses Fairlearn's `MetricFrame` and its metric functions for every
rate of a decision system, and SciPy's Wilson interval for the uncertainty of
a rate, rather than writing them again. What this module adds is what a
public-sector audit needs around them: plain names for each rate, "not
defined" instead of a misleading 0 when a group has nobody to measure it on,
and disparity ratios against a reference group, with the 0.8 rule of thumb.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from fairlearn.metrics import (
    MetricFrame,
    count,
    false_negative_rate,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)
from scipy.stats import binomtest

from civicai.checks.describe import kind_of
from civicai.errors import LearnerError
from civicai.fairness.decisions import as_yes_no, decision_columns, group_labels

#: The rule of thumb: a ratio below 0.8 (or above 1 / 0.8 = 1.25) deserves a closer look.
FOUR_FIFTHS = 0.8


def _confusion(y_true, y_pred) -> tuple[int, int, int, int]:
    truth, decided = np.asarray(y_true, dtype=bool), np.asarray(y_pred, dtype=bool)
    return (int((truth & decided).sum()), int((~truth & decided).sum()),
            int((truth & ~decided).sum()), int((~truth & ~decided).sum()))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else float("nan")


def _defined_only(rate, measured_on: str):
    """Fairlearn's `rate`, but NaN ("not defined") for a group with nobody to measure it on.

    Fairlearn reports 0 when, say, nobody in a group truly qualifies; a 0%
    "missed" rate there would read as a perfect score.
    """
    def defined(y_true, y_pred) -> float:
        truth = np.asarray(y_true, dtype=bool)
        if not (truth if measured_on == "true yes" else ~truth).any():
            return float("nan")
        return float(rate(y_true, y_pred, pos_label=1))

    defined.__name__ = rate.__name__
    defined.__doc__ = rate.__doc__
    return defined


def precision(y_true, y_pred) -> float:
    """Of the people the system said yes to, the share for whom the truth was yes."""
    tp, fp, _, _ = _confusion(y_true, y_pred)
    return _share(tp, tp + fp)


def false_discovery_rate(y_true, y_pred) -> float:
    """Of the people the system said yes to, the share for whom the truth was no."""
    tp, fp, _, _ = _confusion(y_true, y_pred)
    return _share(fp, tp + fp)


def false_omission_rate(y_true, y_pred) -> float:
    """Of the people the system said no to, the share for whom the truth was yes."""
    _, _, fn, tn = _confusion(y_true, y_pred)
    return _share(fn, fn + tn)


def false_positives_per_person(y_true, y_pred) -> float:
    """False alarms counted against the whole group (Aequitas' FP / group size)."""
    _, fp, _, _ = _confusion(y_true, y_pred)
    return _share(fp, len(np.asarray(y_true)))


def false_negatives_per_person(y_true, y_pred) -> float:
    """Missed people counted against the whole group (Aequitas' FN / group size)."""
    _, _, fn, _ = _confusion(y_true, y_pred)
    return _share(fn, len(np.asarray(y_true)))


#: short name -> (function, what it measures)
METRICS = {
    "selection_rate": (selection_rate, "share of the group the system said yes to"),
    "TPR": (_defined_only(true_positive_rate, "true yes"),
            "of those whose true answer is yes, the share it said yes to"),
    "FNR": (_defined_only(false_negative_rate, "true yes"),
            "of those whose true answer is yes, the share it said no to (missed)"),
    "FPR": (_defined_only(false_positive_rate, "true no"),
            "of those whose true answer is no, the share it said yes to (false alarm)"),
    "PPV": (precision, "of those it said yes to, the share whose true answer is yes"),
    "FDR": (false_discovery_rate, "of those it said yes to, the share whose true answer is no"),
    "FOR": (false_omission_rate, "of those it said no to, the share whose true answer is yes"),
    "FP_per_person": (false_positives_per_person, "false alarms per person in the group"),
    "FN_per_person": (false_negatives_per_person, "missed people per person in the group"),
}
#: Plain names for charts and reports.
LABELS = {
    "selection_rate": "selection rate", "TPR": "true positive rate (TPR)",
    "FNR": "false negative rate (FNR)", "FPR": "false positive rate (FPR)",
    "PPV": "precision (PPV)", "FDR": "false discovery rate (FDR)",
    "FOR": "false omission rate (FOR)",
    "FP_per_person": "false alarms per person", "FN_per_person": "missed people per person",
}
DEFAULT_METRICS = ("selection_rate", "TPR", "FPR", "FNR")


def _unknown(name: str) -> LearnerError:
    return LearnerError(f"There is no rate called '{name}'.", "The rates are:\n" + "\n".join(
        f"  {key}: {meaning}" for key, (_, meaning) in METRICS.items()))


def _as_groups(groups) -> pd.Series | pd.DataFrame:
    if isinstance(groups, pd.DataFrame):
        return pd.DataFrame({column: group_labels(groups[column], str(column))
                             for column in groups.columns})
    series = groups if isinstance(groups, pd.Series) else pd.Series(list(groups), name="group")
    return group_labels(series, str(series.name or "group"))


def audit(y_true, y_pred, groups, metrics: tuple[str, ...] = DEFAULT_METRICS) -> MetricFrame:
    """Fairlearn's MetricFrame of the chosen rates, plus `n`, by group.

    `groups` is one column, or a table of several columns for intersections
    (for example region and sex of the household head). A rate that cannot be
    measured in a group (a false negative rate where nobody truly qualifies)
    is shown as NaN, "not defined", rather than Fairlearn's 0.
    """
    for name in metrics:
        if name not in METRICS:
            raise _unknown(name)
    truth = as_yes_no(pd.Series(y_true).reset_index(drop=True), "y_true")
    decided = as_yes_no(pd.Series(y_pred).reset_index(drop=True), "y_pred")
    labels = _as_groups(groups)
    if not len(truth) == len(decided) == len(labels):
        raise LearnerError(
            f"The true answers ({len(truth)} rows), the decisions ({len(decided)} rows) and the "
            f"groups ({len(labels)} rows) must have the same number of rows.",
            "Take all three from the same table.")
    labels = labels.reset_index(drop=True)
    chosen = {name: METRICS[name][0] for name in metrics}
    return MetricFrame(metrics={**chosen, "n": count}, y_true=truth.astype(int),
                       y_pred=decided.astype(int), sensitive_features=labels)


def wilson_interval(yes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The range a rate of `yes` out of `n` is likely to lie in (Wilson score interval).

    With 3 of 10 the rate is 30%, but anything from about 11% to 60% fits the
    data: small groups give wide intervals. SciPy computes it.
    """
    if n <= 0:
        raise LearnerError("A rate needs at least one row.", "This group is empty.")
    if not 0 <= yes <= n:
        raise LearnerError(f"{yes} 'yes' out of {n} rows is impossible.",
                           "The count of 'yes' must be between 0 and the number of rows.")
    interval = binomtest(int(yes), int(n)).proportion_ci(confidence, method="wilson")
    return float(interval.low), float(interval.high)


def group_rates(table: pd.DataFrame, outcome: str, by: str | list[str], *,
                confidence: float = 0.95, yes: object = None) -> pd.DataFrame:
    """How often `outcome` is yes in each group: n, yes, rate and its Wilson interval.

    For example the share of police stops that ended in a search, by race; or,
    on the households that truly qualify, the share the model missed, by
    region and sex of the household head.
    """
    keys = [by] if isinstance(by, str) else list(dict.fromkeys(by))  # a column named twice
    clean = decision_columns(table, outcome, keys, decision_yes=yes)
    counted = clean.groupby(keys, sort=True)[outcome].agg(n="size", yes="sum")
    counted["yes"] = counted["yes"].astype(int)
    counted["rate"] = counted["yes"] / counted["n"]
    bounds = [wilson_interval(y, n, confidence) for y, n in zip(counted["yes"], counted["n"])]
    counted["low"] = [low for low, _ in bounds]
    counted["high"] = [high for _, high in bounds]
    return counted


def disparity(values: pd.Series, reference, band: float = FOUR_FIFTHS) -> pd.DataFrame:
    """Each group's rate divided by the reference group's, and whether it is within the band.

    A ratio of 1 means "same as the reference". With the usual band of 0.8,
    ratios below 0.8 or above 1.25 are flagged for a closer look: a flag is a
    question to investigate, not proof of discrimination.
    """
    if not isinstance(values, pd.Series):
        raise LearnerError(f"disparity() needs one column of rates by group, not "
                           f"{kind_of(values)}.",
                           "For example `frame.by_group['FNR']`.")
    if reference not in values.index:
        shown = ", ".join(repr(key) for key in values.index[:8])
        raise LearnerError(f"There is no group {reference!r} to compare with.",
                           f"The groups are: {shown}.")
    base = values.loc[reference]
    if not base > 0:
        raise LearnerError(
            f"The reference group {reference!r} has a rate of {base}, so no ratio can be taken.",
            "Choose a reference group whose rate is above zero.")
    table = pd.DataFrame({"rate": values, "ratio": values / base})
    table["within_band"] = table["ratio"].between(band, 1 / band)
    return table


def impact_ratio(rates: pd.Series) -> float:
    """The lowest group rate divided by the highest: the 'four-fifths rule' ratio."""
    measured = pd.Series(rates, dtype=float).dropna()
    if measured.empty or not measured.max() > 0:
        raise LearnerError("There are no rates above zero to compare.",
                           "Check that the groups have at least one 'yes'.")
    return float(measured.min() / measured.max())


def compare_decisions(y_true, options: dict, groups, metric: str = "FNR") -> pd.DataFrame:
    """Several ways of deciding side by side: share selected, accuracy, and `metric` by group.

    `options` maps a name ("one threshold, 0.3") to that option's yes/no
    decisions. One row per option, so a programme owner can see what each
    choice buys and what it costs, for everyone and for each group.
    """
    if not options:
        raise LearnerError("There are no options to compare.",
                           "Give at least one name and its decisions.")
    truth = as_yes_no(pd.Series(y_true).reset_index(drop=True), "y_true")
    rows = {}
    for name, decisions in options.items():
        frame = audit(truth, decisions, groups, metrics=("selection_rate", metric))
        decided = as_yes_no(pd.Series(decisions).reset_index(drop=True), str(name))
        row = {"selected": frame.overall["selection_rate"],
               "accuracy": float((decided == truth).mean()),
               f"{metric} overall": frame.overall[metric]}
        for group, value in frame.by_group[metric].items():
            row[f"{metric} {group}"] = value
        rows[name] = row
    return pd.DataFrame.from_dict(rows, orient="index")
