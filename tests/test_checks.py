"""Learner checks: right, wrong, blank and hostile answers, in plain words, never leaking."""
import inspect
import math

import numpy as np
import pandas as pd
import pytest

import civicai.checks.start_here as start_here
from civicai.checks import answers, strict
from civicai.checks.outcome import CheckFailed, NotAttemptedYet, NotRightYet
from civicai.checks.questions import (
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    TableQuestion,
)

TRACEBACK_WORDS = ("Traceback", "File \"", "line ", "Error:")


class AlwaysEqual:
    """A hostile answer: claims to equal anything, and to be any number."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__

    def __float__(self):
        return 84.0

    def __index__(self):
        return 84

    def __repr__(self):
        raise RuntimeError("a hostile repr")


class HostileFloat(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


class EqualToEveryType(type):
    """A learner's metaclass: says its classes equal any type (`int == TheirClass`)."""

    def __eq__(cls, other):
        return True

    __hash__ = type.__hash__


class PosingAsAnInt(metaclass=EqualToEveryType):
    """Passes `type(x) in (int, float)`, then converts to whatever number is wanted."""

    def __float__(self):
        return 84.0


class PosingAsNumpy(np.float64):
    """A NumPy subclass that claims to be NumPy's own, and is equal to anything."""
    __module__ = "numpy"

    def __eq__(self, other):
        return True

    __hash__ = np.float64.__hash__


NUMBER = NumberQuestion("test/number", "A number", "answer",
                        answers.fingerprint("test/number", answers.canonical_number(84, 0)),
                        low=0, high=1000)
PRECISE = NumberQuestion("test/precise", "A share", "answer",
                         answers.fingerprint("test/precise", answers.canonical_number(0.125, 2)),
                         decimals=2, low=0, high=1)
CHOICE = ChoiceQuestion("test/choice", "A choice", "answer",
                        answers.fingerprint("test/choice", "b"))


def run_check(question, **namespace):
    """Run a question's check as if `namespace` were the notebook's globals."""
    code = compile("question.check()", "<notebook cell>", "exec")
    exec(code, {"question": question, "__name__": "__main__", **namespace})


def outcome(question, **namespace):
    try:
        run_check(question, **namespace)
    except CheckFailed as failure:
        return failure
    return None


def assert_plain(failure: CheckFailed):
    """A message for a non-programmer: short, no traceback, no expected value."""
    text = str(failure)
    assert not any(word in text for word in TRACEBACK_WORDS[:2]), text
    assert len(text.splitlines()) <= 8, text
    rendered = failure._render_traceback_()
    assert rendered and all(isinstance(line, str) for line in rendered)


# -- the three states -------------------------------------------------------------

def test_missing_answer_is_not_attempted():
    failure = outcome(NUMBER)
    assert isinstance(failure, NotAttemptedYet)
    assert "There is no `answer` yet" in str(failure)
    assert_plain(failure)


@pytest.mark.parametrize("placeholder", [Ellipsis, "", "   "])
def test_placeholder_is_not_attempted(placeholder):
    assert isinstance(outcome(NUMBER, answer=placeholder), NotAttemptedYet)


def test_untouched_function_stub_is_not_attempted():
    namespace = {}
    exec("def answer(table):\n    ...  # YOUR ANSWER HERE: replace the ... with your answer\n",
         namespace)
    question = FunctionQuestion("test/f", "A function", "answer", lambda call: None)
    assert isinstance(outcome(question, answer=namespace["answer"]), NotAttemptedYet)


def test_right_answer_is_correct(capsys):
    assert outcome(NUMBER, answer=84) is None
    assert "✅ Correct — A number" in capsys.readouterr().out


@pytest.mark.parametrize("value", [84, 84.0, np.int64(84), np.float32(84.0), 84.4])
def test_numbers_of_any_ordinary_kind_pass(value):
    assert outcome(NUMBER, answer=value) is None


def test_rounding_edge_is_forgiven():
    assert outcome(PRECISE, answer=0.12499999999) is None
    assert outcome(PRECISE, answer=0.125) is None
    assert isinstance(outcome(PRECISE, answer=0.14), NotRightYet)


# -- wrong answers say what is wrong, in words ---------------------------------------

@pytest.mark.parametrize("value, words", [
    (85, "not the right one"),
    ("84", "a piece of text"),
    (None, "nothing (the special value None)"),
    (float("nan"), "NaN"),
    (math.inf, "division by zero"),
    (-3, "too small"),
    (5000, "too large"),
    ([84], "a list"),
    (True, "True/False"),
    (pd.Series([84]), "take it out of the table"),
    (pd.DataFrame({"n": [84]}), "take it out of the table"),
])
def test_wrong_answers_are_explained(value, words):
    failure = outcome(NUMBER, answer=value)
    assert isinstance(failure, NotRightYet)
    assert words in str(failure)
    assert_plain(failure)


@pytest.mark.parametrize("hostile", [AlwaysEqual(), HostileFloat(1.0), PosingAsAnInt(),
                                     PosingAsNumpy(84.0)])
def test_objects_that_equal_everything_do_not_pass(hostile):
    failure = outcome(NUMBER, answer=hostile)
    assert isinstance(failure, NotRightYet)
    assert_plain(failure)


def test_hostile_objects_do_not_fool_the_strict_helpers():
    assert not strict.same_number(AlwaysEqual(), 84)
    assert not strict.same_number(HostileFloat(84.0), 1.0)
    assert not strict.same_text(AlwaysEqual(), "b")
    assert not strict.same_choice(AlwaysEqual(), "b")
    assert not strict.same_frame(AlwaysEqual(), pd.DataFrame({"a": [1]}))
    assert not strict.same_numbers(AlwaysEqual(), [1.0])
    assert not strict.same_number(PosingAsAnInt(), 84)
    assert not strict.same_number(PosingAsNumpy(84.0), 84)
    assert not strict.same_numbers(PosingAsAnInt(), [84.0])


def test_strict_helpers_accept_right_answers():
    assert strict.same_number(np.int64(4), 4)
    assert strict.same_number(np.float32(0.5), 0.5)
    assert strict.same_number(np.uint8(4), 4)
    assert strict.same_text(" Dinas  Dukcapil ", "dinas dukcapil")
    assert strict.same_choice("(B)", "b")
    assert strict.same_frame(pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1.0, 2.0]}))
    assert strict.same_frame(pd.DataFrame({"a": [2, 1]}), pd.DataFrame({"a": [1, 2]}),
                             ignore_order=True)
    assert strict.same_numbers(pd.Series([1, 2]), [1, 2])
    assert not strict.same_numbers([1, 2], [1, 2, 3])


@pytest.mark.parametrize("value, state, words", [
    ("b", None, ""),
    (" B ", None, ""),
    ("(b)", None, ""),
    ("a", NotRightYet, "not the best answer"),
    ("d", NotRightYet, 'Choose one of "a", "b", "c"'),
    ("option b", NotRightYet, "Choose one of"),
    (2, NotRightYet, "Write one letter in quotes"),
])
def test_choice_questions(value, state, words):
    failure = outcome(CHOICE, answer=value)
    if state is None:
        assert failure is None
    else:
        assert isinstance(failure, state) and words in str(failure)


def test_table_question_names_the_missing_column():
    question = TableQuestion("test/table", "A table", "answer", columns=["unit", "count"])
    failure = outcome(question, answer=pd.DataFrame({"Unit": ["a"], "count": [1]}))
    assert isinstance(failure, NotRightYet) and "no column 'unit'" in str(failure)
    assert "needs a table" in str(outcome(question, answer=[1, 2]))
    assert "at least 1" in str(outcome(question, answer=pd.DataFrame({"unit": [], "count": []})))
    assert outcome(question, answer=pd.DataFrame({"unit": ["a"], "count": [1]})) is None


def test_function_question_reports_the_learners_error_plainly():
    def probe(call):
        return None if call(2) == 4 else "For 2 your function should give 4."

    question = FunctionQuestion("test/function", "Double it", "answer", probe)
    assert outcome(question, answer=lambda x: 2 * x) is None
    assert "should give 4" in str(outcome(question, answer=lambda x: x + 1))
    failure = outcome(question, answer=lambda x: {}["age"])
    assert "Your function stopped with an error: KeyError: 'age'" in str(failure)
    def no_return(x):
        doubled = 2 * x  # noqa: F841 - the mistake under test: no `return`

    assert "forget `return`" in str(outcome(question, answer=no_return))
    assert "needs a function" in str(outcome(question, answer=4))


def test_show_displays_instead_of_raising(capsys):
    NUMBER.show.__func__(NUMBER)  # no answer in this namespace: shown, not raised
    assert "Not attempted yet" in capsys.readouterr().out


# -- nothing in the package reveals an answer -----------------------------------------

def test_check_modules_hold_no_plain_answers():
    """The practice answers (84, 4, "b", 7) appear only as fingerprints."""
    text = inspect.getsource(start_here)
    for answer in ("84", "= 4", '"b"', "12 * 7"):
        assert answer not in text
    for question in (start_here.q1, start_here.q2, start_here.q3, start_here.demo):
        assert len(question.fingerprint) == 64


def test_failure_messages_never_contain_the_expected_answer():
    for wrong in (83, 85, 8.4, "84"):
        assert "84" not in str(outcome(start_here.q1, citizens_per_day=wrong)).replace(
            str(wrong), "")


# -- model answers of written reflections --------------------------------------------

def test_model_answer_comes_from_the_instructor_source_only():
    from civicai.checks import reflection

    text = reflection.model_answer_text("00-start-here", "q4_reflection")
    assert text.startswith("**Model answer.**") and "birth-certificate" in text
    assert "MODEL ANSWER" not in text
    assert reflection.model_answer_text("00-start-here", "no-such-cell") is None
    assert reflection.model_answer_text("99-missing", "q4_reflection") is None


def test_model_answer_button_reveals_on_click_only(monkeypatch):
    from civicai.checks import reflection

    shown = []
    monkeypatch.setattr(reflection, "display", lambda item: shown.append(item.data))
    button = reflection.model_answer_button("00-start-here", "q4_reflection").children[0]
    assert shown == []
    button.click()
    assert len(shown) == 1 and "birth-certificate" in shown[0]
    monkeypatch.setattr(reflection, "REPO_ROOT", reflection.REPO_ROOT / "no-such-copy")
    reflection.model_answer_button("00-start-here", "q4_reflection").children[0].click()
    assert "your instructor shares it" in shown[1]
