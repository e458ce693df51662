"""A model answer that a self-paced learner can reveal after writing their own.

Written reflections are graded by an instructor, and their model answers stay
in the instructor source (`exercises/`), never in a learner-facing file. A
learner studying alone with the whole course (Binder, or a local copy) can
open the model answer with a button once they have written theirs: the button
reads it from the instructor source. In a cohort, instructors hand out only the
learner versions, the source is not there, and the button says the model
answer comes with the feedback.
"""
from __future__ import annotations

import json

import ipywidgets as widgets
from IPython.display import Markdown, display

from civicai import REPO_ROOT

_MARKER = "MODEL ANSWER (instructor only)"


def model_answer_text(assignment: str, grade_id: str) -> str | None:
    """The model answer of one written cell, or None when the source is not here.

    The notebook is read as plain JSON: importing nbformat costs seconds (its
    schema validator compiles a grammar at import), and every exercise runs
    this module's import.
    """
    for source in sorted((REPO_ROOT / "exercises" / assignment).glob("*.ipynb")):
        for cell in json.loads(source.read_text(encoding="utf-8"))["cells"]:
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
                text = "".join(cell["source"])
                text = text.replace(f"**{_MARKER}.**", "").replace(_MARKER, "")
                return "**Model answer.** " + text.strip()
    return None


def model_answer_button(assignment: str, grade_id: str) -> widgets.VBox:
    """A button that shows the model answer below it, when the learner asks."""
    # As wide as its words: the default width (148 pixels) cut them to "Show the mod…".
    button = widgets.Button(description="Show the model answer", icon="eye",
                            tooltip="Write your own answer first: you learn more that way.",
                            layout=widgets.Layout(width="max-content"))
    shown = widgets.Output()

    def reveal(_button) -> None:
        text = model_answer_text(assignment, grade_id)
        with shown:
            shown.clear_output()
            display(Markdown(text if text else
                             "The model answer is not part of this copy of the course: your "
                             "instructor shares it with your feedback."))

    button.on_click(reveal)
    return widgets.VBox([button, shown])
