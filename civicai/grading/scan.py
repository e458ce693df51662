"""Read the learner's own cells for code that has no business in an exercise.

Grades cannot be tampered with (answers are judged outside the learner's
kernel, see execute.py), but an instructor may want to hear of attempts, and of
tricks that earn nothing (an object that claims to equal everything), to talk
about them. A finding never changes a score: it is a reason to look. Nothing an
honest answer does is listed: the honest-variants corpus of every exercise is
graded with no finding (tests/grading_cases/).
"""
from __future__ import annotations

import ast
import re

from nbformat import NotebookNode

#: Modules an exercise answer never needs, with what importing them suggests.
MODULES = {
    "sys": "the Python interpreter itself", "builtins": "Python's built-in functions",
    "ctypes": "raw memory", "gc": "every object in memory", "inspect": "running code",
    "importlib": "the import system", "subprocess": "other programs", "threading": "threads",
    "_thread": "threads", "signal": "signals", "socket": "the network", "IPython": "the notebook",
    "ipykernel": "the notebook", "marshal": "compiled code", "types": "compiled code",
    "atexit": "shutting Python down", "multiprocessing": "other processes", "pty": "terminals",
    "resource": "resource limits", "_posixsubprocess": "other programs", "posix": "the system",
    "urllib": "the network", "http": "the network", "requests": "the network",
}
#: The course's checking and grading code: an answer never needs it.
COURSE_INTERNALS = ("civicai.checks", "civicai.grading")
CALLS = {"exec", "eval", "compile", "__import__", "globals", "setattr", "delattr", "vars",
         "get_ipython", "breakpoint"}
ATTRIBUTES = {"input_transformers_post", "input_transformers_cleanup", "ast_transformers",
              "events", "showtraceback", "set_custom_exc", "run_cell", "excepthook",
              "displayhook", "setprofile", "settrace", "addaudithook", "register_magic_function",
              "kernel", "history_manager", "_exit"}
#: Special methods that let an object decide for itself how it compares or converts.
SPECIAL = {"__eq__", "__ne__", "__hash__", "__bool__", "__float__", "__int__", "__index__",
           "__getattr__", "__getattribute__", "__instancecheck__", "__class__", "__len__",
           "__lt__", "__le__", "__gt__", "__ge__", "__abs__", "__round__", "__str__", "__repr__"}


def findings(source: str) -> list[str]:
    """What in this cell deserves a look, in plain words."""
    found = []
    for line in source.splitlines():
        if re.match(r"\s*[%!]", line):
            found.append(f"runs a notebook or shell command: {line.strip()[:60]}")
    code = "\n".join("pass" if re.match(r"\s*[%!]", line) else line
                     for line in source.splitlines())
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return found
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) \
                else [node.module or ""]
            for name in names:
                top = name.partition(".")[0]
                if name.startswith("IPython.display"):
                    continue  # display() and HTML(): what an answer may well show
                if top in MODULES:
                    found.append(f"imports {name} ({MODULES[top]})")
                elif name.startswith(COURSE_INTERNALS):
                    found.append(f"imports {name} (the course's checking code)")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in CALLS:
            found.append(f"calls {node.func.id}()")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id == "open" and _writes(node):
            found.append("writes a file")
        elif isinstance(node, ast.Attribute):
            if node.attr in ATTRIBUTES or (node.attr.startswith("__") and node.attr.endswith("__")
                                           and node.attr not in ("__name__", "__doc__")):
                found.append(f"uses .{node.attr}")
        elif isinstance(node, ast.FunctionDef) and node.name in SPECIAL:
            found.append(f"defines {node.name} (an object that decides how it compares or "
                         "converts: it can look like any answer)")
        elif isinstance(node, ast.Name) and node.id in ("__builtins__", "__loader__", "__spec__"):
            found.append(f"uses {node.id}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if "/proc/" in node.value or node.value.startswith("/proc"):
                found.append("reads the running processes (/proc)")
            elif "vnd.civicai" in node.value:
                found.append("imitates the grader's own messages")
    return list(dict.fromkeys(found))


def _writes(call: ast.Call) -> bool:
    modes = [arg for arg in call.args[1:2]] + [kw.value for kw in call.keywords if kw.arg == "mode"]
    return any(isinstance(mode, ast.Constant) and isinstance(mode.value, str)
               and set(mode.value) & set("wax+") for mode in modes)


def learner_cells(notebook: NotebookNode, instructor_ids: set[str]) -> list[tuple[int, str]]:
    """(index, source) of the cells the learner writes: answers, and cells they added."""
    cells = []
    for index, cell in enumerate(notebook.cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        ours = meta.get("grade_id") in instructor_ids and not meta.get("solution")
        if cell.get("cell_type") == "code" and not ours:
            cells.append((index, cell.get("source", "")))
    return cells


def scan(notebook: NotebookNode, instructor_ids: set[str]) -> list[str]:
    """Findings for a whole submitted notebook, each saying which cell."""
    results = []
    for index, source in learner_cells(notebook, instructor_ids):
        results += [f"cell {index + 1}: {finding}" for finding in findings(source)]
    return results


def _normal(text: str) -> str:
    """A cell's text as compared: spacing aside, and without the hints that give the answer
    (a cohort's release may leave them out, see civicai.authoring.hints)."""
    from civicai.authoring.hints import ANSWER_HINT, REMOVED

    text = ANSWER_HINT.sub("", text).replace(REMOVED.strip(), "")
    return re.sub(r"\s+", " ", text).strip()


def edits(submitted: NotebookNode, source: NotebookNode) -> list[str]:
    """What the learner changed in the instructor's cells (nbgrader restores them)."""
    from civicai.grading.execute import split_hidden

    theirs = {}
    for cell in submitted.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id:
            theirs.setdefault(grade_id, cell)
    notes = []
    for cell in source.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        grade_id = meta.get("grade_id")
        if not grade_id or meta.get("solution"):
            continue
        label = "check" if meta.get("grade") else "read-only cell"
        mine = theirs.get(grade_id)
        if mine is None:
            notes.append(f"deleted the {label} {grade_id} (put back before grading)")
            continue
        expected = split_hidden(cell.source)[0] if meta.get("grade") else cell.source
        if _normal(mine.get("source", "")) != _normal(expected):
            notes.append(f"edited the {label} {grade_id} (restored before grading)")
        their_meta = mine.get("metadata", {}).get("nbgrader", {})
        for key in ("grade", "solution", "locked", "points"):
            if key in meta and their_meta.get(key) != meta.get(key):
                notes.append(f"changed '{key}' of the {label} {grade_id} "
                             "(restored before grading)")
    return notes
