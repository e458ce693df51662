"""The course map: modules in teaching order, shown on the start page and in the README.

One list, so the start page, the README test and the browser tests agree on
what the course contains. A module counts as available once its lesson
notebook exists; until then the map lists it as coming.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from civicai import REPO_ROOT


@dataclass(frozen=True)
class Module:
    folder: str
    title: str
    question: str
    minutes: int
    you_will: str

    @property
    def available(self) -> bool:
        return (REPO_ROOT / "course" / self.folder / "lesson.ipynb").exists()


MODULES = (
    Module("01-automation", "Automating administrative work",
           "Where can AI take repetitive work off staff, safely?", 115,
           "clean a register with rules, produce a monthly report by code, route complaints "
           "with a classifier and decide which cases a person must review"),
    Module("02-chatbots", "Chatbots for citizen services",
           "How do we answer citizens fast without misleading them?", 135,
           "build an FAQ bot that cites its source, choose when it hands over to a person, "
           "measure it honestly, and redact personal data from chat logs"),
    Module("03-bias", "Bias and fairness",
           "Does the system treat groups of citizens fairly?", 135,
           "measure error rates by group with their uncertainty, choose the fairness measure "
           "that fits a decision, find proxies, and weigh the trade-offs"),
    Module("04-privacy", "Privacy and anonymisation",
           "Can we publish or share this data without exposing people?", 135,
           "measure re-identification risk with a linkage attack, pseudonymise NIK numbers with "
           "a secret key, reach k-anonymity at the least cost and publish counts with "
           "differential privacy"),
    Module("05-transparency", "Transparency and accountability",
           "Can citizens and auditors see why and how decisions are made?", 100,
           "explain decisions with reason codes, spot red flags in spending and audit an "
           "official lottery"),
    Module("06-policy", "Policy and governance",
           "What must be in place before an agency deploys AI?", 90,
           "score an impact assessment, assign a risk tier and write an AI use-case proposal"),
)


class CourseMap:
    """The module table, as HTML in JupyterLab and as text elsewhere."""

    def __repr__(self) -> str:
        rows = []
        for module in MODULES:
            status = "open" if module.available else "coming soon"
            rows.append(f"{module.folder}  {module.title} (~{module.minutes} min, {status}): "
                        f"{module.question}")
        return "\n".join(rows)

    def _repr_html_(self) -> str:
        rows = []
        for module in MODULES:
            if module.available:
                link = (f'<a href="../{module.folder}/lesson.ipynb">'
                        f"{html.escape(module.title)}</a>")
            else:
                link = f"{html.escape(module.title)} <em>(coming soon)</em>"
            rows.append(f"<tr><td>{module.folder[:2]}</td><td>{link}</td>"
                        f"<td>{html.escape(module.question)}</td>"
                        f"<td>about {module.minutes} min</td>"
                        f"<td>{html.escape(module.you_will)}</td></tr>")
        return ('<table><caption>Civic AI Lab: the modules, in teaching order</caption>'
                "<thead><tr><th>#</th><th>Module</th><th>The question</th><th>Time</th>"
                "<th>You will be able to</th></tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>")


def course_map() -> CourseMap:
    """The course map, for display in a notebook cell."""
    return CourseMap()
