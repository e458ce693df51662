"""A synthetic public-service FAQ knowledge base in English and Bahasa Indonesia.

The entries are written by hand in `content/faq.yml` (topics a citizen asks a
local government about: ID card, family card, birth certificate, business
licence, tax number, health insurance, social assistance, passport, driving
licence, land, ...). This module only numbers them and checks them: every
entry has both languages and a source, and no two entries share a question.
No randomness is involved, so there is no seed.
"""
from __future__ import annotations

import pandas as pd

from civicai.data.schema import Built, Column, DatasetSpec
from civicai.data.synthetic import load_content

FIELDS = ("topic", "question_en", "answer_en", "question_id", "answer_id", "source")

SPEC = DatasetSpec(
    name="faq",
    kind="synthetic",
    title="Public-service FAQ in English and Bahasa Indonesia (a chatbot's knowledge base)",
    source="Synthetic: written for the course (civicai/data/synthetic/content/faq.yml); simplified, "
           "not official guidance",
    licence="CC BY 4.0 (course content)",
    columns=(
        Column("faq_id", "string", "identifier of the entry, cited by a chatbot's answer"),
        Column("topic", "category", "service the entry is about"),
        Column("question_en", "string", "the question, in English"),
        Column("answer_en", "string", "the answer, in English (simplified; rules and fees change)"),
        Column("question_id", "string", "the question, in Bahasa Indonesia"),
        Column("answer_id", "string", "the answer, in Bahasa Indonesia"),
        Column("source", "string", "the kind of official page the answer would come from (all synthetic)"),
    ),
    modules=("02-chatbots",),
    extra={"generator": "civicai.data.synthetic.faq (hand-written entries, no randomness)"},
)


def entries() -> list[dict]:
    """The FAQ entries from content/faq.yml, checked for completeness."""
    found = load_content("faq")["entries"]
    for number, entry in enumerate(found, start=1):
        missing = [field for field in FIELDS if not str(entry.get(field, "")).strip()]
        if missing:
            raise ValueError(f"faq entry {number} lacks {', '.join(missing)}")
        if len(entry.get("paraphrases", ())) < 3:
            raise ValueError(f"faq entry {number} needs at least 3 paraphrases")
    questions = [entry["question_en"] for entry in found]
    if len(set(questions)) != len(questions):
        raise ValueError("two faq entries have the same English question")
    return found


def faq_id(number: int) -> str:
    return f"FAQ-{number:03d}"


def make() -> Built:
    rows = [{"faq_id": faq_id(number), **{field: entry[field].strip() for field in FIELDS}}
            for number, entry in enumerate(entries(), start=1)]
    return Built(pd.DataFrame(rows, columns=[column.name for column in SPEC.columns]))
