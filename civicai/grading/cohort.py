"""The whole cycle for one assignment: collect, autograde in parallel, feedback, export, report.

    collect   intake.collect: one submission per learner, from an LMS folder or zip
    place     copy each learner's notebooks into nbgrader's submitted/ folder
    grade     workers (pool.py) run nbgrader's autograde and feedback in sandboxes
    merge     the coordinator copies each learner's grades into the gradebook (merge.py)
    export    grades CSV from the gradebook (export.py)
    report    the cohort report (report.py)

A learner whose notebooks have not changed since they were last graded is not
graded again (so an instructor's manual grades stay), unless `force` is set;
a changed submission replaces that learner's result and nobody else's.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from nbgrader.api import Gradebook

from civicai.grading import export, intake, merge, report, sandbox
from civicai.grading.coursefolder import CourseFolder
from civicai.grading.pool import Pool
from civicai.grading.worker import WorkerSetup

#: Learner-facing words for what went wrong, when a whole notebook could not be graded.
NOT_GRADED = "Your notebook could not be graded: {why}. Your instructor has been told."


class GradingError(RuntimeError):
    """The cohort cannot be graded at all; the message says why and what to do."""


@dataclass
class Options:
    assignment: str
    submissions: Path | None = None
    work: Path | None = None
    workers: int = 0              # 0: choose for this machine
    sandboxed: bool = True
    force: bool = False
    progress: bool = True
    limits: sandbox.Limits = field(default_factory=sandbox.Limits)
    feedback: bool = True         # False: grades only (the benchmark times autograding alone)
    keep_scratch: bool = False
    nested: bool = True           # False: a new sandbox per learner, as where Linux allows no
                                  # namespaces inside one (tests both ways)


def default_workers() -> int:
    """One worker per core (at least 2, at most 8). Kernels hardly wait any more (each is
    forked ready from its worker's zygote), so more workers than cores only compete for
    them: on 2 cores, 3 workers graded 30 learners 4.5x faster than plain nbgrader
    (whole cycle 3.4x), 2 workers 4.7x (4.1x)."""
    return max(2, min(8, os.cpu_count() or 2))


def results_path(course: CourseFolder, assignment: str) -> Path:
    return course.reports / f"{assignment}-results.json"


def load_results(course: CourseFolder, assignment: str) -> dict:
    path = results_path(course, assignment)
    if not path.exists():
        return {"learners": {}, "unassigned": []}
    return json.loads(path.read_text(encoding="utf-8"))


def save_results(course: CourseFolder, assignment: str, results: dict) -> None:
    path = results_path(course, assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str),
                         encoding="utf-8")
    temporary.replace(path)


def place(course: CourseFolder, assignment: str, submission: intake.Submission) -> None:
    """The learner's notebooks, as nbgrader's submitted/<learner>/<assignment>/ (replaced)."""
    folder = course.submitted(submission.learner, assignment)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, path in submission.notebooks.items():
        shutil.copyfile(path, folder / f"{name}.ipynb")
    if submission.timestamp:
        (folder / "timestamp.txt").write_text(
            submission.timestamp.strftime("%Y-%m-%d %H:%M:%S.%f %Z"), encoding="utf-8")


def record_of(submission: intake.Submission, result: dict | None) -> dict:
    """What the report and the CSV need about one learner, besides the gradebook's scores."""
    record = {"learner": submission.learner, "name": submission.name,
              "lms_id": submission.learner if submission.layout in ("Moodle", "Canvas") else "",
              "layout": submission.layout, "fingerprint": submission.fingerprint,
              "graded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "notes": list(submission.notes), "review": [], "checks": {}, "seconds": 0.0,
              "status": "graded", "error": "", "feedback": "", "isolated": None}
    if result is None:
        record.update(status="not graded", error="no notebook of the assignment could be read")
        return record
    record["feedback"] = result.get("feedback", "")
    if result.get("status") != "graded":
        record.update(status="not graded", error=result.get("error", ""))
        record["review"].append(f"could not be graded: {result.get('error', '')}")
    record["notes"] += result.get("warnings", [])
    for name, changes in result.get("changes", {}).items():
        # changing the instructor's cells is undone before grading, but is worth a word
        record["review"] += [f"{name}: {note}" for note in changes.get("edits", [])]
        record["review"] += [f"{name}: {note}" for note in changes.get("suspicious", [])]
    for name, info in result.get("notebooks", {}).items():
        record["seconds"] += info.get("seconds", 0.0)
        record["isolated"] = info.get("isolated")
        record["notes"] += [f"{name}: {note}" for note in info.get("restored", [])]
        verdicts = info.get("verdicts", {})
        record["checks"][name] = verdicts
        for grade_id, verdict in verdicts.items():
            if verdict.get("detail"):  # data that could not be read: a bug, or code that broke it
                record["review"].append(f"{name}, check {grade_id}: {verdict['detail']}")
        if info.get("stopped"):
            record["notes"].append(f"{name}: stopped early: {info['stopped']}")
            record["review"].append(f"{name}: stopped early: {info['stopped']}"
                                    + (f" ({info['unreadable']})" if info.get("unreadable") else ""))
        if info.get("outputs_dropped"):
            record["notes"].append(f"{name}: output was too long and was cut")
        if info.get("background_processes"):
            record["review"].append(f"{name}: left processes running: "
                                    + "; ".join(info["background_processes"][:3]))
    record["review"] = list(dict.fromkeys(record["review"]))
    return record


def grade(options: Options, echo=print) -> dict:
    """Run the whole cycle; returns the results (also saved as reports/<a>-results.json)."""
    started = time.perf_counter()
    course = CourseFolder(options.work)
    assignment = options.assignment
    if not course.assignment_source(assignment).is_dir():
        known = sorted(path.name for path in course.source.iterdir() if path.is_dir())
        raise GradingError(f"There is no assignment {assignment!r} in {course.source}. "
                           f"Known assignments: {', '.join(known) or 'none'}.")
    if options.sandboxed:
        try:
            sandbox.check_available()
        except sandbox.SandboxUnavailable as error:
            raise GradingError(str(error)) from None
    course.create()
    wanted = course.notebooks(assignment)
    scratch = Path(tempfile.mkdtemp(prefix="civicai-grade-"))
    os.chmod(scratch, 0o711)
    try:
        submissions, unassigned = intake.collect(options.submissions, assignment, wanted,
                                                 scratch=scratch / "intake")
        echo(f"Found {len(submissions)} learners' submissions in {options.submissions}.")
        course.register_if_changed(assignment)
        results = load_results(course, assignment)
        previous = results.get("learners", {})
        to_grade = [submission for submission in submissions if options.force
                    or previous.get(submission.learner, {}).get("fingerprint")
                    != submission.fingerprint
                    or previous.get(submission.learner, {}).get("status") != "graded"]
        skipped = len(submissions) - len(to_grade)
        if skipped:
            echo(f"{skipped} submissions have not changed since they were graded: kept as they "
                 "are (use --force to grade them again).")
        for submission in to_grade:
            place(course, assignment, submission)
        gradable = [s for s in to_grade if s.notebooks]
        records = dict(previous)
        by_learner = {submission.learner: submission for submission in to_grade}
        with Gradebook(course.db_url) as gradebook:
            for submission in to_grade:
                merge.record_learner(gradebook, submission.learner, submission.name,
                                     submission.learner if submission.layout in ("Moodle", "Canvas")
                                     else "")
                merge.remove(gradebook, assignment, submission.learner)
                if not submission.notebooks:
                    merge.record_ungraded(gradebook, assignment, submission.learner)
                    records[submission.learner] = record_of(submission, None)
            if gradable:
                template = course.template(scratch / "template.db")
                size = min(options.workers or default_workers(), len(gradable))
                hidden = [course.work, Path(options.submissions).resolve(), scratch]
                progress = _progress(len(gradable), options.progress)

                def setup(index: int) -> WorkerSetup:
                    return WorkerSetup(work=str(course.work), source=str(course.source),
                                       assignment=assignment, template=str(template),
                                       run_folder=str(scratch), index=index,
                                       sandboxed=options.sandboxed, limits=options.limits,
                                       imports=exercise_imports(course, assignment),
                                       hidden=sandbox.hidden_roots(hidden),
                                       feedback=options.feedback, nested=options.nested)

                def on_result(result: dict) -> None:
                    learner = result["learner"]
                    record = record_of(by_learner[learner], result)
                    if result.get("status") == "graded":
                        merge.copy_submission(result["database"], gradebook, assignment, learner,
                                              flag=bool(record["review"]))
                    else:
                        merge.record_ungraded(gradebook, assignment, learner)
                    if result.get("database"):  # the worker's throwaway copy: merged, done
                        Path(result["database"].removeprefix("sqlite:///")).unlink(missing_ok=True)
                    records[learner] = record
                    progress.update(1)

                pool = Pool(setup, size, task_seconds=options.limits.notebook_seconds * 2 + 120)
                try:
                    pool.run([s.learner for s in gradable], on_result)
                except Exception as error:
                    raise GradingError(f"Grading could not run: {error}") from None
                finally:
                    progress.close()
        results = {"assignment": assignment, "learners": records,
                   "unassigned": [{"shown": item.shown, "reason": item.reason}
                                  for item in unassigned],
                   "graded_now": sorted(submission.learner for submission in to_grade),
                   "graded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   "sandboxed": options.sandboxed,
                   "seconds": round(time.perf_counter() - started, 1)}
        save_results(course, assignment, results)
        if options.feedback:
            publish(course, assignment, results)
        return results
    finally:
        if not options.keep_scratch:
            shutil.rmtree(scratch, ignore_errors=True)


def exercise_imports(course: CourseFolder, assignment: str) -> list[str]:
    """Modules the exercise's own cells import: the zygote loads them once for all kernels."""
    import ast

    import nbformat

    modules = set()
    for path in course.assignment_source(assignment).glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    modules.add(node.module)
    return sorted(modules)


def remake_feedback(course: CourseFolder, assignment: str, results: dict | None = None) -> int:
    """Feedback pages again, from the gradebook: after manual grading they show the new scores.

    No learner code runs: nbgrader's feedback converter only reads the autograded
    notebooks and the gradebook, so this needs no sandbox. Returns the pages made.
    """
    from civicai.grading.feedback import LeakFreeFeedback

    results = results or load_results(course, assignment)
    config = course.config()
    config.BaseConverter.force = True
    made = 0
    for learner, record in sorted(results.get("learners", {}).items()):
        if record.get("status") != "graded":
            continue
        coursedir = course.coursedir(config)
        coursedir.assignment_id, coursedir.student_id = assignment, learner
        LeakFreeFeedback(coursedir=coursedir, config=config).start()
        made += 1
    return made


def publish(course: CourseFolder, assignment: str, results: dict | None = None) -> dict[str, Path]:
    """Write the grades CSV and the cohort report from the gradebook (and the results)."""
    results = results or load_results(course, assignment)
    rows = export.rows(course, assignment, results)
    csv_path = export.write_csv(rows, course.reports / f"{assignment}-grades.csv")
    html_path = report.write(course, assignment, rows, results,
                             course.reports / f"{assignment}-report.html")
    return {"csv": csv_path, "report": html_path}


class _Silent:
    def update(self, _count: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, show: bool):
    if not show:
        return _Silent()
    from tqdm import tqdm

    return tqdm(total=total, desc="Grading", unit="learner")
