"""Bring one learner's grades from a worker's private gradebook into the course gradebook.

nbgrader's SQLite gradebook is not safe for several writers at once, so each
worker grades into its own copy of a small gradebook that holds only the
assignment, and the coordinating process copies the results in, one learner
at a time: it is the only writer of the course gradebook.

Re-grading replaces: the learner's previous submission of that assignment is
removed first (with any manual grades, which belonged to the old notebook),
and nobody else's is touched. A learner whose grading left something for the
instructor to look at has their notebooks flagged, so they show up in the
formgrader.
"""
from __future__ import annotations

from nbgrader.api import Gradebook, MissingEntry


def record_learner(main: Gradebook, learner: str, name: str = "", lms_id: str = "") -> None:
    fields = {}
    if name:
        fields["first_name"] = name
    if lms_id:
        fields["lms_user_id"] = lms_id
    main.update_or_create_student(learner, **fields)


def remove(main: Gradebook, assignment: str, learner: str) -> None:
    try:
        main.remove_submission(assignment, learner)
    except MissingEntry:
        pass


def copy_submission(private_url: str, main: Gradebook, assignment: str, learner: str,
                    flag: bool = False) -> None:
    """Copy the learner's submission from the private gradebook; `flag`: flag every notebook
    (something deserves the instructor's look)."""
    with Gradebook(private_url) as private:
        submitted = private.find_submission(assignment, learner)
        target = main.update_or_create_submission(assignment, learner,
                                                  timestamp=submitted.timestamp)
        for notebook in submitted.notebooks:
            copy = main.find_submission_notebook(notebook.name, assignment, learner)
            copy.flagged = flag
            copy.late_submission_penalty = notebook.late_submission_penalty
            for grade in notebook.grades:
                into = main.find_grade(grade.name, notebook.name, assignment, learner)
                into.auto_score = grade.auto_score
                into.manual_score = grade.manual_score
                into.extra_credit = grade.extra_credit
                into.needs_manual_grade = grade.needs_manual_grade
            for comment in notebook.comments:
                into = main.find_comment(comment.name, notebook.name, assignment, learner)
                into.auto_comment = comment.auto_comment
                into.manual_comment = comment.manual_comment
        target.timestamp = submitted.timestamp
        main.db.commit()


def record_ungraded(main: Gradebook, assignment: str, learner: str) -> None:
    """A learner with no gradable notebook: a submission scoring zero, as nbgrader does for
    missing notebooks."""
    submission = main.update_or_create_submission(assignment, learner)
    for notebook in submission.notebooks:
        for grade in notebook.grades:
            grade.auto_score = 0
            grade.needs_manual_grade = False
    main.db.commit()
