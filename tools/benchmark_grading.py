"""Benchmark: the cohort grader against plain sequential nbgrader, on the same cohort.

    python tools/benchmark_grading.py                      light notebooks, then the modules
    python tools/benchmark_grading.py --learners 30 --workers 2 3 4
    python tools/benchmark_grading.py --only light          (or --only modules)
    python tools/benchmark_grading.py --sandbox-per-learner  (also without the kernel factory)

For each set of notebooks it makes a cohort of honest submissions (the reference
solution, its honest variants and the plausible mistakes of tests/grading_cases,
in turn), grades it
with plain `nbgrader autograde` (one notebook at a time, civicai.grading.plain)
and with `civicai-grade` (in its sandbox), checks that every learner got the
same scores from both, and prints wall time, CPU time (the whole machine's busy
time, all cores) and the throughput ratio (plain wall time / ours), for the autograde
stage alone and for the whole cycle (plain: autograde, generate_feedback,
export; ours: the whole command, with its report and leak-free feedback).

"Light" notebooks are the start-here practice (three checks); "modules" are
the course's module exercises (exercises/01-*/ to exercises/06-*/) that exist.
Targets: at least 4x on light notebooks, 1.8x on the module exercises, on 2
cores. Run it on an otherwise quiet machine: other work running at the same
time changes the figures.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from civicai.authoring import submissions  # noqa: E402
from civicai.grading import cohort, export, plain, sandbox  # noqa: E402
from civicai.grading.coursefolder import CourseFolder, quiet_nbgrader  # noqa: E402


def cpu_seconds() -> float:
    """CPU time the whole machine has been busy (all cores, from /proc/stat).

    Not this process's rusage: the grader's kernels run in sandboxes (own pid
    namespaces, reaped by bubblewrap), whose CPU time does not reach it. On a quiet
    machine the busy time is what the grading used.
    """
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


class Timer:
    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()
        return self

    def __exit__(self, *_):
        self.wall, self.cpu = time.perf_counter() - self.wall, cpu_seconds() - self.cpu


def make_cohort(assignment: str, learners: int, folder: Path) -> dict[str, dict[str, Path]]:
    """{learner: {notebook file: path}}: the reference answers, each honest variant and each
    mistake, in turn."""
    cohort_map = {}
    for source_path in sorted((ROOT / "exercises" / assignment).glob("*.ipynb")):
        source = nbformat.read(source_path, as_version=4)
        learner_version = nbformat.read(ROOT / "course" / assignment / source_path.name,
                                        as_version=4)
        variants = [{}] + submissions.honest_variants(assignment) + [
            {"answers": case[0]} for case in submissions.plausible_mistakes(assignment).values()]
        for index in range(learners):
            learner = f"learner-{index:03d}"
            notebook = submissions.variant(source, learner_version, variants[index % len(variants)])
            path = folder / learner / source_path.name
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, path)
            cohort_map.setdefault(learner, {})[source_path.name] = path
    return cohort_map


def run_plain(assignment: str, cohort_map, work: Path) -> tuple[dict, Timer, Timer]:
    """Plain nbgrader, sequential: (scores, autograde timer, whole-cycle timer).

    The whole cycle starts from nothing, like ours: generate_assignment (which puts
    the assignment in the gradebook), collecting, autograde, feedback, export.
    """
    with Timer() as setup:
        name = plain.prepare_course(work, ROOT / "exercises" / assignment)
        for learner, notebooks in cohort_map.items():
            plain.submit(work, name, learner, notebooks)
    with Timer() as autograde:
        plain.autograde(work, name)
    with Timer() as rest:
        plain.nbgrader(work, "generate_feedback", name, "--force")
        plain.nbgrader(work, "export", "--to", str(work / "grades.csv"))
    whole = Timer()
    whole.wall = setup.wall + autograde.wall + rest.wall
    whole.cpu = setup.cpu + autograde.cpu + rest.cpu
    scores = {learner: {grade_id: cell.score for grade_id, cell in cells.items()
                        if not cell.needs_manual_grade}
              for learner, cells in plain.grades(work, name).items()}
    return scores, autograde, whole


def run_ours(assignment: str, folder: Path, work: Path, workers: int,
             feedback: bool, nested: bool = True) -> tuple[dict, Timer]:
    options = cohort.Options(assignment=assignment, submissions=folder, work=work,
                             workers=workers, progress=False, feedback=feedback, nested=nested)
    if not feedback:  # the autograde stage: the assignment is in the gradebook already,
        CourseFolder(work).create()  # as it is for plain nbgrader's autograde
        CourseFolder(work).register_if_changed(assignment)
    with Timer() as timer:
        results = cohort.grade(options, echo=lambda _: None)
    course = CourseFolder(work)
    scores = {}
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url) as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            scores[submission.student.id] = {
                grade.name: float(grade.score) for notebook in submission.notebooks
                for grade in notebook.grades if grade.cell.cell_type == "code"}
    assert all(record["status"] == "graded" for record in results["learners"].values())
    export.rows(course, assignment, results)  # the CSV is part of the cycle; read it back
    return scores, timer


def compare(plain_scores: dict, our_scores: dict) -> list[str]:
    differences = []
    for learner, cells in plain_scores.items():
        ours = our_scores.get(learner, {})
        for grade_id, score in cells.items():
            if grade_id in ours and abs(ours[grade_id] - score) > 1e-9:
                differences.append(f"{learner} {grade_id}: plain {score}, ours {ours[grade_id]}")
            elif grade_id not in ours:
                differences.append(f"{learner} {grade_id}: missing in ours")
    return differences


def line(label: str, timer: Timer, learners: int) -> str:
    return (f"  {label:<34} wall {timer.wall:7.1f} s ({timer.wall / learners:5.2f} s/learner)"
            f"   CPU {timer.cpu:7.1f} s ({timer.cpu / learners:5.2f} s/learner)")


def benchmark(title: str, assignment: str, learners: int, worker_counts: list[int],
              scratch: Path, per_learner: bool = False) -> bool:
    folder = scratch / f"{assignment}-submissions"
    cohort_map = make_cohort(assignment, learners, folder)
    print(f"\n{title}: {assignment}, {learners} learners, {os.cpu_count()} cores")
    plain_scores, plain_autograde, plain_whole = run_plain(assignment, cohort_map,
                                                           scratch / f"{assignment}-plain")
    print(line("plain nbgrader, autograde", plain_autograde, learners))
    print(line("plain nbgrader, whole cycle", plain_whole, learners))
    same = True
    for workers in worker_counts:
        for feedback, stage in ((False, "autograde"), (True, "whole cycle")):
            work = scratch / f"{assignment}-ours-{workers}-{stage.replace(' ', '-')}"
            scores, timer = run_ours(assignment, folder, work, workers, feedback)
            differences = compare(plain_scores, scores)
            same &= not differences
            baseline = plain_autograde if stage == "autograde" else plain_whole
            print(line(f"civicai-grade, {workers} workers, {stage}", timer, learners)
                  + f"   ratio {baseline.wall / timer.wall:5.2f}x"
                  + ("   grades identical" if not differences else
                     f"   {len(differences)} DIFFERENT: {differences[:3]}"))
            shutil.rmtree(work, ignore_errors=True)
    if per_learner:  # what the kernel factory saves: a new sandbox for every learner instead
        work = scratch / f"{assignment}-ours-per-learner"
        scores, timer = run_ours(assignment, folder, work, worker_counts[0], False, nested=False)
        same &= not compare(plain_scores, scores)
        print(line(f"  ... a sandbox per learner, autograde", timer, learners)
              + f"   ratio {plain_autograde.wall / timer.wall:5.2f}x")
        shutil.rmtree(work, ignore_errors=True)
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--module-learners", type=int, default=12)
    parser.add_argument("--workers", type=int, nargs="+", default=[cohort.default_workers()])
    parser.add_argument("--only", choices=["light", "modules"])
    parser.add_argument("--sandbox-per-learner", action="store_true",
                        help="also grade with a new sandbox for every learner (no kernel "
                             "factory), to see what the factory saves")
    options = parser.parse_args(argv)
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]
    quiet_nbgrader()
    sandbox.check_available()
    load = os.getloadavg()[0]
    print(f"Load average before starting: {load:.1f} "
          + ("(quiet)" if load < 0.5 else "(NOT quiet: other work will change the figures)"))
    same = True
    with tempfile.TemporaryDirectory(prefix="civicai-benchmark-") as name:
        scratch = Path(name)
        os.chmod(scratch, 0o711)
        if options.only in (None, "light"):
            same &= benchmark("Light notebooks", "00-start-here", options.learners,
                              options.workers, scratch, options.sandbox_per_learner)
        if options.only in (None, "modules"):
            for folder in sorted((ROOT / "exercises").glob("0[1-6]-*")):
                same &= benchmark("Module exercise", folder.name, options.module_learners,
                                  options.workers, scratch, options.sandbox_per_learner)
    print("\nAll grades identical to plain nbgrader." if same else
          "\nSOME GRADES DIFFER from plain nbgrader (see above).")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
