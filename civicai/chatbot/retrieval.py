"""An FAQ bot that answers only from its knowledge base, names its source, and knows when to stop.

How it works, in the words the lesson uses:

1. Every FAQ entry (its question and its answer, in each language) is turned
   into a list of numbers (a *vector*) by TF-IDF: each piece of text gets a
   weight that is high when it is frequent in this entry and rare in the
   others (scikit-learn's `TfidfVectorizer`). The answer is included because
   it holds many of the words citizens use ("17 years", "police letter").
2. A citizen's question is turned into numbers the same way.
3. The bot compares the two with *cosine similarity*: 1 means "the same
   pieces in the same proportions", 0 means "nothing in common".
4. The best-matching entry wins. If its similarity (the bot's *confidence*)
   is below a threshold, the bot does not answer: it hands the question to a
   person. It never writes an answer of its own.

The pieces compared are, by default, groups of 3 to 5 letters inside words
(`analyzer="char_wb"`), which survive typos and Indonesian affixes ("urus",
"mengurus", "ngurus" share "urus"); `analyzer="word"` compares whole words.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from civicai.chatbot.knowledge import ENTRY_COLUMNS
from civicai.chatbot.informal import fold_accents, language_of, normalise
from civicai.errors import LearnerError, require_columns

#: Below this confidence the bot hands over to a person. The lesson's rule, on the course's
#: train questions: the lowest threshold that hands at least 90% of out-of-scope questions
#: to a person (0.19), rounded up. tests/test_chatbot.py checks it still agrees with the data.
DEFAULT_THRESHOLD = 0.20
HANDOFF = {
    "en": "Sorry, I cannot answer this reliably. I am passing your question to a member of "
          "staff, who will reply to you.",
    "id": "Maaf, saya belum bisa menjawab pertanyaan ini dengan pasti. Pertanyaan Anda saya "
          "teruskan ke petugas, yang akan membalas Anda.",
}


@dataclass(frozen=True)
class Answer:
    """What the bot says to one question, and where it came from."""

    question: str            # what the citizen asked
    faq_id: str | None       # the entry the answer comes from; None when handed to a person
    matched_question: str    # the FAQ question that matched best
    text: str                # what the citizen reads
    source: str              # where the answer comes from (empty when handed over)
    confidence: float        # cosine similarity of the best match, 0 to 1
    handed_off: bool         # True: a person will answer
    language: str            # the language of the reply: the matched entry's, or the question's on a hand-off

    def __str__(self) -> str:
        if self.handed_off:
            return f"{self.text}\n(confidence {self.confidence:.2f}: handed to a person)"
        return f"{self.text}\n(source: FAQ entry {self.faq_id}, {self.source}; " \
               f"confidence {self.confidence:.2f})"


def as_questions(questions) -> list[str]:
    """A list of question texts from one text, a list or a column, or a LearnerError."""
    if isinstance(questions, str):
        return [questions]
    if isinstance(questions, pd.DataFrame):
        raise LearnerError("Give the bot a column of questions, not a whole table.",
                           'For example `bot.predict(test["question"])`.')
    try:
        items = list(questions)
    except TypeError:
        raise LearnerError(f"A question must be text, not {type(questions).__name__}.",
                           'Write it in quotes, for example "How do I renew my ID card?".'
                           ) from None
    return ["" if item is None or (isinstance(item, float) and np.isnan(item)) else str(item)
            for item in items]


class FaqBot:
    """Retrieval over an entries table (see `civicai.chatbot.knowledge`)."""

    def __init__(self, entries: pd.DataFrame, *, threshold: float = DEFAULT_THRESHOLD,
                 analyzer: str = "char_wb", normalised: bool = True):
        require_columns(entries, ENTRY_COLUMNS, "the knowledge base")
        if entries.empty:
            raise LearnerError("The knowledge base is empty.", "Give the bot some FAQ entries.")
        if analyzer not in ("char_wb", "word"):
            raise LearnerError(f"analyzer must be 'char_wb' or 'word', not {analyzer!r}.")
        self.entries = entries.reset_index(drop=True)
        self.threshold = threshold
        prepare = normalise if normalised else fold_accents
        self.vectorizer = TfidfVectorizer(
            preprocessor=prepare, analyzer=analyzer, sublinear_tf=True,
            ngram_range=(3, 5) if analyzer == "char_wb" else (1, 1))
        self.vectors = self.vectorizer.fit_transform(
            self.entries["question"] + " " + self.entries["answer"])
        self._ids = self.entries["faq_id"].to_numpy()

    def similarities(self, questions) -> np.ndarray:
        """One row per question, one column per entry row: cosine similarity, 0 to 1."""
        return cosine_similarity(self.vectorizer.transform(as_questions(questions)), self.vectors)

    def predict(self, questions) -> pd.DataFrame:
        """The best entry for each question and its confidence, whatever the threshold."""
        texts = as_questions(questions)
        similarity = self.similarities(texts)
        best = similarity.argmax(axis=1)  # the first of equally good rows
        return pd.DataFrame({"question": texts, "faq_id": self._ids[best],
                             "confidence": similarity[np.arange(len(texts)), best]})

    def rank(self, question: str, k: int = 3) -> pd.DataFrame:
        """The k best entries for one question (one row per entry, its best language)."""
        similarity = self.similarities(question)[0]
        table = self.entries.assign(confidence=similarity)
        table = table.sort_values("confidence", ascending=False, kind="stable")
        table = table.drop_duplicates("faq_id").head(k)
        return table[["faq_id", "confidence", "question", "answer", "source", "language"]] \
            .reset_index(drop=True)

    def ask(self, question: str) -> Answer:
        """The bot's reply: the best entry's answer with its source, or a hand-off."""
        if not isinstance(question, str):
            raise LearnerError(f"A question must be text, not {type(question).__name__}.",
                               'Write it in quotes, for example "How do I renew my ID card?".')
        similarity = self.similarities(question)[0]
        row = self.entries.iloc[int(similarity.argmax())]
        confidence = float(similarity.max())
        asked_in = language_of(question)
        language = asked_in or (row["language"] if row["language"] in HANDOFF else "en")
        if confidence < self.threshold or not question.strip():
            return Answer(question, None, row["question"], HANDOFF[language], "", confidence,
                          True, language)
        reply = self._in_language(row, asked_in)
        return Answer(question, row["faq_id"], row["question"], reply["answer"], reply["source"],
                      confidence, False, reply["language"])

    def _in_language(self, row: pd.Series, language: str | None) -> pd.Series:
        """The same FAQ entry in the citizen's language, if the knowledge base has it: a
        question in Indonesian that matched the English wording gets the Indonesian answer."""
        same = self.entries[(self.entries["faq_id"] == row["faq_id"]) &
                            (self.entries["language"] == language)]
        return row if language is None or same.empty else same.iloc[0]
