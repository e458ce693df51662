"""People in the loop: a confidence threshold between automatic routing and a human review queue.

A router says how sure it is (its confidence, from 0 to 1). Above a
threshold a case goes straight to the unit the router names; below it, a
person reads it first (the review queue). A higher threshold lets fewer
misrouted cases reach citizens and leaves more work for people. Which
threshold is right is a policy choice, not a technical one: these tools put
the trade-off in numbers (share automated, errors reaching citizens, staff
hours) so the choice can be made openly, written down and revisited.
"""
from __future__ import annotations

import io
import re

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from civicai.errors import LearnerError, require_columns
from civicai.style import PALETTE

#: The thresholds the tables and the widget offer: 0.00, 0.05, ..., 0.95.
THRESHOLDS = tuple(round(step * 0.05, 2) for step in range(20))

#: Informal spellings common in Indonesian chat and complaints ("sy" = saya, "tdk" = tidak...).
INFORMAL_WORDS = frozenset({
    "gmn", "gimana", "sy", "udh", "udah", "tdk", "gk", "ga", "gak", "nggak", "yg", "dgn", "bgt",
    "krn", "blm", "tp", "sdh", "aja", "kalo", "utk", "dr", "jg", "trs", "sm", "lg", "bs", "msh",
    "min", "thx", "pls", "plz", "u", "ur",
})


def looks_informal(text: object) -> bool:
    """True when a text uses informal spellings such as "sy", "gmn", "tdk" or "pls"."""
    if not isinstance(text, str):
        return False
    return any(word in INFORMAL_WORDS for word in re.findall(r"[a-z]+", text.casefold()))


def _outcomes(confidence: object, correct: object) -> tuple[np.ndarray, np.ndarray]:
    try:
        sure = np.asarray(confidence, dtype=float)
        right = np.asarray(correct)
    except (TypeError, ValueError):
        raise LearnerError("Confidence must be numbers between 0 and 1.") from None
    if sure.ndim != 1 or sure.size == 0 or sure.shape != right.shape:
        raise LearnerError("Give one confidence and one right/wrong value per case, in the same "
                           "order (for example two columns of the router's test results).")
    if np.isnan(sure).any() or (sure < 0).any() or (sure > 1).any():
        raise LearnerError("Confidence must be numbers between 0 and 1, with none missing.")
    if right.dtype != bool:
        raise LearnerError("`correct` must be True/False values (was the case routed right?).")
    return sure, right


def threshold_table(confidence: object, correct: object,
                    thresholds: tuple[float, ...] = THRESHOLDS) -> pd.DataFrame:
    """For each threshold: the share routed automatically, and how many of those go wrong.

    - share automated: cases whose confidence is at or above the threshold;
    - errors among automated: the share of those automated cases sent to the wrong unit;
    - misrouted per 1000 cases: wrong units that reach citizens, per 1,000 incoming cases.
    Cases below the threshold go to a person, who is assumed to route them right.
    """
    sure, right = _outcomes(confidence, correct)
    rows = []
    for threshold in thresholds:
        automated = sure >= threshold
        errors = int((automated & ~right).sum())
        rows.append({"threshold": float(threshold),
                     "share automated": automated.mean(),
                     "share to review": 1 - automated.mean(),
                     "errors among automated": errors / automated.sum() if automated.any() else 0.0,
                     "misrouted per 1000 cases": 1000 * errors / sure.size})
    return pd.DataFrame(rows)


def threshold_for_error_target(confidence: object, correct: object, max_error_rate: float,
                               thresholds: tuple[float, ...] = THRESHOLDS) -> float:
    """The lowest threshold (so the most automation) whose automated cases meet the error target.

    `max_error_rate` is a share: 0.05 means at most 5 in 100 automated cases may be misrouted.
    """
    if not isinstance(max_error_rate, (int, float)) or not 0 <= max_error_rate < 1:
        raise LearnerError(f"The error target {max_error_rate!r} must be a share between 0 and 1.",
                           "For example 0.05 for 'at most 5 in 100 automated cases wrong'.")
    table = threshold_table(confidence, correct, thresholds)
    meets = table[(table["errors among automated"] <= max_error_rate)
                  & (table["share automated"] > 0)]
    if meets.empty:
        raise LearnerError(f"No threshold keeps errors at or below {max_error_rate:.0%}.",
                           "Send every case to a person, or improve the router first.")
    return float(meets["threshold"].iloc[0])


def staff_hours_saved(cases_per_month: float, minutes_per_case: float,
                      share_automated: float) -> float:
    """Staff hours a month no longer spent routing by hand: cases x share automated x minutes / 60."""
    for name, value in (("cases_per_month", cases_per_month), ("minutes_per_case", minutes_per_case)):
        if not isinstance(value, (int, float, np.number)) or value < 0:
            raise LearnerError(f"{name} must be a number of zero or more, not {value!r}.")
    if not isinstance(share_automated, (int, float, np.number)) or not 0 <= share_automated <= 1:
        raise LearnerError(f"share_automated must be a share between 0 and 1, not {share_automated!r}.",
                           "For example 0.6 when 60% of cases are routed automatically.")
    return float(cases_per_month * share_automated * minutes_per_case / 60)


def error_rates_by(predictions: pd.DataFrame, column: str) -> pd.DataFrame:
    """Per group (language, unit, channel...): test cases, errors and the error rate."""
    require_columns(predictions, [column, "correct"], "the router's test results")
    groups = predictions.groupby(predictions[column].astype(str), observed=True)["correct"]
    table = pd.DataFrame({"cases": groups.size(), "errors": groups.size() - groups.sum()})
    table["error rate"] = table["errors"] / table["cases"]
    return table.sort_values("error rate", ascending=False)


def plot_tradeoff(table: pd.DataFrame, threshold: float | None = None,
                  title: str = "Automation against errors that reach citizens"):
    """Two lines over the threshold: the share automated and the misrouted cases per 1,000."""
    require_columns(table, ["threshold", "share automated", "misrouted per 1000 cases"],
                    "the threshold table")
    figure, left = plt.subplots(figsize=(7, 3.8))
    left.plot(table["threshold"], 100 * table["share automated"], color=PALETTE[0],
              marker="o", label="cases routed automatically (%)")
    left.set_ylabel("routed automatically (%)", color=PALETTE[0])
    left.set_ylim(0, 105)
    right = left.twinx()
    right.plot(table["threshold"], table["misrouted per 1000 cases"], color=PALETTE[3],
               marker="s", linestyle="--", label="misrouted per 1,000 cases")
    right.set_ylabel("misrouted per 1,000 cases", color=PALETTE[3])
    right.set_ylim(0, max(table["misrouted per 1000 cases"].max() * 1.1, 1))
    right.spines["right"].set_visible(True)
    if threshold is not None:
        left.axvline(threshold, color="black", linewidth=1)
    left.set_xlabel("confidence threshold (below it, a person reviews the case)")
    left.set_title(title)
    lines = left.get_lines()[:1] + right.get_lines()[:1]
    left.legend(lines, [line.get_label() for line in lines], frameon=False, loc="lower left")
    figure.tight_layout()
    return figure


def _explain(row: pd.Series, cases_per_month: int, minutes_per_case: float) -> str:
    automated = row["share automated"] * cases_per_month
    wrong = row["misrouted per 1000 cases"] * cases_per_month / 1000
    hours = staff_hours_saved(cases_per_month, minutes_per_case, row["share automated"])
    return (f"At threshold {row['threshold']:.2f}: of {cases_per_month:,} cases a month, about "
            f"{automated:,.0f} ({row['share automated']:.0%}) are routed automatically and "
            f"{cases_per_month - automated:,.0f} go to the review queue. About {wrong:,.0f} "
            f"misrouted cases a month reach citizens. Staff save about {hours:,.0f} hours a month.")


def threshold_explorer(predictions: pd.DataFrame, cases_per_month: int = 3000,
                       minutes_per_case: float = 4) -> widgets.VBox:
    """A slider over the threshold (arrow keys work) showing automation, errors and hours."""
    require_columns(predictions, ["confidence", "correct"], "the router's test results")
    table = threshold_table(predictions["confidence"], predictions["correct"].astype(bool))
    slider = widgets.SelectionSlider(options=[(f"{t:.2f}", t) for t in THRESHOLDS], value=0.5,
                                     description="Threshold", continuous_update=False,
                                     layout=widgets.Layout(width="60%"))
    # The chart is a picture inside an Image widget (not an Output widget): a plain value
    # update, which every front end and notebook runner handles the same way.
    summary, chart = widgets.HTML(), widgets.Image(format="png")

    def update(change=None) -> None:
        row = table[table["threshold"] == slider.value].iloc[0]
        summary.value = f"<p>{_explain(row, cases_per_month, minutes_per_case)}</p>"
        figure = plot_tradeoff(table, slider.value)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=90)
        plt.close(figure)
        chart.value = buffer.getvalue()

    slider.observe(update, names="value")
    update()
    return widgets.VBox([slider, summary, chart])


def plot_confidence(predictions: pd.DataFrame, title: str = "How sure the router was, right and wrong"):
    """Histograms of confidence: cases routed right, and cases routed wrong (on their own scale)."""
    require_columns(predictions, ["confidence", "correct"], "the router's test results")
    right = predictions["correct"].astype(bool)
    bins = np.linspace(0, 1, 21)
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(7, 4.2), sharex=True)
    top.hist(predictions.loc[right, "confidence"], bins=bins, color=PALETTE[0])
    top.set_ylabel("routed right")
    bottom.hist(predictions.loc[~right, "confidence"], bins=bins, color=PALETTE[3], hatch="//")
    bottom.set_ylabel("routed wrong")
    bottom.set_xlabel("confidence (the router's own estimate that it is right)")
    top.set_title(title)
    figure.tight_layout()
    return figure


def error_rates_summary(table: pd.DataFrame) -> str:
    """The error-rate chart in one sentence, worst group first."""
    require_columns(table, ["cases", "errors", "error rate"], "the error-rate table")
    return "; ".join(f"{group}: {int(errors)} of {int(cases)} misrouted ({rate:.1%})"
                     for group, cases, errors, rate in zip(
                         table.index, table["cases"], table["errors"], table["error rate"])) + "."


def plot_error_rates(table: pd.DataFrame, title: str = "Error rate by group"):
    """One bar per group (from `error_rates_by`), labelled with its errors and cases."""
    require_columns(table, ["cases", "errors", "error rate"], "the error-rate table")
    shown = table.iloc[::-1]
    figure, axes = plt.subplots(figsize=(7, 0.45 * len(shown) + 1.3))
    axes.barh([str(group) for group in shown.index], 100 * shown["error rate"], color=PALETTE[3])
    for y, (rate, errors, cases) in enumerate(zip(shown["error rate"], shown["errors"], shown["cases"])):
        axes.annotate(f"{errors} of {cases}", (100 * rate, y), xytext=(4, 0),
                      textcoords="offset points", va="center")
    axes.set_xlim(0, max(100 * shown["error rate"].max() * 1.3, 1))
    axes.set_xlabel("cases routed to the wrong unit (%)")
    axes.set_title(title)
    figure.tight_layout()
    return figure
