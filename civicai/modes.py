"""Learner mode and instructor mode of JupyterLab.

Learners (Binder and `make lab`) get nbgrader's Validate button and nothing
else of nbgrader: the formgrader and create-assignment tools are for
instructors, and the course and assignment lists need an exchange that Binder
does not have, so they would only confuse. Learner mode turns those off in the
environment's own configuration (``sys.prefix/etc/jupyter``), both as
JupyterLab plugins and as server extensions, and locks the plugins so the
Plugin Manager cannot switch them back on.

Instructor mode is a separate launch (`make instructor`): the same
environment, started with ``JUPYTER_CONFIG_PATH`` pointing at a folder that
re-enables the instructor tools. That path has the highest priority of all
Jupyter configuration, above the environment's, so learner mode stays the
default everywhere else.

    python -m civicai.modes learner                 apply learner mode
    python -m civicai.modes start learner|instructor [jupyter lab options]
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from civicai import REPO_ROOT

#: JupyterLab plugins of nbgrader that learners never see (the "Nbgrader" menu only
#: links to the others, so without them it would open empty).
HIDDEN_LAB_PLUGINS = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:menu",
    "@jupyter/nbgrader:course-list",
    "@jupyter/nbgrader:assignment-list",
)
#: JupyterLab's "get notified about Jupyter news?" pop-up: noise for a learner on Binder.
#: Off in learner mode, but not locked: a curious learner may turn it back on.
QUIET_LAB_PLUGINS = ("@jupyterlab/apputils-extension:announcements",)
#: Server extensions of nbgrader that learners never reach.
HIDDEN_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.assignment_list",
)
#: What instructor mode gives back: authoring and grading (no exchange here either).
INSTRUCTOR_LAB_PLUGINS = HIDDEN_LAB_PLUGINS[:3]
INSTRUCTOR_SERVER_EXTENSIONS = HIDDEN_SERVER_EXTENSIONS[:1]

START_PAGE = "course/00-start-here/start-here.ipynb"
#: The course's own JupyterLab extension (prebuilt, written by hand: see its remoteEntry.js):
#: Validate only on graded exercises, with the seconds it has run.
LAB_EXTENSION = Path(__file__).resolve().parent / "labextension"
LAB_EXTENSION_NAME = "civicai-lab"
INSTRUCTOR_CONFIG = Path(sys.prefix) / "etc" / "civicai" / "instructor-mode"


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def apply_learner_mode(prefix: Path = Path(sys.prefix)) -> None:
    """Disable and lock nbgrader's instructor and exchange tools for this environment.

    It writes what `jupyter labextension disable/lock --level=sys_prefix` and `jupyter
    server extension disable --sys-prefix` write (JupyterLab's page_config.json, one
    server-extension file each), without starting those commands: fourteen of them took
    a minute and a half at every `make lab`.
    """
    config = prefix / "etc" / "jupyter"
    page_path = config / "labconfig" / "page_config.json"
    page = json.loads(page_path.read_text(encoding="utf-8")) if page_path.exists() else {}
    page.setdefault("disabledExtensions", {}).update(
        dict.fromkeys((*HIDDEN_LAB_PLUGINS, *QUIET_LAB_PLUGINS), True))
    page.setdefault("lockedExtensions", {}).update(dict.fromkeys(HIDDEN_LAB_PLUGINS, True))
    _write_json(page_path, page)
    for extension in HIDDEN_SERVER_EXTENSIONS:
        _write_json(config / "jupyter_server_config.d" / f"{extension}.json",
                    {"ServerApp": {"jpserver_extensions": {extension: False}}})
    install_lab_extension(prefix)


def install_lab_extension(prefix: Path = Path(sys.prefix)) -> Path:
    """Put the course's extension where JupyterLab finds prebuilt extensions (what `jupyter
    labextension develop` would link; a copy, so the environment does not depend on the
    checkout's path)."""
    target = prefix / "share" / "jupyter" / "labextensions" / LAB_EXTENSION_NAME
    if target.is_symlink() or target.is_file():
        target.unlink()
    shutil.copytree(LAB_EXTENSION, target, dirs_exist_ok=True)
    return target


def write_instructor_config(folder: Path = INSTRUCTOR_CONFIG) -> Path:
    """Write the configuration folder that turns the instructor tools back on."""
    (folder / "labconfig").mkdir(parents=True, exist_ok=True)
    page_config = {
        "disabledExtensions": {plugin: False for plugin in INSTRUCTOR_LAB_PLUGINS},
        "lockedExtensions": {plugin: False for plugin in INSTRUCTOR_LAB_PLUGINS},
    }
    (folder / "labconfig" / "page_config.json").write_text(json.dumps(page_config, indent=2))
    server_config = {"ServerApp": {"jpserver_extensions": {
        extension: True for extension in INSTRUCTOR_SERVER_EXTENSIONS}}}
    (folder / "jupyter_server_config.json").write_text(json.dumps(server_config, indent=2))
    return folder


def lab_command(mode: str, extra: list[str]) -> tuple[list[str], dict[str, str]]:
    """The `jupyter lab` command line and environment for a mode.

    The server starts in the repository root because nbgrader's Validate reads
    `nbgrader_config.py` from the folder the server starts in.
    """
    environment = dict(os.environ)
    environment["PATH"] = str(Path(sys.executable).parent) + os.pathsep + environment.get("PATH", "")
    default_url = "/formgrader" if mode == "instructor" else f"/lab/tree/{START_PAGE}"
    command = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={REPO_ROOT}",
               f"--LabApp.default_url={default_url}"]
    if mode == "instructor":
        environment["JUPYTER_CONFIG_PATH"] = str(write_instructor_config())
        # the formgrader's gradebook lives here (autograder/nbgrader_config.py); git
        # ignores the folder, so a fresh clone does not have it
        (REPO_ROOT / "autograder" / "work").mkdir(parents=True, exist_ok=True)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI machines run as root
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        command.append("--no-browser")  # headless: the URL is printed instead
    return command + extra, environment


def main(argv: list[str]) -> None:
    if argv[:1] == ["learner"]:
        apply_learner_mode()
        print("[civic-ai-lab] JupyterLab is in learner mode (Validate only).")
    elif len(argv) >= 2 and argv[0] == "start" and argv[1] in {"learner", "instructor"}:
        command, environment = lab_command(argv[1], argv[2:])
        print(f"[civic-ai-lab] starting JupyterLab in {argv[1]} mode; open the URL printed "
              "below (with its token) in your browser. Stop with Ctrl+C.", flush=True)
        os.chdir(REPO_ROOT)
        try:
            sys.exit(subprocess.run(command, env=environment).returncode)
        except KeyboardInterrupt:
            pass
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
