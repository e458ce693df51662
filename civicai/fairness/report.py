"""A bias report on a learner's own file of decisions, outcomes and groups.

The sandbox's tool: from a table with a decision column (who was selected,
flagged or approved), optionally the true outcome (who truly qualified or
truly offended), and a group column, it shows who is in the data, the
selection rate by group with its uncertainty, the four-fifths ratio, and,
when outcomes are known, the error rate the fairness tree recommends for this
kind of decision. It ends with findings in plain sentences: each one a
question to take to the programme owner, not a verdict.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML, display

from civicai.errors import LearnerError
from civicai.fairness.charts import SMALL_GROUP, show_disparity, show_metrics, show_rates
from civicai.fairness.choosing import Recommendation, choose_metric
from civicai.fairness.decisions import NOT_RECORDED, decision_columns
from civicai.fairness.model import train_eligibility_model
from civicai.fairness.rates import FOUR_FIFTHS, audit, disparity, group_rates, impact_ratio
from civicai.sandbox import ColumnChooser

#: The roles of the columns in a learner's file, as the sandbox explains them.
ROLES = {
    "decision": "what the system or office decided for each row (yes/no: selected, flagged, "
                "approved)",
    "group": "the group each row belongs to (for example sex, region, disability)",
    "outcome": "the true outcome, if you know it (yes/no: truly poor, truly offended)",
}


def _reference(sizes: pd.Series, reference) -> str:
    if reference is None:
        return str(sizes.idxmax())
    if str(reference) not in sizes.index:
        raise LearnerError(f"There is no group '{reference}' to compare with.",
                           "The groups are: " + ", ".join(map(str, sizes.index)) + ".")
    return str(reference)


@dataclass
class _Analysis:
    """Everything the report shows, computed once: the findings and the charts share it."""

    clean: pd.DataFrame
    decision: str
    group: str
    outcome: str | None
    intervention: str
    reference: str
    rates: pd.DataFrame  # group_rates of the decision
    errors: pd.DataFrame | None  # audit by group: FNR, FPR and the tree's rate

    @property
    def advice(self) -> Recommendation:
        return choose_metric(self.intervention)

    def findings(self) -> list[str]:
        sizes = self.rates["n"]
        selection = self.rates["rate"]
        ratio = impact_ratio(selection)
        verdict = "below" if ratio < FOUR_FIFTHS else "not below"
        findings = [
            f"Selection rates run from {selection.min():.1%} ({selection.idxmin()}) to "
            f"{selection.max():.1%} ({selection.idxmax()}). The lowest divided by the highest "
            f"is {ratio:.2f}, {verdict} the 0.8 rule of thumb."
            + (" Ask why, before concluding anything: do the groups differ in need, in what "
               "was recorded, or in how they were treated?" if ratio < FOUR_FIFTHS else "")]
        small = [name for name, n in sizes.items() if n < SMALL_GROUP]
        if small:
            findings.append(f"Small groups (fewer than {SMALL_GROUP} rows): {', '.join(small)}. "
                            "Their rates are uncertain; see the intervals on the chart.")
        if NOT_RECORDED in sizes.index:
            findings.append(f"{sizes[NOT_RECORDED]:,} rows have no '{self.group}' recorded. Who "
                            "is missing from the records, and why, is itself worth asking.")
        comparison = self.disparity()
        if comparison is not None:
            findings.append(self._error_finding(comparison))
        return findings

    def disparity(self) -> pd.DataFrame | None:
        """The tree's rate against the reference group, when it can be computed."""
        if self.errors is None:
            return None
        values = self.errors[self.advice.metric]
        if values.dropna().empty or not values.get(self.reference, 0) > 0:
            return None
        return disparity(values, self.reference)

    def _error_finding(self, comparison: pd.DataFrame) -> str:
        advice, reference = self.advice, self.reference
        outside = comparison[~comparison["within_band"] & comparison["ratio"].notna()]
        if outside.empty:
            return (f"For this {self.intervention} decision the {advice.name} is within 0.8 to "
                    f"1.25 times {reference}'s for every group.")
        worst = outside["ratio"].sub(1).abs().idxmax()
        return (f"For this {self.intervention} decision the fairness tree points to the "
                f"{advice.name}. It is {comparison.loc[worst, 'rate']:.0%} for {worst} against "
                f"{comparison.loc[reference, 'rate']:.0%} for {reference} "
                f"({outside.loc[worst, 'ratio']:.2f}×).")


def _analyse(table: pd.DataFrame, decision: str, group: str, outcome: str | None,
             intervention: str, reference, decision_yes, outcome_yes) -> _Analysis:
    choose_metric(intervention)  # a plain message for a wrong kind, before any work
    clean = decision_columns(table, decision, group, outcome, decision_yes=decision_yes,
                             outcome_yes=outcome_yes)
    rates = group_rates(clean, decision, group)
    if len(rates) < 2:
        raise LearnerError(f"Every row is in the same '{group}' group.",
                           "A comparison needs at least two groups.")
    errors = None
    if outcome:
        metrics = tuple(dict.fromkeys(("FNR", "FPR", choose_metric(intervention).metric)))
        errors = audit(clean[outcome], clean[decision], clean[group], metrics).by_group
    return _Analysis(clean, decision, group, outcome, intervention,
                     _reference(rates["n"], reference), rates, errors)


def bias_findings(table: pd.DataFrame, decision: str, group: str, outcome: str | None = None,
                  *, intervention: str = "assistive", reference=None,
                  decision_yes: object = None, outcome_yes: object = None) -> list[str]:
    """The report's findings as plain sentences (what `bias_report` lists at its end)."""
    return _analyse(table, decision, group, outcome, intervention, reference, decision_yes,
                    outcome_yes).findings()


def _findings_box(findings: list[str]) -> HTML:
    items = "".join(f"<li>{html.escape(item)}</li>" for item in findings)
    return HTML(f"<div role='note'><strong>What this report finds</strong><ul>{items}</ul>"
                "<p><em>A disparity is a question to investigate, not proof of "
                "discrimination; equal numbers are not proof of fairness either.</em></p></div>")


def bias_report(table: pd.DataFrame, decision: str, group: str, outcome: str | None = None,
                *, intervention: str = "assistive", reference=None,
                decision_yes: object = None, outcome_yes: object = None) -> list[str]:
    """Charts and findings for one decision column, by one group column.

    `intervention` is "assistive" (the decision helps: a benefit) or
    "punitive" (it can harm: an inspection, a fraud flag); it decides which
    error rate the report compares. `reference` is the group others are
    compared with (default: the largest group).
    """
    analysis = _analyse(table, decision, group, outcome, intervention, reference,
                        decision_yes, outcome_yes)
    show_rates(analysis.rates, f"share selected ('{decision}' is yes)",
               title=f"How often '{decision}' is yes, by {group}")
    if analysis.errors is not None:
        show_metrics(analysis.errors, ("FNR", "FPR"), title=f"Error rates by {group}")
        display(HTML(f"<p><strong>Which rate matters here?</strong> "
                     f"{html.escape(str(analysis.advice))}</p>"))
        comparison = analysis.disparity()
        if comparison is not None:
            show_disparity(comparison, analysis.advice.metric, analysis.reference)
    findings = analysis.findings()
    display(_findings_box(findings))
    return findings


class ReportChooser:
    """The sandbox's settings: which column plays which role, and what kind of decision it is.

    Drop-downs (keyboard-usable) for the three columns, a tick box for "my
    file has the true outcome", and a menu for assistive or punitive. After
    changing them, the learner runs the report cell again.
    """

    def __init__(self, table: pd.DataFrame, defaults: dict[str, str] | None = None):
        self.table = table
        self.columns = ColumnChooser(table, ROLES, defaults)
        self.has_outcome = widgets.Checkbox(
            value=bool(defaults and defaults.get("outcome") in table.columns),
            description="My file has the true outcome", indent=False)
        self.intervention = widgets.Dropdown(
            options=[("assistive: it helps people (a benefit, a scholarship)", "assistive"),
                     ("punitive: it can harm people (an inspection, a fraud flag)", "punitive")],
            value="assistive", description="The decision is",
            style={"description_width": "initial"}, layout=widgets.Layout(width="80%"))

    def run(self) -> list[str]:
        """The bias report with the chosen settings."""
        outcome = self.columns["outcome"] if self.has_outcome.value else None
        chosen = [column for column in (self.columns["decision"], self.columns["group"], outcome)
                  if column]
        if len(set(chosen)) < len(chosen):
            raise LearnerError("The same column is chosen for two roles.",
                               "Choose a different column for each of decision, group and "
                               "outcome (or untick 'My file has the true outcome').")
        return bias_report(self.table, self.columns["decision"], self.columns["group"],
                           outcome, intervention=self.intervention.value)

    def _ipython_display_(self) -> None:
        display(self.columns)
        display(widgets.VBox([self.has_outcome, self.intervention]))


def example_decisions() -> pd.DataFrame:
    """The sandbox's worked example: the lesson's PMT decisions, as an office would export them.

    One row per household of the synthetic register, with yes/no written as
    words, the way a spreadsheet export usually looks.
    """
    from civicai.data import load

    households = load("households")
    selected = train_eligibility_model(households).decide(0.3)
    words = {True: "yes", False: "no"}
    return pd.DataFrame({
        "household_id": households["household_id"],
        "province": households["province"].astype(str),
        "head_sex": households["head_sex"].astype(str),
        "disability": households["disability"].map(words),
        "selected": selected.map(words),
        "truly_poor": households["truly_poor"].map(words),
    })
