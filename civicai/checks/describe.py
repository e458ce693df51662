"""Plain-language descriptions of what a learner handed in.

A check must be able to say "this is a piece of text, but the question needs a
number" to someone who has never heard of `str`. These helpers never call a
learner object's own methods (`__repr__`, `__eq__`, `__len__`...), so a hostile
or broken object cannot crash or fool them.
"""
from __future__ import annotations

import math
import numbers
import types

import numpy as np
import pandas as pd

from civicai.checks import values

_NAMES = {
    bool: "a True/False value",
    int: "a whole number",
    float: "a number",
    str: "a piece of text",
    list: "a list",
    tuple: "a tuple (a fixed list)",
    dict: "a dictionary",
    set: "a set",
    pd.DataFrame: "a table",
    pd.Series: "a column of values",
}


#: The exact types of plain real numbers: Python's and NumPy's (never bool).
NUMBER_TYPES = (int, float) + tuple(sorted(
    {kind for kind in np.sctypeDict.values() if issubclass(kind, (np.integer, np.floating))},
    key=lambda kind: kind.__name__))


def has_type(value: object, kinds: tuple[type, ...]) -> bool:
    """True when the value's type is exactly one of `kinds`.

    By identity: `type(value) in kinds` compares types with `==`, which the learner's
    own metaclass can answer with yes for anything.
    """
    kind = type(value)
    for candidate in kinds:  # a loop, not any(...): a check may ask this 10,000 times
        if kind is candidate:
            return True
    return False


def is_plain_number(value: object) -> bool:
    """True for a real int/float or NumPy number, never for bool or look-alikes.

    Exact types only: a subclass could override conversion or comparison.
    """
    return has_type(value, NUMBER_TYPES)


def is_missing_number(value: object) -> bool:
    return is_plain_number(value) and math.isnan(float(value))


def kind_of(value: object) -> str:
    """What the value is, in words a non-programmer understands."""
    if value is None:
        return "nothing (the special value None)"
    if value is Ellipsis:
        return "the placeholder ... (nothing filled in yet)"
    if is_missing_number(value):
        return ("NaN ('not a number'), the mark of an empty value: often what a calculation "
                "on empty cells gives")
    if isinstance(value, (np.bool_,)):
        return _NAMES[bool]
    if is_plain_number(value):
        return _NAMES[float] if isinstance(value, (float, np.floating)) else _NAMES[int]
    for known, name in _NAMES.items():
        if type(value) is known:
            return name
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        return "a function"
    if isinstance(value, type):
        return "a type (a kind of value, not a value)"
    if isinstance(value, numbers.Number):
        return "something that behaves like a number but is not an ordinary number"
    if isinstance(value, values.Opaque):
        return _stand_in(value)
    return f"an object of type {type(value).__name__}"


def _stand_in(value: values.Opaque) -> str:
    """What an answer that crossed to the grader as a stand-in was (see values.py)."""
    if isinstance(value, values.TooLarge):
        return f"{value.kind}, too large for this question to read"
    if isinstance(value, values.FunctionRef):
        return "a function"
    if value.like == "number":
        return "something that behaves like a number but is not an ordinary number"
    if value.like == "text":
        return "something that behaves like text but is not ordinary text"
    return f"an object of type {value.type_name}"


def short_text(value: str, limit: int = 40) -> str:
    """A learner's own text, quoted and shortened, safe to show back to them."""
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return f'"{text}"'
