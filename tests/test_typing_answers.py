"""The start page's "How to type an answer": each try, run as a learner types it, says what
the usual slip is, and takes the right answer in each way a person writes it."""
from __future__ import annotations

import re

import nbformat
import pytest
from nbclient import NotebookClient

from civicai import REPO_ROOT

START_PAGE = REPO_ROOT / "course" / "00-start-here" / "start-here.ipynb"

SLIPS = {  # answer cell: (what the learner types, what the check must say)
    "office": ("Dinas Sosial", 'Text is written in quotes: "Dinas Sosial", not Dinas Sosial.'),
    "best_option": ("c", 'Letters are written in quotes: "c", not c.'),
    "share_online": ("0,25", "it writes decimals with a point, not a comma"),
    "minutes_per_citizen": ("480 ÷ 80", "write 480 / 80, not 480 ÷ 80"),
    "columns_to_hide": ('["name" "phone"]', "a comma is missing between them"),
}
MORE_SLIPS = {
    "office": ('"Dinas Kesehatan"', "The question asks for the words Dinas Sosial"),
    "best_option": ('"a"', "This try asks for the letter the text above names"),
    "share_online": ("25", "that looks like a percentage"),
    "minutes_per_citizen": ("480 : 80", "write 480 / 80, not 480 : 80"),
    "columns_to_hide": ("[name, phone]", "Python does not know the name `name`"),
}
RIGHT_WAYS = [  # the same right answers, written the ways people write them
    {"office": '"Dinas Sosial"', "best_option": '"c"', "share_online": "0.25",
     "minutes_per_citizen": "480 / 80", "columns_to_hide": '["name", "phone"]'},
    {"office": "'dinas  sosial '", "best_option": '"C"', "share_online": "50 / 200",
     "minutes_per_citizen": "6", "columns_to_hide": "['phone', 'name']"},
]


def run_start_page(typed: dict[str, str]) -> dict[str, str]:
    """{answer variable: what its check showed}, after typing `typed` into the answer cells."""
    notebook = nbformat.read(START_PAGE, as_version=4)
    shown, answer = {}, None
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        variable = cell.source.split("=")[0].strip()
        if variable in typed and cell.source.strip().endswith("= ..."):
            cell.source = f"{variable} = {typed[variable]}"
    NotebookClient(notebook, allow_errors=True, kernel_name="python3", timeout=120,
                   resources={"metadata": {"path": str(START_PAGE.parent)}}).execute()
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        variable = cell.source.split("=")[0].strip()
        if variable in typed:
            answer = variable
        elif "tries." in cell.source and answer:
            text = " ".join(str(output.get("data", {}).get("text/plain", output.get("text", "")))
                            for output in cell.outputs)
            shown[answer] = re.sub(r"\s+", " ", text)
    return shown


@pytest.mark.parametrize("slips", [SLIPS, MORE_SLIPS], ids=["typing", "values"])
def test_each_usual_slip_is_told_in_plain_words(slips):
    shown = run_start_page({variable: typed for variable, (typed, _) in slips.items()})
    assert set(shown) == set(slips)
    for variable, (typed, words) in slips.items():
        assert words in shown[variable], (typed, shown[variable])
        assert "Correct" not in shown[variable] and "Traceback" not in shown[variable]


@pytest.mark.parametrize("typed", RIGHT_WAYS, ids=["as-shown", "other-ways"])
def test_the_right_answer_in_any_usual_form_is_correct(typed):
    shown = run_start_page(typed)
    assert set(shown) == set(typed)
    assert all(said.startswith("✅ Correct") for said in shown.values()), shown
