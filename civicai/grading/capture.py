"""Inside a notebook being graded: hand each answer over as data, and nothing else.

The grader sends these calls into the learner's kernel in place of the check
cells (see `execute`); each one publishes a display message of its own MIME
type holding plain data (`civicai.checks.values`), which the grader reads and
no notebook ever shows:

- `answer(qid)`, where the check cell stood: the answer as it is at that
  point of the notebook (for a function question, the function is kept here);
- `calls(qid, declaration)`, once every cell has run: the kept function is
  tried on the question's examples and on the hidden inputs the instructor
  source declares, and what it gave back is handed over.

Nothing secret is here or is ever sent here: no expected value, no key, no
judging. The hidden inputs arrive only after the last learner cell has run,
and what the kernel prints while these calls run is thrown away, so a
learner's code cannot show them in the feedback. Learner code can replace
anything in this module; that only chooses the data handed over, which is the
same as typing other answers.

The reference run (`civicai.authoring.key`) uses `reference(qid, declaration)`
on the instructor's own notebook, where it also evaluates the declared slips.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from civicai import checks
from civicai.checks.values import encode

#: The MIME type of the messages that carry answers to the grader.
MIME = "application/vnd.civicai.answer+json"

#: Functions kept from the check cells until the hidden inputs are tried (qid -> function).
_functions: dict[str, Callable] = {}


def _namespace() -> dict[str, Any]:
    from IPython import get_ipython

    shell = get_ipython()
    return shell.user_ns if shell is not None else {}


def _publish(payload: dict) -> None:
    from IPython.display import publish_display_data

    publish_display_data({MIME: payload})


class _Declarations:
    """Stands for `checks` while a hidden declaration runs: keeps what it declares."""

    def __init__(self) -> None:
        self.found: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        found = self.found

        class _Declared:
            def hidden(self, calls: Callable | None = None, slips: list | None = None) -> None:
                found.update(calls=calls, slips=list(slips or []))

        return _Declared()


def declared(declaration: str, namespace: dict[str, Any]) -> dict[str, Any]:
    """Run a check cell's hidden part with `checks` standing in, in a copy of the namespace."""
    stand_in = _Declarations()
    if declaration.strip():
        exec(compile(declaration, "<hidden inputs>", "exec"), {**namespace, "checks": stand_in})
    return stand_in.found


def answer(qid: str) -> None:
    """At a check cell: the answer as data (a function is kept for later)."""
    question = checks.question(qid)
    namespace = _namespace()
    record = question.capture(namespace)
    if record["state"] == "function":
        _functions[qid] = namespace[question.variable]
    _publish({"qid": qid, "record": record})


def calls(qid: str, declaration: str) -> None:
    """After the last cell: what the kept function gives on the examples and hidden inputs."""
    function = _functions.get(qid)
    if function is None:
        return
    question = checks.question(qid)
    found = declared(declaration, _namespace())
    _publish({"qid": qid, "record": question.record_calls(function, found.get("calls"))})


def reference(qid: str, declaration: str) -> None:
    """In the instructor's notebook, at a check cell: the answer, its hidden results, its slips."""
    question = checks.question(qid)
    namespace = _namespace()
    record = question.capture(namespace)
    found = declared(declaration, namespace)
    if record["state"] == "function":
        record = question.record_calls(namespace[question.variable], found.get("calls"))
    slips = [{"value": encode(wrong() if callable(wrong) else wrong), "message": message}
             for wrong, message in found.get("slips") or []]
    _publish({"qid": qid, "record": record, "slips": slips})
