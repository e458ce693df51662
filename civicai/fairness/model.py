"""A proxy-means-test eligibility model to audit, and Fairlearn's ThresholdOptimizer to mitigate it.

Social-assistance programmes often rank households with a proxy-means test
(PMT): a model that guesses a household's need from things that are easy to
see and hard to hide (floor, roof, assets), because incomes cannot be
checked. The model here is such a test: a logistic regression from
scikit-learn that gives each household a score, the chance that it is truly
poor. A household is selected when its score reaches a threshold.

A model must be judged on households it did not learn from. With a few
thousand households, one held-out part would leave only a few dozen poor
female-headed households to judge it on, so the model is *cross-fitted*: the
households are split into three parts, and each part is scored by a model
trained on the other two. Every household then has an honest score.

Mitigation uses Fairlearn's `ThresholdOptimizer`, fitted the same way on each
part: it keeps the scores and picks a separate threshold per group so that a
chosen error rate is equal across groups, as accurately as possible. The
seed fixes the split and ThresholdOptimizer's coin, so every run gives the
same numbers.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from fairlearn.postprocessing import ThresholdOptimizer
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import OneHotEncoder
from threadpoolctl import threadpool_limits

from civicai.errors import LearnerError, require_columns
from civicai.fairness.decisions import as_yes_no, group_labels

#: What an enumerator records for a PMT in the course's household register: the home, the
#: assets, the household's size and schooling, and where it lives. Not sex, not disability.
PMT_FEATURES = ("floor", "wall", "roof", "toilet", "cooking_fuel", "electricity",
                "owns_motorbike", "owns_fridge", "owns_tv", "owns_smartphone",
                "household_size", "head_education", "urban", "province")

#: Constraints a programme owner might ask ThresholdOptimizer for, in plain words.
CONSTRAINTS = {
    "false_negative_rate_parity": "equal miss rates (FNR) across groups",
    "false_positive_rate_parity": "equal false-alarm rates (FPR) across groups",
    "demographic_parity": "equal selection rates across groups",
    "equalized_odds": "equal miss rates and equal false-alarm rates across groups",
}
#: What ThresholdOptimizer makes as good as possible under the constraint.
OBJECTIVES = {
    "accuracy_score": "as many right decisions as possible (a miss and a false alarm count "
                      "the same)",
    "balanced_accuracy_score": "the average of the hit rate among the truly poor and among "
                               "the others (a miss among the few poor weighs more)",
}


def _inputs(table: pd.DataFrame, features: list[str]) -> np.ndarray:
    """The features as numbers: one 0/1 column per label of each label column.

    The encoder learns only which labels exist (from the catalog's categories
    and the data), nothing about the target, so encoding every row at once
    leaks nothing into the cross-fitting below.
    """
    numbers = [column for column in features if pd.api.types.is_numeric_dtype(table[column])
               and not pd.api.types.is_bool_dtype(table[column])]
    labels = [column for column in features if column not in numbers]
    encoder = ColumnTransformer([("labels", OneHotEncoder(sparse_output=False), labels)],
                                remainder="passthrough")
    frame = table[labels + numbers].copy()
    for column in labels:
        frame[column] = frame[column].astype(str)
    return encoder.fit_transform(frame).astype(float)


@dataclass
class EligibilityModel:
    """A cross-fitted scoring model: one fitted model per part, an honest score per row."""

    table: pd.DataFrame
    features: list[str]
    target: str
    parts: list[tuple[np.ndarray, np.ndarray]]  # (rows it learned from, rows it scored)
    inputs: np.ndarray  # the features as numbers, one row per row of `table`
    fitted: list[LogisticRegression]  # one per part
    scores: pd.Series
    seed: int

    @property
    def truth(self) -> pd.Series:
        """The true answer for every row (for example: truly poor)."""
        return self.table[self.target]

    def decide(self, threshold: float = 0.5) -> pd.Series:
        """Selected (True) when a row's score reaches `threshold`."""
        if not 0 <= threshold <= 1:
            raise LearnerError(f"A threshold of {threshold} is not a chance between 0 and 1.",
                               "Choose a threshold such as 0.3 or 0.5.")
        return (self.scores >= threshold).rename("selected")


def train_eligibility_model(table: pd.DataFrame, features=PMT_FEATURES,
                            target: str = "truly_poor", *, parts: int = 3,
                            seed: int = 0) -> EligibilityModel:
    """Score every row of `table` with a model that did not learn from it (cross-fitting).

    The protected columns are simply not among `features`: the lesson shows
    that this alone does not make the model fair.
    """
    features = list(features)
    if not features:
        raise LearnerError("The model needs at least one feature column.")
    require_columns(table, [*features, target], "the table")
    truth = as_yes_no(table[target], target)
    if truth.value_counts().min() < parts or truth.nunique() < 2:
        raise LearnerError(f"'{target}' needs at least {parts} rows of each answer (yes and no).",
                           "A model can only learn when some rows are yes and some are no.")
    data = table.assign(**{target: truth})
    inputs = _inputs(data, features)
    splitter = StratifiedKFold(n_splits=parts, shuffle=True, random_state=seed)
    split = list(splitter.split(inputs, truth))
    scores = pd.Series(np.nan, index=data.index, name="score")
    fitted = []
    # A few thousand rows fit fastest on one thread; on a busy 2-core machine the default
    # of one thread per core makes the fits several times slower.
    with threadpool_limits(limits=1):
        for learn, score in split:
            model = LogisticRegression(solver="newton-cholesky", max_iter=100)
            model.fit(inputs[learn], truth.iloc[learn])
            scores.iloc[score] = model.predict_proba(inputs[score])[:, 1]
            fitted.append(model)
    return EligibilityModel(data, features, target, split, inputs, fitted, scores, seed)


def mitigate(model: EligibilityModel, group: str,
             constraint: str = "false_negative_rate_parity", *,
             objective: str = "accuracy_score") -> pd.Series:
    """Decisions with one threshold per group, chosen by Fairlearn's ThresholdOptimizer.

    On each part, ThresholdOptimizer learns the group thresholds from the
    households the model learned from, then decides for the others. It
    maximises `objective` while making the `constraint` rate equal across
    groups. Near a threshold it decides some rows by a weighted coin; the
    model's seed fixes the coin. Note what this needs: each person's group at
    the moment of the decision, which the law may not allow.
    """
    if constraint not in CONSTRAINTS:
        options = "; ".join(f"'{key}' ({meaning})" for key, meaning in CONSTRAINTS.items())
        raise LearnerError(f"'{constraint}' is not a constraint ThresholdOptimizer knows.",
                           f"Choose one of: {options}.")
    if objective not in OBJECTIVES:
        options = "; ".join(f"'{key}' ({meaning})" for key, meaning in OBJECTIVES.items())
        raise LearnerError(f"'{objective}' is not an objective this course uses.",
                           f"Choose one of: {options}.")
    require_columns(model.table, [group], "the model's table")
    labels = group_labels(model.table[group])
    truth = model.truth.astype(int)
    decided = pd.Series(False, index=model.table.index, name="selected")
    with threadpool_limits(limits=1):
        for (learn, score), fitted in zip(model.parts, model.fitted):
            optimizer = ThresholdOptimizer(estimator=fitted, constraints=constraint,
                                           objective=objective, prefit=True,
                                           predict_method="predict_proba")
            optimizer.fit(model.inputs[learn], truth.iloc[learn],
                          sensitive_features=labels.iloc[learn])
            chosen = optimizer.predict(model.inputs[score],
                                       sensitive_features=labels.iloc[score],
                                       random_state=model.seed)
            decided.iloc[score] = np.asarray(chosen, dtype=bool)
    return decided
