"""nbgrader configuration of the Civic AI Lab course.

One file for everything nbgrader does in this course: generating the learner
versions (`make notebooks`), Validate in JupyterLab (the repository's root
`nbgrader_config.py` loads this file, because Validate reads the configuration
of the folder the server starts in), the formgrader in instructor mode, and
cohort grading (`civicai-grade`, which loads this file and then points nbgrader
at its own working folder).
"""
from pathlib import Path

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

REPO = Path(__file__).resolve().parent.parent

# The course folder: instructor sources in exercises/. The learner versions in
# course/ are made by `make notebooks` (civicai.authoring), never by nbgrader
# here: the formgrader's "Generate" would first delete course/<module>/, lesson
# and sandbox included, so its release folder is a working folder instead.
c.CourseDirectory.root = str(REPO)
c.CourseDirectory.source_directory = "exercises"
c.CourseDirectory.release_directory = "autograder/work/release"
# Instructor-mode working folders (formgrader); git ignores autograder/work/.
c.CourseDirectory.submitted_directory = "autograder/work/submitted"
c.CourseDirectory.autograded_directory = "autograder/work/autograded"
c.CourseDirectory.feedback_directory = "autograder/work/feedback"
c.CourseDirectory.db_url = f"sqlite:///{REPO / 'autograder' / 'work' / 'gradebook.db'}"

# Feedback never shows hidden tests, whoever makes it (civicai-grade, or the
# formgrader's "Generate Feedback"): civicai's preprocessor cuts them out first.
c.GenerateFeedback.preprocessors = [
    "civicai.grading.feedback.HideHiddenTests",
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Hints for two audiences (civicai/authoring/hints.py). Hint 2 of each question gives the
# answer: a safety net for a learner alone, and it makes a graded cohort's grade mean little.
# Set this to False before you release an exercise to a graded cohort (the formgrader's
# Generate, or `civicai-notebooks release NN-topic`): Hint 1 stays, Hint 2 goes. The learner
# versions in course/ (the self-paced course) always keep Hint 2.
c.AnswerHints.keep = True
c.GenerateAssignment.preprocessors = [
    "nbgrader.preprocessors.IncludeHeaderFooter",
    "nbgrader.preprocessors.InstantiateTests",
    "nbgrader.preprocessors.LockCells",
    "nbgrader.preprocessors.ClearSolutions",
    "civicai.authoring.hints.AnswerHints",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.CheckCellMetadata",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.SaveCells",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Learner outputs and markdown are untrusted HTML: cleaned before the grades are saved, so
# the formgrader (and the feedback made from the autograded notebook) never runs a learner's
# script. This is plain nbgrader's autograde (the formgrader's button); civicai-grade uses
# its own list, with the same cleaner.
c.Autograde.autograde_preprocessors = [
    "nbgrader.preprocessors.Execute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "civicai.grading.feedback.SanitizeOutputs",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# What learners see where a solution was. civicai.checks recognises the marker
# "YOUR ANSWER HERE" and says "not attempted yet" instead of "wrong".
c.ClearSolutions.code_stub = {"python": "...  # YOUR ANSWER HERE: replace the ... with your answer"}
c.ClearSolutions.text_stub = "✏️ YOUR ANSWER HERE: replace this line with your answer."

# Every cell, learner or test, may take at most this long (nbgrader has no
# per-notebook limit; civicai-grade adds one). Never None.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
