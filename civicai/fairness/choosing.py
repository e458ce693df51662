"""Which error rate should be equal across groups? The fairness tree, as questions.

No single number makes a system "fair": equal selection rates, equal
false-alarm rates and equal miss rates cannot all hold at once when groups
differ in how many truly qualify. The Aequitas fairness tree (Center for Data
Science and Public Policy) picks the rate from two questions a programme
owner can answer: is the intervention *punitive* (an inspection, a fraud
flag, a search) or *assistive* (a benefit, a scholarship, outreach)? And whose
errors matter most? This module holds those answers, so the lesson, the
sandbox and the exercise give the same advice.
"""
from __future__ import annotations

from dataclasses import dataclass

from civicai.errors import LearnerError


@dataclass(frozen=True)
class Recommendation:
    """The rate to compare across groups, and why, in words a programme owner can repeat."""

    metric: str  # a key of civicai.fairness.rates.METRICS
    name: str
    question: str  # the question this rate answers
    why: str

    def __str__(self) -> str:
        return f"Compare the {self.name} across groups. It answers: {self.question} {self.why}"


#: intervention -> whose errors matter most -> recommendation
TREE = {
    "punitive": {
        "wrongly_flagged": Recommendation(
            "FPR", "false positive rate",
            "of the people who did nothing wrong, how many did the system flag?",
            "In a punitive programme the worst error is a false accusation of an innocent "
            "person, so innocent people in every group should face the same risk of it."),
        "flagged": Recommendation(
            "FDR", "false discovery rate",
            "of the people the system flagged, how many did nothing wrong?",
            "Use it when the people actually acted on (inspected, questioned) are the concern: "
            "each group's flags should be equally trustworthy."),
        "everyone": Recommendation(
            "FP_per_person", "false alarms per person",
            "how many false accusations does each group carry, per member?",
            "Use it when the burden on whole communities matters, whatever their true rate."),
    },
    "assistive": {
        "in_need": Recommendation(
            "FNR", "false negative rate",
            "of the people who truly need help, how many did the system leave out?",
            "In an assistive programme the worst error is excluding someone in need (an "
            "exclusion error), so people in need in every group should have the same chance "
            "of being missed."),
        "turned_away": Recommendation(
            "FOR", "false omission rate",
            "of the people the system turned away, how many truly needed help?",
            "Use it when the concern is the people who were refused: each group's refusals "
            "should be equally reliable."),
        "everyone": Recommendation(
            "FN_per_person", "missed people per person",
            "how many people in need go without help, per member of each group?",
            "Use it when the burden on whole communities matters, whatever their true need."),
    },
}
#: What each "whose errors matter most" answer means, for menus and messages.
CONCERNS = {
    "wrongly_flagged": "people who did nothing wrong (default for punitive decisions)",
    "flagged": "people the system flagged",
    "in_need": "people who truly need help (default for assistive decisions)",
    "turned_away": "people the system turned away",
    "everyone": "everyone in the group, whatever their true situation",
}
DEFAULT_CONCERN = {"punitive": "wrongly_flagged", "assistive": "in_need"}


def choose_metric(intervention: str, concern: str | None = None) -> Recommendation:
    """The rate to compare across groups for a punitive or assistive decision.

    >>> choose_metric("assistive").metric
    'FNR'
    """
    kind = str(intervention).strip().casefold()
    if kind not in TREE:
        raise LearnerError(
            f"'{intervention}' is not a kind of intervention the fairness tree knows.",
            "Say 'punitive' (it can harm the person: an inspection, a fraud flag, a search) or "
            "'assistive' (it helps the person: a benefit, a scholarship, outreach).")
    concern = DEFAULT_CONCERN[kind] if concern is None else str(concern).strip()
    if concern not in TREE[kind]:
        options = "; ".join(f"'{key}': {CONCERNS[key]}" for key in TREE[kind])
        raise LearnerError(f"For a {kind} decision, '{concern}' is not one of the choices.",
                           f"Choose one of: {options}.")
    return TREE[kind][concern]
