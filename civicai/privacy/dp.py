"""Differential privacy for published counts: the Laplace mechanism and the privacy budget.

A count ("how many patients in Kecamatan Coblong have diabetes") changes by at
most 1 when one person is added or removed: its *sensitivity* is 1. The
Laplace mechanism publishes the count plus random noise drawn from a Laplace
distribution with scale b = sensitivity / epsilon. Then any one person's
presence changes the chance of any published figure by a factor of at most
e^epsilon: nobody can tell from the output whether that person is in the data.

- A smaller epsilon means more noise and more privacy.
- The typical error is b: the average absolute noise of a Laplace draw is
  exactly its scale, and the noise stays within +/- t with probability
  1 - e^(-t / b).
- Every release spends privacy: publishing several noisy results about the
  same people adds their epsilons up (sequential composition). The total
  agreed in advance is the *privacy budget*; `PrivacyBudget` keeps the account.

The noise comes from NumPy's random generator. Lessons and tests pass a seeded
generator so results repeat; a real release would use a fresh, unseeded one.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from civicai.errors import LearnerError


def _positive(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not math.isfinite(float(value)) or float(value) <= 0:
        raise LearnerError(f"{what} should be a number above 0, not {value!r}.")
    return float(value)


def laplace_scale(epsilon: float, sensitivity: float = 1.0) -> float:
    """The scale b of the Laplace noise: sensitivity / epsilon."""
    return _positive(sensitivity, "The sensitivity") / _positive(epsilon, "Epsilon")


def noisy_count(true_count, epsilon: float, rng: np.random.Generator,
                sensitivity: float = 1.0):
    """The count(s) plus Laplace noise of scale sensitivity / epsilon.

    `true_count` may be one number or a column of counts (each gets its own
    noise). The result is not rounded: rounding is post-processing, which
    differential privacy allows, and the lesson shows it separately.
    """
    if not isinstance(rng, np.random.Generator):
        raise LearnerError("Pass a random generator, e.g. rng = np.random.default_rng(2024).")
    scale = laplace_scale(epsilon, sensitivity)
    if isinstance(true_count, pd.Series):
        return true_count + rng.laplace(0.0, scale, size=len(true_count))
    if isinstance(true_count, bool) or not isinstance(true_count, (int, float, np.integer,
                                                                  np.floating)):
        raise LearnerError(f"The true count should be a number or a column of numbers, "
                           f"not {type(true_count).__name__}.")
    return float(true_count) + float(rng.laplace(0.0, scale))


def chance_within(tolerance: float, epsilon: float, sensitivity: float = 1.0) -> float:
    """The probability that one noisy count lands within +/- tolerance of the truth."""
    return 1.0 - math.exp(-_positive(tolerance, "The tolerance") / laplace_scale(epsilon,
                                                                                 sensitivity))


def error_by_epsilon(epsilons, rng: np.random.Generator, draws: int = 2000,
                     sensitivity: float = 1.0) -> pd.DataFrame:
    """For each epsilon: the expected and the measured average error of a noisy count.

    The measured error comes from `draws` noisy releases of the same count,
    so the chart can show the theory and the simulation side by side.
    """
    rows = []
    for epsilon in epsilons:
        scale = laplace_scale(epsilon, sensitivity)
        noise = rng.laplace(0.0, scale, size=draws)
        rows.append({"epsilon": float(epsilon), "expected error": scale,
                     "measured error": float(np.abs(noise).mean()),
                     "chance within ±5": chance_within(5, epsilon, sensitivity)})
    return pd.DataFrame(rows)


@dataclass
class PrivacyBudget:
    """The epsilon a data holder allows in total, and what each release spent of it."""

    total: float
    releases: list[tuple[str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.total = _positive(self.total, "The total budget")

    @property
    def spent(self) -> float:
        return float(sum(epsilon for _, epsilon in self.releases))

    @property
    def remaining(self) -> float:
        return self.total - self.spent

    def spend(self, epsilon: float, what: str) -> None:
        """Record a release, or refuse it when it would go over the budget."""
        epsilon = _positive(epsilon, "Epsilon")
        if epsilon > self.remaining + 1e-12:
            raise LearnerError(
                f"Releasing '{what}' with epsilon {epsilon:g} would go over the budget: "
                f"only {self.remaining:g} of {self.total:g} is left.",
                "Use a smaller epsilon (more noise), release fewer tables, or stop here.")
        self.releases.append((what, epsilon))

    def ledger(self) -> pd.DataFrame:
        """The releases so far and the running total."""
        table = pd.DataFrame(self.releases, columns=["release", "epsilon"])
        table["spent so far"] = table["epsilon"].cumsum()
        return table
