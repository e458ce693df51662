"""How the course shows things: colour-blind-safe charts, callouts, text next to charts.

Every chart that compares groups or options uses the Okabe-Ito palette (safe
for the common forms of colour blindness) and comes with a sentence that says
what it shows, for learners who use a screen reader or prefer to read.
"""
from __future__ import annotations

import html

import matplotlib as mpl
from IPython.display import HTML, display

#: Okabe & Ito (2008), "Color Universal Design": distinguishable by most colour-blind readers.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

_CALLOUTS = {
    "note": ("ℹ️", "#1f4e79", "#e8f1fb"),
    "warning": ("⚠️", "#7a4b00", "#fff4e0"),
    "privacy": ("🔒", "#8a1c1c", "#fdecea"),
    "case": ("🏛️", "#1e5631", "#e7f5ea"),
}


def use_course_style() -> None:
    """Readable defaults for every chart: the palette, larger text, no top/right frame."""
    mpl.rcParams.update({
        "axes.prop_cycle": mpl.cycler(color=PALETTE),
        "figure.figsize": (7, 4),
        "figure.dpi": 100,
        "font.size": 11,
        "axes.titlesize": 13,
        "axes.spines.top": False,
        "axes.spines.right": False,
    })


def callout(kind: str, title: str, text: str) -> HTML:
    """A coloured box for a note, a warning, a privacy reminder or a real-world case."""
    icon, ink, paper = _CALLOUTS[kind]
    paragraphs = "".join(f"<p style='margin:0.3em 0'>{html.escape(line)}</p>"
                         for line in text.strip().split("\n\n"))
    return HTML(f'<div role="note" style="border-left:6px solid {ink};background:{paper};'
                f'color:{ink};padding:0.5em 0.9em;margin:0.5em 0;">'
                f"<strong>{icon} {html.escape(title)}</strong>{paragraphs}</div>")


def chart_summary_html(text: str) -> str:
    """The summary next to a chart as HTML, for widgets that redraw a chart themselves."""
    return (f'<p role="doc-subtitle" style="font-style:italic;margin:0.2em 0 1em">'
            f"📝 In words: {html.escape(text)}</p>")


def chart_summary(text: str) -> None:
    """Display the plain-text summary that goes next to a chart."""
    display(HTML(chart_summary_html(text)))
