"""Shared test set-up.

nbgrader and jupyter find their helpers (`alembic`, sub-commands) on PATH, so
this environment's bin folder goes first even when pytest was started by its
full path.
"""
import os
import sys
from pathlib import Path

import pytest

os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT
