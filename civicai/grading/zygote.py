"""A kernel factory: one per grading worker, forking a fresh kernel for each learner.

Starting a Python kernel costs most of a second of CPU (IPython, ipykernel,
pandas, the course's checks), and a 2-core machine grading a cohort would
spend most of its time on that. The zygote imports all of it once, inside the
worker's sandbox, then forks: every learner gets a brand-new process that has
never run anyone's code, with the imports already done.

Each kernel gets namespaces of its own inside the sandbox (`isolate`): a user
and a process namespace, so it can neither see nor signal the zygote or
anything of the learners before it (nor read their memory), its own IPC and its
own /proc. Where Linux does not allow namespaces inside the sandbox, the zygote
says so when it starts, and the worker starts a new sandbox for every learner
instead (`isolated: false`).

Before each fork the zygote removes everything the previous learner left: it
kills every other process in the sandbox and empties the writable folders
(home, /tmp, /dev/shm).
The kernel then applies the resource limits, copies the exercise's files into
an empty working folder and starts the IPython kernel on the connection file
the grader wrote. No secret is in the zygote or the kernel: answers are judged
by the grader, outside the sandbox (see civicai.grading.execute).

Protocol: one JSON object per line on stdin (commands) and stdout (events).
    (on start)                               ->  {"ready": true, "isolated": bool, ...}
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
                "IPython.core.interactiveshell", "civicai.checks", "civicai.grading.capture",
                "pandas", "numpy",
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
    """matplotlib's list of fonts, made once here (the course draws charts): made in each
    kernel (its home starts empty, so there is no font cache) it would cost a second."""
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


def other_processes(known: set[int], proc: Path = Path("/proc")) -> list[str]:
    """Command lines of processes in this sandbox other than the zygote, its init and `known`.

    A process that has ended but is not yet reaped (a zombie) is not running, and has no
    command line left: it is not listed. One whose command line is empty for another reason
    (between fork and exec) is named by its process name, in brackets.
    """
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) in known | {1, os.getpid()}:
            continue
        try:
            stat = (entry / "stat").read_text(errors="replace")
            if stat[stat.rindex(")") + 2:].startswith(("Z", "X")):
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").strip()
            name = (entry / "comm").read_text(errors="replace").strip()
        except (OSError, ValueError):
            continue
        found.append(command.decode("utf-8", "replace")[:200] or f"[{name or 'unnamed'}]")
    return found


def die_with_zygote() -> None:
    """Ask Linux to end this kernel when the zygote ends (PR_SET_PDEATHSIG), so that
    without a sandbox too no kernel outlives its grader."""
    try:
        _libc().prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _libc():
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


#: clone(2) flags: new user, process, mount and IPC namespaces.
_NAMESPACES = 0x10000000 | 0x20000000 | 0x00020000 | 0x08000000
_MS_NOSUID, _MS_NODEV, _MS_NOEXEC, _MS_REC, _MS_PRIVATE = 2, 4, 8, 16384, 1 << 18


def _check(result: int, what: str) -> None:
    if result != 0:
        import ctypes

        raise OSError(ctypes.get_errno(), f"{what}: {os.strerror(ctypes.get_errno())}")


def enter_namespaces() -> None:
    """New user, process, mount and IPC namespaces for the caller's children.

    The user namespace maps the sandbox's one user onto itself, so files keep
    their owner. The next child forked is process 1 of the new process namespace.
    """
    uid, gid = os.getuid(), os.getgid()
    _check(_libc().unshare(_NAMESPACES), "unshare")
    Path("/proc/self/setgroups").write_text("deny")
    Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
    Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")


def isolate() -> None:
    """In process 1 of a new process namespace: a /proc of its own, then no privileges.

    /proc shows only this kernel's processes (a new proc; where Linux refuses one
    inside the sandbox, an empty folder). Then the capabilities that the new user
    namespace gave are dropped, so learner code has none of them. The writable
    folders (home, /tmp, /dev/shm) are the sandbox's: the zygote empties them
    before each kernel, and nothing of a learner runs by then.
    """
    libc = _libc()
    _check(libc.mount(None, b"/", None, _MS_REC | _MS_PRIVATE, None), "private mounts")
    if libc.mount(b"proc", b"/proc", b"proc", _MS_NOSUID | _MS_NODEV | _MS_NOEXEC, None) != 0:
        _check(libc.mount(b"tmpfs", b"/proc", b"tmpfs", _MS_NOSUID | _MS_NODEV | _MS_NOEXEC,
                          b"size=16k,mode=0555"), "an empty /proc")
    drop_capabilities(libc)


def drop_capabilities(libc) -> None:
    """Empty this process's capability sets (capset(2), version 3) and forbid new ones."""
    import ctypes

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]

    header, data = Header(0x20080522, 0), (Data * 2)()
    _check(libc.capset(ctypes.byref(header), data), "dropping capabilities")
    _check(libc.prctl(38, 1, 0, 0, 0), "no new privileges")  # 38: PR_SET_NO_NEW_PRIVS


def can_isolate() -> bool:
    """Whether a kernel can get namespaces of its own here: tried in a throwaway child."""
    pid = os.fork()
    if pid == 0:
        try:
            enter_namespaces()
            inner = os.fork()
            if inner == 0:
                try:
                    isolate()
                    os._exit(0 if not Path("/proc/2").exists() else 1)
                except BaseException:
                    os._exit(1)
            os._exit(os.waitstatus_to_exitcode(os.waitpid(inner, 0)[1]))
        except BaseException:
            os._exit(1)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0


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
    """In the kernel's own process: limits, a clean folder, the kernel. Never returns."""
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
    limit("RLIMIT_AS", int(command["address_space"]))
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
    from civicai.checks import cells

    cells.install(app.shell)  # what each cell did, so a stale or broken answer is told so
    if "matplotlib.pyplot" in sys.modules:  # as `import matplotlib.pyplot` does in a kernel
        from matplotlib_inline.backend_inline import _enable_matplotlib_integration

        _enable_matplotlib_integration()
    command.clear()
    app.start()
    os._exit(0)


def start_kernel(command: dict, home: Path, isolated: bool) -> tuple[int, int]:
    """Fork this learner's kernel; (the child to wait for, the kernel's process id).

    Isolated, the child enters new namespaces and forks the kernel as process 1 of
    its own process namespace, then waits for it and ends with it.
    """
    command["address_space"] = virtual_memory() + int(command["limits"]["memory_bytes"])
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(reader)
        try:
            if not isolated:
                os.write(writer, str(os.getpid()).encode())
                os.close(writer)
                run_kernel(command, home)
            enter_namespaces()
            kernel = os.fork()
            if kernel == 0:
                os.close(writer)
                isolate()
                run_kernel(command, home)
            os.write(writer, str(kernel).encode())
            os.close(writer)
            _, status = os.waitpid(kernel, 0)
            os._exit(max(0, os.waitstatus_to_exitcode(status)) & 0xFF)
        except BaseException:  # ipykernel captured stderr: write to the log itself
            with open(command["log"], "a") as log:
                log.write(traceback.format_exc())
        finally:
            os._exit(70)
    os.close(writer)
    answer = os.read(reader, 32)
    os.close(reader)
    return child, int(answer) if answer.isdigit() else child


def serve(home: Path, sandboxed: bool, isolated: bool) -> None:
    """Read commands until stdin closes; one kernel at a time."""
    child, kernel_pid, child_fd = None, None, None
    while True:
        watched = [sys.stdin] + ([child_fd] if child_fd is not None else [])
        ready, _, _ = select.select(watched, [], [])
        if child_fd is not None and child_fd in ready:
            _, status = os.waitpid(child, 0)
            os.close(child_fd)
            say(exited=kernel_pid, status=os.waitstatus_to_exitcode(status))
            child, kernel_pid, child_fd = None, None, None
        if sys.stdin not in ready:
            continue
        line = sys.stdin.readline()
        if not line:  # the grader has gone: nothing of ours may stay behind
            sweep(kernel_pid, sandboxed, child)
            return
        command = json.loads(line)
        operation = command.pop("op")
        if operation == "signal" and kernel_pid is not None:
            try:
                os.killpg(kernel_pid, int(command["signal"]))
            except ProcessLookupError:
                pass
        elif operation == "stop":
            others = sweep(kernel_pid, sandboxed, child)
            if child_fd is not None:
                try:
                    os.waitpid(child, 0)
                except ChildProcessError:
                    pass
                os.close(child_fd)
            say(stopped=kernel_pid, others=others)
            child, kernel_pid, child_fd = None, None, None
        elif operation == "start":
            sweep(kernel_pid, sandboxed, child)
            empty_folder(home)
            if sandboxed:
                for shared in ("/tmp", "/dev/shm"):
                    empty_folder(Path(shared))
            child, kernel_pid = start_kernel(command, home, isolated)
            command.clear()
            child_fd = os.pidfd_open(child)
            say(started=kernel_pid)


def sweep(kernel_pid: int | None, sandboxed: bool, child: int | None = None) -> list[str]:
    """Stop the kernel and everything it started. Returns what else was still running
    (besides the kernel and the child it was forked from)."""
    known = {pid for pid in (kernel_pid, child) if pid}
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
    home, sandboxed, nested, imports = (Path(argv[0]), argv[1] == "sandboxed",
                                        argv[2] == "nested", argv[3:])
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = "1"  # kernels share the cores with each other
    empty_folder(home)
    os.environ["HOME"] = str(home)
    os.environ["MPLCONFIGDIR"] = str(home / ".config" / "matplotlib")
    started = time.perf_counter()
    failed = preimport([*BASE_IMPORTS, *imports])
    isolated = sandboxed and nested and can_isolate()
    say(ready=True, seconds=round(time.perf_counter() - started, 2), failed=failed,
        isolated=isolated)
    serve(home, sandboxed, isolated)
    os._exit(0)  # nothing to save, and tearing down pandas & co. would only keep bwrap waiting


if __name__ == "__main__":
    main(sys.argv[1:])
