"""What the witness relies on when it compares by dictionary versions (PEP 509).

The witness compares only the dictionaries whose version moved since it last found them as
the snapshot has them. That is sound only if every way learner code can change a
dictionary moves its version, and nothing moves it back. These are the ways a learner has,
tried on the Python the course runs on. (Setting a name to the very object it already
holds changes nothing, and need not move the version.)
"""
from __future__ import annotations

import gc
import types

import pytest

# On a Python without CPython's test helpers the witness compares item by item instead
# (tests/grading/test_witness_without_versions.py); there is nothing to check here.
version = pytest.importorskip("_testcapi").dict_get_version


def changes(container: dict, change) -> bool:
    before = version(container)
    change(container)
    return version(container) != before


class Plain:
    pass


def test_every_change_to_a_dictionary_moves_its_version():
    def store_many_times(namespace):  # specialised bytecode writes straight into the table
        code = compile("for _ in range(200):\n    target = _", "<learner>", "exec")
        exec(code, namespace)

    ways = {
        "set": lambda d: d.__setitem__("a", object()),
        "delete": lambda d: d.__delitem__("a"),
        "pop": lambda d: d.pop("a"),
        "popitem": lambda d: d.popitem(),
        "update": lambda d: d.update(b=object()),
        "|=": lambda d: d.__ior__({"c": 3}),
        "clear": lambda d: d.clear(),
        "__init__ again": lambda d: dict.__init__(d, a=4),
        "setdefault of a new name": lambda d: d.setdefault("new", 5),
        "exec with it as globals": store_many_times,
    }
    for name, way in ways.items():
        container = {"a": 1, "b": 2}
        assert changes(container, way), name


def test_swapping_two_names_moves_the_version():
    container = {"same_text": 1, "same_choice": 2}

    def swap(d):
        first, second = d["same_text"], d["same_choice"]
        d.clear()
        d.update(same_text=second, same_choice=first)

    assert changes(container, swap)


def test_modules_classes_and_objects_move_their_dictionaries_versions():
    module = types.ModuleType("learner_target")
    module.helper = len
    assert changes(vars(module), lambda _: setattr(module, "helper", abs))

    class Checked:
        def check(self):
            return True

    owner = Checked.__dict__  # what the witness holds: the mappingproxy
    (inside,) = gc.get_referents(owner)
    assert changes(inside, lambda _: setattr(Checked, "check", lambda self: False))

    thing = Plain()
    thing.hook = 1
    state = vars(thing)  # the witness takes vars() of IPython's objects
    for _ in range(200):  # let the interpreter specialise the attribute store
        thing.hook = 2
    assert changes(state, lambda _: setattr(thing, "hook", 3))

    def store_in_a_loop(_):
        for _ in range(200):
            thing.hook = 4

    assert changes(state, store_in_a_loop)


def test_the_dictionary_behind_a_mappingproxy_reached_by_comparison_is_watched_too():
    """The known trick that hands learner code a class's real dictionary (the proxy's ==
    passes it to the other operand) changes the dictionary the witness versions."""
    class Target:
        value = 1

    taken = []

    class Thief:
        def __eq__(self, other):
            taken.append(other)
            return True

    Target.__dict__ == Thief()  # noqa: B015 - the comparison is the trick
    (inside,) = gc.get_referents(Target.__dict__)
    assert taken and taken[0] is inside
    assert changes(inside, lambda d: d.__setitem__("value", 2))


def test_a_version_never_comes_back():
    container = {"a": 1}
    seen = {version(container)}
    for value in (2, 1, 2, 1):
        container["a"] = value
        assert version(container) not in seen
        seen.add(version(container))
