"""Civic AI Lab: the small package the course notebooks import.

Ground floor: data loading and widgets. Above it, one module per course topic
(automation, chatbot, fairness, privacy, ...) with that topic's reusable tools,
which lessons, sandboxes and tests all call. Learner checks live in
`civicai.checks`, the authoring pipeline in `civicai.authoring`, grading in
`civicai.grading`.
"""
from pathlib import Path

__version__ = "0.1.0"

#: The folder of the course repository (the package is installed editable from it).
REPO_ROOT = Path(__file__).resolve().parent.parent

