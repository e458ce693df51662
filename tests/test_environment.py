"""environment.yml is the one source of pins, and every install path reads it."""
import importlib.metadata
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import pins  # noqa: E402


def normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def test_binder_copy_is_identical_and_a_real_file():
    binder = ROOT / "binder" / "environment.yml"
    assert not binder.is_symlink(), "repo2docker builds from binder/ alone: copy, do not link"
    assert binder.read_bytes() == (ROOT / "environment.yml").read_bytes(), \
        "binder/environment.yml differs from environment.yml: run `make pins`"


def test_every_pin_is_exact_and_listed_once():
    requirements = pins.read_pins()
    names = [normalise(pin.split("==")[0]) for pin in requirements]
    assert len(names) == len(set(names)), "a package is pinned twice"
    assert all("==" in pin for pin in requirements)
    assert pins.conda_pin("python").startswith("python==3.11.")


@pytest.mark.parametrize("required", ["jupyterlab", "nbgrader", "ipywidgets", "scikit-learn",
                                      "pandas", "matplotlib", "nbval", "pytest", "fairlearn"])
def test_the_course_pins_what_it_needs(required):
    direct = {normalise(pin.split("==")[0]): pin.split("==")[1] for pin in pins.direct_pins()}
    assert required in direct


def test_version_floors_of_the_design():
    direct = {normalise(pin.split("==")[0]): pin.split("==")[1] for pin in pins.direct_pins()}
    as_tuple = lambda version: tuple(int(part) for part in version.split(".")[:3] if part.isdigit())  # noqa: E731
    assert as_tuple(direct["jupyterlab"])[0] == 4
    assert as_tuple(direct["nbgrader"]) >= (0, 9, 5), "0.9.4's formgrader workaround was a security hole"
    assert as_tuple(direct["ipywidgets"])[0] == 8
    assert as_tuple(direct["nbval"]) >= (0, 11)


def test_installed_versions_are_the_pinned_ones():
    """The pip path (tools/bootstrap.py) installed exactly what environment.yml says."""
    wrong = []
    for pin in pins.read_pins():
        name, version = pin.split("==")
        installed = importlib.metadata.version(name)
        if installed != version:
            wrong.append(f"{name}: pinned {version}, installed {installed}")
    assert not wrong, "run `make setup` again:\n" + "\n".join(wrong)


def test_package_dependencies_are_all_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pinned = {normalise(pin.split("==")[0]) for pin in pins.read_pins()}
    unpinned = [name for name in project["dependencies"] if normalise(name) not in pinned]
    assert not unpinned, f"add exact pins to environment.yml for: {unpinned}"


def test_pin_reader_rejects_a_range(tmp_path):
    broken = tmp_path / "environment.yml"
    broken.write_text("dependencies:\n  - python==3.11.7\n  - pip:\n      - pandas>=2\n")
    with pytest.raises(SystemExit, match="not an exact pin"):
        pins.read_pins(broken)
