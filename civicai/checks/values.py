"""Answers as plain data: what crosses from a learner's notebook to the grader, and back into objects.

When a cohort is graded, the learner's code runs in a sandbox and the verdict is
computed outside it. What crosses is data, never an object: `encode` writes an
answer as strict JSON made of plain values, with the exact type of every part
named (a subclass of `int` is not an `int`, so it arrives as "an object of type
Yes"), and `decode` builds ordinary Python, NumPy and pandas objects from that
JSON alone. Nothing is unpickled, imported or called on the way in, so the
worst a learner's code can do is choose the values, which is the same as typing
them. The reference run that makes the answer key uses the same two functions,
so the learner's answer and the expected one are compared in the same form.

Anything that is not plain data arrives as a stand-in that describes it: an
`Opaque` object (a learner's own class, a module...), a `FunctionRef`, a
`Record` for a dataclass instance (the course's rules objects: its fields, as
plain values), or `TooLarge` for an answer beyond the size limits (a whole table
given where one number was asked for). The checks say in plain words what they are.
"""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import math
import numbers
import types
from collections.abc import Mapping

import numpy as np
import pandas as pd

#: Limits on one encoded answer: beyond them it arrives as TooLarge.
MAX_ITEMS = 1_000_000
MAX_TEXT = 4_000_000
MAX_DEPTH = 12
#: Limit on the JSON text of one message from a notebook.
MAX_JSON = 24 * 2**20

#: NumPy dtypes that cross as they are (anything else crosses element by element).
PLAIN_DTYPES = frozenset(
    ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
     "float16", "float32", "float64"])
_NUMPY_SCALARS = {np.dtype(name).type: name for name in PLAIN_DTYPES}


class Unreadable(ValueError):
    """Data that is not a well-formed encoded answer (damaged, or made by hand)."""


class Opaque:
    """Stands for a value that is not plain data: only what kind of thing it was."""

    def __init__(self, type_name: str, like: str = ""):
        self.type_name, self.like = type_name, like

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


class FunctionRef(Opaque):
    """Stands for a function: the function itself never crosses."""

    def __init__(self, name: str = "function"):
        super().__init__("function", "function")
        self.name = name


class Record(Opaque):
    """Stands for a dataclass instance (the course's `RegisterRules`, say): its type's name
    and its fields, as plain values."""

    def __init__(self, type_name: str, fields: dict):
        super().__init__(type_name, "record")
        self.fields = dict(fields)

    def __getattr__(self, name: str):
        fields = self.__dict__.get("fields", {})
        if name in fields:
            return fields[name]
        raise AttributeError(name)


def fields_of(value: object, type_name: str) -> dict | None:
    """The fields of a dataclass instance of that type's name, whether the object itself (in
    a notebook) or its stand-in (in the grader); None for anything else."""
    if isinstance(value, Record):
        return dict(value.fields) if value.type_name == type_name else None
    if dataclasses.is_dataclass(value) and not isinstance(value, type) and \
            _type_name(value) == type_name:
        return {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    return None


class TooLarge(Opaque):
    """Stands for an answer beyond the size limits; `kind` says what it was in words."""

    def __init__(self, kind: str, size: int):
        super().__init__("too large", "too large")
        self.kind, self.size = kind, size


class _Budget:
    """Counts what an encoding has spent, so that one answer cannot grow without end."""

    def __init__(self) -> None:
        self.items = 0
        self.text = 0

    def spend(self, items: int = 1, text: int = 0) -> None:
        self.items += items
        self.text += text
        if self.items > MAX_ITEMS or self.text > MAX_TEXT:
            raise _Exhausted


class _Exhausted(Exception):
    pass


# ---- encoding (runs wherever the answer lives: the learner's kernel, the reference run) ----

def encode(value: object) -> dict:
    """`value` as JSON-ready plain data (see the module docstring); never raises."""
    try:
        return _encode(value, _Budget(), 0)
    except (_Exhausted, RecursionError):
        return {"t": "toolarge", "kind": _kind_in_words(value), "size": _size_of(value)}
    except Exception as error:  # a learner's object that breaks on being read
        return {"t": "object", "type": f"unreadable {type(error).__name__}", "like": ""}


def _type_name(value: object) -> str:
    kind = type(value)
    try:
        name = type.__dict__["__name__"].__get__(kind)
    except Exception:
        name = "unknown"
    return str(name)[:80] if type(name) is str else "unknown"


def _like(value: object) -> str:
    """What a look-alike resembles, for a plain message ("behaves like a number")."""
    checks = (("number", numbers.Number), ("text", str), ("table", pd.DataFrame),
              ("mapping", Mapping), ("function", types.FunctionType))
    for word, kind in checks:
        try:
            if isinstance(value, kind):
                return word
        except Exception:
            return ""
    return ""


def _float(number: float) -> object:
    return number if math.isfinite(number) else repr(number)


def _encode(value: object, budget: _Budget, depth: int) -> dict:
    if depth > MAX_DEPTH:
        raise _Exhausted
    budget.spend()
    kind = type(value)
    if value is None:
        return {"t": "none"}
    if value is Ellipsis:
        return {"t": "ellipsis"}
    if kind is bool:
        return {"t": "bool", "v": value}
    if kind is int:
        text = int.__repr__(value) if -10**4000 < value < 10**4000 else None
        if text is None:
            raise _Exhausted
        budget.spend(text=len(text))
        return {"t": "int", "v": text}
    if kind is float:
        return {"t": "float", "v": float.__repr__(value)}
    if kind is str:
        budget.spend(text=len(value))
        return {"t": "str", "v": value}
    if kind is bytes:
        budget.spend(text=len(value))
        return {"t": "bytes", "v": base64.b64encode(value).decode("ascii")}
    if _one_of(kind, (list, tuple, set, frozenset)):
        items = sorted(value, key=_sort_key) if _one_of(kind, (set, frozenset)) else value
        return {"t": kind.__name__, "v": [_encode(item, budget, depth + 1) for item in items]}
    if kind is dict:
        return {"t": "dict", "v": [[_encode(key, budget, depth + 1), _encode(item, budget, depth + 1)]
                                   for key, item in dict.items(value)]}
    for scalar, name in _NUMPY_SCALARS.items():
        if kind is scalar:
            return {"t": "np", "dtype": name, "v": _encode(value.item(), budget, depth + 1)}
    if kind is np.ndarray:
        return _encode_array(value, budget, depth)
    if kind is pd.Series:
        return {"t": "series", "name": _encode(value.name, budget, depth + 1),
                "index": _encode_index(value.index, budget, depth), **_column(value, budget, depth)}
    if kind is pd.DataFrame:
        columns = [_column(value.iloc[:, position], budget, depth)
                   for position in range(value.shape[1])]
        return {"t": "frame", "columns": _encode_index(value.columns, budget, depth),
                "index": _encode_index(value.index, budget, depth), "data": columns}
    if isinstance(value, pd.Index) and _one_of(kind, (pd.Index, pd.RangeIndex, pd.MultiIndex,
                                                       pd.CategoricalIndex, pd.DatetimeIndex)):
        return _encode_index(value, budget, depth)
    if kind is pd.Timestamp or kind is dt.datetime:
        return {"t": "datetime", "v": value.isoformat(), "pandas": kind is pd.Timestamp}
    if kind is dt.date:
        return {"t": "date", "v": value.isoformat()}
    if value is pd.NaT:
        return {"t": "nat"}
    if kind is pd.Timedelta:
        return {"t": "timedelta", "v": int(value.value)}
    if value is pd.NA:
        return {"t": "na"}
    if kind is pd.Interval:
        return {"t": "interval", "left": _encode(value.left, budget, depth + 1),
                "right": _encode(value.right, budget, depth + 1), "closed": value.closed}
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        return {"t": "function", "name": _type_name(value) if not hasattr(value, "__name__")
                else str(getattr(value, "__name__", ""))[:80]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"t": "record", "type": _type_name(value),
                "fields": [[field.name, _encode(getattr(value, field.name), budget, depth + 1)]
                           for field in dataclasses.fields(value)]}
    return {"t": "object", "type": _type_name(value), "like": _like(value)}


def _one_of(kind: type, kinds: tuple[type, ...]) -> bool:
    """`kind in kinds` by identity: `in` compares with ==, which a learner's metaclass can
    answer with yes for anything."""
    for candidate in kinds:
        if kind is candidate:
            return True
    return False


def _sort_key(item: object) -> tuple[str, str]:
    plain = _one_of(type(item), (int, float, str, bool))
    return (_type_name(item), repr(item) if plain else "")


def _encode_array(array: np.ndarray, budget: _Budget, depth: int) -> dict:
    budget.spend(items=int(array.size))
    name = array.dtype.name
    if name in PLAIN_DTYPES:
        values = array.ravel().tolist()
        if array.dtype.kind == "f":
            values = [_float(number) for number in values]
    else:
        name = "object"
        values = [_encode(item, budget, depth + 1) for item in array.ravel().tolist()]
    return {"t": "ndarray", "dtype": name, "shape": list(array.shape), "v": values}


def _column(series: pd.Series, budget: _Budget, depth: int) -> dict:
    """One column's dtype and values: plain lists where the dtype allows, else item by item."""
    budget.spend(items=len(series))
    dtype = series.dtype
    name = str(dtype)
    if isinstance(dtype, pd.CategoricalDtype):
        return {"dtype": "category", "ordered": bool(dtype.ordered),
                "categories": _encode_index(dtype.categories, budget, depth),
                "codes": series.cat.codes.tolist()}
    if isinstance(dtype, pd.DatetimeTZDtype) or name.startswith("datetime64"):
        stamps = series.array.asi8.tolist() if hasattr(series.array, "asi8") else None
        if stamps is not None:
            missing = series.isna().tolist()
            return {"dtype": name, "v": [None if gone else stamp for stamp, gone in zip(stamps, missing)]}
    if name.startswith("timedelta64"):
        missing = series.isna().tolist()
        return {"dtype": name, "v": [None if gone else stamp
                                     for stamp, gone in zip(series.array.asi8.tolist(), missing)]}
    if name in PLAIN_DTYPES:
        values = series.to_numpy().tolist()
        if dtype.kind == "f":
            values = [_float(number) for number in values]
        return {"dtype": name, "v": values}
    if name in ("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
                "Float32", "Float64", "boolean") or name.startswith("string") or name == "str":
        values = [None if item is pd.NA or (type(item) is float and math.isnan(item)) or item is None
                  else (_float(item) if type(item) is float else item)
                  for item in series.astype(object).tolist()]
        if not all(item is None or _one_of(type(item), (int, float, bool, str)) for item in values):
            values = [_encode(item, budget, depth + 1) for item in series.astype(object).tolist()]
            return {"dtype": "object", "v": values}
        budget.spend(text=sum(len(item) for item in values if type(item) is str))
        return {"dtype": "str" if name.startswith("string") or name == "str" else name, "v": values}
    return {"dtype": "object",
            "v": [_encode(item, budget, depth + 1) for item in series.astype(object).tolist()]}


def _encode_index(index: pd.Index, budget: _Budget, depth: int) -> dict:
    kind = type(index)
    name = _encode(index.name, budget, depth + 1) if kind is not pd.MultiIndex else None
    if kind is pd.RangeIndex:
        return {"t": "range", "start": index.start, "stop": index.stop, "step": index.step,
                "name": name}
    if kind is pd.MultiIndex:
        return {"t": "multi", "names": [_encode(level, budget, depth + 1) for level in index.names],
                "levels": [_column(index.get_level_values(position).to_series(), budget, depth)
                           for position in range(index.nlevels)]}
    return {"t": "index", "name": name, **_column(index.to_series(), budget, depth)}


def _kind_in_words(value: object) -> str:
    from civicai.checks.describe import kind_of

    try:
        return kind_of(value)
    except Exception:
        return "an answer"


def _size_of(value: object) -> int:
    try:
        return int(len(value)) if _one_of(type(value), (list, tuple, set, dict, str, bytes,
                                                        pd.DataFrame, pd.Series)) else 0
    except Exception:
        return 0


# ---- decoding (runs in the grader: trusts nothing it reads) -------------------------------------

def decode(data: object) -> object:
    """The object `data` stands for; raises Unreadable on anything malformed."""
    try:
        return _decode(data, 0)
    except Unreadable:
        raise
    except (TypeError, ValueError, KeyError, IndexError, OverflowError, AttributeError) as error:
        raise Unreadable(f"{type(error).__name__}: {str(error)[:200]}") from None


def _need(condition: bool, what: str) -> None:
    if not condition:
        raise Unreadable(what)


def _field(node: dict, name: str, kinds: tuple[type, ...]) -> object:
    _need(name in node and type(node[name]) in kinds, f"a {node.get('t')!r} without a proper {name!r}")
    return node[name]


def _decode(node: object, depth: int) -> object:
    _need(depth <= MAX_DEPTH * 3, "nested too deep")
    _need(type(node) is dict and type(node.get("t")) is str, "not an encoded value")
    tag = node["t"]
    if tag == "none":
        return None
    if tag == "ellipsis":
        return Ellipsis
    if tag == "bool":
        return bool(_field(node, "v", (bool,)))
    if tag == "int":
        text = _field(node, "v", (str,))
        _need(len(text) <= 4001, "an integer too long")
        return int(text)
    if tag == "float":
        return float(_field(node, "v", (str,)))
    if tag == "str":
        return _field(node, "v", (str,))
    if tag == "bytes":
        return base64.b64decode(_field(node, "v", (str,)), validate=True)
    if tag in ("list", "tuple", "set", "frozenset"):
        items = [_decode(item, depth + 1) for item in _field(node, "v", (list,))]
        return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
    if tag == "dict":
        pairs = _field(node, "v", (list,))
        _need(all(type(pair) is list and len(pair) == 2 for pair in pairs), "a broken dictionary")
        return {_decode(key, depth + 1): _decode(item, depth + 1) for key, item in pairs}
    if tag == "np":
        dtype = _field(node, "dtype", (str,))
        _need(dtype in PLAIN_DTYPES, f"an unknown number type {dtype!r}")
        return np.dtype(dtype).type(_decode(node.get("v"), depth + 1))
    if tag == "ndarray":
        return _decode_array(node, depth)
    if tag == "series":
        index = _decode_index(_field(node, "index", (dict,)), depth)
        return pd.Series(_decode_column(node, depth), index=index,
                         name=_decode(node.get("name"), depth + 1), copy=False)
    if tag == "frame":
        columns = _decode_index(_field(node, "columns", (dict,)), depth)
        index = _decode_index(_field(node, "index", (dict,)), depth)
        data = _field(node, "data", (list,))
        _need(len(data) == len(columns), "a table whose columns do not add up")
        arrays = [_decode_column(column, depth) for column in data]
        _need(all(len(array) == len(index) for array in arrays), "a table whose rows do not add up")
        frame = pd.DataFrame({position: array for position, array in enumerate(arrays)},
                             index=index)
        frame.columns = columns
        return frame
    if tag in ("range", "index", "multi"):
        return _decode_index(node, depth)
    if tag == "datetime":
        text = _field(node, "v", (str,))
        return pd.Timestamp(text) if node.get("pandas") else dt.datetime.fromisoformat(text)
    if tag == "date":
        return dt.date.fromisoformat(_field(node, "v", (str,)))
    if tag == "nat":
        return pd.NaT
    if tag == "na":
        return pd.NA
    if tag == "timedelta":
        return pd.Timedelta(_field(node, "v", (int,)), unit="ns")
    if tag == "interval":
        closed = _field(node, "closed", (str,))
        _need(closed in ("left", "right", "both", "neither"), "a broken interval")
        return pd.Interval(_decode(node.get("left"), depth + 1), _decode(node.get("right"), depth + 1),
                           closed=closed)
    if tag == "function":
        return FunctionRef(str(node.get("name", ""))[:80])
    if tag == "object":
        return Opaque(str(node.get("type", "unknown"))[:80], str(node.get("like", ""))[:20])
    if tag == "record":
        pairs = _field(node, "fields", (list,))
        _need(all(type(pair) is list and len(pair) == 2 and type(pair[0]) is str
                  for pair in pairs), "a broken record")
        return Record(str(node.get("type", "unknown"))[:80],
                      {name: _decode(item, depth + 1) for name, item in pairs})
    if tag == "toolarge":
        size = node.get("size", 0)
        return TooLarge(str(node.get("kind", "an answer"))[:200], size if type(size) is int else 0)
    raise Unreadable(f"an unknown kind of value {tag!r}")


def _floats(values: list) -> list[float]:
    return [float(item) if type(item) in (int, float, str) else _bad("a number list") for item in values]


def _bad(what: str):
    raise Unreadable(f"a broken {what}")


def _decode_array(node: dict, depth: int) -> np.ndarray:
    dtype = _field(node, "dtype", (str,))
    shape = _field(node, "shape", (list,))
    _need(all(type(size) is int and size >= 0 for size in shape) and len(shape) <= 8, "a broken shape")
    values = _field(node, "v", (list,))
    _need(math.prod(shape) == len(values), "an array whose shape does not fit its values")
    if dtype == "object":
        flat = np.empty(len(values), dtype=object)
        flat[:] = [_decode(item, depth + 1) for item in values]
        return flat.reshape(shape)
    _need(dtype in PLAIN_DTYPES, f"an unknown array type {dtype!r}")
    if np.dtype(dtype).kind == "f":
        values = _floats(values)
    else:
        _need(all(type(item) in (int, bool) for item in values), "a broken array")
    return np.array(values, dtype=dtype).reshape(shape)


def _decode_column(node: dict, depth: int):
    """An array (NumPy or pandas) for one encoded column, with its dtype."""
    dtype = _field(node, "dtype", (str,))
    if dtype == "category":
        categories = _decode_index(_field(node, "categories", (dict,)), depth)
        codes = _field(node, "codes", (list,))
        _need(all(type(code) is int and -1 <= code < len(categories) for code in codes),
              "broken categories")
        return pd.Categorical.from_codes(codes, categories=categories,
                                         ordered=bool(node.get("ordered")))
    values = _field(node, "v", (list,))
    if dtype.startswith(("datetime64[", "timedelta64[")):
        return _decode_times(dtype, values)
    if dtype in PLAIN_DTYPES:
        if np.dtype(dtype).kind == "f":
            values = _floats(values)
        else:
            _need(all(type(item) in (int, bool) for item in values), "a broken column")
        return np.array(values, dtype=dtype)
    if dtype in ("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
                 "Float32", "Float64", "boolean"):
        _need(all(item is None or type(item) in (int, float, bool, str) for item in values),
              "a broken column")
        cleaned = [pd.NA if item is None else (float(item) if type(item) is str else item)
                   for item in values]
        return pd.array(cleaned, dtype=dtype)
    if dtype == "str":
        _need(all(item is None or type(item) is str for item in values), "a broken text column")
        return pd.array(values, dtype="str")
    _need(dtype == "object", f"an unknown column type {dtype!r}")
    array = np.empty(len(values), dtype=object)
    array[:] = [_decode(item, depth + 1) for item in values]
    return array


def _decode_times(dtype: str, values: list):
    """Dates or durations, from whole numbers in their unit (None for a missing one)."""
    kind, _, inside = dtype.partition("[")
    unit, _, zone = inside.rstrip("]").partition(",")
    _need(unit in ("s", "ms", "us", "ns"), f"an unknown time unit {unit!r}")
    _need(all(item is None or type(item) is int for item in values), "broken dates")
    missing = np.iinfo("int64").min  # how NumPy stores NaT
    numbers_ = np.array([missing if item is None else item for item in values], dtype="int64")
    times = numbers_.view(f"{kind}[{unit}]")
    if zone.strip():
        return pd.DatetimeIndex(times).tz_localize("UTC").tz_convert(zone.strip()).array
    return pd.array(times)


def _decode_index(node: dict, depth: int) -> pd.Index:
    _need(type(node) is dict, "a broken index")
    tag = node.get("t")
    if tag == "range":
        numbers_ = [node.get(name) for name in ("start", "stop", "step")]
        _need(all(type(number) is int for number in numbers_) and numbers_[2] != 0, "a broken range")
        _need(abs(numbers_[1] - numbers_[0]) // abs(numbers_[2]) <= MAX_ITEMS, "a range too long")
        return pd.RangeIndex(*numbers_, name=_decode(node.get("name"), depth + 1))
    if tag == "multi":
        levels = [pd.Index(_decode_column(level, depth)) for level in _field(node, "levels", (list,))]
        names = [_decode(name, depth + 1) for name in _field(node, "names", (list,))]
        _need(levels and len(names) == len(levels), "a broken multi-level index")
        return pd.MultiIndex.from_arrays(levels, names=names)
    _need(tag == "index", "a broken index")
    return pd.Index(_decode_column(node, depth), name=_decode(node.get("name"), depth + 1),
                    tupleize_cols=False)


# ---- the JSON text ---------------------------------------------------------------------------

def dumps(data: object) -> str:
    """Strict JSON (no NaN), as the Jupyter protocol carries it."""
    return json.dumps(data, allow_nan=False, ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> object:
    """Parse strict JSON of bounded size; raises Unreadable otherwise."""
    if type(text) is not str or len(text) > MAX_JSON:
        raise Unreadable("missing or too long")

    def refuse(constant: str):
        raise Unreadable(f"{constant} is not strict JSON")

    try:
        return json.loads(text, parse_constant=refuse)
    except (ValueError, RecursionError) as error:
        raise Unreadable(f"not JSON ({str(error)[:100]})") from None
