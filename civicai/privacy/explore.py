"""Charts and widgets of the privacy lesson, each chart with its summary in words.

Every chart here compares groups or options, uses the course palette and
comes with a sentence computed from the same numbers (`chart_summary`), for
learners who use a screen reader or prefer to read. The widgets use
drop-downs and sliders, which work from the keyboard.
"""
from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

from civicai.privacy.dp import laplace_scale
from civicai.privacy.generalise import Ladder, try_levels
from civicai.style import PALETTE, chart_summary, chart_summary_html, use_course_style

#: Size bands of equivalence classes, from "unique" to "safe by most rules".
SIZE_BANDS = ((1, 1, "alone (1)"), (2, 2, "2"), (3, 4, "3-4"), (5, 9, "5-9"),
              (10, None, "10 or more"))


def people_by_class_size(sizes: pd.Series) -> pd.Series:
    """How many people are in classes of size 1, 2, 3-4, 5-9 and 10 or more."""
    counts = {}
    for low, high, label in SIZE_BANDS:
        inside = sizes >= low if high is None else sizes.between(low, high)
        counts[label] = int(inside.sum())
    return pd.Series(counts, name="people")


def plot_class_sizes(options: Mapping[str, pd.Series], title: str) -> None:
    """Grouped bars: for each option, how many people have how many look-alikes.

    `options` maps a label ("full birth date", "birth year") to the class size
    of every row under that option (from `privacy.class_sizes`).
    """
    use_course_style()
    counts = pd.DataFrame({label: people_by_class_size(sizes) for label, sizes in options.items()})
    fig, ax = plt.subplots(figsize=(7, 3.4))
    width = 0.8 / len(counts.columns)
    positions = np.arange(len(counts.index))
    for number, label in enumerate(counts.columns):
        ax.bar(positions + (number - (len(counts.columns) - 1) / 2) * width, counts[label],
               width=width, color=PALETTE[number % len(PALETTE)], label=label)
    ax.set_xticks(positions, counts.index)
    ax.set_xlabel("people who look exactly alike on these columns (size of the group)")
    ax.set_ylabel("number of people")
    ax.set_title(title)
    if len(counts.columns) > 1:
        ax.legend()
    plt.show()
    parts = []
    for label in counts.columns:
        column, total = counts[label], int(counts[label].sum())
        parts.append(f"with {label}, {column.iloc[0]:,} of {total:,} people "
                     f"({column.iloc[0] / total:.1%}) are alone in their group and "
                     f"{column.iloc[3:].sum():,} ({column.iloc[3:].sum() / total:.0%}) are in "
                     "groups of 5 or more")
    text = "; ".join(parts)
    chart_summary(text[0].upper() + text[1:] + ".")


def count_listed(values: pd.Series, separator: str = ", ") -> pd.Series:
    """How often each item appears in a column whose cells list several ("Loss, Theft")."""
    items = values.dropna().astype(str).str.split(separator).explode().str.strip()
    return items.value_counts().rename("reports")


def plot_counts(counts: pd.Series, title: str, what: str, total: int | None = None) -> None:
    """Horizontal bar chart of counts by category, largest at the top.

    `total` is the number of records counted (for example reports), when one
    record can fall in several categories (`count_listed`): the summary then
    gives each share of the records, not of the category mentions.
    """
    use_course_style()
    ordered = counts.sort_values()
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(ordered) + 1.2))
    ax.barh([str(label) for label in ordered.index], ordered.to_numpy(), color=PALETTE[0])
    ax.set_xlabel(what)
    ax.set_title(title)
    plt.show()
    top = counts.sort_values(ascending=False)
    first, second = int(top.iloc[0]), int(top.iloc[1])
    if total is None:
        largest = f"with {first:,} {what} ({first / top.sum():.0%})"
    else:
        largest = f"in {first:,} of the {total:,} {what} ({first / total:.0%})"
    chart_summary(f"The largest category is '{top.index[0]}', {largest}; then "
                  f"'{top.index[1]}' with {second:,}; {len(top)} categories in all.")


def plot_error_by_epsilon(table: pd.DataFrame) -> None:
    """Line chart: average error of a noisy count against epsilon (theory and simulation)."""
    use_course_style()
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.plot(table["epsilon"], table["expected error"], color=PALETTE[0], marker="o",
            label="expected error (1 / epsilon)")
    ax.plot(table["epsilon"], table["measured error"], color=PALETTE[1], marker="s",
            linestyle="--", label="measured in simulated releases")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.minorticks_off()
    ax.set_xticks(table["epsilon"], [f"{value:g}" for value in table["epsilon"]])
    ax.set_yticks(table["expected error"], [f"{value:g}" for value in table["expected error"]])
    ax.set_xlabel("epsilon (log scale): smaller = more privacy")
    ax.set_ylabel("average error, in people")
    ax.set_title("More privacy costs accuracy: error of one published count")
    ax.legend()
    plt.show()
    first, last = table.iloc[0], table.iloc[-1]
    chart_summary(f"With epsilon {first['epsilon']:g} a published count is off by about "
                  f"{first['expected error']:.0f} people on average; with epsilon "
                  f"{last['epsilon']:g}, by about {last['expected error']:.1f}. The simulated "
                  "releases follow the formula.")


def plot_trials(trials: pd.DataFrame, k: int) -> None:
    """Scatter: for each combination of levels, rows suppressed against the analysis error."""
    use_course_style()
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.scatter(trials["analysis error (points)"], trials["rows suppressed"], color=PALETTE[0],
               s=45)
    best = trials.sort_values(["rows suppressed", "analysis error (points)"]).iloc[0]
    ax.scatter([best["analysis error (points)"]], [best["rows suppressed"]], color=PALETTE[3],
               s=120, marker="*", label="fewest rows suppressed, then smallest error")
    ax.set_xlabel("analysis error (percentage points): usefulness lost")
    ax.set_ylabel(f"rows suppressed to reach k = {k}")
    ax.set_title("Each dot is one choice of generalisation levels")
    ax.legend()
    plt.show()
    levels = ", ".join(f"{column} {best[column]}" for column in trials.columns
                       if column not in ("k before suppression", "rows suppressed",
                                         "analysis error (points)", "l after suppression"))
    chart_summary(f"{len(trials)} choices of levels. Suppressed rows range from "
                  f"{trials['rows suppressed'].min():,} to {trials['rows suppressed'].max():,}; "
                  f"analysis error from {trials['analysis error (points)'].min():.1f} to "
                  f"{trials['analysis error (points)'].max():.1f} points. The star ({levels}) "
                  f"suppresses {best['rows suppressed']:,} rows and loses "
                  f"{best['analysis error (points)']:.1f} points.")


def aligned(labels: Sequence[str], control: str = "16em") -> dict:
    """The style and layout that line up a column of controls: every label gets the width of
    the longest one, and every control the same width after it (`control`), so drop-downs and
    sliders start and end at the same place. Pass as `**aligned(labels)`."""
    label = f"{max((len(text) for text in labels), default=8) + 2}ch"
    return {"style": {"description_width": label},
            "layout": widgets.Layout(width=f"calc({label} + {control})")}


def generalisation_explorer(table: pd.DataFrame, ladders: Sequence[Ladder],
                            sensitive: str | None = None,
                            analysis: tuple[Mapping[str, str], pd.Series] | None = None,
                            k: int = 5) -> widgets.VBox:
    """Drop-downs for each ladder and a slider for k; shows k, suppression, l and error.

    The drop-downs and the slider are aligned: labels of one width, controls of one width."""
    shown_ladders = [item for item in ladders if len(item.names) > 1]
    line_up = aligned([item.column for item in shown_ladders] + ["target k"])
    menus = {item.column: widgets.Dropdown(options=item.names, value=item.names[0],
                                           description=item.column, **line_up)
             for item in shown_ladders}
    target = widgets.IntSlider(value=k, min=2, max=20, description="target k",
                               continuous_update=False, **line_up)
    shown = widgets.HTML()

    def update(_change=None) -> None:
        trial = try_levels(table, ladders, {column: menu.value for column, menu in menus.items()},
                           target.value, sensitive, analysis)
        rows = [("k after generalising", f"{trial.k_before}"),
                (f"rows to suppress to reach k = {target.value}",
                 f"{trial.suppressed:,} of {len(table):,} ({trial.suppressed / len(table):.1%})")]
        if sensitive:
            rows.append((f"l after suppression (different '{sensitive}' per group)",
                         f"{trial.l_after}" + (" ⚠️ attribute disclosure" if trial.l_after == 1
                                               else "")))
        if trial.error is not None:
            rows.append(("analysis error (usefulness lost)", f"{100 * trial.error:.2f} points"))
        shown.value = ("<table>" + "".join(f"<tr><td>{name}</td><td><b>{value}</b></td></tr>"
                                           for name, value in rows) + "</table>")

    for control in [*menus.values(), target]:
        control.observe(update, names="value")
    update()
    return widgets.VBox([*menus.values(), target, shown])


def laplace_explorer(counts: pd.Series, seed: int = 2024) -> widgets.VBox:
    """A slider for epsilon; shows the true counts beside one noisy release of them.

    The chart is drawn to a PNG image and the summary to HTML, both in plain
    widgets, so redrawing needs no output capture (which notebook runners and
    some front ends handle badly).
    """
    choices = [0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0]
    slider = widgets.SelectionSlider(options=choices, value=0.5, description="epsilon",
                                     continuous_update=False)
    picture = widgets.Image(format="png")
    summary = widgets.HTML()

    def update(_change=None) -> None:
        epsilon = slider.value
        noise = np.random.default_rng(seed).laplace(0.0, laplace_scale(epsilon), len(counts))
        noisy = (counts + noise).round().clip(lower=0).astype(int)
        use_course_style()
        # horizontal bars: long place names stay readable, first place at the top
        fig, ax = plt.subplots(figsize=(7, 0.3 * len(counts) + 1.2))
        positions = np.arange(len(counts))[::-1]
        ax.barh(positions + 0.2, counts.to_numpy(), height=0.4, color=PALETTE[0], label="true")
        ax.barh(positions - 0.2, noisy.to_numpy(), height=0.4, color=PALETTE[1],
                label=f"published (epsilon {epsilon:g})")
        ax.set_yticks(positions, [str(label) for label in counts.index])
        ax.set_xlabel("count")
        ax.legend()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", bbox_inches="tight")
        plt.close(fig)
        picture.value = buffer.getvalue()
        gap = (noisy - counts).abs()
        summary.value = chart_summary_html(
            f"With epsilon {epsilon:g}, the published counts differ from the true ones by "
            f"{gap.mean():.1f} on average (the formula expects about "
            f"{laplace_scale(epsilon):.1f}); the largest gap is {int(gap.max())}.")

    slider.observe(update, names="value")
    update()
    return widgets.VBox([slider, picture, summary])


class RiskChooser:
    """The sandbox's questions: which columns are quasi-identifiers, which is sensitive, what k.

    A multiple-choice list (Ctrl/Shift + arrow keys or clicks), a drop-down and a
    slider. `chooser.quasi`, `chooser.sensitive` and `chooser.k` hold the answers.
    """

    NONE = "(none)"

    def __init__(self, table: pd.DataFrame, quasi: Sequence[str] = (),
                 sensitive: str | None = None, k: int = 5):
        columns = [str(column) for column in table.columns]
        chosen = [column for column in quasi if column in columns]
        line_up = aligned(["quasi-identifiers", "sensitive column", "target k"], control="20em")
        self._quasi = widgets.SelectMultiple(options=columns, value=chosen,
                                             rows=min(8, len(columns)),
                                             description="quasi-identifiers", **line_up)
        self._sensitive = widgets.Dropdown(options=[self.NONE, *columns],
                                           value=sensitive if sensitive in columns else self.NONE,
                                           description="sensitive column", **line_up)
        self._k = widgets.IntSlider(value=k, min=2, max=20, description="target k",
                                    continuous_update=False, **line_up)

    @property
    def quasi(self) -> list[str]:
        return list(self._quasi.value)

    @property
    def sensitive(self) -> str | None:
        return None if self._sensitive.value == self.NONE else self._sensitive.value

    @property
    def k(self) -> int:
        return int(self._k.value)

    def _ipython_display_(self) -> None:
        display(widgets.VBox([
            widgets.HTML("<b>Quasi-identifiers</b>: columns an outsider could know about a person "
                         "(birth date, sex, area, occupation...). Hold Ctrl (Cmd on a Mac) to "
                         "choose several.<br><b>Sensitive column</b>: what must not be learned "
                         "about a person (diagnosis, income...)."),
            self._quasi, self._sensitive, self._k]))
