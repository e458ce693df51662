"""Pictures of a bot's behaviour, each with the sentence that says what it shows.

Every function draws one chart in the course style (colour-blind-safe
palette) and displays a plain-text summary beside it (`chart_summary`), for
learners who use a screen reader or prefer to read. `threshold_explorer` is
the lesson's widget: move the threshold, watch the outcomes change.
"""
from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import pandas as pd
from IPython.display import display

from civicai.chatbot import evaluation
from civicai.errors import LearnerError
from civicai.style import PALETTE, chart_summary, use_course_style

#: right answer: green; wrong answer: vermilion; handed to a person: blue.
OUTCOME_COLOURS = {evaluation.RIGHT: PALETTE[2], evaluation.WRONG: PALETTE[3],
                   evaluation.HANDED: PALETTE[0]}
MEASURE_NAMES = {"top1_accuracy": "top-1 accuracy", "out_of_scope_recall": "out-of-scope recall",
                 "fallback_rate": "fallback rate", "containment": "containment",
                 "wrong_answer_rate": "wrong-answer rate"}


def _percent(value: float) -> str:
    return "n/a" if value != value else f"{value:.0%}"


def outcome_shares(predicted: pd.DataFrame, expected, threshold: float) -> pd.DataFrame:
    """Share of each outcome, for in-scope and out-of-scope questions (rows)."""
    ended = evaluation.outcomes(predicted, expected, threshold)
    scope = evaluation.expected_ids(expected).notna().map(
        {True: "in scope (FAQ has the answer)", False: "out of scope (FAQ has no answer)"})
    shares = pd.crosstab(scope, ended, normalize="index")
    return shares.reindex(columns=list(evaluation.OUTCOMES), fill_value=0.0)


def plot_outcomes(predicted: pd.DataFrame, expected, threshold: float, title: str = "") -> None:
    """Stacked bars: how in-scope and out-of-scope questions end at this threshold."""
    use_course_style()
    shares = outcome_shares(predicted, expected, threshold)
    _, axes = plt.subplots(figsize=(8, 2.6))
    left = pd.Series(0.0, index=shares.index)
    for outcome in evaluation.OUTCOMES:
        axes.barh(shares.index, shares[outcome], left=left, color=OUTCOME_COLOURS[outcome],
                  label=outcome)
        left += shares[outcome]
    axes.set_xlim(0, 1)
    axes.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    axes.set_title(title or f"How questions end at threshold {threshold:.2f}")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, frameon=False)
    plt.show()
    parts = [f"{scope}: " + ", ".join(f"{_percent(row[o])} {o}" for o in evaluation.OUTCOMES)
             for scope, row in shares.iterrows()]
    chart_summary(f"At threshold {threshold:.2f}. " + ". ".join(parts) + ".")


def plot_confidence(predicted: pd.DataFrame, expected, threshold: float | None = None) -> None:
    """Histograms of the bot's confidence: right matches, wrong matches, out-of-scope questions."""
    use_course_style()
    truth = evaluation.expected_ids(expected)
    predicted = predicted.reset_index(drop=True)
    right = truth.notna() & (predicted["faq_id"].astype(str) == truth.astype(str))
    groups = {"in scope, best match right": predicted.loc[right, "confidence"],
              "in scope, best match wrong": predicted.loc[truth.notna() & ~right, "confidence"],
              "out of scope": predicted.loc[truth.isna(), "confidence"]}
    _, axes = plt.subplots()
    bins = [step / 20 for step in range(21)]
    # Stacked, not overlaid: overlapping translucent colours would blend into new ones.
    axes.hist(list(groups.values()), bins=bins, stacked=True,
              color=[PALETTE[2], PALETTE[3], PALETTE[0]], edgecolor="white",
              label=[f"{label} ({len(values)})" for label, values in groups.items()])
    if threshold is not None:
        axes.axvline(threshold, color="black", linestyle="--", label=f"threshold {threshold:.2f}")
    axes.set_xlabel("confidence of the best match")
    axes.set_ylabel("number of questions (stacked)")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # no "2.5 questions"
    axes.legend(frameon=False)
    plt.show()
    medians = ", ".join(f"{label}: median {values.median():.2f}" for label, values in groups.items()
                        if len(values))
    chart_summary(f"Confidence of the best match, by kind of question ({medians}). Where the "
                  "groups overlap, no threshold separates them perfectly.")


def plot_sweep(table: pd.DataFrame, threshold: float | None = None,
               measures=("out_of_scope_recall", "fallback_rate", "containment",
                         "wrong_answer_rate")) -> None:
    """Lines: how each measure changes as the threshold rises."""
    use_course_style()
    _, axes = plt.subplots()
    styles = ("-", "--", "-.", ":")
    for measure, style in zip(measures, styles):
        axes.plot(table["threshold"], table[measure], style, label=MEASURE_NAMES[measure])
    if threshold is not None:
        axes.axvline(threshold, color="black", linewidth=0.8)
    axes.set_xlabel("threshold (hand over below this confidence)")
    axes.set_ylim(0, 1)
    axes.yaxis.set_major_formatter(plt.FuncFormatter(lambda y, _: f"{y:.0%}"))
    axes.legend(frameon=False)
    plt.show()
    chart_summary("As the threshold rises, more questions go to a person: out-of-scope recall "
                  "and the fallback rate go up, wrong answers go down, and, past some point, "
                  "containment goes down too because right answers are handed over as well.")


def _grouped_bars(shown: pd.DataFrame, title: str) -> None:
    """Horizontal grouped bars (one group per row, one bar per column), values written on them."""
    use_course_style()
    height = 1.2 + 0.35 * shown.size
    axes = shown.iloc[::-1].plot.barh(color=PALETTE[: len(shown.columns)], width=0.8,
                                      figsize=(8, height))
    for bars in axes.containers:
        axes.bar_label(bars, labels=[_percent(bar.get_width()) for bar in bars], padding=2,
                       fontsize=9)
    axes.set_xlim(0, 1.1)
    axes.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}" if x <= 1 else ""))
    axes.set_title(title, fontsize=11)
    handles, labels = axes.get_legend_handles_labels()
    axes.legend(handles[::-1], labels[::-1], frameon=False, loc="upper center",
                bbox_to_anchor=(0.5, -0.08 - 0.6 / height), ncol=min(3, len(labels)))
    plt.show()


def plot_measures(table: pd.DataFrame, title: str,
                  measures=("top1_accuracy", "out_of_scope_recall", "containment",
                            "wrong_answer_rate")) -> None:
    """Grouped bars: a few measures for each row of `table` (each bot, or each group)."""
    shown = table[list(measures)].rename(columns=MEASURE_NAMES)
    _grouped_bars(shown, title)
    chart_summary(title + ". " + "; ".join(
        f"{row}: " + ", ".join(f"{name} {_percent(value)}" for name, value in values.items())
        for row, values in shown.iterrows()) + ".")


def plot_redaction(scores: pd.DataFrame) -> None:
    """Bars: recall and precision of redaction for each kind of personal detail."""
    shown = scores[["recall", "precision"]]
    _grouped_bars(shown, "Redaction: share of details masked (recall) and of masks that hit "
                         "a real detail (precision)")
    chart_summary("; ".join(f"{kind}: recall {_percent(row['recall'])}, precision "
                            f"{_percent(row['precision'])}"
                            for kind, row in shown.iterrows()) + ".")


def threshold_explorer(predicted: pd.DataFrame, expected, start: float = 0.35) -> widgets.VBox:
    """A slider for the threshold; below it, how questions end and the four measures."""
    slider = widgets.FloatSlider(value=start, min=0.0, max=1.0, step=0.01,
                                 description="Threshold", readout_format=".2f",
                                 continuous_update=False,
                                 layout=widgets.Layout(width="60%"))
    out = widgets.Output()

    def draw(threshold: float) -> None:
        out.clear_output(wait=True)
        with out:
            card = evaluation.scorecard(predicted, expected, threshold)
            plot_outcomes(predicted, expected, threshold)
            display(pd.DataFrame({"measure": [MEASURE_NAMES[m] for m in card],
                                  "value": [_percent(v) for v in card.values()]})
                    .set_index("measure"))

    slider.observe(lambda change: draw(change["new"]), names="value")
    draw(start)
    return widgets.VBox([slider, out])


def evaluation_report(predicted: pd.DataFrame, expected, threshold: float,
                      target_recall: float = 0.9) -> None:
    """Everything the lesson measured, for one bot and one set of test questions.

    The sandbox calls this on a learner's own FAQ and questions: the measures
    at the bot's threshold, the confidence chart, the threshold trade-off, the
    lowest threshold that reaches `target_recall` out-of-scope recall (when
    there are out-of-scope questions), and the questions answered wrongly.
    """
    card = evaluation.scorecard(predicted, expected, threshold)
    display(pd.DataFrame({"measure": [MEASURE_NAMES[m] for m in card],
                          "value": [_percent(v) for v in card.values()]}).set_index("measure"))
    plot_confidence(predicted, expected, threshold)
    table = evaluation.sweep(predicted, expected)
    plot_sweep(table, threshold)
    if evaluation.expected_ids(expected).isna().any():
        try:
            lowest = "{:.2f}".format(
                evaluation.lowest_threshold(table, "out_of_scope_recall", target_recall))
        except LearnerError:
            lowest = "no threshold reaches it"
        print(f"Lowest threshold with out-of-scope recall ≥ {target_recall:.0%}: {lowest}")
    else:
        print("Your questions are all in scope: add some the FAQ cannot answer, to see "
              "whether the bot knows when to hand over.")
    ended = evaluation.outcomes(predicted, expected, threshold)
    wrong = pd.DataFrame({
        "question": predicted["question"].to_numpy() if "question" in predicted else "",
        "bot answered from": predicted["faq_id"].to_numpy(),
        "expected": evaluation.expected_ids(expected).fillna("(out of scope)").to_numpy(),
        "confidence": predicted["confidence"].to_numpy()})
    wrong = wrong[(ended == evaluation.WRONG).to_numpy()]
    print(f"{len(wrong)} wrong answers at threshold {threshold:.2f}"
          + (": the first ones are below." if len(wrong) else "."))
    if len(wrong):
        display(wrong.head(10).round({"confidence": 2}))
