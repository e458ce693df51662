"""The grader's side of the witness (civicai.grading.guard): prepare, read, judge.

Before a notebook runs, `prepare()` gives every check cell one extra last
statement that tells the witness "this check reached its end", adds a last
cell that tells it "the notebook is over", and lists the locked cells the
witness must see run exactly as written. After the run, `read_report()`
keeps only the report lines signed with this run's key, `verdicts()` says for
each check whether the witness saw it pass honestly, and `restore()` puts the
cells back as they were, so the autograded notebook shows the instructor's
source and nothing of the instrumentation.

A check keeps the points nbgrader gives it only when its verdict is "passed";
otherwise `overrule()` adds an error output saying why, and nbgrader's own
scoring (an error output means zero) does the rest. The witness can lower a
score, never raise one.
"""
from __future__ import annotations

import ast
import builtins
import hashlib
import secrets
from dataclasses import dataclass, field

from nbformat import NotebookNode

from civicai.grading.guard import END_EVENT, PASSED_EVENT

#: The variable that keeps a check's last value, so it is still displayed last.
LAST_VALUE = "_civicai_check_value"
#: Name of the error the grader adds to a check it could not confirm.
UNCONFIRMED = "CheckNotConfirmed"


@dataclass
class Plan:
    """What was changed in a notebook for its run, and what the witness must see."""

    key: str
    checkpoints: list[tuple[str, str, str, list[str]]]
    originals: dict[int, str] = field(default_factory=dict)  # cell index -> source
    checks: dict[int, str] = field(default_factory=dict)     # cell index -> grade_id
    sentinel: int | None = None


@dataclass
class Verdict:
    """What the witness saw of one check."""

    passed: bool
    reason: str = ""        # plain words for a learner, when not passed
    detail: str = ""        # what the witness recorded, for the instructor
    tampering: bool = False  # something changed what checks rely on


def is_check(cell: NotebookNode) -> bool:
    """An auto-graded check cell: a graded code cell that is not an answer."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_locked_code(cell: NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("locked")) and not meta.get("solution")


def instrument(source: str, grade_id: str) -> str:
    """A check's source with the witness's last statement, its last value still shown last.

    IPython displays the value of a cell's last expression (nbgrader even reads a
    number there as partial credit), so a check ending with an expression keeps it:
    the expression is stored, the witness is told, then the stored value is shown.
    """
    signal = f'__import__("sys").audit({PASSED_EVENT!r}, {grade_id!r})'
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source  # it cannot run: it will fail, and the witness will not see it pass
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Expr):
        lines = source.splitlines()
        start, end = last.lineno - 1, last.end_lineno - 1
        # ast counts columns in UTF-8 bytes
        head = lines[start].encode()[:last.col_offset].decode()
        before = "\n".join(lines[:start] + [head])
        expression = ast.get_source_segment(source, last)
        after = lines[end].encode()[last.end_col_offset:].decode()
        return (f"{before}{LAST_VALUE} = ({expression}){after}\n{signal}\n{LAST_VALUE}")
    return f"{source}\n{signal}"


def _parsed(source: str) -> ast.Module:
    try:
        return ast.parse(source)
    except SyntaxError:
        return ast.Module(body=[], type_ignores=[])


def bound_names(source: str) -> set[str]:
    """The names a cell binds in the notebook's namespace: assigned, imported or defined at
    its top level (also inside if, for, with and try, which do not open a scope)."""
    names: set[str] = set()

    def stored(target: ast.AST) -> None:
        names.update(node.id for node in ast.walk(target)
                     if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store))

    def visit(body: list[ast.stmt]) -> None:
        for statement in body:
            if isinstance(statement, (ast.Import, ast.ImportFrom)):
                names.update(alias.asname or alias.name.split(".")[0]
                             for alias in statement.names if alias.name != "*")
            elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(statement.name)
            elif isinstance(statement, ast.Assign):
                for target in statement.targets:
                    stored(target)
            elif isinstance(statement, (ast.AugAssign, ast.AnnAssign)):
                stored(statement.target)
            elif isinstance(statement, (ast.For, ast.AsyncFor)):
                stored(statement.target)
            elif isinstance(statement, (ast.With, ast.AsyncWith)):
                for item in statement.items:
                    if item.optional_vars is not None:
                        stored(item.optional_vars)
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue  # their bodies have a scope of their own
            for block in ("body", "orelse", "finalbody"):
                visit(getattr(statement, block, []))
            for handler in getattr(statement, "handlers", []):
                visit(handler.body)

    tree = _parsed(source)
    visit(tree.body)
    names.update(node.target.id for node in ast.walk(tree) if isinstance(node, ast.NamedExpr))
    return names


def read_names(source: str) -> set[str]:
    """The names a cell reads without binding them anywhere itself, builtins aside."""
    tree = _parsed(source)
    read, bound = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return read - bound - bound_names(source) - set(dir(builtins))


def prepare(nb: NotebookNode) -> Plan:
    """Instrument the notebook in place for its run; returns how to undo and judge it.

    Each check comes with the names it reads that the read-only cells set up (`checks`,
    `np`, a table...), and each read-only cell with those it sets: the witness keeps what
    the course put there, so that a learner cannot give a check their own version of them.
    """
    plan = Plan(key=secrets.token_hex(32), checkpoints=[])
    set_up = set().union(*(bound_names(cell.source) for cell in nb.cells
                           if is_locked_code(cell) and not is_check(cell)))
    uses = {index: read_names(cell.source) & set_up
            for index, cell in enumerate(nb.cells) if is_check(cell)}
    relied_on = set().union(*uses.values())
    for index, cell in enumerate(nb.cells):
        if is_check(cell):
            grade_id = cell.metadata["nbgrader"]["grade_id"]
            plan.originals[index] = cell.source
            plan.checks[index] = grade_id
            cell.source = instrument(cell.source, grade_id)
            plan.checkpoints.append(("test", grade_id, cell.source, sorted(uses[index])))
        elif is_locked_code(cell) and cell.source.strip():
            plan.checkpoints.append(("locked", cell.metadata["nbgrader"].get("grade_id", ""),
                                     cell.source, sorted(bound_names(cell.source) & relied_on)))
    nb.cells.append(NotebookNode(cell_type="code", source=f'__import__("sys").audit({END_EVENT!r})',
                                 metadata={}, outputs=[], execution_count=None))
    plan.sentinel = len(nb.cells) - 1
    return plan


def restore(nb: NotebookNode, plan: Plan) -> None:
    """Put the instructor's sources back and remove the sentinel cell."""
    if plan.sentinel is not None and plan.sentinel < len(nb.cells):
        del nb.cells[plan.sentinel]
    for index, source in plan.originals.items():
        nb.cells[index].source = source


def read_report(text: str, key: str) -> list[list[str]]:
    """The signed lines of the witness's report, in order, up to the first bad one."""
    lines, expected = [], 1
    for raw in text.splitlines():
        body, _, mac = raw.rpartition(" ")
        good = hashlib.blake2b(body.encode(), key=bytes.fromhex(key), digest_size=16).hexdigest()
        fields = body.split(" ")
        if mac != good or not fields or fields[0] != str(expected):
            break  # a forged, altered or missing line: trust nothing after it
        lines.append(fields[1:])
        expected += 1
    return lines


#: Why a check did not count, in words a learner can read.
REASONS = {
    "not-run": "This check did not run: your notebook stopped before it.",
    "not-passed": "",  # the check's own message says what is wrong
    "tampered": ("This check was not counted: code in your notebook changed how the course's "
                 "checks work (for example by redefining functions the checks use, or by "
                 "replacing a variable that the course's cells set up and the check reads). "
                 "Your instructor will look at it."),
    "skipped": ("This check was not counted: it did not run as written. Code in your "
                "notebook changed the check before it ran. Your instructor will look at it."),
}


def verdicts(report: list[list[str]], grade_ids: list[str]) -> tuple[dict[str, Verdict], dict]:
    """A verdict per check, and facts about the whole run for the cohort report."""
    seen: dict[str, Verdict] = {}
    facts = {"armed": False, "comparison": "", "ended": False, "blocked": [], "events": [],
             "problems": {}, "locked_changed": []}
    for fields in report:
        kind, rest = fields[0], fields[1:]
        if kind == "armed":
            facts["armed"] = True
            facts["comparison"] = rest[1] if len(rest) > 1 else ""  # "versions" or "items"
        elif kind == "end":
            facts["ended"] = True
        elif kind == "check" and len(rest) >= 5:
            grade_id, passed, start, end = rest[0], rest[1] == "passed", rest[2], rest[3]
            tampered = start != "start-ok" or end != "end-ok" or bool(facts["locked_changed"])
            if tampered:
                seen[grade_id] = Verdict(False, REASONS["tampered"], f"{start} {end}", True)
            elif passed:
                seen[grade_id] = Verdict(True)
            else:
                seen[grade_id] = Verdict(False, REASONS["not-passed"], "did not reach its end")
        elif kind == "skipped" and rest and rest[0] in grade_ids:
            seen[rest[0]] = Verdict(False, REASONS["skipped"], "did not run as written", True)
        elif kind == "skipped" and rest:
            # a read-only cell (data, set-up) that did not run as written: every check
            # after it may have worked on something else
            facts["locked_changed"].append(rest[0])
        elif kind == "problem" and len(rest) >= 2:
            facts["problems"].setdefault(rest[0], []).append(" ".join(rest[1:]))
        elif kind == "blocked":
            facts["blocked"].append(" ".join(rest[1:]))
        else:
            facts["events"].append(" ".join(fields))
    results = {}
    for grade_id in grade_ids:
        verdict = seen.get(grade_id)
        if verdict is None:
            reason = REASONS["not-run"] if facts["armed"] else (
                "This check was not counted: the grader could not watch your notebook run.")
            verdict = Verdict(False, reason, "never ran")
        if grade_id in facts["problems"] and verdict.tampering:
            verdict.detail += ": " + "; ".join(facts["problems"][grade_id][:3])
        results[grade_id] = verdict
    return results, facts


def overrule(nb: NotebookNode, plan: Plan, results: dict[str, Verdict]) -> list[str]:
    """Make every check the witness did not see pass carry an error; returns those changed.

    A check that already shows an error scores zero in nbgrader anyway and keeps its
    own message. One that shows none gets an error saying why it does not count.
    """
    changed = []
    for index, grade_id in plan.checks.items():
        verdict = results[grade_id]
        cell = nb.cells[index]
        has_error = any(output.get("output_type") == "error" for output in cell.get("outputs", []))
        if verdict.passed or has_error:
            continue
        reason = verdict.reason or "This check did not finish, so it does not count."
        cell.setdefault("outputs", []).append(NotebookNode(
            output_type="error", ename=UNCONFIRMED, evalue=reason, traceback=[reason]))
        changed.append(grade_id)
    return changed
