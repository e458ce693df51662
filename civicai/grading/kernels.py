"""Kernels for grading: asked from a worker's zygote, driven by nbclient as usual.

A `Slot` is one worker's sandbox with its zygote (civicai.grading.zygote)
running inside. `Slot.kernel_manager()` returns a jupyter_client kernel
manager whose provisioner asks the zygote for a fresh kernel instead of
starting a process: nbclient (inside nbgrader's Execute preprocessor) then
talks to that kernel over Unix sockets in the slot's `run/` folder, the only
folder the sandbox shares with the grader (network namespaces have no
loopback in common, files do).
"""
from __future__ import annotations

import asyncio
import json
import os
import queue
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from jupyter_client.asynchronous.client import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning.local_provisioner import LocalProvisioner

from civicai.grading import sandbox

#: The sandbox's home folder (an in-memory folder inside the sandbox).
SANDBOX_HOME = "/home/learner"


class SlotFailure(RuntimeError):
    """The worker's kernel factory stopped or never started; the message says why."""


class Slot:
    """One worker's sandbox and the zygote in it, reused for every learner of that worker."""

    def __init__(self, folder: Path, index: int, *, sandboxed: bool, limits: sandbox.Limits,
                 imports: list[str], hidden: list[str] = (), nested: bool = True):
        self.folder, self.index, self.sandboxed = folder, index, sandboxed
        self.limits, self.imports, self.hidden = limits, imports, list(hidden)
        self.nested = nested  # False: never give kernels namespaces of their own (tests)
        self.as_root = os.geteuid() == 0
        self.uid = sandbox.FIRST_SANDBOX_UID + index if self.as_root else os.getuid()
        self.process: subprocess.Popen | None = None
        self.events: queue.Queue = queue.Queue()
        self.kernel_pid: int | None = None
        self.exit_status: int | None = None
        self.startup: dict = {}

    # ---- the zygote process -----------------------------------------------------------------
    @property
    def home(self) -> str:
        return SANDBOX_HOME if self.sandboxed else str(self.folder / "home")

    def prepare_folders(self) -> None:
        for name in ("inbox", "run", "home"):
            path = self.folder / name
            path.mkdir(parents=True, exist_ok=True)
            if self.as_root:
                os.chown(path, self.uid, self.uid)
        os.chmod(self.folder, 0o711)

    def start(self) -> None:
        self.prepare_folders()
        inner = [sys.executable, "-m", "civicai.grading.zygote", self.home,
                 "sandboxed" if self.sandboxed else "plain", "nested" if self.nested else "flat",
                 *self.imports]
        if self.sandboxed:
            command = sandbox.command(slot_folder=self.folder, home=self.home, uid=self.uid,
                                      limits=self.limits, inner=inner, hidden=self.hidden)
            environment = sandbox.clean_environment()
        else:
            command = inner
            environment = {key: value for key, value in os.environ.items()
                           if not key.startswith(("JUPYTER", "JPY_", "IPYTHON"))}
        with open(self.folder / "zygote.log", "ab") as log:
            self.process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
                bufsize=1, env=environment, cwd="/")
        self.events = queue.Queue()  # nothing of an earlier zygote's may be read as this one's
        threading.Thread(target=self._read_events, args=(self.process, self.events),
                         daemon=True).start()
        try:
            self.startup = self.events.get(timeout=120)
        except queue.Empty:
            self.startup = {}
        if not self.startup.get("ready"):
            self.close()
            log = (self.folder / "zygote.log").read_text(errors="replace")[-1500:]
            raise SlotFailure(f"The grading kernel factory did not start.\n{log}")

    def _read_events(self, process: subprocess.Popen, events: queue.Queue) -> None:
        for line in process.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if "exited" in event and event["exited"] == self.kernel_pid and events is self.events:
                self.exit_status = event["status"]
            events.put(event)
        events.put({"zygote_ended": True})

    @property
    def isolated(self) -> bool:
        """Each kernel has namespaces of its own, so one sandbox can serve many learners."""
        return bool(self.startup.get("isolated"))

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def send(self, **command) -> None:
        if not self.alive():
            raise SlotFailure("The grading kernel factory has stopped.")
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def wait_for(self, key: str, timeout: float = 60) -> dict:
        """The next event carrying `key` (other events are dropped: they are stale)."""
        while True:
            try:
                event = self.events.get(timeout=timeout)
            except queue.Empty:
                raise SlotFailure(f"The grading kernel factory did not answer ({key}).")
            if key in event:
                return event
            if "zygote_ended" in event:
                raise SlotFailure("The grading kernel factory has stopped.")

    def close(self) -> None:
        if self.process is not None:
            try:
                self.process.stdin.close()
            except OSError:
                pass
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    # ---- kernels ------------------------------------------------------------------------------
    def clear(self) -> None:
        """Empty the inbox and the run folder, ready for the next learner."""
        for name in ("inbox", "run"):
            folder = self.folder / name
            for entry in folder.iterdir():
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()

    def kernel_manager(self, settings: dict[str, Any]) -> AsyncKernelManager:
        """A kernel manager for one learner; `settings` go to the zygote (see zygote.run_kernel)."""
        token = secrets.token_hex(4)
        run = self.folder / "run"
        manager = AsyncKernelManager(kernel_name="python3", transport="ipc",
                                     client_class="civicai.grading.kernels.PromptClient",
                                     ip=str(run / f"k{token}"),
                                     connection_file=str(run / f"kernel-{token}.json"))
        manager.provisioner = ZygoteProvisioner(slot=self, settings=settings, parent=manager,
                                                kernel_id=token, kernel_spec=manager.kernel_spec,
                                                connection_info={})
        return manager

    def launch(self, settings: dict[str, Any]) -> int:
        self.exit_status = None
        if self.as_root:
            for path in (self.folder / "run").iterdir():
                os.chown(path, self.uid, self.uid)
        self.send(op="start", **settings)
        self.kernel_pid = self.wait_for("started")["started"]
        self._wait_until_listening(settings["connection_file"])
        return self.kernel_pid

    def _wait_until_listening(self, connection_file: str, timeout: float = 10) -> None:
        """Return once the kernel has made its sockets (or has stopped, or after `timeout`).

        A client that connects to a Unix socket before it exists is retried by ZeroMQ
        only a tenth of a second later. The kernel makes its sockets within its first
        tenth of a second; connecting after that is immediate. Measured here, from
        asking for a kernel to its being ready: 0.135 s with this wait, 0.19 s without.
        """
        info = json.loads(Path(connection_file).read_text())
        sockets = [Path(f"{info['ip']}-{info[name]}") for name in
                   ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")]
        deadline = time.monotonic() + timeout
        while not all(path.exists() for path in sockets):
            if self.exit_status is not None or not self.alive() or time.monotonic() > deadline:
                return  # nbclient's own checks will say what went wrong
            time.sleep(0.005)

    def stop_kernel(self) -> list[str]:
        """Stop the kernel and anything it left; returns what else was still running.

        A zygote that does not answer (a learner's code stopped it, where kernels share
        its namespaces) is ended with its whole sandbox; the worker starts a new one.
        """
        if not self.alive():
            return []
        try:
            self.send(op="stop")
            others = self.wait_for("stopped", timeout=10)["others"]
        except SlotFailure:
            self.end()
            others = ["the grading sandbox stopped answering, and was ended with everything in it"]
        self.kernel_pid = None
        return others

    def end(self) -> None:
        """End the sandbox at once (bubblewrap takes everything in it along)."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


class ZygoteProvisioner(LocalProvisioner):
    """A provisioner whose kernel comes from the slot's zygote, not from Popen."""

    def __init__(self, *, slot: Slot, settings: dict[str, Any], **kwargs: Any):
        super().__init__(**kwargs)
        self.slot, self.settings = slot, settings
        self.launched = False
        self.others: list[str] = []

    @property
    def has_process(self) -> bool:
        return self.launched and self.slot.kernel_pid is not None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        settings = dict(self.settings, connection_file=self.parent.connection_file)
        await asyncio.get_running_loop().run_in_executor(None, self.slot.launch, settings)
        self.launched = True
        self.pid = self.slot.kernel_pid
        return self.connection_info

    async def poll(self) -> int | None:
        if not self.has_process:
            return 0
        if self.slot.exit_status is not None or not self.slot.alive():
            return self.slot.exit_status if self.slot.exit_status is not None else -9
        return None

    async def wait(self) -> int | None:
        while await self.poll() is None:
            await asyncio.sleep(0.05)
        return await self.poll()

    async def send_signal(self, signum: int) -> None:
        if self.has_process and self.slot.alive():
            self.slot.send(op="signal", signal=int(signum))

    async def kill(self, restart: bool = False) -> None:
        if self.has_process:
            loop = asyncio.get_running_loop()
            self.others = await loop.run_in_executor(None, self.slot.stop_kernel)
            self.slot.exit_status = -int(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        await self.kill(restart)

    async def cleanup(self, restart: bool = False) -> None:
        self.launched = False


class PromptClient(AsyncKernelClient):
    """jupyter_client's kernel client, ready as soon as the kernel has answered.

    jupyter_client's `wait_for_ready` ends by reading the kernel's broadcast
    channel until nothing has come for a fifth of a second: a fifth of a second
    of waiting for every learner, spent after the kernel is ready. nbclient does
    not need that channel empty (it reads only the messages that answer its own
    requests), so this client empties what has already arrived and goes on. The
    rest is jupyter_client's check as it is: a kernel_info reply on the shell
    channel, and one message on the broadcast channel to show it is connected.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except queue.Empty:
                pass
            else:
                if reply["msg_type"] == "kernel_info_reply":
                    try:
                        await self.iopub_channel.get_msg(timeout=0.2)
                    except queue.Empty:
                        pass
                    else:
                        self._handle_kernel_info_reply(reply)
                        break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")
        while True:  # what has arrived already; nothing is waited for
            try:
                await self.iopub_channel.get_msg(timeout=0)
            except queue.Empty:
                break
