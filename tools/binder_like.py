"""The course as Binder serves it, on this machine.

A learner who clicks the README's badge gets what repo2docker builds from
`binder/`: a fresh environment with `binder/environment.yml`'s pins, then
`binder/postBuild` run once in a fresh clone of the repository, then a
JupyterLab server started in that clone, opened at the badge's `urlpath`.
This module does the same, so the browser tests, the screenshots and the load
benchmark see what a Binder learner sees, not the developer's `.venv`:

- `build/binder-venv/`: a virtual environment made from the pins (pip reads
  them through tools/pins.py); stamp files make repeated runs start in
  seconds: the packages are reinstalled only when the pins change, postBuild
  runs again only when it, pyproject.toml, civicai/modes.py or the course's JupyterLab
  extension (civicai/labextension/) changes;
- `build/binder-repo/`: a copy of the repository's files (what a clone holds,
  with the working tree's uncommitted changes), refreshed at every launch, so
  whatever the tests do to notebooks (autosave, Validate saves) never touches
  the real repository;
- a fresh home folder per launch, so nothing from a developer's ~/.jupyter
  changes what the learner sees.

Differences from a real Binder, on purpose or by necessity: Python comes from
this machine (conda gives Binder python==3.11.x from the same file), Binder's
JupyterHub wrapper (`jupyterhub-singleuser`) is replaced by the `jupyter lab`
it wraps, and the server listens on loopback with a token.

    python tools/binder_like.py build   build (or reuse) the environment; prints the time
    python tools/binder_like.py lab     start it and print the badge's address; Ctrl+C stops
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
import lab_process  # noqa: E402  (tools/lab_process.py, beside this file)
import pins  # noqa: E402

ROOT = TOOLS.parent
BUILD = ROOT / "build"
VENV = BUILD / "binder-venv"
CHECKOUT = BUILD / "binder-repo"
HOME = BUILD / "binder-home"
LOCK = BUILD / "binder.lock"
#: Stamps of the two steps: the pinned packages, then postBuild (the course package).
PINS_STAMP = VENV / ".civicai-binder-pins"
POST_BUILD_STAMP = VENV / ".civicai-binder-postbuild"
BINDER_ENVIRONMENT = ROOT / "binder" / "environment.yml"
POST_BUILD = ROOT / "binder" / "postBuild"
#: Variables of the developer's shell that would make the launch differ from Binder's.
FOREIGN_VARIABLES = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "JUPYTER_CONFIG_DIR",
                     "JUPYTER_CONFIG_PATH", "JUPYTER_DATA_DIR", "JUPYTER_PATH",
                     "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_DIR", "JUPYTERLAB_SETTINGS_DIR",
                     "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR", "MPLCONFIGDIR")


def say(message: str) -> None:
    print(f"[binder-like] {message}", flush=True)


def badge_urlpath(readme: Path = ROOT / "README.md") -> str:
    """The page the README's Binder badge opens, e.g. `/lab/tree/course/...ipynb`."""
    match = re.search(r"https://mybinder\.org/v2/[^)\s]*[?&]urlpath=([^)\s&]+)",
                      readme.read_text(encoding="utf-8"))
    if not match:
        raise SystemExit(f"{readme.name} has no Binder badge with a urlpath=")
    return "/" + match.group(1).lstrip("/")


def check_binder_pins() -> None:
    """Binder reads binder/environment.yml alone: it must be the root file, byte for byte."""
    if BINDER_ENVIRONMENT.read_bytes() != (ROOT / "environment.yml").read_bytes():
        raise SystemExit("binder/environment.yml differs from environment.yml: run `make pins` "
                         "(it copies the pins to binder/).")


def fingerprint(*paths: Path) -> str:
    """What a part of the environment is built from: when it changes, that part is redone."""
    digest = hashlib.sha256(sys.version.encode())
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def base_python() -> str:
    """Python 3.11, as binder/environment.yml asks."""
    if sys.version_info[:2] == (3, 11):
        return sys.executable
    found = shutil.which("python3.11")
    if not found:
        raise SystemExit("The Binder-like environment needs Python 3.11 (python3.11 on PATH).")
    return found


def environment(extra: dict[str, str] | None = None, own_home: bool = True) -> dict[str, str]:
    """The environment of a process in the Binder-like container: its bin first on PATH,
    its own home folder, none of the developer's Jupyter or Python settings.

    The build keeps the developer's home (`own_home=False`): pip's cache lives there."""
    env = {key: value for key, value in os.environ.items() if key not in FOREIGN_VARIABLES}
    env["PATH"] = str(VENV / "bin") + os.pathsep + env.get("PATH", "")
    if own_home:
        env["HOME"] = str(HOME)
    env.update(extra or {})
    return env


def repository_files() -> list[str]:
    """What a clone of the repository holds: tracked files and new files git does not
    ignore. Without git (a downloaded archive), every file but the usual ignored ones."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT, capture_output=True, text=True, check=True)
        return sorted({name for name in listed.stdout.split("\0") if name})
    except (OSError, subprocess.CalledProcessError):
        ignored = {".git", ".venv", "build", "artifacts", "work", "__pycache__",
                   ".ipynb_checkpoints", ".pytest_cache"}
        files = []
        for folder, subfolders, names in os.walk(ROOT):
            subfolders[:] = [name for name in subfolders if name not in ignored]
            files += [str((Path(folder) / name).relative_to(ROOT)) for name in names]
        return sorted(files)


def refresh_checkout() -> None:
    """Replace build/binder-repo with the repository's current files, and the home folder
    with an empty one (a new Binder session starts from a fresh clone and home)."""
    for folder in (CHECKOUT, HOME):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    _copy_repository_files("")


def reset_course() -> None:
    """Put the clone's course/ folder back as the repository has it: what one visitor
    saved (answers, outputs, new files) is gone for the next, as on a new Binder."""
    shutil.rmtree(CHECKOUT / "course", ignore_errors=True)
    _copy_repository_files("course/")


def _copy_repository_files(prefix: str) -> None:
    for name in repository_files():
        source = ROOT / name
        # a tracked file deleted in the working tree is not copied
        if name.startswith(prefix) and source.is_file():
            target = CHECKOUT / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def run(command: list[str | Path], **kwargs) -> None:
    subprocess.run([str(part) for part in command], check=True, **kwargs)


@dataclass
class Build:
    seconds: float
    reused: bool


def build() -> Build:
    """Build build/binder-venv as repo2docker would (pins, then postBuild in the clone),
    or reuse it: the packages are reinstalled only when the pins change, postBuild is
    run again when it or pyproject.toml changes. Call with the lock held."""
    started = time.perf_counter()
    check_binder_pins()
    refresh_checkout()
    pins_print = fingerprint(BINDER_ENVIRONMENT)
    # civicai/modes.py is what postBuild runs to set up learner mode
    post_build_print = fingerprint(POST_BUILD, ROOT / "pyproject.toml", ROOT / "civicai" / "modes.py",
                                   *sorted((ROOT / "civicai" / "labextension").rglob("*.*")))
    if _stamped(PINS_STAMP, pins_print) and _stamped(POST_BUILD_STAMP, post_build_print):
        return Build(time.perf_counter() - started, reused=True)
    env = environment(own_home=False)
    if not _stamped(PINS_STAMP, pins_print):
        say(f"building {VENV.relative_to(ROOT)} from binder/environment.yml "
            "(a few minutes the first time)")
        shutil.rmtree(VENV, ignore_errors=True)
        run([base_python(), "-m", "venv", VENV])
        python = VENV / "bin" / "python"
        requirements = VENV / "requirements.txt"
        requirements.write_text("\n".join(pins.read_pins(BINDER_ENVIRONMENT)) + "\n")
        quiet = ["--disable-pip-version-check", "-q"]
        run([python, "-m", "pip", "install", *quiet,
             pins.conda_pin("pip", BINDER_ENVIRONMENT)], env=env)
        run([python, "-m", "pip", "install", *quiet, "-r", requirements], env=env)
        PINS_STAMP.write_text(pins_print)
    # repo2docker runs postBuild once, in the clone, with the environment's bin first on PATH.
    say("running binder/postBuild in the clone")
    run(["bash", CHECKOUT / "binder" / "postBuild"], cwd=CHECKOUT, env=env)
    POST_BUILD_STAMP.write_text(post_build_print)
    return Build(time.perf_counter() - started, reused=False)


def _stamped(stamp: Path, expected: str) -> bool:
    return stamp.exists() and stamp.read_text() == expected


@contextlib.contextmanager
def exclusive():
    """One Binder-like session at a time: they share build/binder-repo."""
    BUILD.mkdir(exist_ok=True)
    with open(LOCK, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SystemExit("Another Binder-like session (browser tests, `make screenshots` or "
                             "the load benchmark) is running; wait for it to finish.") from None
        yield


def lab_command() -> list[str]:
    """JupyterLab as the Binder container starts it: in the clone, no options of ours
    beyond what a local run needs (loopback, token: added by lab_process)."""
    command = [str(VENV / "bin" / "jupyter"), "lab"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI machines run as root
    return command


def instructor_command() -> list[str]:
    """`make instructor`'s launch (civicai.modes), in the Binder-like environment."""
    return [str(VENV / "bin" / "python"), "-m", "civicai.modes", "start", "instructor"]


def serve(log_folder: Path, command: list[str] | None = None,
          extra_environment: dict[str, str] | None = None, name: str = "binder-like"):
    """A running server in the clone (context manager yielding a lab_process.Lab).
    Call inside `exclusive()` after `build()`."""
    return lab_process.running_jupyter(command or lab_command(), cwd=CHECKOUT,
                                       env=environment(extra_environment),
                                       log_folder=log_folder, name=name)


@contextlib.contextmanager
def binder_lab(log_folder: Path):
    """Build (or reuse) the environment and start JupyterLab as Binder does."""
    with exclusive():
        build()
        with serve(log_folder) as lab:
            yield lab


def main(argv: list[str]) -> None:
    command = argv[0] if argv else ""
    if command == "build":
        with exclusive():
            result = build()
        say(f"{'reused' if result.reused else 'built'} {VENV.relative_to(ROOT)} "
            f"in {result.seconds:.1f} s")
    elif command == "lab":
        with binder_lab(BUILD / "binder-logs") as lab:
            say(f"open {lab.browser_url(badge_urlpath())}  (Ctrl+C stops)")
            with contextlib.suppress(KeyboardInterrupt):
                while True:
                    time.sleep(1)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
