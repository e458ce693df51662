"""An automated monthly report: a table, a chart and sentences, in files a manager opens.

Someone in many offices spends a day each month copying counts into a
spreadsheet and writing the same paragraph with new numbers. Code can do it in
a second, the same way every time, for any month: the month is the one
parameter that changes. The sentences are generated from the numbers, so they
never disagree with the table. A person still reads the report before it goes
out: the code cannot know that a drop in licences was a closed office.
"""
from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from civicai.automation.cleaning import read_dates
from civicai.errors import LearnerError, require_columns
from civicai.style import PALETTE

#: Where reports are written, next to the notebook (git ignores it).
REPORT_FOLDER = Path("my_reports")


def as_month(month: object) -> pd.Period:
    """A month from "2018-06", "June 2018", a date or a Period; a plain message otherwise."""
    if month is Ellipsis:
        raise LearnerError("The month still holds the placeholder `...`.",
                           'Write the month in quotes, year first, for example "2018-06".')
    if isinstance(month, pd.Period):
        return month.asfreq("M")
    try:
        period = pd.Period(pd.Timestamp(month.strip() if isinstance(month, str) else month),
                           freq="M")
    except (ValueError, TypeError):
        period = pd.NaT
    if pd.isna(period):
        raise LearnerError(f"{month!r} is not a month I can read.",
                           'Write it as year-month, for example "2018-06".')
    return period


def _month_name(month: pd.Period) -> str:
    return month.strftime("%B %Y")


def _change(now: int, before: int) -> str:
    if before == 0:
        return "no rows the month before" if now else "none this month or the month before"
    percent = 100 * (now - before) / before
    if round(percent) == 0:
        return f"about the same as the month before ({before:,})"
    direction = "more" if percent > 0 else "fewer"
    return f"{abs(percent):.0f}% {direction} than the month before ({before:,})"


@dataclass
class MonthlyReport:
    """One month's report. Display it in a notebook, or `save()` it as HTML and Excel."""

    title: str
    month: pd.Period
    what: str
    table: pd.DataFrame  # one row per group: this month, the month before, change, share
    sentences: list[str]

    @property
    def total(self) -> int:
        return int(self.table["this month"].sum())

    def figure(self):
        """Bars for this month and the month before, per group."""
        groups = [str(group) for group in self.table.index]
        positions = range(len(groups))
        figure, axes = plt.subplots(figsize=(7, 3.8))
        width = 0.4
        axes.bar([p - width / 2 for p in positions], self.table["month before"], width,
                 label=_month_name(self.month - 1), color=PALETTE[5])
        axes.bar([p + width / 2 for p in positions], self.table["this month"], width,
                 label=_month_name(self.month), color=PALETTE[0])
        axes.set_xticks(list(positions), groups, rotation=30 if len(groups) > 4 else 0,
                        ha="right" if len(groups) > 4 else "center")
        axes.set_ylabel(f"number of {self.what}")
        axes.set_title(f"{self.title}: {_month_name(self.month)}")
        axes.legend(frameon=False)
        figure.tight_layout()
        return figure

    def _figure_png(self) -> str:
        figure = self.figure()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=100)
        plt.close(figure)
        return base64.b64encode(buffer.getvalue()).decode("ascii")

    def to_html(self) -> str:
        """The whole report as one self-contained web page (the chart is inside it)."""
        sentences = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in self.sentences)
        alt = html.escape(" ".join(self.sentences[:2]))
        return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                f"<title>{html.escape(self.title)}: {_month_name(self.month)}</title></head>"
                f"<body style='font-family:sans-serif;max-width:46em;margin:2em auto'>"
                f"<h1>{html.escape(self.title)}: {_month_name(self.month)}</h1>"
                f"<h2>In brief</h2><ul>{sentences}</ul>"
                f"<h2>Figures</h2>{self.table.to_html(float_format=lambda x: f'{x:.1f}')}"
                f"<h2>Chart</h2><img alt='{alt}' "
                f"src='data:image/png;base64,{self._figure_png()}'>"
                f"<p><small>Produced automatically from the register. Check it before "
                f"sending it on.</small></p></body></html>")

    def _repr_html_(self) -> str:
        sentences = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in self.sentences)
        return (f"<h3>{html.escape(self.title)}: {_month_name(self.month)}</h3>"
                f"<ul>{sentences}</ul>{self.table.to_html(float_format=lambda x: f'{x:.1f}')}")

    def save(self, folder: str | Path = REPORT_FOLDER) -> dict[str, Path]:
        """Write the report as a web page (.html) and a spreadsheet (.xlsx); return both paths."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"report-{self.month}"
        page, workbook = folder / f"{stem}.html", folder / f"{stem}.xlsx"
        page.write_text(self.to_html(), encoding="utf-8")
        with pd.ExcelWriter(workbook, engine="openpyxl") as writer:
            self.table.to_excel(writer, sheet_name="Figures")
            pd.DataFrame({"In brief": self.sentences}).to_excel(writer, sheet_name="In brief",
                                                                 index=False)
        return {"html": page, "excel": workbook}


def monthly_table(table: pd.DataFrame, month: object, *, date_column: str,
                  group_column: str, top: int = 6) -> pd.DataFrame:
    """Rows per group in `month` and the month before; small groups are summed as "Other"."""
    require_columns(table, [date_column, group_column], "the register")
    month = as_month(month)
    months = read_dates(table[date_column]).dt.to_period("M")
    if not (months == month).any():
        present = months.dropna()
        span = (f"It has dates from {_month_name(present.min())} to {_month_name(present.max())}."
                if len(present) else "It has no readable dates.")
        raise LearnerError(f"The register has no rows in {_month_name(month)}.", span)
    groups = table[group_column].map(lambda value: "(missing)" if pd.isna(value) else str(value))
    counts = pd.crosstab(groups, months).reindex(columns=[month - 1, month], fill_value=0)
    counts.columns = ["month before", "this month"]
    counts = counts.sort_values(["this month", "month before"], ascending=False)
    if len(counts) > top:
        small = counts.iloc[top - 1:].sum().rename("Other")
        counts = pd.concat([counts.iloc[: top - 1], small.to_frame().T])
    counts = counts[counts.sum(axis=1) > 0].astype(int)
    counts["change"] = counts["this month"] - counts["month before"]
    total = counts["this month"].sum()
    counts["share of month (%)"] = (100 * counts["this month"] / total).round(1) if total else 0.0
    counts.index.name = group_column
    return counts[["this month", "month before", "change", "share of month (%)"]]


def _how_many(number: int, what: str) -> str:
    """"1 licence", "2 licences": `what` is the plural."""
    return f"{number:,} {what[:-1] if number == 1 and what.endswith('s') else what}"


def report_sentences(counts: pd.DataFrame, month: pd.Period, what: str) -> list[str]:
    """Three sentences a manager reads first, written from the numbers."""
    now, before = int(counts["this month"].sum()), int(counts["month before"].sum())
    verb = "was" if now == 1 else "were"
    sentences = [f"In {_month_name(month)}, {_how_many(now, what)} {verb} recorded: "
                 f"{_change(now, before)}."]
    if now:
        largest = counts["this month"].idxmax()
        share = 100 * counts.loc[largest, "this month"] / now
        sentences.append(f"The largest group was {largest}: "
                         f"{_how_many(int(counts.loc[largest, 'this month']), what)} "
                         f"({share:.0f}% of the month).")
    moved = counts["change"].abs()
    if moved.max() > 0:
        group = moved.idxmax()
        change = int(counts.loc[group, "change"])
        sentences.append(f"The biggest change was in {group}: {change:+,} compared with "
                         f"{_month_name(month - 1)}.")
    return sentences


def monthly_report(table: pd.DataFrame, month: object, *, date_column: str, group_column: str,
                   title: str = "Monthly report", what: str = "records",
                   top: int = 6) -> MonthlyReport:
    """The report for one month: change `month` and run it again for any other month."""
    month = as_month(month)
    counts = monthly_table(table, month, date_column=date_column, group_column=group_column,
                           top=top)
    return MonthlyReport(title, month, what, counts, report_sentences(counts, month, what))


def plot_monthly_counts(table: pd.DataFrame, date_column: str, what: str = "records",
                        since: object = None):
    """Rows per month as a line, to see the trend before reading any one month's report."""
    require_columns(table, [date_column], "the register")
    months = read_dates(table[date_column]).dt.to_period("M").dropna()
    if since is not None:
        months = months[months >= as_month(since)]
    if months.empty:
        raise LearnerError("There are no readable dates to count.")
    counts = months.value_counts().sort_index()
    counts = counts.reindex(pd.period_range(counts.index.min(), counts.index.max(), freq="M"),
                            fill_value=0)
    figure, axes = plt.subplots(figsize=(7, 3.5))
    axes.plot(counts.index.to_timestamp(), counts.to_numpy(), marker="o", color=PALETTE[0])
    axes.set_ylabel(f"{what} per month")
    axes.set_ylim(0, counts.max() * 1.1)
    axes.set_title(f"{what.capitalize()} per month")
    figure.autofmt_xdate()
    figure.tight_layout()
    return figure
