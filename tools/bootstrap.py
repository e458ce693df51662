"""Set up Civic AI Lab and run it, on Linux, macOS or Windows.

The Makefile's targets call this script; on a machine without make, call it
directly with the same word:

    python tools/bootstrap.py setup        create .venv from environment.yml's pins,
                                           install the civicai package (editable) and
                                           put JupyterLab in learner mode
    python tools/bootstrap.py lab          setup, then JupyterLab on the start page
    python tools/bootstrap.py instructor   setup, then JupyterLab in instructor mode
    python tools/bootstrap.py test [ARGS]  setup, Debian packages the tests need, all tests
                                           (with ARGS: pytest with those arguments only)
    python tools/bootstrap.py test-fast    setup, then the quick tests (no notebooks, no
                                           grading of cohorts, no browser): about a minute

Standard library only, because it runs before anything is installed. It
re-installs only when environment.yml or pyproject.toml changed since the last
run, so a second `make lab` starts in seconds.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if sys.platform == "win32" else "bin")
PYTHON = BIN / ("python.exe" if sys.platform == "win32" else "python")
STAMP = VENV / ".civicai-installed"
DEBIAN_TEST_PACKAGES = {
    "chromium": "browser tests (tests/browser) drive Debian's Chromium",
    "bubblewrap": "the grader runs learner code in a bubblewrap sandbox",
    "fonts-noto-color-emoji": "browser tests and screenshots show the emoji of the checks' messages",
}

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pins  # noqa: E402  (tools/pins.py, beside this file)


def say(message: str) -> None:
    print(f"[civic-ai-lab] {message}", flush=True)


def run(*command: str | Path, **kwargs) -> None:
    subprocess.run([str(part) for part in command], check=True, **kwargs)


def venv_environment() -> dict[str, str]:
    """The environment with .venv's bin first on PATH.

    nbgrader runs `alembic` from PATH when it creates a gradebook, and the
    jupyter command finds its sub-commands on PATH: both must be the venv's.
    """
    environment = dict(os.environ)
    environment["PATH"] = str(BIN) + os.pathsep + environment.get("PATH", "")
    environment["VIRTUAL_ENV"] = str(VENV)
    return environment


def base_python() -> str:
    """A Python 3.11 to build the venv with, or a clear message why not."""
    if sys.version_info[:2] == (3, 11):
        return sys.executable
    for candidate in ("python3.11", "py"):
        found = shutil.which(candidate)
        if found:
            arguments = [found, "-3.11"] if candidate == "py" else [found]
            probe = subprocess.run([*arguments, "-c", "import sys; print(sys.executable)"],
                                   capture_output=True, text=True)
            if probe.returncode == 0:
                return probe.stdout.strip()
    raise SystemExit(
        f"Civic AI Lab needs Python 3.11; this is Python {sys.version.split()[0]} and no "
        "python3.11 was found. Install Python 3.11 (python.org, or `apt-get install "
        "python3.11`) and run this command again.")


def fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("environment.yml", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def setup() -> None:
    started = time.perf_counter()
    if not PYTHON.exists():
        say("creating the virtual environment .venv (Python 3.11)")
        run(base_python(), "-m", "venv", VENV)
    if STAMP.exists() and STAMP.read_text() == fingerprint():
        say("packages are up to date")
    else:
        say("installing the pinned packages (a few minutes the first time)")
        requirements = VENV / "requirements.txt"
        requirements.write_text("\n".join(pins.read_pins()) + "\n")
        run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q",
            pins.conda_pin("pip"))
        run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q",
            "-r", requirements)
        run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q",
            "--no-deps", "-e", ROOT)
        STAMP.write_text(fingerprint())
    run(PYTHON, "-m", "civicai.modes", "learner", env=venv_environment())
    say(f"set up in {time.perf_counter() - started:.0f} s")


def debian_package_installed(package: str) -> bool:
    """Ask dpkg (a font package has no command to look for); without dpkg, look for
    the package's command."""
    if shutil.which("dpkg-query"):
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                                capture_output=True, text=True).stdout
        return status.endswith(" installed")
    return bool(shutil.which({"bubblewrap": "bwrap"}.get(package, package)))


def install_debian_packages() -> None:
    """apt-get what the tests need, or say exactly what to install."""
    missing = [package for package in DEBIAN_TEST_PACKAGES
               if not debian_package_installed(package)]
    if not missing:
        return
    can_install = (shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0)
    if can_install:
        say(f"installing Debian packages for the tests: {' '.join(missing)}")
        quiet = {"stdout": subprocess.DEVNULL}
        environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run("apt-get", "update", "-q", env=environment, **quiet)
        run("apt-get", "install", "-y", "-q", "--no-install-recommends", *missing,
            env=environment, **quiet)
        return
    for package in missing:
        say(f"MISSING: {package} -- {DEBIAN_TEST_PACKAGES[package]}.")
    say("Install them as root with: apt-get install " + " ".join(missing)
        + "  (the tests that need them will fail and say so until then)")


def lab(mode: str, extra: list[str]) -> None:
    try:
        completed = subprocess.run([str(PYTHON), "-m", "civicai.modes", "start", mode, *extra],
                                   cwd=ROOT, env=venv_environment())
    except KeyboardInterrupt:
        return
    sys.exit(completed.returncode)


#: pytest's options for the parallel part: a worker per core (at most four), each test
#: file or notebook on one worker (its fixtures made once, nbval's cells in order), the
#: slowest tests listed.
PARALLEL = ["-n", "auto", "--maxprocesses=4", "--dist", "loadscope", "--durations=25"]


def pytest(*arguments: str) -> int:
    return subprocess.run([str(PYTHON), "-m", "pytest", *arguments], cwd=ROOT,
                          env=venv_environment()).returncode


def test(extra: list[str]) -> None:
    """Every test: what can run side by side first, in parallel, then the browser tests.

    The browser tests drive Chromium against a Binder-like copy of the course. Building
    that environment (minutes, the first time) is set-up, so it runs beside the first
    part rather than inside a test's time limit; the browser tests come after it, on a
    machine that this suite is no longer loading with grading runs.
    """
    install_debian_packages()
    if extra:
        sys.exit(pytest(*extra))
    started = time.perf_counter()
    log = ROOT / "build" / "binder-like-build.log"
    log.parent.mkdir(exist_ok=True)
    with open(log, "w") as output:
        binder = subprocess.Popen([str(PYTHON), str(ROOT / "tools" / "binder_like.py"), "build"],
                                  cwd=ROOT, env=venv_environment(), stdout=output,
                                  stderr=subprocess.STDOUT)
        first = pytest("-m", "not browser", *PARALLEL)
        built = binder.wait()
    say(log.read_text(errors="replace").strip().splitlines()[-1] if built == 0 else
        "the Binder-like environment could not be built:\n" + log.read_text(errors="replace"))
    second = pytest("-m", "browser", "--durations=10") if built == 0 else 1
    say(f"all tests in {time.perf_counter() - started:.0f} s")
    sys.exit(first or second)


def test_fast() -> None:
    """The quick loop for contributors: unit tests of the package, the checks and the
    authoring pipeline; no notebook runs, no cohort is graded, no browser opens."""
    sys.exit(pytest("tests", "-m", "not slow and not browser", *PARALLEL[:-1], "--durations=10"))


def main(argv: list[str]) -> None:
    command, extra = (argv[1], argv[2:]) if len(argv) > 1 else ("setup", [])
    if command not in {"setup", "lab", "instructor", "test", "test-fast"}:
        raise SystemExit(__doc__)
    setup()
    if command == "lab":
        lab("learner", extra)
    elif command == "instructor":
        lab("instructor", extra)
    elif command == "test":
        test(extra)
    elif command == "test-fast":
        test_fast()


if __name__ == "__main__":
    main(sys.argv)
