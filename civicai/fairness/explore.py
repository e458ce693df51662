"""The threshold widget: move the cut-off and watch whose errors change.

A scoring model does not decide by itself: someone picks the score above
which a person is selected. Moving that threshold trades one error for the
other (fewer people in need missed, more people wrongly included) and the
trade is rarely the same for every group. A slider makes that visible; it
works with the mouse and with the arrow keys.
"""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from civicai.errors import require_columns
from civicai.fairness.charts import show_metrics
from civicai.fairness.rates import audit


def threshold_summary(frame, accuracy: float, threshold: float) -> str:
    """Overall effect of a threshold in one sentence, from its audit (a MetricFrame).

    Worded for an assistive programme: "yes" is "in need".
    """
    return (f"Threshold {threshold:.2f}: {frame.overall['selection_rate']:.0%} selected; "
            f"right for {accuracy:.0%} of everyone; "
            f"{frame.overall['FNR']:.0%} of those truly in need missed; "
            f"{frame.overall['FPR']:.0%} of those not in need selected anyway.")


def _live(control: widgets.ValueWidget, draw) -> widgets.VBox:
    """`control` above an output that `draw(value)` fills, redrawn whenever the control moves."""
    output = widgets.Output()

    def redraw(_change=None) -> None:
        with output:
            output.clear_output(wait=True)
            draw(control.value)

    control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([control, output])


def threshold_explorer(y_true, scores, groups, *, start: float = 0.5,
                       metrics: tuple[str, ...] = ("FNR", "FPR")) -> widgets.VBox:
    """A slider for the threshold and, under it, each group's error rates at that threshold."""
    slider = widgets.FloatSlider(value=start, min=0.05, max=0.95, step=0.05,
                                 description="Threshold", continuous_update=False,
                                 readout_format=".2f",
                                 style={"description_width": "initial"})

    truth = pd.Series(y_true).astype(bool).to_numpy()

    def draw(threshold: float) -> None:
        decided = pd.Series(scores).to_numpy() >= threshold
        frame = audit(truth, decided, groups,
                      metrics=tuple(dict.fromkeys(("selection_rate", "FNR", "FPR", *metrics))))
        print(threshold_summary(frame, float((truth == decided).mean()), threshold))
        show_metrics(frame.by_group, metrics,
                     title=f"Error rates by group at threshold {threshold:.2f}")

    return _live(slider, draw)


def group_explorer(y_true, y_pred, table: pd.DataFrame, columns: list[str], *,
                   metrics: tuple[str, ...] = ("FNR", "FPR")) -> widgets.VBox:
    """A menu of group columns and, under it, the error rates by the chosen column."""
    require_columns(table, list(columns))
    menu = widgets.Dropdown(options=list(columns), description="Group by")

    def draw(column: str) -> None:
        frame = audit(y_true, y_pred, table[column], metrics=metrics)
        show_metrics(frame.by_group, metrics, title=f"Error rates by {column}")

    return _live(menu, draw)
