"""Where a cohort's grading lives: an nbgrader course folder, and its configuration.

By default the cohort grader works in `autograder/work/`, the very folders of
the course configuration (`autograder/nbgrader_config.py`) that instructor mode
(`make instructor`) opens: the formgrader then shows the same gradebook, the
same autograded notebooks and the written answers waiting for a grade. The
instructor sources stay where they are (`exercises/`).

    autograder/work/gradebook.db                      nbgrader's gradebook (every assignment)
    autograder/work/submitted/<learner>/<assignment>/ the notebooks as collected
    autograder/work/autograded/<learner>/<assignment>/ as graded (nbgrader's layout)
    autograder/work/feedback/<learner>/<assignment>/  feedback HTML for learners
    autograder/work/reports/<assignment>-grades.csv   the grades
    autograder/work/reports/<assignment>-report.html  the cohort report
    autograder/work/reports/<assignment>-results.json  what the report is made from

`--out DIR` puts the same layout in DIR instead (one folder per cohort), with
its own `nbgrader_config.py` so that nbgrader and the formgrader can open it.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.converters import GenerateAssignment
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import Config, PyFileConfigLoader

from civicai import REPO_ROOT
from civicai.authoring.release import COURSE_CONFIG

#: The default course folder: the one the course configuration points at.
DEFAULT_WORK = REPO_ROOT / "autograder" / "work"
SOURCE = REPO_ROOT / "exercises"


def course_config() -> Config:
    """The course's nbgrader configuration (autograder/nbgrader_config.py), as a Config."""
    loader = PyFileConfigLoader(COURSE_CONFIG.name, path=str(COURSE_CONFIG.parent))
    return loader.load_config()


class CourseFolder:
    """An nbgrader course folder for cohort grading."""

    def __init__(self, work: Path | None = None, source: Path = SOURCE):
        self.work = Path(work).resolve() if work else DEFAULT_WORK
        self.source = Path(source).resolve()
        self.is_default = self.work == DEFAULT_WORK

    # ---- places ---------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.work / "gradebook.db"

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.db_path}"

    @property
    def reports(self) -> Path:
        return self.work / "reports"

    def step(self, name: str) -> Path:
        return self.work / name

    def submitted(self, learner: str, assignment: str) -> Path:
        return self.work / "submitted" / learner / assignment

    def autograded(self, learner: str, assignment: str) -> Path:
        return self.work / "autograded" / learner / assignment

    def feedback(self, learner: str, assignment: str) -> Path:
        return self.work / "feedback" / learner / assignment

    def assignment_source(self, assignment: str) -> Path:
        return self.source / assignment

    # ---- nbgrader ---------------------------------------------------------------------------
    def config(self, db_url: str | None = None) -> Config:
        """The course configuration, pointed at this folder (and at a gradebook)."""
        config = course_config()
        config.CourseDirectory.root = str(self.work)
        config.CourseDirectory.source_directory = str(self.source)
        config.CourseDirectory.release_directory = str(self.work / "release")
        config.CourseDirectory.submitted_directory = str(self.work / "submitted")
        config.CourseDirectory.autograded_directory = str(self.work / "autograded")
        config.CourseDirectory.feedback_directory = str(self.work / "feedback")
        config.CourseDirectory.db_url = db_url or self.db_url
        return config

    def coursedir(self, config: Config) -> CourseDirectory:
        return CourseDirectory(config=config)

    def create(self) -> None:
        """Make the folders, and the nbgrader_config.py of a folder given with --out."""
        for name in ("submitted", "autograded", "feedback", "reports"):
            self.step(name).mkdir(parents=True, exist_ok=True)
        if not self.is_default:
            (self.work / "nbgrader_config.py").write_text(
                '"""nbgrader configuration of this cohort\'s course folder (made by '
                'civicai-grade)."""\n'
                "c = get_config()  # noqa: F821\n"
                f"load_subconfig({str(COURSE_CONFIG)!r})  # noqa: F821\n"
                f"c.CourseDirectory.root = {str(self.work)!r}\n"
                f"c.CourseDirectory.source_directory = {str(self.source)!r}\n"
                "c.CourseDirectory.release_directory = 'release'\n"
                "c.CourseDirectory.submitted_directory = 'submitted'\n"
                "c.CourseDirectory.autograded_directory = 'autograded'\n"
                "c.CourseDirectory.feedback_directory = 'feedback'\n"
                f"c.CourseDirectory.db_url = {self.db_url!r}\n", encoding="utf-8")

    def notebooks(self, assignment: str) -> list[str]:
        """Names (without .ipynb) of the assignment's graded notebooks."""
        return sorted(path.stem for path in self.assignment_source(assignment).glob("*.ipynb"))

    def register(self, assignment: str, db_url: str | None = None) -> None:
        """Put the assignment's notebooks and cells into a gradebook (nbgrader's own way).

        nbgrader generate_assignment does this while it writes a learner version; the
        learner version goes to a scratch folder here, so course/ is never touched.
        """
        config = self.config(db_url)
        with tempfile.TemporaryDirectory(prefix="civicai-release-") as scratch:
            config.CourseDirectory.release_directory = scratch
            coursedir = self.coursedir(config)
            coursedir.assignment_id = assignment
            converter = GenerateAssignment(coursedir=coursedir, config=config)
            converter.force = True
            converter.start()

    def source_fingerprint(self, assignment: str) -> str:
        import hashlib

        digest = hashlib.sha256()
        for path in sorted(self.assignment_source(assignment).rglob("*")):
            if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                digest.update(str(path.relative_to(self.source)).encode() + path.read_bytes())
        return digest.hexdigest()

    def register_if_changed(self, assignment: str) -> bool:
        """Register the assignment unless the gradebook has this very version; True if it did."""
        stamp = self.reports / f".{assignment}-registered"
        fingerprint = self.source_fingerprint(assignment)
        if self.has_assignment(assignment) and stamp.exists() and \
                stamp.read_text() == fingerprint:
            return False
        self.register(assignment)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(fingerprint)
        return True

    def template(self, path: Path) -> Path:
        """A copy of the gradebook, with the assignment registered: each worker grades one
        learner into a copy of it (SQLite takes one writer at a time; copies take many)."""
        shutil.copyfile(self.db_path, path)
        return path

    def has_assignment(self, assignment: str) -> bool:
        if not self.db_path.exists():
            return False
        with Gradebook(self.db_url) as gradebook:
            try:
                gradebook.find_assignment(assignment)
            except MissingEntry:
                return False
        return True


class _SchemaCheck:
    """Stands in for the jsonschema module inside nbgrader's cell-metadata checks.

    nbgrader checks each cell's metadata with `jsonschema.validate(metadata, schema)`,
    which also checks the (constant) schema itself every time: a third of the
    grader's time per learner. This gives the same answer and the same errors,
    with one validator per schema.
    """

    def __init__(self):
        import jsonschema

        self.jsonschema, self.validators = jsonschema, {}

    def validate(self, instance, schema):
        key = id(schema)
        if key not in self.validators or self.validators[key][0] is not schema:
            cls = self.jsonschema.validators.validator_for(schema)
            self.validators[key] = (schema, cls(schema))
        error = self.jsonschema.exceptions.best_match(self.validators[key][1].iter_errors(instance))
        if error is not None:
            raise error


def alembic_head() -> str:
    """The latest revision of nbgrader's gradebook migrations, which nbgrader stamps on a
    new gradebook. nbgrader asks a new Python for it (`alembic heads`: 5 s here, on every
    new course folder); alembic's own API gives the same answer in this one (4 ms)."""
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory
    from nbgrader.dbutil import ALEMBIC_DIR

    config = AlembicConfig()
    config.set_main_option("script_location", ALEMBIC_DIR)
    (head,) = ScriptDirectory.from_config(config).get_heads()
    return head


def quiet_nbgrader() -> None:
    """Settings for running nbgrader many times in one process.

    nbgrader's gradebook code triggers harmless SQLAlchemy warnings on every
    submission; nbformat checks notebooks with the fast validator (already
    installed) instead of the slow default; nbgrader's metadata checks reuse
    their validator (see _SchemaCheck); and a new gradebook learns its revision
    without starting a program (see alembic_head). The checks themselves are unchanged.
    """
    import warnings

    from nbgrader import api
    from nbgrader.nbgraderformat import common
    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", category=SAWarning)
    os.environ.setdefault("NBFORMAT_VALIDATOR", "fastjsonschema")
    if not isinstance(common.jsonschema, _SchemaCheck):
        common.jsonschema = _SchemaCheck()
    api.get_alembic_version = alembic_head


def copy_database(template: Path, target: Path) -> str:
    """A private copy of a gradebook, for one learner; returns its URL."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    os.chmod(target, 0o600)
    return f"sqlite:///{target}"
