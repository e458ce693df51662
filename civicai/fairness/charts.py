"""Charts of rates by group, each with the sentence that says what it shows.

Numbers that compare groups are easier to judge as bars than as a table, and
a bar without its uncertainty invites over-reading a small group. So the
charts here draw the Wilson interval as a line across each bar, mark the 0.8
to 1.25 band on disparity charts, and every chart comes with a plain-text
summary (`civicai.style.chart_summary`) for screen readers and skimmers.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

from civicai.fairness.rates import FOUR_FIFTHS, LABELS
from civicai.style import PALETTE, chart_summary, use_course_style

#: A group this small gives a rate too uncertain to compare on its own.
SMALL_GROUP = 30


def group_name(key) -> str:
    """'Jawa Barat · female' for an intersection, the label itself otherwise."""
    return " · ".join(str(part) for part in key) if isinstance(key, tuple) else str(key)


def _percent(value: float) -> str:
    """12%, or 1.1% for small rates, where whole percents would all read 1%."""
    if pd.isna(value):
        return "not defined"
    return f"{value:.1%}" if 0 < abs(value) < 0.095 else f"{value:.0%}"


def _legend_below(axes) -> None:
    """The legend under the chart (below the axis label), where it cannot hide a bar."""
    inches = axes.get_position().height * axes.figure.get_figheight()
    axes.legend(loc="upper left", bbox_to_anchor=(0, -0.6 / inches), ncol=2, frameon=False)


def _finish(axes, text: str, legend: bool = True) -> str:
    """Show the chart (legend under it) and its summary in words; give the summary back."""
    if legend:
        _legend_below(axes)
    display(axes.figure)
    plt.close(axes.figure)
    chart_summary(text)
    return text


def _bars(count: int, title: str):
    use_course_style()
    _, axes = plt.subplots(figsize=(7.5, 1.2 + 0.38 * count))
    axes.set_title(title, loc="left")
    return axes


def describe_rates(rates: pd.DataFrame, what: str) -> str:
    """One or two sentences on a `group_rates` table: highest, lowest, and small groups."""
    ordered = rates.sort_values("rate")
    low, high = ordered.iloc[0], ordered.iloc[-1]
    text = (f"The {what} is highest for {group_name(ordered.index[-1])} "
            f"({_percent(high['rate'])}, likely between {_percent(high['low'])} and "
            f"{_percent(high['high'])}) and lowest for {group_name(ordered.index[0])} "
            f"({_percent(low['rate'])}, likely between {_percent(low['low'])} and "
            f"{_percent(low['high'])}).")
    small = [group_name(key) for key, n in rates["n"].items() if n < SMALL_GROUP]
    if small:
        text += (f" Fewer than {SMALL_GROUP} rows, so read with care: {', '.join(small)}.")
    return text


def _colours_by_last_level(index: pd.Index) -> tuple[list[str], dict[str, str]]:
    """For an intersection (province · sex), one colour per value of the last level.

    Only while the colours stay few enough to tell apart; otherwise one colour.
    """
    values = list(dict.fromkeys(str(key[-1]) for key in index)) \
        if isinstance(index, pd.MultiIndex) else []
    if not values or len(values) > 6:
        return [PALETTE[0]] * len(index), {}
    colour_of = {value: PALETTE[number] for number, value in enumerate(values)}
    return [colour_of[str(key[-1])] for key in index], colour_of


def show_rates(rates: pd.DataFrame, what: str, title: str = "") -> str:
    """Bars of a `group_rates` table with their 95% intervals, and the summary under it."""
    ordered = rates.sort_values("rate")
    axes = _bars(len(ordered), title or f"The {what}, by group")
    names = [f"{group_name(key)} (n={n:,})" for key, n in ordered["n"].items()]
    positions = np.arange(len(ordered))
    colours, colour_of = _colours_by_last_level(ordered.index)
    axes.barh(positions, ordered["rate"], color=colours)
    for value, colour in colour_of.items():
        axes.barh([0], [0], color=colour, label=f"{ordered.index.names[-1]}: {value}")
    axes.errorbar(ordered["rate"], positions,
                  xerr=[ordered["rate"] - ordered["low"], ordered["high"] - ordered["rate"]],
                  fmt="none", ecolor=PALETTE[7], capsize=3, label="95% interval")
    axes.set_yticks(positions, names)
    axes.set_xlabel(what)
    axes.xaxis.set_major_formatter(plt.FuncFormatter(lambda value, _: f"{value:.0%}"))
    return _finish(axes, describe_rates(rates, what))


def describe_metrics(by_group: pd.DataFrame, metrics: tuple[str, ...]) -> str:
    """For each rate, which group has the highest and which the lowest value."""
    sentences = []
    for metric in metrics:
        values = by_group[metric].dropna()
        if values.empty:
            sentences.append(f"The {LABELS.get(metric, metric)} is not defined for any group.")
            continue
        sentences.append(
            f"The {LABELS.get(metric, metric)} ranges from {_percent(values.min())} "
            f"({group_name(values.idxmin())}) to {_percent(values.max())} "
            f"({group_name(values.idxmax())}).")
    return " ".join(sentences)


def show_metrics(by_group: pd.DataFrame, metrics: tuple[str, ...] = ("FNR", "FPR"),
                 title: str = "Error rates by group") -> str:
    """Side-by-side bars of several rates per group (a MetricFrame's `by_group`), labelled."""
    axes = _bars(len(by_group) * len(metrics), title)
    positions = np.arange(len(by_group))
    height = 0.8 / len(metrics)
    for index, metric in enumerate(metrics):
        values = by_group[metric]
        bars = axes.barh(positions + index * height, values.fillna(0), height=height,
                         color=PALETTE[index % len(PALETTE)], label=LABELS.get(metric, metric))
        axes.bar_label(bars, labels=[_percent(value) for value in values], padding=3,
                       fontsize=9)
    axes.set_yticks(positions + height * (len(metrics) - 1) / 2,
                    [group_name(key) for key in by_group.index])
    axes.invert_yaxis()  # the first group on top, as in the table
    axes.margins(x=0.12)
    axes.xaxis.set_major_formatter(plt.FuncFormatter(lambda value, _: f"{value:.0%}"))
    return _finish(axes, describe_metrics(by_group, metrics))


def describe_disparity(table: pd.DataFrame, metric: str, reference) -> str:
    """Which groups' ratios to the reference fall outside the 0.8 to 1.25 band."""
    outside = table[~table["within_band"] & table["ratio"].notna()]
    name = LABELS.get(metric, metric)
    if outside.empty:
        return (f"Every group's {name} is within 0.8 to 1.25 times that of "
                f"{group_name(reference)}.")
    listed = ", ".join(f"{group_name(key)} ({ratio:.2f}×)"
                       for key, ratio in outside["ratio"].sort_values().items())
    return (f"Compared with {group_name(reference)}, the {name} is outside the 0.8 to 1.25 "
            f"band for: {listed}.")


def show_disparity(table: pd.DataFrame, metric: str, reference) -> str:
    """Ratio bars against the reference group, with the 0.8 to 1.25 band shaded."""
    ordered = table.sort_values("ratio")
    name = LABELS.get(metric, metric)
    axes = _bars(len(ordered), f"The {name}, as a multiple of "
                                        f"{group_name(reference)}'s")
    positions = np.arange(len(ordered))
    colours = [PALETTE[0] if within else PALETTE[3] for within in ordered["within_band"]]
    axes.axvspan(FOUR_FIFTHS, 1 / FOUR_FIFTHS, color=PALETTE[2], alpha=0.15,
                 label="0.8 to 1.25: within the rule of thumb")
    axes.axvline(1, color=PALETTE[7], linewidth=1)
    bars = axes.barh(positions, ordered["ratio"].fillna(0), color=colours)
    axes.barh([0], [0], color=PALETTE[3], label="outside the band: look closer")
    axes.bar_label(bars, labels=["not defined" if pd.isna(ratio) else f"{ratio:.2f}×"
                                 for ratio in ordered["ratio"]], padding=3, fontsize=9)
    axes.set_yticks(positions, [group_name(key) for key in ordered.index])
    axes.set_xlabel(f"ratio to {group_name(reference)} (1 = the same)")
    axes.margins(x=0.12)
    return _finish(axes, describe_disparity(table, metric, reference))


def describe_proxies(strength: pd.Series, protected: str) -> str:
    """Which columns are most strongly associated with the protected one."""
    top = strength.head(3)
    listed = ", ".join(f"{column} ({value:.2f})" for column, value in top.items())
    return (f"The columns most strongly associated with {protected} are: {listed}, on a scale "
            "from 0 (tells nothing about the group) to 1 (gives the group away).")


def show_proxies(strength: pd.Series, protected: str, top: int = 10) -> str:
    """Bars of `proxy_strength`, strongest first, and the summary under them."""
    shown = strength.head(top).iloc[::-1]
    axes = _bars(len(shown), f"How much each column gives away {protected}")
    axes.barh(np.arange(len(shown)), shown, color=PALETTE[4])
    axes.set_yticks(np.arange(len(shown)), list(shown.index))
    axes.set_xlim(0, 1)
    axes.set_xlabel("association (Cramér's V): 0 = nothing, 1 = everything")
    return _finish(axes, describe_proxies(strength, protected), legend=False)
