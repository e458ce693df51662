"""Strict comparisons for hidden tests.

Hidden tests run in the learner's kernel, next to the learner's objects. A
plain `assert answer == 42` passes when `answer` is an object whose `==` always
says yes. These helpers check the exact type first and only then compare plain
values, so they cannot be fooled that way. Use them in every hidden test.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from civicai.checks.answers import canonical_text
from civicai.checks.describe import has_type, is_plain_number


def same_number(value: object, expected: float, tolerance: float = 1e-9) -> bool:
    """True when `value` is a real number within `tolerance` of `expected`."""
    if not is_plain_number(value):
        return False
    number = float(value)
    return math.isfinite(number) and abs(number - float(expected)) <= tolerance


def same_text(value: object, expected: str) -> bool:
    """True when `value` is text equal to `expected`, ignoring case, accents, spacing."""
    return type(value) is str and canonical_text(value) == canonical_text(expected)


def same_choice(value: object, expected: str) -> bool:
    """True when `value` picks option `expected` ("b", " B ", "(b)" all count)."""
    return type(value) is str and value.strip().strip("()").casefold() == expected.casefold()


def same_frame(value: object, expected: pd.DataFrame, *, ignore_order: bool = False,
               tolerance: float = 1e-9) -> bool:
    """True when `value` is a DataFrame with the same columns and values."""
    if type(value) is not pd.DataFrame:
        return False
    actual = value
    if ignore_order:
        actual = actual.sort_values(list(actual.columns)).reset_index(drop=True)
        expected = expected.sort_values(list(expected.columns)).reset_index(drop=True)
    try:
        pd.testing.assert_frame_equal(actual, expected, check_dtype=False, check_exact=False,
                                      atol=tolerance, check_index_type=False)
    except (AssertionError, TypeError, ValueError):
        return False
    return True


def same_numbers(values: object, expected: list[float], tolerance: float = 1e-9) -> bool:
    """True when `values` is a list, array or Series of real numbers equal to `expected`."""
    if not has_type(values, (list, tuple, np.ndarray, pd.Series)):
        return False
    items = list(values)
    return len(items) == len(expected) and all(
        same_number(item, want, tolerance) for item, want in zip(items, expected))
