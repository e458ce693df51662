"""The grades spreadsheet: one row per learner and assignment, read from the gradebook.

`nbgrader export` joins fields with bare commas, so a name like "Rahayu, Siti"
breaks its file. This one uses Python's csv module (every field that needs it
is quoted), is UTF-8 with a byte-order mark (so Excel shows accents and
Indonesian names right; LibreOffice, Google Sheets and LMS imports read it
too), and starts a text cell that begins with = + - @ with an apostrophe, so
a spreadsheet never runs a name as a formula.

Scores come from the gradebook, so written answers graded in the formgrader
appear as soon as the CSV is written again (`civicai-grade ASSIGNMENT --export`).
"""
from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from civicai.grading.coursefolder import CourseFolder

COLUMNS = ["learner_id", "name", "lms_id", "assignment", "score", "max_score", "percent",
           "auto_score", "auto_max", "written_score", "written_max", "status", "review",
           "notes", "feedback"]
#: The longest text a spreadsheet cell takes (Excel: 32,767 characters; LibreOffice likewise).
CELL_LIMIT = 32_000
#: Status, from the most urgent.
NOT_GRADED, NEEDS_REVIEW, TO_GRADE, COMPLETE = (
    "not graded", "needs review", "written answers to grade", "complete")


def _cells(submission):
    """(auto score, auto max, written score, written max, any written answer waiting)."""
    auto = auto_max = written = written_max = 0.0
    waiting = False
    for notebook in submission.notebooks:
        for grade in notebook.grades:
            is_written = grade.cell.cell_type == "markdown" or grade.auto_score is None
            if is_written:
                written += float(grade.score)
                written_max += float(grade.max_score)
                waiting |= grade.needs_manual_grade and grade.manual_score is None
            else:
                auto += float(grade.score)
                auto_max += float(grade.max_score)
    return auto, auto_max, written, written_max, waiting


def rows(course: CourseFolder, assignment: str, results: dict) -> list[dict]:
    """A row per learner with a submission of this assignment in the gradebook."""
    records = results.get("learners", {})
    out = []
    with Gradebook(course.db_url) as gradebook:
        try:
            submissions = gradebook.assignment_submissions(assignment)
        except MissingEntry:
            submissions = []
        for submission in submissions:
            learner = submission.student.id
            record = records.get(learner, {})
            auto, auto_max, written, written_max, waiting = _cells(submission)
            # The gradebook says what is still to review: the instructor clears a flag or
            # gives a grade in the formgrader, and the next export shows it.
            flagged = any(notebook.flagged for notebook in submission.notebooks)
            needs_review = flagged or any(
                grade.needs_manual_grade and grade.auto_score is not None
                for notebook in submission.notebooks for grade in notebook.grades)
            if record.get("status") == "not graded":
                status = NOT_GRADED
            elif needs_review:
                status = NEEDS_REVIEW
            elif waiting:
                status = TO_GRADE
            else:
                status = COMPLETE
            score, max_score = float(submission.score), float(submission.max_score)
            out.append({
                "learner_id": learner,
                "name": record.get("name") or submission.student.first_name or "",
                "lms_id": record.get("lms_id") or submission.student.lms_user_id or "",
                "assignment": assignment,
                "score": round(score, 2), "max_score": round(max_score, 2),
                "percent": round(100 * score / max_score, 1) if max_score else 0.0,
                "auto_score": round(auto, 2), "auto_max": round(auto_max, 2),
                "written_score": round(written, 2) if not waiting else "",
                "written_max": round(written_max, 2),
                "status": status,
                "review": joined(record.get("review", [])),
                "notes": joined(record.get("notes", []) + (
                    [record["error"]] if record.get("error") else [])),
                "feedback": record.get("feedback", ""),
            })
    return sorted(out, key=lambda row: row["learner_id"])


def joined(items: list[str], limit: int = CELL_LIMIT) -> str:
    """Items joined with "; ", cut to what one spreadsheet cell holds, saying how many were
    left out (the cohort report lists them all)."""
    text, kept = "", 0
    for item in items:
        piece = item if not text else f"; {item}"
        if len(text) + len(piece) > limit - 80:
            return f"{text}; … and {len(items) - kept} more (see the cohort report)"
        text += piece
        kept += 1
    return text


def safe_cell(value):
    """Text a spreadsheet shows as text: a leading = + - @ would make it a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_csv(table: list[dict], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        for row in table:
            writer.writerow({key: safe_cell(value) for key, value in row.items()})
    return path
