"""Run a learner's notebook in the sandbox, take its answers out as data, and judge them here.

`SandboxedExecute` replaces nbgrader's `Execute` in autograde; everything
else of nbgrader's autograde (restoring locked cells and metadata, saving
grades, late penalties) runs as usual. The trust boundary is the sandbox's
process: no hidden test, expected value or key ever enters it.

- Every cell runs in a kernel forked for this learner in the worker's sandbox
  (kernels.Slot), with a time limit for each cell and for the whole notebook,
  and a limit on output.
- Where a check cell stands, the kernel runs `capture.answer(qid)` instead:
  the answer as it is at that point, handed over as plain data. After the last
  cell, each function question's function is tried on its examples and on the
  hidden inputs the instructor source declares (`capture.calls`), one request
  each. While these run, nothing the kernel prints is kept.
- The kernel stops, and only then are the answers judged, in this process, by
  each question's own definition (`Question.judge_record`) against the answer
  key. Each check cell gets the verdict as its output: the green note, or an
  error output with the plain message (nbgrader gives an error output zero).

A kernel that dies (sys.exit in a thread, os._exit, a memory limit...) stops
the run: every check after it says it did not run. What happened is left in
`CONTEXT["results"][notebook]` for the worker's record.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from nbclient.exceptions import CellExecutionComplete, CellTimeoutError, DeadKernelError
from nbclient.util import run_sync
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute

from civicai import checks
from civicai.checks.answers import key
from civicai.checks.outcome import CheckFailed, NotRightYet, note_output
from civicai.checks.values import Unreadable
from civicai.grading.capture import MIME

#: What each notebook's run needs from its worker; set by the worker before converting.
CONTEXT: dict = {}
#: Output beyond this many times the output limit stops the notebook.
OUTPUT_HARD_LIMIT = 10
#: nbgrader's markers of hidden tests (ClearHiddenTests' defaults, which the course keeps).
HIDDEN_MARKERS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
_CAPTURE = '__import__("civicai.grading.capture", fromlist=["capture"])'


def is_check(cell: NotebookNode) -> bool:
    """An auto-graded check cell: a graded code cell that is not an answer."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def split_hidden(source: str) -> tuple[str, str]:
    """A check's visible part and its hidden part (the declaration between the markers)."""
    visible, hidden, inside = [], [], False
    for line in source.splitlines():
        if HIDDEN_MARKERS[0] in line:
            inside = True
        elif HIDDEN_MARKERS[1] in line:
            inside = False
        else:
            (hidden if inside else visible).append(line)
    return "\n".join(visible), "\n".join(hidden)


@dataclass
class Check:
    """One check cell of the notebook being graded."""

    index: int
    grade_id: str
    qid: str
    declaration: str
    question: checks.Question | None


def plan(nb: NotebookNode, assignment: str) -> dict[int, Check]:
    """{cell index: check} for every check cell, with its question (None if it has none)."""
    known = checks.questions_of(assignment) if assignment in checks.EXERCISES else {}
    found = {}
    for index, cell in enumerate(nb.cells):
        if is_check(cell):
            grade_id = cell.metadata["nbgrader"]["grade_id"]
            found[index] = Check(index, grade_id, f"{assignment}/{grade_id}",
                                 split_hidden(cell.source)[1], known.get(grade_id))
    return found


def _stopped_output(reason: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename="NotRun", evalue=reason, traceback=[reason])


class Capturing:
    """For a notebook client: run a request whose only kept result is the answers it publishes.

    While `_payloads` is a list, every message of the request is dropped except
    display messages of the answers' MIME type: no output reaches any cell, no
    display can be updated, no widget opened.
    """

    _payloads: list | None = None

    def process_message(self, msg, cell, cell_index):
        if self._payloads is None:
            return super().process_message(msg, cell, cell_index)
        content = msg.get("content") or {}
        if msg["msg_type"] == "status" and content.get("execution_state") == "idle":
            raise CellExecutionComplete()
        if msg["msg_type"] == "display_data":
            data = content.get("data") or {}
            if MIME in data:
                self._payloads.append(data[MIME])
        return None

    async def async_capture(self, code: str, index: int) -> list:
        """Run `code` in the kernel; the payloads it published, in order."""
        real = self.nb.cells[index]
        probe = NotebookNode(cell_type="code", source=code, metadata={}, outputs=[],
                             execution_count=None, id="civicai-capture")
        self._payloads = []
        try:
            await self.async_execute_cell(probe, index, store_history=False)
        finally:
            payloads, self._payloads = self._payloads, None
            self.nb.cells[index] = real
        return payloads

    capture = run_sync(async_capture)


def verdict_outputs(question: checks.Question, failure: CheckFailed | None) -> list:
    """The check cell's outputs: the green note, or the failure as an error nbgrader scores 0."""
    if failure is None:
        return [NotebookNode(note_output("correct", question.title, question.success))]
    return [NotebookNode(note_output(failure.note.state, failure.question, failure.message,
                                     failure.hint, error=type(failure).__name__))]


def judge(check: Check, record: dict | None, entries: dict) -> tuple[CheckFailed | None, str]:
    """The verdict on one check, computed here from its data: (failure or None, why)."""
    question = check.question
    if question is None:
        return NotRightYet(check.grade_id, "This check has no definition in the course."), \
            "no question is defined for this check"
    if record is None:
        return question.wrong("This check did not run."), "no answer was handed over"
    entry = entries.get(check.grade_id)
    if entry is None:
        return question.wrong("The answer key has no entry for this question yet."), \
            "the answer key has no entry"
    try:
        question.judge_record(record, entry)
    except CheckFailed as failure:
        return failure, ""
    except (Unreadable, KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        return question.wrong("The grader could not read your answer to this question."), \
            f"unreadable answer: {type(error).__name__}: {str(error)[:120]}"
    return None, ""


class SandboxedExecute(Capturing, Execute):
    """Execute a notebook in the worker's sandbox; judge its answers outside it."""

    def preprocess(self, nb, resources=None, km=None):
        slot, limits = CONTEXT["slot"], CONTEXT["limits"]
        assignment = resources["nbgrader"]["assignment"]
        # nbclient reads its `timeout` from the configuration again when it starts, so the
        # cell limit is kept apart and given through `timeout_func`
        self.cell_limit = limits.cell_seconds
        self.interrupt_on_timeout = True
        self.deadline = time.monotonic() + limits.notebook_seconds
        self.timeout_func = self._time_left
        self.stopped = ""
        self.output_budget = self.output_limit = limits.output_bytes
        self.output_seen = 0
        self.outputs_dropped = False
        self.unreadable = ""  # why the kernel's messages could not be read, for the instructor
        self.checks = plan(nb, assignment)
        self.last_code_cell = max((i for i, c in enumerate(nb.cells) if c.cell_type == "code"),
                                  default=-1)
        self.records: dict[str, dict] = {}
        folder = Path(resources.get("metadata", {}).get("path") or ".")
        slot.clear()
        inbox = slot.folder / "inbox"
        for path in folder.rglob("*"):  # the exercise's files, beside the notebook
            if path.is_file() and path.suffix != ".ipynb":
                target = inbox / path.relative_to(folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(path.read_bytes())
        settings = dict(CONTEXT["kernel_settings"], files=str(inbox),
                        log=str(slot.folder / "run" / "kernel.log"))
        manager = slot.kernel_manager(settings)
        others: list[str] = []
        started = time.monotonic()
        try:
            super().preprocess(nb, resources, km=manager)
        except (DeadKernelError, RuntimeError) as error:  # the kernel never became ready
            self.stopped = self.stopped or f"the notebook could not start ({error})"
        finally:
            others = slot.stop_kernel() if slot.alive() else []
        seconds = time.monotonic() - started
        entries = CONTEXT.get("entries")
        if entries is None and self.checks:
            entries = key(assignment)["questions"]
        verdicts = self._judge_all(nb, entries or {})
        CONTEXT.setdefault("results", {})[resources["nbgrader"]["notebook"]] = {
            "verdicts": verdicts, "records": self.records, "stopped": self.stopped,
            "seconds": round(seconds, 2), "outputs_dropped": self.outputs_dropped,
            "background_processes": others, "unreadable": self.unreadable,
            "isolated": slot.isolated,
        }
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or self.stopped:
            return cell, resources
        if time.monotonic() > self.deadline:
            self.stopped = ("the whole notebook took longer than "
                            f"{CONTEXT['limits'].notebook_seconds} seconds")
            return cell, resources
        check = self.checks.get(index)
        try:
            if check is not None:
                self._take(self.capture(f"{_CAPTURE}.answer({check.qid!r})", index))
                cell.execution_count = self.code_cells_executed
            else:
                cell = self.execute_cell(cell, index, execution_count=self.code_cells_executed + 1)
                if any(output.get("ename") == "CellTimeoutError" for output in cell.outputs) \
                        and not self.responsive():
                    self.stopped = self.stopped or (
                        f"a cell ran longer than {CONTEXT['limits'].cell_seconds} seconds, and "
                        "Python stopped answering")
                    return cell, resources
            if index == self.last_code_cell:
                self._try_functions(index)
        except DeadKernelError:
            self.stopped = self.stopped or \
                "the notebook's Python process stopped (it crashed or was ended)"
            cell.setdefault("outputs", []).append(_stopped_output(
                "Python stopped while running this cell (it crashed, was ended by the code, "
                "or used too much memory or time)."))
        except CellTimeoutError:  # interrupted, and still busy: it ignores interrupts
            self.stopped = self.stopped or \
                f"a cell ran longer than {CONTEXT['limits'].cell_seconds} seconds"
            cell.setdefault("outputs", []).append(_stopped_output(
                "This cell ran too long and was stopped (perhaps a loop that never ends)."))
        except Exception as error:  # a message the grader cannot read
            # Learner code can replace what the kernel packs its messages with (json.dumps):
            # jupyter_client and nbclient then fail in many ways. The rest cannot be read.
            self.stopped = self.stopped or \
                "code in the notebook broke how Python sends its results to the grader"
            self.unreadable = f"{type(error).__name__}: {error}"[:200]
            cell.setdefault("outputs", []).append(_stopped_output(
                "The grader could not read Python's results after this cell: code in the "
                "notebook changed how they are sent."))
            CONTEXT["slot"].stop_kernel()
        return cell, resources

    async def async_responsive(self, seconds: float = 5) -> bool:
        """Whether the kernel answers at all: after a cell that ran too long was interrupted,
        a kernel that ignores interrupts or was stopped would make every later cell wait
        its whole time limit for nothing."""
        msg_id = self.kc.kernel_info()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                reply = await self.kc.shell_channel.get_msg(timeout=deadline - time.monotonic())
            except Exception:  # queue.Empty: no answer in time
                return False
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return True
        return False

    responsive = run_sync(async_responsive)

    def _take(self, payloads: list) -> None:
        """Keep each answer handed over, by question; anything malformed is left out."""
        for payload in payloads:
            if type(payload) is dict and type(payload.get("qid")) is str and \
                    type(payload.get("record")) is dict:
                self.records[payload["qid"]] = payload["record"]

    def _try_functions(self, index: int) -> None:
        """After the last cell: each kept function on its examples and hidden inputs."""
        for check in self.checks.values():
            record = self.records.get(check.qid)
            if record is None or record.get("state") != "function" or self.stopped:
                continue
            if time.monotonic() > self.deadline:
                self.stopped = ("the whole notebook took longer than "
                                f"{CONTEXT['limits'].notebook_seconds} seconds")
                return
            self._take(self.capture(
                f"{_CAPTURE}.calls({check.qid!r}, {check.declaration!r})", index))

    def _judge_all(self, nb, entries: dict) -> dict:
        """Each check's verdict, as the cell's output and for the worker's record."""
        verdicts, failed = {}, set()
        for index, check in self.checks.items():
            cell = nb.cells[index]
            record = self.records.get(check.qid)
            unfinished = record is None or (record.get("state") == "function"
                                            and "examples" not in record)
            if unfinished and self.stopped:
                cell.outputs = [_stopped_output(f"This check did not run: {self.stopped}.")]
                verdicts[check.grade_id] = {"passed": False, "reason": f"did not run: {self.stopped}"}
                failed.add(check.grade_id)
                continue
            failure, why = judge(check, record, entries)
            if failure is not None:
                if check.question is not None:
                    failure = check.question.after_earlier(failure, failed)
                failed.add(check.grade_id)
            cell.outputs = verdict_outputs(check.question, failure) if check.question else \
                [_stopped_output("This check has no definition in the course.")]
            verdicts[check.grade_id] = {
                "passed": failure is None,
                "reason": "" if failure is None else f"{type(failure).__name__}: {failure.message}",
                "detail": why}
        return verdicts

    def _time_left(self, cell) -> int:
        return max(1, min(int(self.cell_limit), int(self.deadline - time.monotonic()) + 1))

    def output(self, outs, msg, display_id, cell_index):
        size = len(str(msg.get("content", "")))
        self.output_seen += size
        if self.output_seen > OUTPUT_HARD_LIMIT * self.output_limit and not self.stopped:
            # printing without end: stop the notebook rather than read gigabytes
            self.stopped = "the notebook printed far too much output"
            CONTEXT["slot"].stop_kernel()
        if msg["msg_type"] != "error" and self.output_budget - size < 0:
            if not self.outputs_dropped:
                self.outputs_dropped = True
                outs.append(NotebookNode(
                    output_type="stream", name="stdout",
                    text="\n[The rest of this notebook's output was left out: it was too long.]\n"))
            return None
        self.output_budget -= size
        return super().output(outs, msg, display_id, cell_index)
