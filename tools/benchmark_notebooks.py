"""Time and peak memory of every course notebook, against the course's targets.

Each notebook runs top to bottom in a fresh kernel, as a learner's "Run all"
would, from its own folder. Peak memory is the largest resident set of the
kernel process and its children, sampled every 20 ms. The baseline is the
design's target for a 2-core, 2 GB machine: at most 15 s and 1 GB per notebook;
the ratio column says how much of it a notebook uses.

    python tools/benchmark_notebooks.py [NOTEBOOK ...]     (default: every notebook)

Learner versions of exercises run too; their checks fail until a learner
answers, which is expected and does not stop the run.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 15.0
TARGET_MEGABYTES = 1024.0


def all_notebooks() -> list[Path]:
    return sorted(path for tree in ("course", "exercises") for path in (ROOT / tree).rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in path.parts)


class PeakMemory(threading.Thread):
    """Samples the resident memory of a process tree until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.process, self.peak, self.running = psutil.Process(pid), 0, True

    def run(self) -> None:
        while self.running:
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.02)


def measure(path: Path) -> tuple[float, float, str]:
    """(seconds, peak MB, note) for one notebook run top to bottom.

    nbclient's own `execute()` runs it (cell by cell calls outside it can stall on widget
    messages); its hooks start the clock and the memory sampler once the kernel is up, and
    stop the clock when the last cell is done, so kernel start and shutdown are not counted.
    """
    notebook = nbformat.read(path, as_version=4)
    learner_version = path.parts[-3] == "course" and (ROOT / "exercises" / path.parent.name / path.name).exists()
    marks: dict = {}

    def kernel_ready(**_) -> None:
        marks["sampler"] = PeakMemory(client.km.provisioner.process.pid)
        marks["sampler"].start()
        marks["started"] = marks["ended"] = time.perf_counter()

    def cell_done(**_) -> None:
        marks["ended"] = time.perf_counter()

    client = NotebookClient(notebook, timeout=120, kernel_name="python3",
                            allow_errors=learner_version,
                            resources={"metadata": {"path": str(path.parent)}},
                            on_notebook_start=kernel_ready, on_cell_executed=cell_done)
    note = "learner version (checks fail until answered)" if learner_version else ""
    try:
        client.execute()
    except Exception as error:  # report, keep benchmarking the others
        note = f"FAILED: {type(error).__name__}"
    sampler = marks.get("sampler")
    if sampler is None:
        return 0.0, 0.0, note or "FAILED: the kernel did not start"
    sampler.running = False
    sampler.join()
    return marks["ended"] - marks["started"], sampler.peak / 2**20, note


def main(arguments: list[str]) -> int:
    paths = [Path(argument).resolve() for argument in arguments] or all_notebooks()
    print(f"Machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.1f} GiB; "
          f"baseline = the course target of {TARGET_SECONDS:g} s and {TARGET_MEGABYTES:g} MB per notebook")
    print(f"{'notebook':58} {'seconds':>8} {'x target':>8} {'peak MB':>8} {'x target':>8}  note")
    worst = 0.0
    for path in paths:
        seconds, megabytes, note = measure(path)
        worst = max(worst, seconds / TARGET_SECONDS, megabytes / TARGET_MEGABYTES)
        print(f"{str(path.relative_to(ROOT)):58} {seconds:8.2f} {seconds / TARGET_SECONDS:8.2f} "
              f"{megabytes:8.0f} {megabytes / TARGET_MEGABYTES:8.2f}  {note}", flush=True)
    print(f"Worst notebook uses {worst:.2f} of its target (1.00 = at the limit).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
