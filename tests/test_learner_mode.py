"""Learner mode hides nbgrader's instructor and exchange tools; instructor mode brings
back the formgrader; Validate works from the repository root with the course config."""
import json
import sys
from pathlib import Path

import pytest

from civicai import modes
from lab_server import running_lab

ROOT = Path(__file__).resolve().parent.parent


def test_learner_mode_is_written_into_the_environment():
    config = Path(sys.prefix) / "etc" / "jupyter"
    page = json.loads((config / "labconfig" / "page_config.json").read_text())
    for plugin in modes.HIDDEN_LAB_PLUGINS:
        assert page["disabledExtensions"].get(plugin) is True
        assert page["lockedExtensions"].get(plugin) is True


@pytest.fixture(scope="module")
def learner_lab(tmp_path_factory):
    with running_lab("learner", tmp_path_factory.mktemp("logs")) as lab:
        yield lab


@pytest.fixture(scope="module")
def instructor_lab(tmp_path_factory):
    with running_lab("instructor", tmp_path_factory.mktemp("logs")) as lab:
        yield lab


def test_learner_page_has_instructor_plugins_disabled_and_locked(learner_lab):
    config = learner_lab.page_config()
    for plugin in modes.HIDDEN_LAB_PLUGINS:
        assert plugin in config["disabledExtensions"]
        assert plugin in config["lockedExtensions"], "the Plugin Manager could re-enable it"
    assert "@jupyter/nbgrader:validate-assignment" not in config["disabledExtensions"]


def test_the_course_extension_is_served_to_the_page(learner_lab):
    """JupyterLab finds the course's prebuilt extension (Validate only on graded notebooks)
    where learner mode put it, and serves its script."""
    config = learner_lab.page_config()
    (extension,) = [data for data in config["federated_extensions"]
                    if data["name"] == modes.LAB_EXTENSION_NAME]
    assert extension["extension"] == "./extension"
    status, script = learner_lab.get(f"/lab/extensions/{extension['name']}/{extension['load']}")
    assert status == 200 and "validate-where-graded" in script


def test_learner_mode_installs_the_course_extension(tmp_path):
    target = modes.install_lab_extension(tmp_path)
    assert target == tmp_path / "share" / "jupyter" / "labextensions" / "civicai-lab"
    package = json.loads((target / "package.json").read_text())
    assert (target / package["jupyterlab"]["_build"]["load"]).read_text() == \
        (modes.LAB_EXTENSION / "static" / "remoteEntry.js").read_text()


@pytest.mark.parametrize("path", ["/formgrader", "/formgrader/api/assignments",
                                  "/assignments", "/courses"])
def test_learner_server_does_not_serve_instructor_or_exchange_tools(learner_lab, path):
    status, _ = learner_lab.get(path)
    assert status == 404


def test_learner_server_opens_on_the_start_page(learner_lab):
    assert learner_lab.redirect_target("/").split("?")[0].endswith(
        "/lab/tree/course/00-start-here/start-here.ipynb")


def test_validate_runs_with_the_course_configuration(learner_lab):
    """Validate on the blank practice: each check fails with its plain message, and the
    unanswered reflection is pointed out."""
    result = learner_lab.post("/assignments/validate",
                              {"path": "course/00-start-here/practice.ipynb"})
    assert result["success"] is True
    failed = result["value"]["failed"]
    checks = [cell for cell in failed if cell["source"].startswith("checks.")]
    assert [cell["source"] for cell in checks] == [f"checks.q{n}.check()" for n in (1, 2, 3, 5)]
    assert all("Not attempted yet" in cell["error"] for cell in checks)
    assert not any("Traceback" in cell["error"] for cell in failed)
    assert [cell["error"] for cell in failed if cell not in checks] == \
        ["You did not provide a response."]


def test_instructor_mode_serves_the_formgrader(instructor_lab):
    config = instructor_lab.page_config()
    for plugin in modes.INSTRUCTOR_LAB_PLUGINS:
        assert plugin not in config["disabledExtensions"]
        assert plugin not in config["lockedExtensions"]
    status, _ = instructor_lab.get("/formgrader")
    assert status in (200, 301, 302)


def test_bahasa_indonesia_interface_is_available(learner_lab):
    """The Indonesian language pack is installed: Settings → Language lists it."""
    status, body = learner_lab.get("/lab/api/translations")
    assert status == 200
    languages = json.loads(body)["data"]
    assert "id_ID" in languages, sorted(languages)
    status, body = learner_lab.get("/lab/api/translations/id_ID")
    assert status == 200 and json.loads(body)["data"], "the Indonesian pack has no messages"


def test_learner_mode_writes_what_jupyters_own_commands_write(tmp_path):
    """The files `jupyter labextension disable/lock` and `jupyter server extension disable`
    would write, kept with what else is there, and written again unchanged."""
    page_path = tmp_path / "etc" / "jupyter" / "labconfig" / "page_config.json"
    page_path.parent.mkdir(parents=True)
    page_path.write_text(json.dumps({"disabledExtensions": {"some:plugin": True},
                                     "other": {"kept": 1}}))
    modes.apply_learner_mode(tmp_path)
    first = {path: path.read_text() for path in (tmp_path / "etc").rglob("*.json")}
    modes.apply_learner_mode(tmp_path)
    assert first == {path: path.read_text() for path in (tmp_path / "etc").rglob("*.json")}
    page = json.loads(page_path.read_text())
    assert page["other"] == {"kept": 1} and page["disabledExtensions"]["some:plugin"] is True
    for plugin in modes.HIDDEN_LAB_PLUGINS:
        assert page["disabledExtensions"][plugin] is page["lockedExtensions"][plugin] is True
    for extension in modes.HIDDEN_SERVER_EXTENSIONS:
        written = json.loads((tmp_path / "etc" / "jupyter" / "jupyter_server_config.d" /
                              f"{extension}.json").read_text())
        assert written == {"ServerApp": {"jpserver_extensions": {extension: False}}}
