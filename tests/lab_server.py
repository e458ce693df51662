"""Start JupyterLab in learner or instructor mode for a test, exactly as `make lab` does.

Used by the learner-mode tests; the browser tests start theirs in the Binder-like
environment (tools/binder_like.py). Both run on tools/lab_process.py: loopback
only, a free port, a random token, stopped afterwards.
"""
from __future__ import annotations

import sys
from pathlib import Path

from civicai import modes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from lab_process import running_jupyter  # noqa: E402  (tools/lab_process.py)


def running_lab(mode: str, log_folder: Path, root_dir: Path | None = None,
                environment: dict[str, str] | None = None):
    """JupyterLab in `mode`, started the way `make lab` / `make instructor` start it
    (a context manager yielding a lab_process.Lab)."""
    extra = [f"--ServerApp.root_dir={root_dir}"] if root_dir is not None else []
    command, env = modes.lab_command(mode, extra)
    env.update(environment or {})
    return running_jupyter(command, cwd=root_dir or modes.REPO_ROOT, env=env,
                           log_folder=log_folder, name=f"jupyterlab-{mode}")
