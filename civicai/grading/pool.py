"""Grading workers: processes that each keep a sandbox, and survive anything a learner does.

A worker that dies (out of memory, killed, a bug) costs one learner a row saying
so, never the batch: the pool starts a new worker and goes on. A worker that
takes too long over one learner is stopped the same way (its sandbox dies
with it: bubblewrap runs with --die-with-parent).
"""
from __future__ import annotations

import multiprocessing
import time
from collections import deque
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterable

from civicai.grading.coursefolder import quiet_nbgrader
from civicai.grading.worker import Worker, WorkerSetup


def worker_main(setup: WorkerSetup, connection: Connection) -> None:
    """A worker process: set up the sandbox, then grade learners until told to stop."""
    quiet_nbgrader()
    try:
        worker = Worker(setup)
    except Exception as error:  # reported to the coordinator, which stops with the reason
        connection.send({"fatal": str(error)})
        return
    connection.send({"ready": True})
    try:
        while True:
            learner = connection.recv()
            if learner is None:
                break
            connection.send(worker.grade(learner))
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        worker.close()


#: A worker slot that had to be restarted this many times means something is wrong here.
MAX_STARTS_PER_WORKER = 5


class WorkerFailed(RuntimeError):
    """A worker could not even start; the message says why."""


class Pool:
    """`size` workers; `run()` hands out learners and collects one result per learner."""

    def __init__(self, setup: Callable[[int], WorkerSetup], size: int, task_seconds: float):
        self.setup, self.size, self.task_seconds = setup, size, task_seconds
        # Forked, not spawned: a spawned worker imports nbgrader, nbconvert and Jupyter's
        # server modules again (3 to 4 s of CPU each, before grading anyone); a forked one
        # has them already. The coordinator holds no lock or connection a worker uses:
        # workers open their own gradebooks and start their own sandboxes.
        self.context = multiprocessing.get_context("fork")
        self.workers: dict[int, dict] = {}
        self.started = 0
        self.ever_ready = False

    def _start(self, index: int) -> None:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=worker_main, args=(self.setup(index), child),
                                       daemon=True, name=f"civicai-grade-worker-{index}")
        process.start()
        child.close()
        self.workers[index] = {"process": process, "connection": parent, "learner": None,
                               "since": 0.0, "ready": False, "stopping": False}
        self.started += 1

    def _retire(self, index: int) -> None:
        worker = self.workers.pop(index)
        if worker["process"].is_alive():
            worker["process"].kill()
        worker["process"].join(5)
        worker["connection"].close()

    def run(self, learners: Iterable[str], on_result: Callable[[dict], None]) -> None:
        queue = deque(learners)
        remaining = len(queue)
        for index in range(min(self.size, remaining)):
            self._start(index)
        while remaining:
            watched = {}
            for index, worker in self.workers.items():
                if not worker["stopping"]:
                    watched[worker["connection"]] = index
                watched[worker["process"].sentinel] = index
            for ready in wait(list(watched), timeout=1.0):
                index = watched[ready]
                worker = self.workers.get(index)
                if worker is None:
                    continue
                if worker["stopping"]:  # it has cleaned up its sandbox and ended
                    self._retire(index)
                    continue
                message = None
                if ready is worker["connection"]:
                    try:
                        message = worker["connection"].recv()
                    except (EOFError, OSError):
                        message = None
                if message is None:
                    remaining -= self._lost(index, on_result,
                                            "the grading process stopped unexpectedly")
                elif "fatal" in message:
                    self._retire(index)
                    if not self.ever_ready or self.started > MAX_STARTS_PER_WORKER * self.size:
                        self.close()
                        raise WorkerFailed(message["fatal"])
                elif message.get("ready"):
                    worker["ready"] = self.ever_ready = True
                else:
                    on_result(message)
                    remaining -= 1
                    worker["learner"] = None
                self._feed(index, queue)
            now = time.monotonic()
            for index, worker in list(self.workers.items()):
                if worker["learner"] is not None and now - worker["since"] > self.task_seconds:
                    remaining -= self._lost(index, on_result,
                                            "grading took far too long and was stopped")
            busy = sum(worker["learner"] is not None for worker in self.workers.values())
            wanted = min(self.size, len(queue) + busy)
            for index in range(self.size):
                if len(self.workers) >= wanted:
                    break
                if index not in self.workers:
                    self._start(index)
        self.close()

    def _feed(self, index: int, queue: deque) -> None:
        """Give an idle worker the next learner; with nobody left, let it stop now, so that
        its sandbox is taken down while the others finish their last learners."""
        worker = self.workers.get(index)
        if not (worker and worker["ready"] and worker["learner"] is None):
            return
        if queue:
            worker["learner"] = queue.popleft()
            worker["since"] = time.monotonic()
            worker["connection"].send(worker["learner"])
        else:
            worker["stopping"] = True
            worker["connection"].send(None)

    def _lost(self, index: int, on_result: Callable[[dict], None], why: str) -> int:
        """A worker died or hung: its learner gets a failed row, a new worker takes over."""
        learner = self.workers[index]["learner"]
        self._retire(index)
        if learner is None:
            return 0
        on_result({"learner": learner, "status": "failed", "error": why, "notebooks": {},
                   "warnings": [], "database": ""})
        return 1

    def close(self) -> None:
        for index in list(self.workers):
            worker = self.workers[index]
            try:
                worker["connection"].send(None)
            except (OSError, BrokenPipeError):
                pass
        deadline = time.monotonic() + 10
        for index in list(self.workers):
            self.workers[index]["process"].join(max(0.1, deadline - time.monotonic()))
            self._retire(index)
