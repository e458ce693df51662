"""What learner code may touch while it is graded, and the bubblewrap command that enforces it.

Each grading worker runs its kernels inside one bubblewrap (`bwrap`, Debian's
`bubblewrap` package) sandbox, which gives them:

- no network: a network namespace of their own, with nothing in it;
- a file system made of read-only pieces only: the operating system's
  programs and libraries (/usr, /etc...), the Python installation, the
  environment (.venv), the `civicai` package and `datasets/`. Nothing else of
  the course exists in there: not `exercises/` (solutions, hidden tests), not
  `sources/`, not `autograder/` (grader configuration, gradebook), not the
  folder of submissions or anyone else's results;
- writable space only in its own small in-memory folders (home, /tmp and
  /dev/shm, with a size limit), emptied before every learner;
- its own process tree (a pid namespace), so everything a learner started is
  killed when their kernel stops, and its own unprivileged user id.

Each kernel also runs under resource limits (set by the zygote): memory,
CPU time, file size, number of processes (when the grader runs as root, each
worker's sandbox has its own user id, so the process limit is per worker),
and the grader adds a time limit per cell and per notebook and a limit on
output.

When bubblewrap is missing or cannot start, grading stops with a clear
message, unless the instructor explicitly asks for no sandbox
(`civicai-grade --no-sandbox`, for submissions they trust).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from civicai import REPO_ROOT

#: Read-only system folders every sandbox gets (those that exist on this machine).
SYSTEM_FOLDERS = ("/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/etc")
#: The first user id given to sandboxes when the grader runs as root (one per worker).
FIRST_SANDBOX_UID = 64000


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot start here; the message says what to do."""


@dataclass(frozen=True)
class Limits:
    """Limits on one learner's notebook; the defaults suit the course's notebooks."""

    cell_seconds: int = 60           # wall-clock time of one cell
    notebook_seconds: int = 180      # wall-clock time of the whole notebook
    cpu_seconds: int = 240           # CPU time of the kernel (an RLIMIT_CPU)
    memory_bytes: int = 1536 * 2**20   # memory the kernel may add (an RLIMIT_AS)
    file_bytes: int = 64 * 2**20     # largest file it may write (an RLIMIT_FSIZE)
    scratch_bytes: int = 256 * 2**20  # its writable folders, together
    processes: int = 64              # processes and threads of the sandbox user
    output_bytes: int = 2 * 2**20    # output kept from the whole notebook

    def for_kernel(self, separate_user: bool) -> dict:
        return {"cpu_seconds": self.cpu_seconds, "memory_bytes": self.memory_bytes,
                "file_bytes": self.file_bytes, "scratch_bytes": self.scratch_bytes,
                "processes": self.processes if separate_user else 0}


def python_roots() -> list[Path]:
    """Folders the Python running the grader needs: its installation and its environment."""
    roots = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(),
             Path(sys.exec_prefix).resolve(), Path(sys.executable).parent.resolve()}
    return sorted(roots)


def hidden_roots(extra: list[Path]) -> list[str]:
    """Instructor folders: never in the sandbox, even when they lie inside a folder it gets
    (a course checked out inside the Python installation, say)."""
    folders = [REPO_ROOT / name for name in ("exercises", "sources", "autograder", "tests")]
    return sorted({str(folder.resolve()) for folder in [*folders, *extra]})


def clean_environment() -> dict[str, str]:
    """The environment bubblewrap itself starts with: nothing of the instructor's.

    bubblewrap's own process stays visible inside the sandbox (as process 1), with
    the environment it was started with; --clearenv only clears its child's.
    """
    return {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "LANG": "C.UTF-8"}


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


def command(*, slot_folder: Path, home: str, uid: int, limits: Limits,
            inner: list[str], hidden: list[str] = ()) -> list[str]:
    """The command line that runs `inner` in a worker's sandbox.

    As root, bubblewrap runs as the sandbox's own unprivileged user; folders that
    user cannot reach by path are first made reachable in a private mount
    namespace (see civicai.grading.rootview).
    """
    bwrap = bwrap_path()
    if bwrap is None:
        raise SandboxUnavailable(missing_message())
    arguments = [bwrap, "--unshare-all", "--die-with-parent", "--new-session",
                 "--uid", str(uid), "--gid", str(uid), "--hostname", "grading",
                 "--proc", "/proc", "--dev", "/dev",
                 "--size", str(limits.scratch_bytes // 2), "--tmpfs", "/dev/shm",
                 # the empty writable folders come first: binds after them may lie inside
                 # (a course checked out under /tmp stays visible)
                 "--size", str(limits.scratch_bytes // 2), "--tmpfs", "/tmp",
                 "--size", str(limits.scratch_bytes // 2), "--tmpfs", home]
    sources: list[str] = []
    for folder in SYSTEM_FOLDERS:
        if os.path.islink(folder):  # /lib -> usr/lib on merged-/usr systems
            arguments += ["--symlink", os.readlink(folder), folder]
        elif os.path.isdir(folder):
            sources.append(folder)
    sources += [str(root) for root in python_roots()]
    sources += [str(folder) for folder in (REPO_ROOT / "civicai", REPO_ROOT / "datasets")
                if folder.is_dir()]
    for source in sources:
        arguments += ["--ro-bind", source, source]
    for folder in hidden:  # an instructor folder inside a bound one: covered by an empty one
        if any(Path(folder).is_relative_to(source) for source in sources) and Path(folder).is_dir():
            arguments += ["--tmpfs", folder, "--remount-ro", folder]
    arguments += ["--ro-bind", str(slot_folder / "inbox"), str(slot_folder / "inbox"),
                  "--bind", str(slot_folder / "run"), str(slot_folder / "run"),
                  "--chdir", home, "--clearenv",
                  "--setenv", "PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin",
                  "--setenv", "HOME", home, "--setenv", "LANG", "C.UTF-8",
                  "--setenv", "PYTHONNOUSERSITE", "1", "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
                  "--", *inner]
    if os.geteuid() != 0:
        return arguments
    from civicai.grading.rootview import blocking_folders

    needed = sources + [str(slot_folder / "inbox"), str(slot_folder / "run")]
    spec = {"uid": uid, "reveal": blocking_folders(needed, uid)}
    return ["unshare", "--mount", "--propagation", "private", "--", sys.executable, "-m",
            "civicai.grading.rootview", json.dumps(spec), "--", *arguments]


def missing_message() -> str:
    return ("The grader runs each learner's notebook in a sandbox made with bubblewrap, "
            "and bubblewrap is not installed on this computer. Install it (on Debian or "
            "Ubuntu: `sudo apt-get install bubblewrap`), or, only if you trust every "
            "submission, run civicai-grade with --no-sandbox.")


def check_available() -> None:
    """Raise SandboxUnavailable, with what to do, unless a sandbox can start here."""
    if bwrap_path() is None:
        raise SandboxUnavailable(missing_message())
    if os.geteuid() == 0 and not (shutil.which("unshare") and shutil.which("mount")):
        raise SandboxUnavailable("Running as root, the grader needs the `unshare` and `mount` "
                                 "commands (Debian package util-linux).")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="civicai-probe-") as scratch:
        folder = Path(scratch)
        for name in ("inbox", "run"):
            (folder / name).mkdir()
        os.chmod(scratch, 0o711)
        probe = command(slot_folder=folder, home="/home/learner", uid=FIRST_SANDBOX_UID,
                        limits=Limits(), inner=[sys.executable, "-c", "import civicai"])
        if os.geteuid() == 0:
            for name in ("inbox", "run"):
                os.chown(folder / name, FIRST_SANDBOX_UID, FIRST_SANDBOX_UID)
        try:
            completed = subprocess.run(probe, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SandboxUnavailable(f"bubblewrap could not start: {error}.") from None
    if completed.returncode != 0:
        raise SandboxUnavailable(
            "bubblewrap is installed but cannot create a sandbox on this computer "
            f"({completed.stderr.strip()[-300:] or 'no reason given'}). It needs unprivileged "
            "user namespaces (on Debian: `sysctl kernel.unprivileged_userns_clone=1`); inside "
            "a container, the container must allow them. Only if you trust every submission, "
            "run civicai-grade with --no-sandbox.")
