"""nbgrader's Execute preprocessor, run in a sandboxed kernel and watched by the witness.

This replaces `Execute` in nbgrader's autograde preprocessors; everything else
of nbgrader's autograde (restoring locked cells and metadata, saving grades,
late penalties) runs as usual. What it adds:

- the kernel comes from the worker's zygote, inside its sandbox (kernels.Slot);
- a time limit for the whole notebook, on top of nbgrader's per-cell limit: each
  cell gets at most the time left, and cells after the limit do not run;
- a limit on output: beyond it, outputs are dropped and a note says so;
- a kernel that dies (sys.exit in a thread, os._exit, a memory limit...) stops
  the run instead of failing the whole submission: the cells after it are marked;
- check cells are sent without being stored in IPython's history, and with the
  witness's statements (see witness.prepare); afterwards the cells are restored
  and every check the witness did not see pass honestly gets an error output.

What happened is left in `CONTEXT["results"][notebook]` for the worker's record.
"""
from __future__ import annotations

import time
from pathlib import Path

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute

from civicai.grading import witness

#: What each notebook's run needs from its worker; set by the worker before converting.
CONTEXT: dict = {}
#: Output beyond this many times the output limit stops the notebook.
OUTPUT_HARD_LIMIT = 10


def _stopped_output(reason: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename="NotRun", evalue=reason, traceback=[reason])


class SandboxedExecute(Execute):
    """Execute a notebook in the worker's sandbox, with limits and the witness."""

    def preprocess(self, nb, resources=None, km=None):
        slot, limits = CONTEXT["slot"], CONTEXT["limits"]
        self.timeout = limits.cell_seconds
        self.interrupt_on_timeout = True
        self.deadline = time.monotonic() + limits.notebook_seconds
        self.timeout_func = self._time_left
        self.stopped = ""
        self.output_budget = self.output_limit = limits.output_bytes
        self.output_seen = 0
        self.outputs_dropped = False
        self.unreadable = ""  # why the kernel's messages could not be read, for the instructor
        plan = witness.prepare(nb)
        folder = Path(resources.get("metadata", {}).get("path") or ".")
        slot.clear()
        inbox = slot.folder / "inbox"
        for path in folder.rglob("*"):  # the exercise's files, beside the notebook
            if path.is_file() and path.suffix != ".ipynb":
                target = inbox / path.relative_to(folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(path.read_bytes())
        report = slot.folder / "run" / "witness.log"
        settings = dict(CONTEXT["kernel_settings"], key=plan.key, report=str(report),
                        checkpoints=plan.checkpoints, files=str(inbox),
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
        text = report.read_text(errors="replace") if report.exists() else ""
        lines = witness.read_report(text, plan.key)
        self.nb = nb
        results, facts = witness.verdicts(lines, list(plan.checks.values()))
        if self.stopped:
            self._mark_not_run(nb, plan)
        witness.restore(nb, plan)
        overruled = witness.overrule(nb, plan, results)
        CONTEXT.setdefault("results", {})[resources["nbgrader"]["notebook"]] = {
            "verdicts": {grade_id: vars(verdict) for grade_id, verdict in results.items()},
            "overruled": overruled, "facts": facts, "stopped": self.stopped,
            "seconds": round(seconds, 2), "outputs_dropped": self.outputs_dropped,
            "background_processes": others, "unreadable": self.unreadable,
        }
        return nb, resources

    def _time_left(self, cell) -> int:
        return max(1, min(int(self.timeout), int(self.deadline - time.monotonic()) + 1))

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        if self.stopped:
            return cell, resources
        if time.monotonic() > self.deadline:
            self.stopped = ("the whole notebook took longer than "
                            f"{CONTEXT['limits'].notebook_seconds} seconds")
            return cell, resources
        try:
            # Checks are not stored in IPython's history (so later cells cannot read them);
            # the cell still gets the number nbgrader would give it.
            cell = self.execute_cell(cell, index, execution_count=self.code_cells_executed + 1,
                                     store_history=not witness.is_check(cell))
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
            # jupyter_client and nbclient then fail in many ways (a repeated signature, a
            # header without an id...). Whatever the way, the rest cannot be trusted.
            self.stopped = self.stopped or \
                "code in the notebook broke how Python sends its results to the grader"
            self.unreadable = f"{type(error).__name__}: {error}"[:200]
            cell.setdefault("outputs", []).append(_stopped_output(
                "The grader could not read Python's results after this cell: code in the "
                "notebook changed how they are sent."))
            CONTEXT["slot"].stop_kernel()
        return cell, resources

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

    def _mark_not_run(self, nb, plan) -> None:
        """Cells after the stop did not run: say so on each check among them."""
        for index, cell in enumerate(nb.cells):
            if index in plan.checks and cell.get("execution_count") is None and \
                    not cell.get("outputs"):
                cell["outputs"] = [_stopped_output(
                    f"This check did not run: {self.stopped}.")]
