"""The Binder-like environment is what repo2docker would build from binder/: the pins,
then postBuild (the course package and learner mode)."""
import json
import subprocess

import binder_like
import pins
from civicai import modes


def binder_python(code: str) -> str:
    return subprocess.run([str(binder_like.VENV / "bin" / "python"), "-c", code],
                          check=True, capture_output=True, text=True,
                          cwd=binder_like.CHECKOUT, env=binder_like.environment()).stdout


def normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def test_every_pin_of_binder_environment_yml_is_installed_at_its_version(binder_build):
    installed = json.loads(binder_python(
        "import importlib.metadata as m, json;"
        "print(json.dumps({d.metadata['Name']: d.version for d in m.distributions()}))"))
    installed = {normalise(name): version for name, version in installed.items()}
    wrong = {pin: installed.get(normalise(pin.split("==")[0]))
             for pin in pins.read_pins(binder_like.BINDER_ENVIRONMENT)
             if installed.get(normalise(pin.split("==")[0])) != pin.split("==")[1]}
    assert wrong == {}, "pinned -> installed"


def test_postbuild_installed_the_course_from_the_clone_and_applied_learner_mode(binder_build):
    assert binder_python("import civicai; print(civicai.REPO_ROOT)").strip() == \
        str(binder_like.CHECKOUT)
    page_config = json.loads(
        (binder_like.VENV / "etc" / "jupyter" / "labconfig" / "page_config.json").read_text())
    for plugin in modes.HIDDEN_LAB_PLUGINS:
        assert page_config["disabledExtensions"][plugin] is True
        assert page_config["lockedExtensions"][plugin] is True


def test_the_badge_opens_a_notebook_of_the_clone(binder_build):
    urlpath = binder_like.badge_urlpath()
    assert urlpath.startswith("/lab/tree/")
    assert (binder_like.CHECKOUT / urlpath.removeprefix("/lab/tree/")).is_file()
