"""Test questions for the FAQ chatbot: paraphrases of each entry, and questions it must not answer.

Each FAQ entry (`civicai.data.synthetic.faq`) comes with three paraphrases
written the way citizens type: informal Indonesian, English, and a mix. The
out-of-scope questions (weather, football, recipes, medical advice, other
countries' services, near misses such as the civil-service exam) have no
`faq_id`: a good chatbot hands them over or says it cannot help. The split
is fixed with a seed: for each entry one paraphrase is held out for testing,
and a third of the out-of-scope questions.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from civicai.data.schema import Built, Column, DatasetSpec
from civicai.data.synthetic import load_content
from civicai.data.synthetic.faq import entries, faq_id

SEED = 20240502
LANGUAGES = ("id", "en", "mixed")

SPEC = DatasetSpec(
    name="faq_questions",
    kind="synthetic",
    title="Test questions for the FAQ chatbot: paraphrases with their answer, and out-of-scope questions",
    source="Synthetic: written for the course (civicai/data/synthetic/content/faq.yml)",
    licence="CC BY 4.0 (course content)",
    columns=(
        Column("query_id", "string", "identifier of the question"),
        Column("question", "string", "a question as a citizen might type it (informal spelling included)"),
        Column("language", "category", "id (Bahasa Indonesia), en (English) or mixed", levels=LANGUAGES),
        Column("faq_id", "string", "the FAQ entry that answers it; empty when no entry does"),
        Column("in_scope", "boolean", "True when an FAQ entry answers the question"),
        Column("split", "category", "train (to tune the chatbot) or test (to measure it, once)",
               levels=("train", "test")),
    ),
    modules=("02-chatbots",),
    seed=SEED,
    extra={"generator": "civicai.data.synthetic.faq_questions"},
)


def make() -> Built:
    rng = np.random.default_rng(SEED)
    rows = []
    for number, entry in enumerate(entries(), start=1):
        held_out = int(rng.integers(0, len(entry["paraphrases"])))
        for index, (language, question) in enumerate(entry["paraphrases"]):
            rows.append({"question": question, "language": language, "faq_id": faq_id(number),
                         "in_scope": True, "split": "test" if index == held_out else "train"})
    outside = load_content("faq")["out_of_scope"]
    test = set(rng.choice(len(outside), size=len(outside) // 3, replace=False).tolist())
    for index, (language, question) in enumerate(outside):
        rows.append({"question": question, "language": language, "faq_id": np.nan,
                     "in_scope": False, "split": "test" if index in test else "train"})
    frame = pd.DataFrame(rows)
    unknown = sorted(set(frame["language"]) - set(LANGUAGES))
    if unknown:
        raise ValueError(f"faq_questions: unknown language tag(s) {unknown}")
    frame.insert(0, "query_id", [f"Q-{number:04d}" for number in range(1, len(frame) + 1)])
    return Built(frame)
