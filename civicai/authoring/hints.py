"""Hints for two audiences: learners studying alone, and a graded cohort.

Every question of an exercise has two hints, as collapsible blocks after its answer
cell: 💡 Hint 1 points to the idea, 💡 Hint 2 gives the answer's code or says it
outright. A learner alone needs Hint 2 as a safety net; in a graded cohort it makes
the grade mean little. So the course has one setting, in
`autograder/nbgrader_config.py`:

    c.AnswerHints.keep = True     # False: the versions you release to a graded cohort
                                  # have no Hint 2 (Hint 1 stays)

nbgrader's `generate_assignment` (the formgrader's Generate button, or
`civicai-notebooks release NN-topic`) runs `AnswerHints` on the learner version it
writes. The learner versions committed in `course/` always keep Hint 2: they are the
self-paced course (see civicai.authoring.release).
"""
from __future__ import annotations

import re

from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool

#: A collapsible Hint 2 block, as the sources write it (a <details> block of its own).
ANSWER_HINT = re.compile(r"<details>\s*<summary>💡 Hint 2</summary>.*?</details>\s*", re.S)
#: What stands in its place, so a learner knows a hint was there and whom to ask.
REMOVED = ("*(Hint 2, which gives the answer, is not part of this graded version: ask your "
           "instructor if you are stuck.)*\n")


class AnswerHints(NbGraderPreprocessor):
    """Keep or take out the hints that give the answer (Hint 2) in a learner version."""

    keep = Bool(True, help="Keep Hint 2 (the answer's code) in the learner versions. Set it to "
                           "False before you release an exercise to a graded cohort.").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if not self.keep and cell.cell_type == "markdown" and ANSWER_HINT.search(cell.source):
            cell.source = ANSWER_HINT.sub(REMOVED, cell.source).rstrip() + "\n"
        return cell, resources
