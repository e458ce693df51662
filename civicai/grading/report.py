"""The cohort report: one HTML page for the instructor, openable offline.

It shows how the cohort did (score distribution, pass rate per question),
who needs attention (not graded, flagged for review, low scores, written
answers waiting), and why every check that did not give full marks did not:
the check's own message, or what the sandbox saw. Charts are
drawn with matplotlib as inline SVG in a colour-blind-safe blue, each with
the same numbers as text beside it.

The page names learners: it is the instructor's, not for sharing.
"""
from __future__ import annotations

import html
import io
import re
import statistics
from datetime import datetime
from pathlib import Path

import nbformat

from civicai.grading import export
from civicai.grading.execute import is_check
from civicai.grading.coursefolder import CourseFolder

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
BLUE, GREY = "#0072B2", "#999999"   # Okabe-Ito blue: safe for colour-blind readers
LOW_PERCENT = 50


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def score_chart(percents: list[float]) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(6, 2.6))
    axes.hist(percents, bins=list(range(0, 101, 10)), color=BLUE, edgecolor="white")
    axes.set_xlabel("score (% of the maximum)")
    axes.set_ylabel("learners")
    axes.set_xlim(0, 100)
    axes.spines[["top", "right"]].set_visible(False)
    svg = _svg(figure)
    pyplot.close(figure)
    return svg


def question_chart(rates: list[tuple[str, float]]) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(6, 0.35 * len(rates) + 0.8))
    labels = [label for label, _ in rates]
    values = [value for _, value in rates]
    axes.barh(labels, values, color=BLUE)
    axes.barh(labels, [100 - value for value in values], left=values, color=GREY, alpha=0.3)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("learners with full marks (%)")
    axes.spines[["top", "right"]].set_visible(False)
    svg = _svg(figure)
    pyplot.close(figure)
    return svg


def check_messages(course: CourseFolder, assignment: str, learner: str) -> dict[str, str]:
    """{grade_id: what its check said} for checks without full marks, from the autograded notebook."""
    messages = {}
    folder = course.autograded(learner, assignment)
    for path in sorted(folder.glob("*.ipynb")):
        try:
            notebook = nbformat.read(path, as_version=4)
        except Exception:
            continue
        for cell in notebook.cells:
            if not is_check(cell):
                continue
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    text = str(output.get("evalue") or output.get("ename"))
                    messages[cell.metadata["nbgrader"]["grade_id"]] = (
                        f"{output.get('ename')}: {_ANSI.sub('', text)}")
                    break
    return messages


def _rates(course: CourseFolder, assignment: str) -> list[tuple[str, float]]:
    from nbgrader.api import Gradebook, MissingEntry

    counts: dict[str, list[int]] = {}
    with Gradebook(course.db_url) as gradebook:
        try:
            submissions = gradebook.assignment_submissions(assignment)
        except MissingEntry:
            return []
        for submission in submissions:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    if grade.cell.cell_type != "code" or grade.auto_score is None:
                        continue
                    full = float(grade.score) >= float(grade.max_score) > 0
                    counts.setdefault(grade.name, [0, 0])
                    counts[grade.name][0] += full
                    counts[grade.name][1] += 1
    return [(name, 100 * passed / total) for name, (passed, total) in counts.items() if total]


#: The longest text one cell of the report shows (a learner's notes can be many).
CELL_CHARACTERS = 4000


def _cell(value: object) -> str:
    text = str(value)
    if len(text) > CELL_CHARACTERS:
        text = text[:CELL_CHARACTERS] + f" … ({len(text) - CELL_CHARACTERS:,} more characters)"
    return html.escape(text)


def _table(headers: list[str], body: list[list[str]]) -> str:
    if not body:
        return "<p>None.</p>"
    head = "".join(f"<th scope='col'>{html.escape(title)}</th>" for title in headers)
    rows = "".join("<tr>" + "".join(f"<td>{_cell(cell)}</td>" for cell in row)
                   + "</tr>" for row in body)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def write(course: CourseFolder, assignment: str, rows: list[dict], results: dict,
          path: Path) -> Path:
    """The report for one assignment, from the CSV's rows and the grading results."""
    records = results.get("learners", {})
    graded = [row for row in rows if row["status"] != export.NOT_GRADED]
    percents = [row["percent"] for row in graded]
    rates = _rates(course, assignment)
    summary = (f"{len(rows)} learners: {len(graded)} graded, "
               f"{sum(row['status'] == export.NEEDS_REVIEW for row in rows)} to review, "
               f"{sum(row['status'] == export.TO_GRADE for row in rows)} with written answers "
               f"to grade, {sum(row['status'] == export.NOT_GRADED for row in rows)} not graded.")
    if percents:
        summary += (f" Median score {statistics.median(percents):.0f}%, mean "
                    f"{statistics.mean(percents):.0f}%, lowest {min(percents):.0f}%, highest "
                    f"{max(percents):.0f}%.")
    attention = [[row["learner_id"], row["name"], row["status"], f"{row['percent']}%",
                  row["review"] or row["notes"]]
                 for row in rows if row["status"] != export.COMPLETE or row["percent"] < LOW_PERCENT]
    failures = []
    for row in graded:
        learner = row["learner_id"]
        messages = check_messages(course, assignment, learner)
        for grade_id, message in sorted(messages.items()):
            failures.append([learner, grade_id, message])
    for row in rows:
        if row["status"] == export.NOT_GRADED:
            failures.append([row["learner_id"], "(whole notebook)", row["notes"]])
    unassigned = [[item["shown"], item["reason"]] for item in results.get("unassigned", [])]
    notes = [[learner, note] for learner, record in sorted(records.items())
             for note in record.get("notes", [])]
    distribution = "".join(
        f"<li>{low}–{low + 10}%: {sum(low <= p < low + 10 or (low == 90 and p == 100) for p in percents)}"
        " learners</li>" for low in range(0, 100, 10))
    rate_text = "".join(f"<li>{html.escape(name)}: {value:.0f}% full marks</li>"
                        for name, value in rates)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Cohort report: {html.escape(assignment)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem;
       color: #1a1a1a; line-height: 1.45; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.92rem; }}
th, td {{ border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }}
th {{ background: #eef3f8; }}
.private {{ background: #fff4d6; border-left: 6px solid #b8860b; padding: 0.5rem 0.8rem; }}
figure {{ margin: 0; }} .charts {{ display: flex; gap: 2rem; flex-wrap: wrap; }}
</style></head><body>
<h1>Cohort report: {html.escape(assignment)}</h1>
<p class="private">This page names learners. Keep it with your course records; do not publish it.</p>
<p>Graded {html.escape(results.get('graded_at', '') or datetime.now().isoformat(timespec='seconds'))}
{'in the sandbox' if results.get('sandboxed', True) else 'WITHOUT the sandbox (--no-sandbox)'}.
{html.escape(summary)}</p>
<div class="charts">
<figure role="img" aria-label="Histogram of scores">{score_chart(percents) if percents else ''}
<figcaption><strong>Score distribution.</strong><ul>{distribution}</ul></figcaption></figure>
<figure role="img" aria-label="Share of learners with full marks, per question">
{question_chart(rates) if rates else ''}
<figcaption><strong>Full marks per question.</strong><ul>{rate_text}</ul></figcaption></figure>
</div>
<h2>Learners who need attention</h2>
<p>Not graded, flagged for review, written answers to grade, or below {LOW_PERCENT}%.
Review flagged notebooks in the formgrader (instructor mode), then export again.</p>
{_table(["learner", "name", "status", "score", "why"], attention)}
<h2>Every check without full marks, and why</h2>
{_table(["learner", "check", "what the check said"], failures)}
<h2>Notes from collecting and grading</h2>
{_table(["learner", "note"], notes)}
<h2>Files that were not graded</h2>
{_table(["file", "why"], unassigned)}
</body></html>
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
