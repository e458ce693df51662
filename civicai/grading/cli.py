"""civicai-grade: grade a cohort's notebooks for one assignment, in one command.

    civicai-grade 00-start-here ~/Downloads/moodle-submissions.zip
    civicai-grade 00-start-here submissions/ --out ~/cohorts/2025-jakarta
    civicai-grade 00-start-here --export          # CSV and report again, after manual grading

See autograder/README.md for the whole guide.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from civicai.grading import cohort, intake, sandbox
from civicai.grading.coursefolder import CourseFolder, quiet_nbgrader


def at_least(smallest: int):
    """An argparse type: a whole number no smaller than `smallest`, or a plain message."""
    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < smallest:
            raise argparse.ArgumentTypeError(f"it must be {smallest} or more, not {value}")
        return value
    return whole_number


def parser() -> argparse.ArgumentParser:
    defaults = sandbox.Limits()
    arguments = argparse.ArgumentParser(
        prog="civicai-grade", description="Grade a cohort's notebooks for one assignment: "
        "collect, autograde (in parallel, in a sandbox), feedback, grades CSV and report.",
        epilog="Guide: autograder/README.md. Results go to autograder/work/ unless --out.")
    arguments.add_argument("assignment", help="the module folder of the exercise, e.g. 00-start-here")
    arguments.add_argument("submissions", nargs="?", type=Path,
                           help="a folder or .zip of learners' notebooks (as the LMS gives them)")
    arguments.add_argument("--out", type=Path, default=None,
                           help="course folder for this cohort (default: autograder/work, the one "
                                "the formgrader in instructor mode opens)")
    arguments.add_argument("--workers", type=at_least(0), default=0,
                           help=f"notebooks graded at once (default: {cohort.default_workers()} "
                                "on this computer)")
    arguments.add_argument("--force", action="store_true",
                           help="grade again learners whose notebooks have not changed "
                                "(this replaces their manual grades too)")
    arguments.add_argument("--export", action="store_true",
                           help="grade nothing: write the CSV, the report and the feedback pages "
                                "again from the gradebook (after manual grading)")
    arguments.add_argument("--no-sandbox", action="store_true",
                           help="run learner code WITHOUT the sandbox: only for submissions you "
                                "trust completely")
    arguments.add_argument("--cell-timeout", type=at_least(1), default=defaults.cell_seconds,
                           help=f"seconds a cell may run (default {defaults.cell_seconds})")
    arguments.add_argument("--notebook-timeout", type=at_least(1), default=defaults.notebook_seconds,
                           help=f"seconds a whole notebook may run (default "
                                f"{defaults.notebook_seconds})")
    arguments.add_argument("--memory-mb", type=at_least(1), default=defaults.memory_bytes // 2**20,
                           help="memory a notebook may use beyond its start, in MB "
                                f"(default {defaults.memory_bytes // 2**20})")
    arguments.add_argument("--quiet", action="store_true", help="no progress bar")
    return arguments


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    quiet_nbgrader()
    # nbgrader creates gradebooks with the `alembic` command found on PATH
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    course = CourseFolder(options.out)
    if options.export:
        results = cohort.load_results(course, options.assignment)
        if not results["learners"]:
            print(f"Nothing to export: {course.work} has no graded learners for "
                  f"{options.assignment!r}. Check the assignment name and --out.",
                  file=sys.stderr)
            return 1
        paths = cohort.publish(course, options.assignment, results)
        pages = cohort.remake_feedback(course, options.assignment, results)
        print(f"Grades:   {paths['csv']}\nReport:   {paths['report']}\n"
              f"Feedback: {pages} pages made again with the latest grades, in "
              f"{course.work / 'feedback'}/")
        return 0
    if options.submissions is None:
        print("Give the folder or zip file of the learners' notebooks (or --export).",
              file=sys.stderr)
        return 2
    if options.no_sandbox:
        print("WARNING: --no-sandbox: learner code runs with your rights, with no protection "
              "of your files or network. Use it only for submissions you trust.", file=sys.stderr)
    limits = sandbox.Limits(cell_seconds=options.cell_timeout,
                            notebook_seconds=options.notebook_timeout,
                            cpu_seconds=max(options.notebook_timeout + 60,
                                            sandbox.Limits().cpu_seconds),
                            memory_bytes=options.memory_mb * 2**20)
    try:
        results = cohort.grade(cohort.Options(
            assignment=options.assignment, submissions=options.submissions, work=options.out,
            workers=options.workers, sandboxed=not options.no_sandbox, force=options.force,
            progress=not options.quiet, limits=limits))
    except (cohort.GradingError, intake.IntakeError) as error:
        print(f"Nothing was graded: {error}", file=sys.stderr)
        return 1
    learners = results["learners"].values()
    review = sum(bool(record.get("review")) for record in learners)
    reports = course.reports
    kept = len(results["learners"]) - len(results["graded_now"])
    print(f"Graded {options.assignment} for {len(results['graded_now'])} learners "
          f"in {results['seconds']:.0f} s" + (f" ({kept} more kept as they were)" if kept else "")
          + f"; {review} of {len(results['learners'])} flagged for review.")
    print(f"Grades:   {reports / (options.assignment + '-grades.csv')}")
    print(f"Report:   {reports / (options.assignment + '-report.html')}")
    print(f"Feedback: {course.work / 'feedback'}/<learner>/{options.assignment}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
