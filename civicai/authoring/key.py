"""The answer key and the fingerprints, derived from the one place each answer is stated.

An exercise's answers are stated once, in its instructor source: the reference
solution, and in each check cell's hidden part the hidden inputs of a function
question and the values of the known slips it names. The reference run executes
that notebook in a fresh kernel, and where each check cell stands it hands over
the reference's answer as data (`civicai.grading.capture.reference`), exactly as
a learner's notebook does when it is graded. From those records:

- the answer key (`autograder/keys/NN-topic.json`, for the grader): each
  question's expected value and slips, or the reference function's results on
  the hidden inputs;
- the fingerprints (`civicai/checks/fingerprints/NN-topic.json`, for learners):
  each question's targets in canonical form, salted and hashed.

Before anything is written, every question is judged on the reference's own
answer, both ways (by fingerprint and by the key): the build stops if the
reference would not get a ✅ or full marks.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from civicai import REPO_ROOT, checks
from civicai.checks import answers
from civicai.checks.answers import Match, fingerprint
from civicai.checks.outcome import CheckFailed
from civicai.checks.values import decode
from civicai.grading.execute import Capturing, is_check, split_hidden

EXERCISES = REPO_ROOT / "exercises"
_CAPTURE = '__import__("civicai.grading.capture", fromlist=["capture"])'


class KeyBuildError(RuntimeError):
    """The reference run failed or the reference does not pass its own checks; says where."""


class ReferenceRun(Capturing, NotebookClient):
    """Run an instructor notebook; at each check cell, hand over the reference's answer."""

    def __init__(self, nb, assignment: str, **kwargs):
        super().__init__(nb, timeout=300, allow_errors=True, kernel_name="python3", **kwargs)
        self.assignment = assignment
        self.records: dict[str, dict] = {}
        self.problems: list[str] = []

    async def async_execute_cell(self, cell, cell_index, execution_count=None,
                                 store_history=True):
        if self._payloads is not None or not is_check(cell):
            executed = await super().async_execute_cell(cell, cell_index, execution_count,
                                                        store_history)
            if self._payloads is None:
                for output in executed.get("outputs", []):
                    if output.get("output_type") == "error":
                        self.problems.append(f"cell {cell_index + 1}: {output.get('ename')}: "
                                             f"{str(output.get('evalue'))[:200]}")
            return executed
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        qid = f"{self.assignment}/{grade_id}"
        declaration = split_hidden(cell.source)[1]
        for payload in await self.async_capture(
                f"{_CAPTURE}.reference({qid!r}, {declaration!r})", cell_index):
            self.records[payload["qid"]] = payload
        if qid not in self.records:
            self.problems.append(f"check {grade_id}: the reference run handed nothing over")
        return cell


def source_digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def reference_records(assignment: str) -> dict[str, dict]:
    """{grade_id: payload} of the reference run of one exercise; raises on any failure."""
    records: dict[str, dict] = {}
    for path in sorted((EXERCISES / assignment).glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        run = ReferenceRun(notebook, assignment, resources={"metadata": {"path": str(path.parent)}})
        run.execute()
        if run.problems:
            raise KeyBuildError(f"{path.relative_to(REPO_ROOT)}: " + "; ".join(run.problems))
        records.update({qid.split("/", 1)[1]: payload for qid, payload in run.records.items()})
    return records


def derive(assignment: str, records: dict[str, dict]) -> tuple[dict, dict]:
    """(answer key, fingerprints) from the reference run's records, each checked both ways."""
    questions = checks.questions_of(assignment)
    missing = sorted(set(questions) - set(records))
    if missing:
        raise KeyBuildError(f"{assignment}: the instructor source has no check cell for {missing}")
    entries, prints = {}, {}
    for grade_id, payload in sorted(records.items()):
        question = questions.get(grade_id)
        if question is None:
            raise KeyBuildError(f"{assignment}: check {grade_id} has no question in "
                            f"{checks.EXERCISES[assignment]}")
        record = payload["record"]
        if record.get("state") == "function":
            keep = getattr(question, "keeps_reference", True)
            entry = {"hidden": record.get("hidden", []) if keep else []}
        else:
            entry = {"value": record.get("value")}
            if payload.get("slips"):
                entry["slips"] = payload["slips"]
        targets = question.targets(entry)
        stored = {name: fingerprint(question.qid, name, form) for name, form in targets.items()}
        try:
            slips = question.slip_messages(entry)
        except CheckFailed as failure:
            raise KeyBuildError(f"{assignment} {grade_id}: a slip is not an answer of the right "
                                f"kind: {failure.message}") from None
        if targets.get("answer") in slips:
            raise KeyBuildError(f"{assignment} {grade_id}: a slip has the answer's own value")
        if slips:
            stored["slips"] = {fingerprint(question.qid, "slip", form): message
                               for form, message in sorted(slips.items())}
        try:
            if record.get("state") == "function":
                question.judge_record(record, entry)
            else:
                for match in (question.key_match(entry), Match(question.qid, fingerprints=stored)):
                    question.judge(decode(record["value"]), match)
        except CheckFailed as failure:
            raise KeyBuildError(f"{assignment} {grade_id}: the reference solution fails its own "
                                f"check: {failure.message}") from None
        entries[grade_id], prints[grade_id] = entry, stored
    return entries, prints


def files(assignment: str, records: dict[str, dict] | None = None) -> dict[Path, str]:
    """{path: text} of the key and the fingerprints of one exercise."""
    sources = sorted((EXERCISES / assignment).glob("*.ipynb"))
    entries, prints = derive(assignment, records if records is not None
                             else reference_records(assignment))
    digest = source_digest(sources)
    key_text = json.dumps({"assignment": assignment, "source": digest, "questions": entries},
                          indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    prints_text = json.dumps({"assignment": assignment, "source": digest, "questions": prints},
                             indent=1, sort_keys=True) + "\n"
    return {answers.key_path(assignment): key_text,
            answers.FINGERPRINTS / f"{assignment}.json": prints_text}


def current(assignment: str) -> bool:
    """True when the key was made from the instructor source as it is now (a quick test:
    the reference run itself tells whether data or tools changed the answers)."""
    path = answers.key_path(assignment)
    if not path.exists():
        return False
    stamp = json.loads(path.read_text(encoding="utf-8")).get("source")
    return stamp == source_digest(sorted((EXERCISES / assignment).glob("*.ipynb")))


def write(assignment: str) -> list[Path]:
    """Make the key and the fingerprints of one exercise; the files that changed."""
    written = []
    for path, text in files(assignment).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    answers.fingerprints.cache_clear()
    return written


def exercises() -> list[str]:
    return sorted(assignment for assignment in checks.EXERCISES
                  if (EXERCISES / assignment).is_dir())
