"""Every generated notebook from its source, and whether the committed ones are current.

    sources/course/NN-topic/*.py     ->  course/NN-topic/*.ipynb      (lessons, sandboxes, start page)
    sources/exercises/NN-topic/*.py  ->  exercises/NN-topic/*.ipynb   (instructor sources)
    exercises/NN-topic/              ->  course/NN-topic/...          (learner versions, by nbgrader)

Generated files are committed, so Binder and learners never build anything.
`stale()` rebuilds everything in memory and lists what differs from the files
on disk; a test fails on any entry.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import nbformat

from civicai import REPO_ROOT
from civicai.authoring import release, sources

SOURCE_TREES = ("course", "exercises")


def _converted(root: Path, modules: tuple[str, ...] = ()) -> dict[Path, bytes]:
    outputs = {}
    for source in sorted((root / "sources").rglob("*.py")):
        relative = source.relative_to(root / "sources")
        if relative.parts[0] not in SOURCE_TREES or len(relative.parts) != 3:
            raise sources.SourceError(
                f"{source}: sources go in sources/course/NN-topic/ or sources/exercises/NN-topic/")
        if modules and relative.parts[1] not in modules:
            continue
        notebook = sources.convert(source, exercise=relative.parts[0] == "exercises")
        outputs[root / relative.with_suffix(".ipynb")] = (nbformat.writes(notebook) + "\n").encode()
    return outputs


def _released(root: Path, converted: dict[Path, bytes]) -> dict[Path, bytes]:
    """Learner versions of every exercise folder, from the freshly converted sources."""
    outputs = {}
    folders = sorted({path.parent for path in converted if path.parts[-3] == "exercises"})
    for folder in folders:
        with tempfile.TemporaryDirectory(prefix="civicai-source-") as scratch:
            staged = Path(scratch) / folder.name
            if folder.is_dir():  # non-notebook files of the source folder go along, as in nbgrader
                shutil.copytree(folder, staged, ignore=shutil.ignore_patterns(
                    "*.ipynb", ".ipynb_checkpoints", "__pycache__"))
            staged.mkdir(parents=True, exist_ok=True)
            for path, content in converted.items():
                if path.parent == folder:
                    (staged / path.name).write_bytes(content)
            for relative, content in release.generate(staged).items():
                outputs[root / "course" / folder.name / relative] = content
    return outputs


def planned(root: Path = REPO_ROOT, modules: tuple[str, ...] = ()) -> dict[Path, bytes]:
    """Every generated file (of the given module folders, or all) and its exact contents."""
    converted = _converted(root, modules)
    return {**converted, **_released(root, converted)}


def _notebooks_on_disk(root: Path) -> set[Path]:
    """Notebooks in course/ and exercises/: each must come from a build."""
    return {path for tree in SOURCE_TREES for path in (root / tree).rglob("*.ipynb")
            if ".ipynb_checkpoints" not in path.parts}


def stale(root: Path = REPO_ROOT, modules: tuple[str, ...] = ()) -> list[str]:
    """What a build would change: one line per file, empty when all is current.

    With `modules`, only those module folders are looked at (orphans included).
    """
    plan = planned(root, modules)
    problems = []
    for path, content in sorted(plan.items()):
        name = path.relative_to(root)
        if not path.exists():
            problems.append(f"missing: {name} (run `make notebooks`)")
        elif path.read_bytes() != content:
            problems.append(f"stale: {name} differs from its source (run `make notebooks`)")
    on_disk = {path for path in _notebooks_on_disk(root)
               if not modules or path.parent.name in modules}
    for path in sorted(on_disk - set(plan)):
        problems.append(f"orphan: {path.relative_to(root)} has no source in sources/")
    return problems


def build(root: Path = REPO_ROOT, modules: tuple[str, ...] = ()) -> list[Path]:
    """Write every generated file (of the given module folders, or all) that changed."""
    written = []
    for path, content in sorted(planned(root, modules).items()):
        if not path.exists() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            written.append(path)
    return written
