"""How good is a bot? Each test question ends one of three ways, and four numbers sum it up.

With a threshold, every question a bot receives ends in exactly one way:

- **right answer**: the bot answered from the correct FAQ entry;
- **wrong answer**: the bot answered, from the wrong entry, or answered a
  question the FAQ does not cover (an *out-of-scope* question);
- **handed to a person**: the bot's confidence was below the threshold.

The measures the lesson uses:

- **top-1 accuracy**: of the questions the FAQ does cover (*in scope*), the
  share whose best match is the right entry. It ignores the threshold: it
  measures how well the bot *finds* answers.
- **out-of-scope recall**: of the questions the FAQ does not cover, the share
  handed to a person. Every one that is not is a confident wrong answer.
- **fallback rate**: of all questions, the share handed to a person (the
  workload that stays with staff).
- **containment**: of all questions, the share the bot settled itself with the
  right answer. Vendors often count every question not handed over, which
  counts wrong answers as successes; here they do not count.

`predicted` is what `FaqBot.predict` or `IntentClassifier.predict` returns
(columns `faq_id` and `confidence`); `expected` is the right entry for each
question, empty for out-of-scope questions.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from civicai.chatbot.knowledge import as_text
from civicai.errors import LearnerError, require_columns

RIGHT, WRONG, HANDED = "right answer", "wrong answer", "handed to a person"
OUTCOMES = (RIGHT, WRONG, HANDED)
MEASURES = ("top1_accuracy", "out_of_scope_recall", "fallback_rate", "containment",
            "wrong_answer_rate")
#: Thresholds tried by `sweep`: 0.00, 0.01, ..., 1.00.
THRESHOLDS = np.round(np.linspace(0.0, 1.0, 101), 2)


def expected_ids(values) -> pd.Series:
    """The right entry for each question as text; None where the FAQ has no answer."""
    text = as_text(pd.Series(values, dtype="object").reset_index(drop=True))
    return text.where(~text.isin(["", "nan", "None", "<NA>"]), None)


def _aligned(predicted: pd.DataFrame, expected) -> tuple[pd.DataFrame, pd.Series]:
    if not isinstance(predicted, pd.DataFrame):
        raise LearnerError(f"The predictions must be a table, not {type(predicted).__name__}.",
                           "Use what `bot.predict(questions)` gives back.")
    require_columns(predicted, ["faq_id", "confidence"], "the predictions")
    truth = expected_ids(expected)
    if len(truth) != len(predicted):
        raise LearnerError(f"There are {len(predicted)} predictions but {len(truth)} expected "
                           "answers.", "Predict exactly the questions you are checking against.")
    if len(truth) == 0:
        raise LearnerError("There are no test questions to measure.")
    return predicted.reset_index(drop=True), truth


def _judged(predicted: pd.DataFrame, expected) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(confidence, best match is right, question is in scope), one value per question."""
    predicted, truth = _aligned(predicted, expected)
    in_scope = truth.notna().to_numpy()
    right = (predicted["faq_id"].astype(str).to_numpy() == truth.astype(str).to_numpy()) & in_scope
    return predicted["confidence"].to_numpy(dtype=float), right, in_scope


def outcomes(predicted: pd.DataFrame, expected, threshold: float) -> pd.Series:
    """How each question ends at this threshold: right answer, wrong answer or handed over."""
    confidence, right, _ = _judged(predicted, expected)
    handed = confidence < threshold
    return pd.Series(np.where(handed, HANDED, np.where(right, RIGHT, WRONG)), name="outcome")


def _share(flags: np.ndarray) -> np.ndarray:
    """Share of True values along each row; NaN (not 0) when there is nothing to count."""
    return flags.mean(axis=1) if flags.shape[1] else np.full(flags.shape[0], np.nan)


def _measures(predicted: pd.DataFrame, expected, thresholds) -> dict[str, np.ndarray]:
    """Every measure at every threshold, all thresholds at once (one row per threshold)."""
    confidence, right, in_scope = _judged(predicted, expected)
    handed = confidence[None, :] < np.asarray(thresholds, dtype=float)[:, None]
    answered_right = ~handed & right[None, :]
    return {
        "top1_accuracy": np.repeat(_share(right[None, in_scope]), handed.shape[0]),
        "out_of_scope_recall": _share(handed[:, ~in_scope]),
        "fallback_rate": _share(handed),
        "containment": _share(answered_right),
        "wrong_answer_rate": _share(~handed & ~answered_right),
    }


def scorecard(predicted: pd.DataFrame, expected, threshold: float) -> dict[str, float]:
    """The four measures (and the wrong-answer rate) at one threshold."""
    return {name: float(values[0])
            for name, values in _measures(predicted, expected, [threshold]).items()}


def sweep(predicted: pd.DataFrame, expected, thresholds=THRESHOLDS) -> pd.DataFrame:
    """The measures at every threshold: one row per threshold."""
    return pd.DataFrame({"threshold": np.asarray(thresholds, dtype=float),
                         **_measures(predicted, expected, thresholds)})


def lowest_threshold(table: pd.DataFrame, measure: str, target: float) -> float:
    """The lowest threshold in a `sweep` table at which `measure` reaches `target`.

    The lowest one, because every step up the threshold hands more questions
    to staff: take the smallest step that meets the target.
    """
    require_columns(table, ["threshold", measure], "the sweep table")
    reached = table.loc[table[measure] >= target, "threshold"]
    if reached.empty:
        raise LearnerError(f"No threshold in the table reaches {measure} = {target:g}.",
                           "Try a lower target, or a wider range of thresholds.")
    return float(reached.min())


def by_group(predicted: pd.DataFrame, expected, groups, threshold: float) -> pd.DataFrame:
    """The measures for each group of questions (for example each language)."""
    predicted, truth = _aligned(predicted, expected)
    labels = pd.Series(groups).reset_index(drop=True)
    if len(labels) != len(truth):
        raise LearnerError("There must be one group label per question.")
    rows = {}
    for group in sorted(labels.dropna().unique(), key=str):
        mask = (labels == group).to_numpy()
        rows[group] = {"questions": int(mask.sum()),
                       **scorecard(predicted[mask], truth[mask], threshold)}
    return pd.DataFrame.from_dict(rows, orient="index")
