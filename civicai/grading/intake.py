"""From "what the LMS gave me" to one submission per learner.

An LMS download names files in its own way. This module accepts a folder or a
zip file and recognises, for every file, whose it is:

=========================  ===================================================  ==================
layout                     example                                              learner id
=========================  ===================================================  ==================
nbgrader (exchange/course)  submitted/<id>/<assignment>/practice.ipynb           <id>
nbgrader exchange inbound   inbound/<id>+<assignment>+<time>+<code>/practice.ipynb  <id>
Moodle (folders or files)   Siti Rahayu_123456_assignsubmission_file_/practice.ipynb  123456
                            Siti Rahayu_123456_assignsubmission_file_practice.ipynb   123456
Canvas                      rahayusiti_123456_7890123_practice.ipynb              123456
                            rahayusiti_LATE_123456_7890123_practice-1.ipynb       123456
Blackboard                  Practice_srahayu_attempt_2025-03-01-10-15-00_practice.ipynb  srahayu
one folder per learner      srahayu/practice.ipynb                                srahayu
one file per learner        srahayu.ipynb                                         srahayu
=========================  ===================================================  ==================

The learner id is the LMS's user number when the file name has one (Moodle's
participant id, Canvas's user id), otherwise the user name, folder or file
name. It keeps only letters, digits, dots, dashes and underscores (anything
else becomes a dash), because it names folders. The name the LMS shows
(Moodle, Canvas) is kept separately for the instructor's spreadsheet.

Nothing is lost because of a name: a learner whose notebook is named
differently still gets it graded when it is their only notebook (or the
closest name), every notebook that is not graded is listed with the reason,
and so is every file that belongs to nobody.
"""
from __future__ import annotations

import contextlib
import difflib
import errno
import hashlib
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

import nbformat

#: A notebook larger than this is not read (no course notebook comes near it).
MAX_NOTEBOOK_BYTES = 20 * 2**20
#: A zip may unpack to at most this much (a "zip bomb" stops here, with a message).
MAX_ZIP_BYTES = 2 * 2**30
MAX_ZIP_FILES = 20000
SKIPPED_PARTS = {"__MACOSX", ".ipynb_checkpoints", ".DS_Store", "Thumbs.db", "desktop.ini"}

MOODLE = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assignsubmission_(?:file|onlinetext)_(?P<rest>.*)$")
CANVAS = re.compile(r"^(?P<name>[a-z0-9-]+?)(?:_LATE)?_(?P<id>\d+)_(?P<sub>\d+)_(?P<rest>.+)$")
BLACKBOARD = re.compile(
    r"^(?P<assignment>.+?)_(?P<user>[^_]+)_attempt_\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}_?(?P<rest>.*)$")
INBOUND = re.compile(r"^(?P<id>[^+]+)\+(?P<assignment>[^+]+)\+(?P<time>[^+]+)(?:\+.*)?$")
#: nbgrader's folders around its learners' folders (a course folder, an exchange).
CONTAINERS = {"submitted", "autograded", "inbound"}


class IntakeError(ValueError):
    """The submissions cannot be read at all; the message says why, in plain words."""


@dataclass
class Found:
    """One file, and whose it is."""

    path: Path
    shown: str           # the file as the instructor knows it (relative to what they gave)
    learner: str         # raw learner key, before it is made safe ("" when unknown)
    name: str = ""       # the name an LMS shows
    original: str = ""   # the file's own name, without the LMS's prefix
    layout: str = ""


@dataclass
class Submission:
    """One learner's notebooks for one assignment, ready for nbgrader's submitted folder."""

    learner: str
    name: str = ""
    layout: str = ""
    notebooks: dict[str, Path] = field(default_factory=dict)  # assignment notebook -> file
    notes: list[str] = field(default_factory=list)    # what the instructor should know
    missing: list[str] = field(default_factory=list)  # assignment notebooks not found
    unreadable: dict[str, str] = field(default_factory=dict)  # notebook -> why
    timestamp: datetime | None = None
    fingerprint: str = ""


@dataclass
class Unassigned:
    """A file that is graded for nobody, and why."""

    shown: str
    reason: str
    where: Path | None = field(default=None, compare=False, repr=False)  # an unpacked place


def safe_id(raw: str) -> str:
    """A learner id that can name a folder: letters, digits, '.', '-', '_'."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", raw).strip("-.")[:64]
    if not cleaned:
        cleaned = "learner-" + hashlib.sha256(raw.encode()).hexdigest()[:8]
    return cleaned


def unpack(archive: Path, into: Path) -> tuple[Path, list[Unassigned]]:
    """Unpack a zip safely: no paths outside `into`, no links, a size limit.

    An entry that cannot be unpacked (encrypted, an unknown compression, a name too
    long, a file where a folder of the same name is, a broken date) is left out and
    listed with the reason; a second entry with the same name is kept under another
    name and listed too. Nothing in the zip stops the others from being graded.
    """
    skipped: list[Unassigned] = []
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = [info for info in bundle.infolist() if not info.is_dir()]
            if len(members) > MAX_ZIP_FILES or \
                    sum(info.file_size for info in members) > MAX_ZIP_BYTES:
                raise IntakeError(f"{archive.name} unpacks to more than "
                                  f"{MAX_ZIP_BYTES // 2**30} GB or {MAX_ZIP_FILES} files; "
                                  "unpack it yourself and give the folder instead.")
            written: set[str] = set()
            for info in members:
                parts = PurePosixPath(info.filename.replace("\\", "/")).parts
                is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
                if not parts or parts[0] == "/" or ".." in parts or is_link:
                    continue
                shown = "/".join(parts)
                if shown.casefold() in written:
                    stem, dot, suffix = parts[-1].rpartition(".")
                    parts = (*parts[:-1], f"{stem or suffix} (second copy in the zip)"
                             + (f".{suffix}" if stem else ""))
                    skipped.append(Unassigned(shown, "the zip holds two files of this name: "
                                              "the first is graded, the second was kept as "
                                              f"{parts[-1]}"))
                problem = _unpack_one(bundle, info, into, parts)
                if problem:
                    skipped.append(Unassigned(shown, f"it could not be unpacked: {problem}",
                                              where=into.joinpath(*parts)))
                else:
                    written.add("/".join(parts).casefold())
    except zipfile.BadZipFile:
        raise IntakeError(f"{archive.name} is not a zip file that can be opened. Download it "
                          "again from the LMS, or unpack it yourself and give the folder.")
    return into, skipped


def _unpack_one(bundle: zipfile.ZipFile, info: zipfile.ZipInfo, into: Path,
                parts: tuple[str, ...]) -> str:
    """Unpack one entry; '' when it worked, else why not (in words)."""
    target = into.joinpath(*parts)
    try:
        if info.flag_bits & 0x1:
            return "it is encrypted (protected by a password)"
        target.parent.mkdir(parents=True, exist_ok=True)
        with bundle.open(info) as source, open(target, "wb") as sink:
            shutil.copyfileobj(source, sink)
    except NotImplementedError:
        _remove(target)
        return "it is compressed in a way Python cannot read"
    except (FileExistsError, NotADirectoryError, IsADirectoryError):
        return "a file and a folder in the zip have the same name"
    except OSError as error:
        _remove(target)
        return ("its name is too long" if error.errno == errno.ENAMETOOLONG
                else f"the computer refused to write it ({error.strerror})")
    except (zipfile.BadZipFile, RuntimeError, ValueError, EOFError) as error:
        _remove(target)
        return f"it is damaged ({str(error)[:80]})"
    try:
        stamp = datetime(*info.date_time).timestamp()
        os.utime(target, (stamp, stamp))
    except (ValueError, OverflowError, OSError):
        pass  # a broken date (DOS date 0): the file keeps the time it was unpacked
    return ""


def _remove(path: Path) -> None:
    """Take away a half-written file (if there is one, and if its name can be used)."""
    with contextlib.suppress(OSError):
        if path.is_file():
            path.unlink()


def walk(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*")
                  if path.is_file() and not path.is_symlink()
                  and not any(part in SKIPPED_PARTS or part.startswith("._")
                              for part in path.relative_to(root).parts))


def identify(path: Path, root: Path, assignment: str, notebook_names: set[str]) -> Found:
    """Whose file is this, by the layouts in this module's table: the outermost folder or
    name that fits a layout decides, so nothing a learner puts inside their own folder
    (a folder named like someone else's, say) can make it somebody else's file."""
    relative = path.relative_to(root)
    parts = relative.parts
    shown = str(relative)
    first = 0  # nbgrader's own folders around the learners' are not learners
    while first < len(parts) - 1 and parts[first] in CONTAINERS:
        first += 1
    for position, part in enumerate(parts[:-1]):
        match = INBOUND.match(part)
        if match and match["assignment"] == assignment:
            return Found(path, shown, match["id"], original=path.name, layout="nbgrader exchange")
        match = MOODLE.match(part)
        if match:
            return Found(path, shown, match["id"], name=match["name"].strip(),
                         original=path.name, layout="Moodle")
        if position >= first and parts[position + 1] == assignment and position + 2 < len(parts):
            return Found(path, shown, part, original=path.name, layout="nbgrader")
        if position == first:
            return Found(path, shown, part, original=path.name, layout="one folder per learner")
    match = MOODLE.match(path.name)
    if match:
        return Found(path, shown, match["id"], name=match["name"].strip(),
                     original=match["rest"] or path.name, layout="Moodle")
    match = CANVAS.match(path.name)
    if match:
        return Found(path, shown, match["id"], name=match["name"], original=match["rest"],
                     layout="Canvas")
    match = BLACKBOARD.match(path.name)
    if match:
        return Found(path, shown, match["user"], original=match["rest"] or path.name,
                     layout="Blackboard")
    if len(parts) == 1 and path.suffix == ".ipynb" and path.stem not in notebook_names:
        return Found(path, shown, path.stem, original=path.name, layout="one file per learner")
    return Found(path, shown, "", original=path.name)


def learners_in(root: Path, assignment: str, notebook_names: set[str]) -> set[str]:
    return {identify(path, root, assignment, notebook_names).learner for path in walk(root)} - {""}


def unwrapped(root: Path, assignment: str, notebook_names: set[str]) -> Path:
    """The folder that holds the cohort, inside folders that only wrap it.

    Zipping a folder yourself, or keeping the assignment's folder around the
    files, puts one folder (or a chain of lone folders) around everything; read
    as "one folder per learner" it would make the whole cohort one learner. Of
    the chain of lone folders, the outermost in which the most learners are
    found holds the cohort.
    """
    chain = [root]
    while True:
        entries = [entry for entry in chain[-1].iterdir()
                   if entry.name not in SKIPPED_PARTS and not entry.name.startswith("._")]
        if len(entries) != 1 or not entries[0].is_dir() or entries[0].is_symlink():
            break
        chain.append(entries[0])
    counts = [len(learners_in(folder, assignment, notebook_names)) for folder in chain]
    return chain[counts.index(max(counts))]


def match_notebooks(found: list[Found], wanted: list[str]) -> tuple[dict[str, Found], list[Found]]:
    """Which of a learner's notebooks is which assignment notebook; and the rest."""
    notebooks = [item for item in found if item.original.lower().endswith(".ipynb")]
    chosen: dict[str, Found] = {}
    left = list(notebooks)
    for name in wanted:  # exact names first, then a name that only differs by a copy number
        for item in sorted(left, key=lambda item: -item.path.stat().st_mtime):
            stem = Path(item.original).stem
            if stem == name or re.sub(r"(?:[ _-]?\(?\d+\)?|[ _-]?copy\d*)$", "", stem) == name:
                chosen[name] = item
                left.remove(item)
                break
    for name in wanted:
        if name in chosen or not left:
            continue
        if len(wanted) == 1:  # the only notebook expected: the newest notebook is it
            item = max(left, key=lambda item: item.path.stat().st_mtime)
        else:
            stems = {Path(item.original).stem.lower(): item for item in left}
            close = difflib.get_close_matches(name.lower(), list(stems), n=1, cutoff=0.5)
            if not close:
                continue
            item = stems[close[0]]
        chosen[name] = item
        left.remove(item)
    return chosen, left + [item for item in found if item not in notebooks]


def learner_ids(by_learner: dict) -> dict[str, str]:
    """{raw id: safe id}; two raw ids that clean up the same both get a suffix made from
    their own raw id, so every learner keeps the same id whoever else is in the download."""
    cleaned: dict[str, list[str]] = {}
    for raw in by_learner:
        cleaned.setdefault(safe_id(raw), []).append(raw)
    ids = {}
    for learner, raws in cleaned.items():
        for raw in raws:
            ids[raw] = learner if len(raws) == 1 else \
                f"{learner}-{hashlib.sha256(raw.encode()).hexdigest()[:6]}"
    return ids


def empty_learner_folders(root: Path, assignment: str, notebook_names: set[str]) -> dict[str, str]:
    """{raw learner id: layout} of learners' folders that hold no file at all."""
    found = {}
    for folder in sorted(path for path in root.rglob("*") if path.is_dir()):
        if any(part in SKIPPED_PARTS or part.startswith("._")
               for part in folder.relative_to(root).parts):
            continue
        if any(entry.is_file() for entry in folder.rglob("*")):
            continue
        probe = identify(folder / "nothing", root, assignment, notebook_names)
        if probe.learner:
            found.setdefault(probe.learner, probe.layout)
    return found


def readable(path: Path) -> str:
    """'' when the file is a notebook nbgrader can read, else why not (plain words)."""
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        return f"the file is too large to be a course notebook ({size // 2**20} MB)"
    if size == 0:
        return "the file is empty"
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception:
        return "the file is damaged or is not a notebook (it could not be opened)"
    damaged = damaged_cells(notebook)
    if damaged:
        return (f"the file is damaged: cell {damaged[0]} is not a notebook cell any more "
                "(it could not be graded)")
    return ""


def damaged_cells(notebook) -> list[int]:
    """Numbers (from 1) of cells whose structure nbgrader cannot read."""
    damaged = []
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        return [1]
    for number, cell in enumerate(cells, start=1):
        source = cell.get("source") if isinstance(cell, dict) else None
        text = isinstance(source, str) or (isinstance(source, list)
                                           and all(isinstance(line, str) for line in source))
        kind = cell.get("cell_type") if isinstance(cell, dict) else None
        outputs = cell.get("outputs", []) if isinstance(cell, dict) else None
        if not text or kind not in ("code", "markdown", "raw") or not isinstance(outputs, list) \
                or not isinstance(cell.get("metadata", {}), dict):
            damaged.append(number)
    return damaged


def collect(given: Path, assignment: str, wanted: list[str],
            scratch: Path | None = None) -> tuple[list[Submission], list[Unassigned]]:
    """Every learner's submission in a folder or zip file, and the files that are nobody's."""
    given = Path(given)
    if not given.exists():
        raise IntakeError(f"There is no file or folder {given}.")
    if given.is_file():
        if given.suffix.lower() != ".zip":
            raise IntakeError(f"{given.name} is neither a folder nor a .zip file.")
        scratch = Path(scratch or tempfile.mkdtemp(prefix="civicai-intake-"))
        root, skipped = unpack(given, scratch)
    else:
        root, skipped = given, []
    names = set(wanted)
    root = unwrapped(root, assignment, names)
    files = walk(root)
    empty = empty_learner_folders(root, assignment, names)
    if not files and not empty:
        raise IntakeError(f"{given} contains no files.")
    by_learner: dict[str, list[Found]] = {raw: [] for raw in empty}
    unassigned: list[Unassigned] = list(skipped)
    left_out: dict[str, list[str]] = {}  # learner -> files of theirs that could not be unpacked
    for item in skipped:
        if item.where is not None and item.where.is_relative_to(root):
            owner = identify(item.where, root, assignment, names)
            if owner.learner:
                by_learner.setdefault(owner.learner, [])
                empty.setdefault(owner.learner, owner.layout)
                left_out.setdefault(owner.learner, []).append(
                    f"{Path(item.shown).name[:80]}: {item.reason}")
    for path in files:
        found = identify(path, root, assignment, names)
        if not found.learner:
            unassigned.append(Unassigned(found.shown, "it is not in a learner's folder and its "
                                         "name does not say whose it is"))
            continue
        by_learner.setdefault(found.learner, []).append(found)

    submissions = []
    ids = learner_ids(by_learner)
    for raw in sorted(by_learner):
        items = by_learner[raw]
        learner = ids[raw]
        submission = Submission(learner=learner, name=next((i.name for i in items if i.name), ""),
                                layout=items[0].layout if items else empty[raw])
        submission.notes += left_out.get(raw, [])
        if not items and raw not in left_out:
            submission.notes.append("the folder is empty: nothing was submitted")
        chosen, rest = match_notebooks(items, wanted)
        for name in wanted:
            item = chosen.get(name)
            if item is None:
                submission.missing.append(name)
                submission.notes.append(f"{name}.ipynb was not in the submission")
                continue
            if Path(item.original).stem != name and item.layout != "one file per learner":
                submission.notes.append(f"{item.original} was graded as {name}.ipynb")
            problem = readable(item.path)
            if problem:
                submission.unreadable[name] = problem
                submission.notes.append(f"{item.original}: {problem}")
            else:
                submission.notebooks[name] = item.path
        for item in rest:
            why = ("another notebook, not part of this assignment" if item.path.suffix == ".ipynb"
                   else "not a notebook")
            unassigned.append(Unassigned(item.shown, f"{why} (learner {learner})"))
            submission.notes.append(f"{item.original} was not graded: {why}")
        times = [item.path.stat().st_mtime for item in chosen.values()]
        if times:
            submission.timestamp = datetime.fromtimestamp(max(times), tz=timezone.utc)
        digest = hashlib.sha256()
        for name in sorted(submission.notebooks):
            digest.update(name.encode() + b"\0" + submission.notebooks[name].read_bytes())
        for name in sorted(submission.unreadable):
            digest.update(name.encode() + b"\0unreadable")
        submission.fingerprint = digest.hexdigest()
        submissions.append(submission)
    if not submissions:
        raise IntakeError(f"No learner's notebook was found in {given}. The accepted layouts "
                          "are listed in autograder/README.md.")
    return submissions, unassigned
