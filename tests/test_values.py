"""Answers as plain data: what a notebook hands the grader comes back as the same value, and
nothing a learner's code writes can make the grader run anything."""
import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from civicai.checks import values
from civicai.checks.describe import kind_of


def round_trip(value):
    return values.decode(values.loads(values.dumps(values.encode(value))))


@pytest.mark.parametrize("value", [
    0, 84, -7, 10**30, 84.0, 0.1 + 0.2, -0.0, True, False, None, ..., "", "Dinas Sosial", "é ✅",
    b"\x00key", [1, "a", None], (1, 2), {"nik", "name"}, frozenset({1}), {"regency": "regency", 1: [2]},
    np.int64(4), np.int32(-1), np.uint8(200), np.float64(0.79), np.float32(0.5), np.bool_(True),
    pd.Timestamp("2024-06-02 10:30"), pd.NaT, pd.NA, pd.Timedelta(days=2), dt.date(2024, 6, 2),
    dt.datetime(2024, 6, 2, 8), pd.Interval(0, 5, closed="left"),
])
def test_plain_values_come_back_the_same(value):
    back = round_trip(value)
    assert type(back) is type(value)
    assert back is value or back == value or (back != back and value != value)


@pytest.mark.parametrize("special", [float("nan"), float("inf"), float("-inf")])
def test_special_floats_cross_as_strict_json(special):
    text = values.dumps(values.encode([special, np.array([special, 1.0])]))
    json.loads(text, parse_constant=lambda constant: pytest.fail(constant))
    back = values.decode(values.loads(text))
    assert str(back[0]) == str(special) == str(float(back[1][0]))


def frames():
    from civicai.data import load

    households = load("households")
    yield households.head(300)  # categories, booleans, whole numbers, text
    yield load("seattle_pets").head(200)  # dates, text
    yield households.groupby(["province", "disability"], observed=True)["truly_poor"].mean() \
        .to_frame()  # a two-level index
    yield pd.DataFrame({"when": pd.to_datetime(["2024-06-02", None]).tz_localize("Asia/Jakarta"),
                        "n": pd.array([1, None], dtype="Int64"),
                        "flag": pd.array([True, None], dtype="boolean"),
                        "mixed": [1, "a"]}, index=pd.Index(["x", "y"], name="row"))
    yield pd.DataFrame({"FNR": [0.36, 0.27]}, index=pd.Index([True, False], name="disability"))


@pytest.mark.parametrize("frame", list(frames()), ids=lambda frame: ",".join(map(str, frame.columns))[:30])
def test_tables_come_back_the_same(frame):
    pd.testing.assert_frame_equal(round_trip(frame), frame)
    for column in frame.columns:
        pd.testing.assert_series_equal(round_trip(frame[column]), frame[column])


def test_arrays_keep_shape_and_type():
    array = np.arange(6, dtype="int16").reshape(2, 3)
    back = round_trip(array)
    assert back.dtype == array.dtype and back.shape == (2, 3) and (back == array).all()
    mixed = round_trip(np.array([1, "a"], dtype=object))
    assert list(mixed) == [1, "a"]


class Yes(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


class Shouting(str):
    pass


class Broken:
    @property
    def __class__(self):
        raise RuntimeError("no")


def test_look_alikes_arrive_as_what_they_are():
    assert kind_of(round_trip(Yes(3))) == \
        "something that behaves like a number but is not an ordinary number"
    assert kind_of(round_trip(Shouting("b"))) == \
        "something that behaves like text but is not ordinary text"
    assert kind_of(round_trip(lambda x: x)) == "a function"
    assert kind_of(round_trip(Broken())).startswith("an object of type")
    assert round_trip([Yes(1), 2])[1] == 2


def test_an_answer_too_large_says_what_it_was(monkeypatch):
    monkeypatch.setattr(values, "MAX_ITEMS", 1000)
    back = round_trip(pd.DataFrame({"a": range(5000)}))
    assert isinstance(back, values.TooLarge)
    assert kind_of(back) == "a table, too large for this question to read"
    deep = []
    for _ in range(100):
        deep = [deep]
    assert isinstance(round_trip(deep), values.TooLarge)


@pytest.mark.parametrize("data", [
    None, 1, "x", [], {}, {"t": 3}, {"t": "pickle", "v": "gASV"}, {"t": "int", "v": 1},
    {"t": "int", "v": "9" * 5000}, {"t": "np", "dtype": "object", "v": {"t": "none"}},
    {"t": "ndarray", "dtype": "float64", "shape": [2, 2], "v": [1.0]},
    {"t": "ndarray", "dtype": "int64", "shape": [1], "v": ["1"]},
    {"t": "frame", "columns": {"t": "range", "start": 0, "stop": 2, "step": 1, "name": {"t": "none"}},
     "index": {"t": "range", "start": 0, "stop": 1, "step": 1, "name": {"t": "none"}},
     "data": [{"dtype": "int64", "v": [1]}]},
    {"t": "range", "start": 0, "stop": 10**12, "step": 1, "name": {"t": "none"}},
    {"t": "series", "dtype": "category", "codes": [5], "name": {"t": "none"},
     "categories": {"t": "index", "dtype": "str", "v": ["a"], "name": {"t": "none"}},
     "index": {"t": "range", "start": 0, "stop": 1, "step": 1, "name": {"t": "none"}}},
    {"t": "series", "dtype": "datetime64[fortnights]", "v": [1], "name": {"t": "none"},
     "index": {"t": "range", "start": 0, "stop": 1, "step": 1, "name": {"t": "none"}}},
    {"t": "dict", "v": [[{"t": "none"}]]},
    {"t": "list", "v": [{"t": "list", "v": []}] * 3 + [{"t": "nope"}]},
])
def test_malformed_data_is_refused_in_plain_words(data):
    with pytest.raises(values.Unreadable):
        values.decode(data)


def test_only_strict_bounded_json_is_read():
    for text in ("[NaN]", "{", "x" * (values.MAX_JSON + 1), 5):
        with pytest.raises(values.Unreadable):
            values.loads(text)


def test_the_courses_rules_objects_cross_as_their_fields():
    from civicai.automation import RegisterRules

    rules = RegisterRules(id_column="nomor_izin", spelling_columns=["kecamatan"],
                          date_format="%d/%m/%Y")
    back = round_trip(rules)
    assert isinstance(back, values.Record) and back.type_name == "RegisterRules"
    assert values.fields_of(back, "RegisterRules") == values.fields_of(rules, "RegisterRules")
    assert back.spelling_columns == ("kecamatan",) and back.code_column is None
    assert values.fields_of(back, "OtherRules") is None and values.fields_of(3, "RegisterRules") is None
