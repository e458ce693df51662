"""Intent classification: the other common way to build an FAQ bot.

Instead of comparing a question with the FAQ questions, a classifier *learns*
from labelled examples which entry (which *intent*) each wording belongs to:
"sy mau bikin ktp" -> F001. It needs several example questions per entry,
and it must be trained again whenever an entry is added; in return it can
learn that very different wordings mean the same thing. Its confidence is the
probability it gives its top intent, so the same threshold logic applies.

Its `predict` has the same shape as `FaqBot.predict`, so both are measured by
the same functions in `civicai.chatbot.evaluation`, on the same questions.
"""
from __future__ import annotations

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.pipeline import make_pipeline

from civicai.chatbot.informal import normalise
from civicai.chatbot.retrieval import as_questions
from civicai.errors import LearnerError


class IntentClassifier:
    """TF-IDF letter groups + logistic regression, trained on (question, faq_id) examples.

    The classifier is fitted by stochastic gradient descent (`SGDClassifier`
    with the logistic loss): on a few hundred examples and dozens of entries it
    learns in about a second, where the standard solver needs several.
    """

    def __init__(self, questions, faq_ids, *, seed: int = 0):
        texts, labels = as_questions(questions), [str(label) for label in faq_ids]
        if len(texts) != len(labels):
            raise LearnerError(f"There are {len(texts)} questions but {len(labels)} labels.",
                               "Give one FAQ id for every example question.")
        if len(set(labels)) < 2:
            raise LearnerError("A classifier needs examples of at least two different entries.")
        self.model = make_pipeline(
            # Groups of 3 or 4 letters: as accurate here as 3 to 5, and three times faster
            # to learn, because long FAQ answers yield far fewer features.
            TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(3, 4),
                            sublinear_tf=True),
            SGDClassifier(loss="log_loss", alpha=1e-4, random_state=seed))
        self.model.fit(texts, labels)

    def predict(self, questions) -> pd.DataFrame:
        """The most likely entry for each question and its probability (the confidence)."""
        texts = as_questions(questions)
        probabilities = self.model.predict_proba(texts)
        best = probabilities.argmax(axis=1)
        return pd.DataFrame({"question": texts, "faq_id": self.model.classes_[best],
                             "confidence": probabilities.max(axis=1)})
