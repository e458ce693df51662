"""The pins in environment.yml, for pip.

environment.yml is the one place where versions are pinned: conda and Binder
read it directly, and everything that installs with pip (the Makefile, CI,
Windows users) reads it through this script, so the two paths cannot drift.
Standard library only: it runs before anything is installed.

    python tools/pins.py requirements   print the pip requirement lines
    python tools/pins.py lock           re-resolve the direct pins in a fresh
                                        venv and rewrite the transitive block
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENT = ROOT / "environment.yml"
TRANSITIVE_MARKER = "# -- transitive"
PIN = re.compile(r"^\s*-\s*([A-Za-z0-9_.\-\[\]]+)==([^\s#]+)\s*(#.*)?$")


def pip_section(text: str) -> list[str]:
    """Lines of the `- pip:` list, in order (comments included)."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip() == "- pip:":
            indent = len(line) - len(line.lstrip()) + 2
            section = []
            for following in lines[index + 1:]:
                stripped = following.strip()
                if stripped and len(following) - len(following.lstrip()) < indent:
                    break
                section.append(following)
            return section
    raise SystemExit(f"{ENVIRONMENT.name} has no '- pip:' list")


def read_pins(path: Path = ENVIRONMENT) -> list[str]:
    """Every `name==version` of the pip section, as pip requirement lines."""
    pins = []
    for line in pip_section(path.read_text(encoding="utf-8")):
        match = PIN.match(line)
        if match:
            pins.append(f"{match.group(1)}=={match.group(2)}")
        elif line.strip() and not line.strip().startswith("#"):
            raise SystemExit(f"{path.name}: not an exact pin: {line.strip()!r}")
    return pins


def conda_pin(name: str, path: Path = ENVIRONMENT) -> str:
    """The `name==version` that the conda part of environment.yml pins (e.g. pip)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match and match.group(1) == name and not line.startswith(" " * 5):
            return f"{match.group(1)}=={match.group(2)}"
    raise SystemExit(f"{path.name} pins no {name!r} in its conda dependencies")


def direct_pins(path: Path = ENVIRONMENT) -> list[str]:
    """The pins above the transitive marker: what the course asks for by name."""
    pins = []
    for line in pip_section(path.read_text(encoding="utf-8")):
        if line.strip().startswith(TRANSITIVE_MARKER):
            break
        match = PIN.match(line)
        if match:
            pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


def lock(path: Path = ENVIRONMENT) -> None:
    """Install the direct pins in a fresh venv and write what pip resolved."""
    direct = direct_pins(path)
    direct_names = {pin.split("==")[0].lower().replace("_", "-") for pin in direct}
    with tempfile.TemporaryDirectory() as tmp:
        venv.create(tmp, with_pip=True)
        python = str(Path(tmp) / ("Scripts" if sys.platform == "win32" else "bin") / "python")
        subprocess.run([python, "-m", "pip", "install", "-q", *direct], check=True)
        frozen = subprocess.run([python, "-m", "pip", "freeze"], check=True,
                                capture_output=True, text=True).stdout.split()
    transitive = sorted(
        (pin for pin in frozen
         if "==" in pin and pin.split("==")[0].lower().replace("_", "-") not in direct_names),
        key=str.lower)
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition(TRANSITIVE_MARKER)
    indent = head.splitlines()[-1]
    block = "".join(f"{indent}- {pin}\n" for pin in transitive)
    path.write_text(f"{head}{TRANSITIVE_MARKER}: what those need; rewritten by"
                    f" `make pins`, do not edit by hand\n{block}", encoding="utf-8")


def main(argv: list[str]) -> None:
    command = argv[1] if len(argv) > 1 else "requirements"
    if command == "requirements":
        print("\n".join(read_pins()))
    elif command == "lock":
        lock()
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
