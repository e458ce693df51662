"""A kernel factory: one per grading worker, forking a fresh kernel for each learner.

Starting a Python kernel costs most of a second of CPU (IPython, ipykernel,
pandas, the course's checks), and a 2-core machine grading a cohort would
spend most of its time on that. The zygote imports all of it once, inside the
worker's sandbox, then forks: every learner gets a brand-new process that has
never run anyone's code, with the imports already done.

Before each fork the zygote removes everything the previous learner left: it
kills every other process in the sandbox (a pid namespace of its own) and
empties the writable folders. The child then applies the resource limits,
copies the exercise's files into an empty working folder, starts the IPython
kernel on the connection file the grader wrote, arms the witness
(civicai.grading.guard) and only then serves the grader's cells.

Protocol: one JSON object per line on stdin (commands) and stdout (events).
    {"op": "start", ...kernel settings...}  ->  {"started": pid}
    {"op": "signal", "signal": 2}            ->  (the kernel gets the signal)
    {"op": "stop"}                           ->  {"stopped": pid, "others": [commands]}
    (a kernel that ends on its own)          ->  {"exited": pid, "status": code}
"""
from __future__ import annotations

import importlib
import json
import os
import resource
import select
import shutil
import signal
import sys
import time
import traceback
from pathlib import Path

#: What every grading kernel needs; the grader adds the exercise's own imports.
BASE_IMPORTS = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell",
                "IPython.core.interactiveshell", "civicai.checks", "pandas", "numpy",
                # what IPKernelApp.initialize would import in every kernel (0.2 s of CPU):
                "ipykernel.debugger", "IPython.core.debugger", "IPython.core.completerlib",
                "IPython.extensions.storemagic", "tornado.platform.asyncio")


def say(**event) -> None:
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def preimport(names) -> list[str]:
    """Import modules now, so each kernel starts with them loaded. Returns the failures."""
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # a module the exercise imports may be missing: the kernel says so
            failed.append(name)
    load_fonts()
    return failed


def load_fonts() -> None:
    """matplotlib's list of fonts, made once here (the course draws charts): made in a
    kernel (its home starts empty, so there is no font cache) it runs `fc-list`, which the
    witness refuses and flags."""
    try:
        from matplotlib import font_manager

        font_manager.fontManager  # noqa: B018 - loading it is the point
    except Exception:
        pass  # without fonts, a kernel that draws says so itself


def empty_folder(folder: Path) -> None:
    """Delete what is inside `folder`, never following links or leaving its file system.

    The sandbox's /tmp holds the folders shared with the grader (mounted from
    outside): those mounts, and everything in them, are left alone.
    """
    folder.mkdir(parents=True, exist_ok=True)
    device = folder.stat().st_dev

    def remove(path: Path) -> bool:
        """Remove path; False when something in it had to stay (another file system)."""
        info = path.lstat()
        if info.st_dev != device:
            return False
        if path.is_dir() and not path.is_symlink():
            os.chmod(path, 0o700)  # a learner may have locked their own folder
            emptied = all([remove(entry) for entry in path.iterdir()])
            if emptied:
                path.rmdir()
            return emptied
        path.unlink()
        return True

    for entry in folder.iterdir():
        try:
            remove(entry)
        except OSError:
            pass


def other_processes(known: set[int]) -> list[str]:
    """Command lines of processes in this sandbox other than the zygote, its init and `known`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in known | {1, os.getpid()}:
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").strip()
        except OSError:
            continue
        found.append(command.decode("utf-8", "replace")[:200] or "(unnamed process)")
    return found


def die_with_zygote() -> None:
    """Ask Linux to end this kernel when the zygote ends (PR_SET_PDEATHSIG), so that
    without a sandbox too no kernel outlives its grader. Before the witness is armed:
    afterwards ctypes is refused."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def limit(name: str, value: int) -> None:
    """Set a resource limit, soft and hard, so learner code cannot raise it again."""
    kind = getattr(resource, name)
    _, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, value))


def virtual_memory() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def run_kernel(command: dict, home: Path) -> None:
    """In the forked child: limits, a clean folder, the kernel, the witness. Never returns."""
    os.setsid()
    die_with_zygote()
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    log = os.open(command["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.closerange(3, 1024)
    limits = command["limits"]
    limit("RLIMIT_CORE", 0)
    limit("RLIMIT_CPU", int(limits["cpu_seconds"]))
    limit("RLIMIT_FSIZE", int(limits["file_bytes"]))
    limit("RLIMIT_AS", virtual_memory() + int(limits["memory_bytes"]))
    if limits.get("processes"):
        limit("RLIMIT_NPROC", int(limits["processes"]))

    work = home / "work"
    work.mkdir(parents=True, exist_ok=True)
    for path in Path(command["files"]).rglob("*"):
        target = work / path.relative_to(command["files"])
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    os.chdir(work)
    for variable, folder in (("IPYTHONDIR", ".ipython"), ("JUPYTER_CONFIG_DIR", ".jupyter"),
                             ("JUPYTER_DATA_DIR", ".local/share/jupyter"),
                             ("JUPYTER_RUNTIME_DIR", ".local/share/jupyter/runtime"),
                             ("MPLCONFIGDIR", ".config/matplotlib"), ("TMPDIR", "tmp")):
        (home / folder).mkdir(parents=True, exist_ok=True)
        os.environ[variable] = str(home / folder)
    os.environ["HOME"] = str(home)
    if sys.path and sys.path[0] not in ("", str(work)):
        sys.path.insert(0, "")

    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(["-f", command["connection_file"], "--HistoryManager.hist_file=:memory:",
                    "--HistoryManager.enabled=False", "--IPKernelApp.parent_handle=0"])
    preimport(command.get("imports", ()))
    if "matplotlib.pyplot" in sys.modules:  # as `import matplotlib.pyplot` does in a kernel
        from matplotlib_inline.backend_inline import _enable_matplotlib_integration

        _enable_matplotlib_integration()

    from civicai.grading import guard

    report = os.open(command["report"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    guard.arm(shell=app.shell, kernel=app.kernel,
              checkpoints=[tuple(item) for item in command["checkpoints"]],
              key=bytes.fromhex(command.pop("key")), report_fd=report,
              trusted_roots=command["trusted"], hidden_roots=command["hidden"],
              writable_roots=[str(home), "/tmp"] if command["sandboxed"] else [str(home)],
              volatile=[tuple(item) for item in command["volatile"]],
              dict_versions=command.get("dict_versions", True))
    command.clear()
    app.start()
    os._exit(0)


def serve(home: Path, sandboxed: bool) -> None:
    """Read commands until stdin closes; one kernel at a time."""
    kernel_pid, kernel_fd = None, None
    while True:
        watched = [sys.stdin] + ([kernel_fd] if kernel_fd is not None else [])
        ready, _, _ = select.select(watched, [], [])
        if kernel_fd is not None and kernel_fd in ready:
            _, status = os.waitpid(kernel_pid, 0)
            os.close(kernel_fd)
            say(exited=kernel_pid, status=os.waitstatus_to_exitcode(status))
            kernel_pid, kernel_fd = None, None
        if sys.stdin not in ready:
            continue
        line = sys.stdin.readline()
        if not line:  # the grader has gone: nothing of ours may stay behind
            sweep(kernel_pid, sandboxed)
            return
        command = json.loads(line)
        operation = command.pop("op")
        if operation == "signal" and kernel_pid is not None:
            try:
                os.killpg(kernel_pid, int(command["signal"]))
            except ProcessLookupError:
                pass
        elif operation == "stop":
            others = sweep(kernel_pid, sandboxed)
            if kernel_fd is not None:
                try:
                    os.waitpid(kernel_pid, 0)
                except ChildProcessError:
                    pass
                os.close(kernel_fd)
            say(stopped=kernel_pid, others=others)
            kernel_pid, kernel_fd = None, None
        elif operation == "start":
            sweep(kernel_pid, sandboxed)
            empty_folder(home)
            if sandboxed:
                empty_folder(Path("/tmp"))
            pid = os.fork()
            if pid == 0:
                try:
                    run_kernel(command, home)
                except BaseException:  # ipykernel captured stderr: write to the log itself
                    os.write(2, traceback.format_exc().encode())
                finally:
                    os._exit(70)
            command.clear()
            kernel_pid, kernel_fd = pid, os.pidfd_open(pid)
            say(started=pid)


def sweep(kernel_pid: int | None, sandboxed: bool) -> list[str]:
    """Stop the kernel and everything it started. Returns what else was still running."""
    known = {kernel_pid} if kernel_pid else set()
    others = other_processes(known) if sandboxed else []
    if sandboxed:
        for _ in range(20):  # kill(-1): every process of this sandbox but init and us
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass
            while True:
                try:
                    if os.waitpid(-1, os.WNOHANG) == (0, 0):
                        break
                except ChildProcessError:
                    break
            if not other_processes(set()):
                break
            time.sleep(0.01)
    elif kernel_pid:
        try:
            os.killpg(kernel_pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return others


def main(argv: list[str]) -> None:
    home, sandboxed, imports = Path(argv[0]), argv[1] == "sandboxed", argv[2:]
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = "1"  # kernels share the cores with each other
    empty_folder(home)
    os.environ["HOME"] = str(home)
    os.environ["MPLCONFIGDIR"] = str(home / ".config" / "matplotlib")
    started = time.perf_counter()
    failed = preimport([*BASE_IMPORTS, *imports])
    say(ready=True, seconds=round(time.perf_counter() - started, 2), failed=failed,
        cffi="_cffi_backend" in sys.modules)
    serve(home, sandboxed)
    os._exit(0)  # nothing to save, and tearing down pandas & co. would only keep bwrap waiting


if __name__ == "__main__":
    main(sys.argv[1:])
