"""Synthetic datasets: one seeded generator module per dataset.

Everything here is made up (fake people, fake companies; Indonesian places
and agencies for realism) and labelled synthetic in the file's card and in
the catalog. The same seed always gives the same bytes. Texts that people
would translate or review (complaint templates, FAQ entries) live as YAML in
`content/`, away from the code.
"""
from __future__ import annotations

from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parent / "content"


def load_content(name: str):
    """The YAML file `content/<name>.yml`, parsed."""
    return yaml.safe_load((CONTENT / f"{name}.yml").read_text(encoding="utf-8"))
