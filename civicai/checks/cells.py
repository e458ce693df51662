"""What ran in this notebook: each cell's text, and whether it stopped with an error.

A check must never judge an old answer. When a learner's answer cell stops with an
error (a typing slip, a hint pasted into an indented line, a letter without quotes),
the variable still holds whatever an earlier run left, or nothing; and when the cell
was changed and saved but not run again, the value is not the one on the screen. So
the course records, for every cell the kernel runs, its text and its outcome (an
IPython `post_run_cell` hook, installed when `civicai.checks` is imported and by the
grader's kernels), and a check asks `problem(variable)` first: the most recent cell
that set the variable, if it stopped with an error or has been changed since, gives a
plain message instead of a verdict.

Changes are seen when the notebook has been saved since the cell ran (JupyterLab saves
every two minutes, and before Validate): the kernel only knows what it ran, and the
notebook's file on disk is the only place it can see what the cell says now. A file
saved before the run says nothing about it: a learner who types and runs without
saving has a file one step behind the screen, and that is not a change.
"""
from __future__ import annotations

import ast
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

#: How many cells are remembered (the last ones: an exercise has about 60).
KEEP = 400


@dataclass
class Ran:
    """One cell the kernel ran."""

    source: str
    cell_id: str | None
    error: BaseException | None
    at: float = field(default_factory=time.time)


_RAN: list[Ran] = []


def _record(result) -> None:
    info = getattr(result, "info", None)
    source = getattr(info, "raw_cell", None)
    if type(source) is not str:
        return
    error = getattr(result, "error_before_exec", None) or getattr(result, "error_in_exec", None)
    _RAN.append(Ran(source, getattr(info, "cell_id", None), error))
    del _RAN[:-KEEP]


def install(shell=None) -> None:
    """Start recording (once per kernel); outside IPython there is nothing to record."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython is always installed with the course
            return
        shell = get_ipython()
    if shell is None or getattr(shell, "_civicai_cells", False):
        return
    shell.events.register("post_run_cell", _record)
    shell._civicai_cells = True


def sets(source: str, variable: str) -> bool:
    """Whether a cell's text sets `variable` (assigns it, or defines it as a function)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        pattern = rf"(^|[;\n])\s*(def\s+{re.escape(variable)}\b|{re.escape(variable)}\s*[-+*/]?=(?!=))"
        return re.search(pattern, source) is not None
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == variable and isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == variable:
            return True
    return False


def last_run_of(variable: str) -> Ran | None:
    """The most recent cell that set `variable`, or None."""
    for ran in reversed(_RAN):
        if sets(ran.source, variable):
            return ran
    return None


def problem(variable: str) -> str | None:
    """Why the answer in `variable` cannot be judged now, in plain words, or None."""
    ran = last_run_of(variable)
    if ran is None:
        return None
    if ran.error is not None:
        return ("Your answer cell stopped with an error, so there is no answer to check yet. "
                f"{explain(ran.error, ran.source)} Fix it, run the cell again (Shift+Enter), "
                "then run this check.")
    if changed_since_run(ran):
        return ("You changed your answer cell after you last ran it, so this check would look "
                "at your old answer. Run your answer cell (Shift+Enter), then this check.")
    return None


def changed_since_run(ran: Ran) -> bool:
    """Whether the notebook, saved after the cell ran, says something else in that cell."""
    saved = _saved_cell(ran.cell_id, since=ran.at)
    return saved is not None and saved.rstrip() != ran.source.rstrip()


def _saved_cell(cell_id: str | None, since: float) -> str | None:
    """The cell's text in the notebook's file, if the file was saved after `since`."""
    notebook = Path(os.environ.get("JPY_SESSION_NAME", ""))
    if not cell_id or notebook.suffix != ".ipynb":
        return None
    try:
        if notebook.stat().st_mtime <= since:
            return None
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return None
    for cell in cells:
        if isinstance(cell, dict) and cell.get("id") == cell_id:
            source = cell.get("source", "")
            return "".join(source) if isinstance(source, list) else str(source)
    return None


_MULTIPLY = re.compile(r"\d\s*[x×:]\s*\d|×|÷")
#: A multiplication or division written as on paper: its two sides and the sign used
#: (an `x` or a `:` only between numbers: `for x in ...` and `if ...:` are not one).
_OPERATION = re.compile(r"(\d[\d.]*|[A-Za-z_]\w*)\s*([×÷])\s*(\d[\d.]*|[A-Za-z_]\w*)"
                        r"|(\d[\d.]*)\s*([x:])\s*(\d[\d.]*)")
#: Words given as an answer without quotes: `office = Dinas Sosial`.
_BARE_WORDS = re.compile(r"^\s*[A-Za-z_]\w*\s*=\s*([A-Za-z]\w*(?:\s+[A-Za-z]\w*)+)\s*$", re.M)
#: A date typed without quotes.
_DATE = re.compile(r"(?<![\w\"'])\d{4}-\d{2}-\d{2}(?![\w\"'])")


def _as_python(source: str) -> str:
    """How to write the learner's own `12 x 7` or `84 ÷ 7` (never an example of ours: it
    could be an answer)."""
    match = _OPERATION.search(source)
    if match is None:
        return "write * for × and / for ÷ or :."
    left, sign, right = (part for part in match.groups() if part is not None)
    python = "/" if sign in "÷:" else "*"
    return f"write {left} {python} {right}, not {left} {sign} {right}."


def explain(error: BaseException, source: str) -> str:
    """An error of an answer cell, as a non-programmer can act on it."""
    kind = type(error).__name__
    try:
        text = str(error)
    except Exception:
        text = ""
    if kind == "LearnerError":  # the course's own tools already speak plainly
        return text
    if kind == "SyntaxError" and "leading zeros" in text:
        date = _DATE.search(source)
        typed = date.group(0) if date else "2024-03-31"
        return (f"A date (or any text) must be written in quotes, for example \"{typed}\". "
                f"Without quotes Python reads {typed} as a sum of numbers.")
    if kind in ("SyntaxError", "NameError") and _MULTIPLY.search(source) and \
            ("invalid" in text or "'x'" in text):
        return f"To multiply, Python uses *, and to divide, /: {_as_python(source)}"
    if kind in ("IndentationError", "TabError"):
        return ("A line starts with too many or too few spaces. Lines inside a function (after "
                "`def ...:`) start with 4 spaces, the others at the left edge: look at the line "
                "you changed or pasted.")
    if kind == "SyntaxError" and ("unterminated string" in text or "EOL" in text):
        return "A text is missing a quote: it needs one at each end, like \"b\"."
    if kind == "SyntaxError" and "invalid decimal literal" in text:
        return ("Python could not read a number. Write decimals with a point, not a comma "
                "(2.5, not 2,5), and put text in quotes.")
    words = _BARE_WORDS.search(source) if kind == "SyntaxError" else None
    if words:
        return f"Text is written in quotes: \"{words.group(1)}\", not {words.group(1)}."
    if kind == "SyntaxError":
        where = f" (line {error.lineno})" if getattr(error, "lineno", None) else ""
        return (f"Python could not read the cell{where}: a bracket or a quote may be missing, "
                "or a character was copied from the text.")
    if kind == "NameError":
        match = re.search(r"name '([^']+)' is not defined", text)
        name = match.group(1) if match else ""
        if re.fullmatch(r"[a-eA-E]", name):
            return f"Letters are written in quotes: \"{name.lower()}\", not {name}."
        if name:
            return (f"Python does not know the name `{name}`. If it is text, put it in quotes "
                    f"(\"{name}\"); if it comes from an earlier cell, run the cells above first "
                    "(Run → Run All Above Selected Cell).")
    if kind == "KeyError":
        return (f"There is no column or row called {text} (capital letters and spaces count: "
                "copy the name from the table).")
    if kind == "ZeroDivisionError":
        return "Something was divided by zero: check the number you divide by."
    return f"Python says: {kind}: {text[:160]}".rstrip(": ") + "."


install()
