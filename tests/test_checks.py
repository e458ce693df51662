"""Learner checks: right, wrong, blank and hostile answers, in plain words, never leaking.

Each question is judged in two places by the same code: in the learner's notebook
against fingerprints, in the grader against the answer key, after the answer
crossed as data. The tests at the end prove, for every question of every
exercise, that the two verdicts agree on every form of the answer the question
allows, on near misses and on hostile objects.
"""
import inspect
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import civicai.checks.start_here as start_here
from civicai import checks
from civicai.checks import answers, values
from civicai.checks.answers import Match, canonical_number, fingerprint
from civicai.checks.outcome import CheckFailed, NotAttemptedYet, NotRightYet
from civicai.checks.questions import (
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    TableQuestion,
    TextQuestion,
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


HOSTILE = [AlwaysEqual(), HostileFloat(84.0), PosingAsAnInt(), PosingAsNumpy(84.0)]


def demo(qid: str, canonical: str) -> dict[str, str]:
    return {"answer": fingerprint(qid, "answer", canonical)}


NUMBER = NumberQuestion("test/number", "A number", "answer", low=0, high=1000,
                        demo=demo("test/number", canonical_number(84, 0)))
COUNT = NumberQuestion("test/count", "A count", "answer", whole=True, low=0, high=1000,
                       what="a whole number of people", demo=demo("test/count", "84"))
PRECISE = NumberQuestion("test/precise", "A share", "answer", decimals=2, low=0, high=1,
                         demo=demo("test/precise", canonical_number(0.125, 2)))
CHOICE = ChoiceQuestion("test/choice", "A choice", "answer", demo=demo("test/choice", "b"))


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


def test_a_count_must_be_whole():
    assert outcome(COUNT, answer=np.int64(84)) is None and outcome(COUNT, answer=84.0) is None
    failure = outcome(COUNT, answer=84.4)
    assert isinstance(failure, NotRightYet) and "a whole number" in str(failure)


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


@pytest.mark.parametrize("value, words", [
    (pd.Series([True, False, True]), "is a column of values, but"),
    (float("nan"), "NaN ('not a number'), the mark of an empty value"),
    (pd.DataFrame({"a": [1, 2]}), "is a table, but"),
])
def test_kinds_of_value_are_named_without_words_the_course_never_taught(value, words):
    """"pandas Series" is taught nowhere: a learner who hands in a column reads what it is."""
    message = str(outcome(NUMBER, answer=value))
    assert words in message
    assert "Series" not in message and "pandas" not in message


@pytest.mark.parametrize("hostile", HOSTILE)
def test_objects_that_equal_everything_do_not_pass(hostile):
    failure = outcome(NUMBER, answer=hostile)
    assert isinstance(failure, NotRightYet)
    assert_plain(failure)


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
    question = TableQuestion("test/table", "A table", "answer", columns=["unit", "count"],
                             rows=1, demo={})
    failure = outcome(question, answer=pd.DataFrame({"Unit": ["a"], "count": [1]}))
    assert isinstance(failure, NotRightYet) and "no column 'unit'" in str(failure)
    assert "needs a table" in str(outcome(question, answer=[1, 2]))
    assert "should have 1" in str(outcome(question, answer=pd.DataFrame({"unit": [], "count": []})))
    assert outcome(question, answer=pd.DataFrame({"unit": ["a"], "count": [1]})) is None


def test_text_question_compares_as_a_person_reads():
    question = TextQuestion("test/text", "A name", "answer", ("loan_to_value", "consumer_credit"),
                            demo=demo("test/text", "consumer_credit"))
    assert outcome(question, answer=" Consumer_Credit ") is None
    assert "not the right one" in str(outcome(question, answer="loan_to_value"))
    assert "is not one of the names" in str(outcome(question, answer="credit"))


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


def test_a_function_is_judged_outside_from_what_it_gave_back():
    """Recorded in the notebook, replayed in the grader: the same messages, and the hidden
    inputs' results compared with the reference's."""
    def probe(call):
        return None if call(2) == 4 else "For 2 your function should give 4."

    question = FunctionQuestion("test/function", "Double it", "answer", probe,
                                hidden_hint="Try 10.")

    def hidden_calls(call):
        call(10)
        call(-3)

    reference = question.record_calls(lambda x: 2 * x, hidden_calls)
    entry = {"hidden": reference["hidden"]}
    question.judge_record(values.loads(values.dumps(reference)), entry)  # passes
    cases = {lambda x: x + 1: "should give 4",  # wrong on the example
             lambda x: 4 if x == 2 else 0: "different result from the right one",  # fits the example
             lambda x: 4 if x == 2 else {}["x"]: "error (KeyError)"}
    for function, words in cases.items():
        record = values.loads(values.dumps(question.record_calls(function, hidden_calls)))
        with pytest.raises(NotRightYet) as caught:
            question.judge_record(record, entry)
        assert words in caught.value.message
        assert "10" not in caught.value.message.replace("Try 10.", "")
    with pytest.raises(NotAttemptedYet):
        question.judge_record({"state": "missing"}, entry)

    def named_calls(call):
        call(10)
        call(-3, why="A negative number doubles to a negative number.")

    named = {"hidden": question.record_calls(lambda x: 2 * x, named_calls)["hidden"]}
    assert named["hidden"][1]["why"].startswith("A negative")
    for function, words in {lambda x: 2 * abs(x): "not on one of your instructor's further",
                            lambda x: 2 * x if x > 0 else 1 / 0: "(ZeroDivisionError)"}.items():
        record = values.loads(values.dumps(question.record_calls(function, named_calls)))
        record["hidden"][1]["why"] = "forged by the learner's kernel"  # the key's words count
        with pytest.raises(NotRightYet) as caught:
            question.judge_record(record, named)
        assert words in caught.value.message and "A negative number" in caught.value.message
        assert "forged" not in caught.value.message
    with pytest.raises(NotRightYet, match="needs a function"):
        question.judge_record({"state": "value", "value": values.encode(4)}, entry)
    with pytest.raises(NotRightYet, match="could not read"):
        question.judge_record({"state": "function", "examples": [], "hidden": []}, entry)


def test_show_displays_instead_of_raising(capsys):
    NUMBER.show.__func__(NUMBER)  # no answer in this namespace: shown, not raised
    assert "Not attempted yet" in capsys.readouterr().out


# -- nothing in the package reveals an answer -----------------------------------------

def test_check_modules_hold_no_answers():
    """Answers are stated only in the instructor source; the checks hold none, and the
    package's fingerprints file only hashes."""
    text = inspect.getsource(start_here)
    for answer in ("84", "= 4", '"b"', "12 * 7"):
        assert answer not in text
    for assignment, module in checks.EXERCISES.items():
        source = Path(inspect.getfile(__import__(module, fromlist=["_"]))).read_text()
        for grade_id, question in checks.questions_of(assignment).items():
            if isinstance(question, NumberQuestion):
                entry = answers.key(assignment)["questions"][grade_id]
                written = question.canonical(values.decode(entry["value"]))
                if len(written.replace(".", "").strip("0")) < 2:
                    continue  # one digit is in every file
                assert not re.search(rf"(?<![\w.]){re.escape(written)}(?![\w.])", source), \
                    (assignment, grade_id, written)
        stored = answers.fingerprints(assignment)
        assert set(stored) == set(checks.questions_of(assignment))
        for targets in stored.values():
            for name, value in targets.items():
                hashed = value if name != "slips" else list(value)  # slips: {hash: message}
                assert all(re.fullmatch(r"[0-9a-f]{64}", item) for item in
                           ([hashed] if isinstance(hashed, str) else hashed)), (assignment, name)


def test_failure_messages_never_contain_the_expected_answer():
    for wrong in (83, 85, 8.4, "84"):
        assert "84" not in str(outcome(start_here.q1, citizens_per_day=wrong)).replace(
            str(wrong), "")


# -- the same verdict in the notebook and in the grader -------------------------------

def number_forms(expected, question):
    """Ways of writing the right number that its question allows, and near misses."""
    number = float(expected)
    rounded = round(number, question.decimals)
    step = 10.0 ** -question.decimals
    good = [expected, number, np.float64(number), np.float32(number), rounded]
    if number.is_integer():
        good += [int(number), np.int64(number), np.int32(number)]
    else:
        good += [np.float64(rounded), round(number, question.decimals + 2)]
    bad = [number + step, number - step, str(rounded), [number], HostileFloat(number)]
    if not question.whole:
        good += [rounded + 0.4 * step, rounded - 0.4 * step]
    return good, bad


def choice_forms(expected, question):
    others = [letter for letter in question.options if letter != expected]
    return [expected, expected.upper(), f" {expected} ", f"({expected})"], [*others, 1, AlwaysEqual()]


def columns_forms(expected, question):
    wrong = [column for column in question.columns if column not in expected][:1]
    return ([list(expected), tuple(expected), set(expected), list(reversed(expected)),
             list(expected) + [expected[0]]],
            [list(expected)[:-1], list(expected) + wrong, ",".join(expected)])


def text_forms(expected, question):
    other = next(choice for choice in question.choices if choice != expected)
    return [expected, expected.upper(), f"  {expected}"], [other, 3]


def table_forms(expected, question):
    return [expected, expected.iloc[::-1], expected[list(reversed(list(expected.columns)))]], \
        [expected.assign(FNR=expected["FPR"]), expected.head(1), expected.to_dict()]


def levels_forms(expected, question):
    fewer = {key: level for key, level in expected.items() if key != "regency"}  # the default
    return [expected, dict(reversed(list(expected.items()))), fewer], \
        [{**expected, "regency": "province"}, list(expected.items())]


def decisions_forms(expected, question):
    return [expected, expected.copy()], [~expected, expected.astype(int)]


def rules_forms(expected, question):
    """The rules of 01's question 1 (a RegisterRules, crossing as a record): the same rules
    written other ways; each rule left out, a month-first date format, a rule too many, and
    things that are not the course's rules."""
    import dataclasses

    from civicai.automation import RegisterRules

    fields = dict(expected.fields)
    rules = RegisterRules(**fields)
    listed = {name: list(value) for name, value in fields.items() if type(value) is tuple}
    good = [rules, RegisterRules(**dict(reversed(list(fields.items())))),
            RegisterRules(**{**fields, **listed}),
            RegisterRules(**{**fields, **{name: tuple(reversed(value))
                                          for name, value in listed.items()}})]
    defaults = {field.name: field.default for field in dataclasses.fields(RegisterRules)}
    bad = [dataclasses.replace(rules, **{name: defaults[name]})
           for name, value in fields.items() if value != defaults[name]]
    if fields.get("date_format"):
        month_first = fields["date_format"].replace("%d", "%D").replace("%m", "%d")
        bad.append(dataclasses.replace(rules, date_format=month_first.replace("%D", "%m")))
    extra = next(name for name in ("earliest", "latest") if fields[name] is None)
    bad += [dataclasses.replace(rules, **{extra: "2024-01-01"}), fields, str(fields),
            RegisterRules, dataclasses.make_dataclass("RegisterRules", [("id_column", str)])("x"),
            type("RegisterRules", (), {})()]
    return good, bad


def forms_of(question, expected):
    from civicai.checks.automation import RulesQuestion
    from civicai.checks.fairness import DecisionsQuestion
    from civicai.checks.privacy import ColumnsQuestion, LevelsQuestion

    kinds = [(NumberQuestion, number_forms), (ChoiceQuestion, choice_forms),
             (ColumnsQuestion, columns_forms), (TextQuestion, text_forms),
             (TableQuestion, table_forms), (LevelsQuestion, levels_forms),
             (DecisionsQuestion, decisions_forms), (RulesQuestion, rules_forms)]
    for kind, maker in kinds:
        if isinstance(question, kind):
            return maker(expected, question)
    raise AssertionError(f"no forms for {question!r}")


def verdicts(question, entry, value):
    """(the notebook's verdict, the grader's verdict): None when passed, else the message."""
    def message(judging):
        try:
            judging()
        except CheckFailed as failure:
            return f"{type(failure).__name__}: {failure.message}"
        return None

    notebook = message(lambda: question.judge(value, question.fingerprints()))
    data = values.loads(values.dumps({"state": "value", "value": values.encode(value)}))
    grader = message(lambda: question.judge_record(data, entry))
    return notebook, grader


VALUE_QUESTIONS = [(assignment, grade_id) for assignment in checks.EXERCISES
                   for grade_id, entry in sorted(answers.key(assignment)["questions"].items())
                   if "value" in entry]


@pytest.mark.parametrize("assignment, grade_id", VALUE_QUESTIONS)
def test_the_notebook_and_the_grader_agree_on_every_allowed_form(assignment, grade_id):
    question = checks.questions_of(assignment)[grade_id]
    entry = answers.key(assignment)["questions"][grade_id]
    expected = values.decode(entry["value"])
    good, bad = forms_of(question, expected)
    for value in good:
        assert verdicts(question, entry, value) == (None, None), (grade_id, value)
    for value in [*bad, *HOSTILE, None, ...]:
        notebook, grader = verdicts(question, entry, value)
        assert notebook is not None and notebook == grader, (grade_id, repr(value)[:60])


@pytest.mark.parametrize("assignment, grade_id", [
    (assignment, grade_id) for assignment in checks.EXERCISES
    for grade_id, entry in sorted(answers.key(assignment)["questions"].items())
    if entry.get("slips")])
def test_slips_are_named_the_same_in_both_places(assignment, grade_id):
    question = checks.questions_of(assignment)[grade_id]
    entry = answers.key(assignment)["questions"][grade_id]
    for slip in entry["slips"]:
        notebook, grader = verdicts(question, entry, values.decode(slip["value"]))
        assert notebook == grader == f"NotRightYet: {slip['message']}"


def test_a_question_that_uses_an_earlier_answer_says_so():
    """01's question 5 reads the evaluation of question 4: when both are wrong, question 5
    points back to question 4 (in the notebook and in the grader alike)."""
    from civicai.checks import automation
    from civicai.checks.outcome import NotRightYet as Failure

    failure = Failure(automation.q5.title, "This is not the right one.")
    pointed = automation.q5.after_earlier(failure, {"q4"})
    assert "uses your answer to question 4, which is not right yet" in pointed.message
    assert automation.q5.after_earlier(failure, {"q6"}) is failure


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


def test_model_answer_button_is_as_wide_as_its_words():
    """ipywidgets gives a button 148 pixels unless told otherwise: "Show the model answer"
    with its eye icon needs more, and JupyterLab showed "Show the mod…". A width of
    max-content fits the words (auto would stretch the button across the whole cell)."""
    from civicai.checks import reflection

    button = reflection.model_answer_button("00-start-here", "q4_reflection").children[0]
    assert button.description == "Show the model answer"
    assert button.layout.width in ("max-content", "fit-content")


# -- stale and broken answers, and the slips of people who do not program ------------------

SLIPS = [  # (answer cell, the check, what the learner must be told)
    ("citizens_per_day = 12 x 7", "q1", "To multiply, Python uses *"),
    ("citizens_per_day = 12 × 7", "q1", "write 12 * 7, not 12 × 7"),
    ("citizens_per_day = 168 ÷ 2", "q1", "write 168 / 2, not 168 ÷ 2"),
    ("what_to_do = b", "q3", 'Letters are written in quotes: "b"'),
    ("what_to_do = seven", "q3", 'If it is text, put it in quotes ("seven")'),
    ("whatsapp_requests = 0,4", "q2", "it writes decimals with a point, not a comma"),
    ("whatsapp_requests = (requests.channel == 'WhatsApp'", "q2", "a bracket or a quote may be missing"),
    ('what_to_do = "b', "q3", "A text is missing a quote"),
    ("if True:\n    citizens_per_day = 84\n  print(citizens_per_day)", "q1", "too many or too few spaces"),
    ("citizens_per_day = 84", "q1", "✅ Correct"),  # the value before is never judged
    ("citizens_per_day = 84\nprint(citizens_per_day / 0)", "q1", "divided by zero"),
]


def test_a_check_never_judges_an_old_answer_and_explains_typing_slips(tmp_path):
    """In a real kernel, as a learner types: each answer cell, then its check. A cell that
    stopped with an error is pointed out, in words about what was typed, even when the
    variable still holds an earlier (right) answer."""
    import nbformat
    from nbclient import NotebookClient

    cells = ["import pandas as pd\nfrom civicai.checks import start_here as checks\n"
             "requests = pd.DataFrame({'channel': ['WhatsApp', 'Counter']})\n"
             "citizens_per_day, whatsapp_requests, what_to_do = 84, 4, 'b'"]
    for answer, check, _ in SLIPS:
        cells += [answer, f"checks.{check}.check()"]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(notebook, allow_errors=True, kernel_name="python3", timeout=60).execute()
    for index, (answer, _, words) in enumerate(SLIPS):
        outputs = notebook.cells[2 + 2 * index].outputs
        shown = " ".join(" ".join(output.get("traceback", [])) + str(output.get("data", ""))
                         for output in outputs)
        shown = re.sub(r"\x1b\[[0-9;]*m", "", re.sub(r"\s+", " ", shown))
        assert words in shown, (answer, shown[:300])
        assert "Traceback" not in shown


def test_an_answer_changed_after_it_ran_is_pointed_out_but_a_file_saved_before_is_not(
        tmp_path, monkeypatch):
    """The kernel sees a change only in a file saved after the cell ran. A learner who types
    and runs without saving has a file one step behind the screen: that is no change."""
    import os

    import nbformat

    from civicai.checks import cells

    path = tmp_path / "exercise.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = (...)")])
    nbformat.write(notebook, path)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    ran = cells.Ran("x = 84", notebook.cells[0].id, None, at=path.stat().st_mtime + 5)
    assert not cells.changed_since_run(ran), "saved before it ran: the run is the newer"
    os.utime(path, (ran.at + 5, ran.at + 5))
    assert cells.changed_since_run(ran), "saved after it ran, and it says something else"
    notebook.cells[0].source = "x = 84"
    nbformat.write(notebook, path)
    os.utime(path, (ran.at + 5, ran.at + 5))
    assert not cells.changed_since_run(ran), "saved after it ran, and the same"


@pytest.mark.parametrize("error, source, words", [
    (SyntaxError("leading zeros in decimal integer literals are not permitted"), "x = 2019-07-01",
     'in quotes, for example "2019-07-01"'),
    (SyntaxError("invalid character"), "x = hours × rate", "write hours * rate, not hours × rate"),
    (SyntaxError("invalid syntax"), "x = 480 : 6", "write 480 / 6, not 480 : 6"),
    (SyntaxError("invalid syntax"), "office = Dinas Sosial",
     'Text is written in quotes: "Dinas Sosial", not Dinas Sosial.'),
    (SyntaxError("invalid syntax"), "if True:\n    x = 1 2", "Python could not read the cell"),
    (NameError("name 'C' is not defined"), "x = C", '"c", not C'),
    (KeyError("'Cat '"), "x = t.loc['Cat ']", "capital letters and spaces count"),
    (ValueError("something odd"), "x = f()", "Python says: ValueError: something odd."),
])
def test_errors_are_explained_in_plain_words(error, source, words):
    from civicai.checks import cells

    assert words in cells.explain(error, source)


def test_a_function_with_the_stub_comment_left_in_is_an_attempt():
    namespace = {}
    exec("def answer(x):\n    ...  # YOUR ANSWER HERE: replace the ... with your answer\n"
         "    doubled = 2 * x\n", namespace)
    question = FunctionQuestion("test/f", "Double it", "answer", lambda call: None if call(2) else "")
    failure = outcome(question, answer=namespace["answer"])
    assert isinstance(failure, NotRightYet) and "forget `return`" in str(failure)


def test_a_share_given_as_a_percentage_is_told_so():
    failure = outcome(PRECISE, answer=80)
    assert isinstance(failure, NotRightYet) and "looks like a percentage" in str(failure)
