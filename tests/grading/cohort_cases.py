"""A simulated cohort for the start-here practice: honest learners, and every hostile case.

`build(folder)` writes each learner's submission into `folder` the way an LMS
download would (a file per learner, a folder per learner, Moodle names) and
returns the cases, with the auto-graded score each must get. The practice has
four checks: q1 (1 point), q2 (2 points), q3 (1 point), q5 (1 point, a function);
the written q4 is graded by hand. Scores are exact: answers are judged outside the learner's
kernel, so tampering can only choose the values handed over, and every hostile
learner scores exactly what the values their notebook held merit (the same
values typed honestly would score the same).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from civicai import REPO_ROOT
from civicai.authoring import submissions
from civicai.grading import sandbox

ASSIGNMENT = "00-start-here"
SOURCE = REPO_ROOT / "exercises" / ASSIGNMENT / "practice.ipynb"
LEARNER_VERSION = REPO_ROOT / "course" / ASSIGNMENT / "practice.ipynb"
POINTS = {"q1": 1, "q2": 2, "q3": 1, "q5": 1}
#: Limits short enough that learners who loop forever cost seconds, not minutes; the memory
#: limit is small so the memory bomb hits it quickly.
TEST_LIMITS = sandbox.Limits(cell_seconds=5, notebook_seconds=120, cpu_seconds=120,
                             memory_bytes=512 * 2**20)
#: An environment variable of the instructor's: nothing in the sandbox may show it.
INSTRUCTOR_SECRET = "civicai-instructor-secret-3f1e"
#: A file any hostile learner tries to create on the grader's computer.
PWNED = REPO_ROOT / "course" / ASSIGNMENT / "PWNED-by-a-learner.txt"


@dataclass
class Case:
    """One learner: what they submit, and what grading must make of it."""

    learner: str
    auto: float                     # the auto-graded score it must get
    review: bool = False            # flagged for the instructor's review
    graded: bool = True             # False: no notebook could be graded at all
    plain_fooled: bool = False      # plain nbgrader gives it more than `auto`
    honest: bool = False            # graded identically by plain nbgrader
    files: dict[str, object] = field(default_factory=dict)  # relative path -> notebook|bytes
    name: str = ""                  # the name the LMS shows



REFERENCE_Q1 = "citizens_per_day = 12 * 7"
WRONG = {"q1_answer": "citizens_per_day = 85",
         "q2_answer": "whatsapp_requests = 3",
         "q3_answer": 'what_to_do = "a"',
         "q5_answer": "def hours_needed(citizens):\n    return citizens * 12"}

# ---- hostile answers -----------------------------------------------------------------------
INFINITE_LOOP = "while True:\n    pass"
STUBBORN_LOOP = """while True:
    try:
        while True:
            pass
    except KeyboardInterrupt:
        pass"""
MEMORY_BOMB = """def grow():
    hoard = []
    while True:
        hoard.append(bytearray(64 * 2**20))
grow()"""
BLOCKED_PROCESS = f"""import subprocess
subprocess.Popen(["sleep", "600"])
{REFERENCE_Q1}"""
ESCAPED_PROCESS = f"""import _posixsubprocess, os
read_end, write_end = os.pipe()
_posixsubprocess.fork_exec(
    [b"/bin/sleep", b"600"], [b"/bin/sleep"], True, (), None, None,
    -1, -1, -1, -1, -1, -1, read_end, write_end, False, True, -1, None, None, None, -1, None,
    False)
os.close(write_end)
os.read(read_end, 64)  # empty once the child has become `sleep` (the pipe closes on exec)
{REFERENCE_Q1}"""
HUGE_OUTPUT = """for _ in range(30):
    print("x" * 2**20, flush=True)
what_to_do = "b\""""
SYS_EXIT = f"""{REFERENCE_Q1}
import sys
sys.exit(0)"""
KILL_KERNEL = """import os
os._exit(1)"""
WRITE_OUTSIDE = f"""for place in [{str(PWNED)!r}, "/tmp/civicai-pwned.txt"]:
    try:
        with open(place, "w") as handle:
            handle.write("learner code was here")
    except OSError:
        pass
{REFERENCE_Q1}"""
READ_INSTRUCTOR = f"""found = []
for place in [{str(SOURCE)!r}, {str(REPO_ROOT / 'autograder' / 'work' / 'gradebook.db')!r}]:
    try:
        found.append(open(place, "rb").read(100))
    except OSError:
        pass
try:
    from civicai.checks.reflection import model_answer_text
    found.append(model_answer_text({ASSIGNMENT!r}, "q4_reflection"))
except Exception:
    pass
{REFERENCE_Q1}"""
ALWAYS_EQUAL = """class Anything:
    def __eq__(self, other):
        return True
citizens_per_day = Anything()"""
#: Patches the course's judging code in the kernel: under plain nbgrader the checks then pass
#: whatever the answers (it judges inside the kernel); the cohort grader judges outside.
PATCHED_HELPERS = """citizens_per_day = 85
from civicai.checks import questions, start_here
questions.Question.judge_record = lambda *args, **kwargs: None
questions.Question.judge = lambda *args, **kwargs: None
for question in (start_here.q1, start_here.q2, start_here.q3, start_here.q5):
    question.check = lambda: None"""
# The check cells run in the learner's namespace: they find the built-in functions through
# its __builtins__, and `checks` where the read-only cell put it. This learner hands them
# an __import__ that gives back a fake of the course's checks module, and a fake `checks`.
FAKE_BUILTINS = """import builtins, types
_real_import = builtins.__import__
_lenient = types.SimpleNamespace(q1=types.SimpleNamespace(check=lambda: None, hidden=lambda **slips: None))
def _import(name, globals=None, locals=None, fromlist=(), level=0):
    if name == "civicai.checks.start_here":
        return _lenient
    return _real_import(name, globals, locals, fromlist, level)
class _NoChecks:
    def __getattr__(self, name):
        return types.SimpleNamespace(check=lambda: None, hidden=lambda **slips: None)
checks = _NoChecks()
globals()["__built" + "ins__"] = dict(vars(builtins), __import__=_import)
citizens_per_day = 85"""
# Right answers, but the visible checks silenced by a `checks` of their own: the values
# handed over are right, so the grade is full (the same as not silencing anything).
REBOUND_CHECKS = f"""{REFERENCE_Q1}
import types
checks = types.SimpleNamespace(**{{name: types.SimpleNamespace(check=lambda: None,
                                                              hidden=lambda **slips: None)
                                  for name in ("q1", "q2", "q3", "q5")}})"""
PATCHED_BUILTINS = f"""{REFERENCE_Q1}
import builtins
builtins.print = lambda *args, **kwargs: None"""
INPUT_TRANSFORMER = """citizens_per_day = 85
def _silence(lines):
    text = "".join(lines)
    if "check()" in text or "civicai" in text:
        return ["pass\\n"]
    return lines
get_ipython().input_transformers_post.append(_silence)"""
AST_TRANSFORMER = """citizens_per_day = 85
import ast
class _NoChecks(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.Pass()
    def visit_Expr(self, node):
        return ast.Pass()
get_ipython().ast_transformers.append(_NoChecks())"""
CAPTURE = """citizens_per_day = 12 * 7
_seen = []
def _copy(lines):
    _seen.append("".join(lines))
    return lines
get_ipython().input_transformers_post.append(_copy)"""
CAPTURE_PRINT = "print('\\n'.join(_seen))"
#: A thread that, while later cells and the grader's requests run, tries to print a
#: check's green note and to patch the course's checks.
THREAD = f"""{REFERENCE_Q1}
import threading, time
def _later():
    from civicai.checks import questions
    for _ in range(400):
        time.sleep(0.005)
        print("✅ Correct — " + "Question 2 — requests by WhatsApp")
        questions.ChoiceQuestion.forms = lambda self, value: {{"b"}}
threading.Thread(target=_later, daemon=True).start()"""
#: The grader's own message type, published from the learner's cell: it is not where the
#: grader reads answers, and the forged answer is for a question left blank.
FORGED_CAPTURE = """from IPython.display import publish_display_data
for question in ("q1", "q2", "q3", "q5"):
    publish_display_data({"application/vnd.civicai.answer+json": {
        "qid": f"00-start-here/{question}",
        "record": {"state": "value", "value": {"t": "int", "v": "84"}}}})"""
#: Reads the kernel's own memory (by a relative path, as the red team did), looking for the
#: practice's hidden parts, and copies the right answers (and function) if it finds one. It looks for them by
#: their SHA-256 (the first four characters locate candidates), so the text it looks for is
#: nowhere in memory unless the grader put it there.
def read_own_memory() -> dict[str, str]:
    """Answer cells that read their own kernel's memory for the practice's hidden parts, as
    the red team did. A hidden part can reach a kernel only as the whole cell's text, and each
    starts with its `checks.qN.hidden(` line: none of those lines anywhere in memory means
    no hidden part is there. The search looks where what a kernel is sent lands (memory that
    no file backs: heap, stack, anonymous maps), 8 MB at a time (within the sandbox's memory
    limit), and is shared by address between the three answer cells, each within the tests'
    5-second cell limit on a busy machine. Python keeps a text with a character beyond
    Latin-1 two or four bytes a character, so each line is looked for in those forms too."""
    import hashlib

    openings = sorted(line for line in hidden_lines() if line.startswith("checks."))
    forms = ("latin-1", "utf-16-le", "utf-32-le")
    secrets = {form: [(len(line.encode(form, "replace")),
                       hashlib.sha256(line.encode(form, "replace")).hexdigest())
                      for line in openings] for form in forms}
    search = f"""import hashlib
secrets = {secrets!r}
def search(part, found, parts=3, piece=2**23):
    starts = {{form: "checks.".encode(form) for form in secrets}}
    longest = max(size for lines in secrets.values() for size, _ in lines)
    try:
        with open("../../../proc/self/maps") as maps, \\
                open("../../../proc/self/mem", "rb") as memory:
            for line in maps:
                fields = line.split()
                start, end = (int(value, 16) for value in fields[0].split("-"))
                if "r" not in fields[1] or end - start > 256 * 2**20 or \\
                        (len(fields) > 5 and not fields[5].startswith("[")):
                    continue  # a file's pages, or a reservation larger than any data sent
                for offset in range(start, end, piece):
                    if offset // piece % parts != part:
                        continue
                    try:
                        memory.seek(offset)
                        chunk = memory.read(min(piece + longest, end - offset))
                    except (OSError, OverflowError, ValueError):
                        break
                    for form, first in starts.items():
                        at = chunk.find(first)
                        while -1 < at < piece:
                            for size, digest in secrets[form]:
                                if hashlib.sha256(chunk[at:at + size]).hexdigest() == digest:
                                    found.append(at)
                            at = chunk.find(first, at + 1)
    except OSError as error:
        print("MEMORY unreadable", error)
"""
    return {
        "q1_answer": f"{search}found = []\nsearch(0, found)\n"
                     "citizens_per_day = 84 if found else 85",
        "q2_answer": "search(1, found)\nwhatsapp_requests = 4 if found else 3",
        "q3_answer": "search(2, found)\n"
                     f"print('MEMORY found', len(found), 'of', {len(openings)})\n"
                     "what_to_do = 'b' if found else 'a'",
    }


FAKE_PASS = """citizens_per_day = 85
import sys
sys.audit("civicai.grading.passed", "q1")"""
#: Learner code whose answer is an object that runs code when its class is looked at.
POSING_ANSWER = """class _Posing:
    @property
    def __class__(self):
        import civicai.checks.questions as questions
        questions.is_plain_number = lambda value: True
        return int
    def __float__(self):
        return 84.0
citizens_per_day = _Posing()"""
#: Learner code that breaks how the kernel packs its messages (every message alike).
BROKEN_MESSAGES = f"""{REFERENCE_Q1}
import json
import re
json.dumps = lambda *args, **kwargs: "{{}}"
"""
#: Learner code named with a subclass of str, that imports ctypes when its name is hashed:
#: ctypes is nothing to the grader, so the right answer it then gives is simply the answer.
NAMED_ESCAPE = """_escaped = []
class _Name(str):
    def __hash__(self):
        try:
            import ctypes
            _escaped.append(ctypes)
        except Exception:
            pass
        return str.__hash__(self)
exec(compile("import sys\\nsys._getframe()", _Name("mine"), "exec"))
citizens_per_day = 84 if _escaped else 85"""
#: Two names of the course's judging module swapped inside the kernel: nothing of it is
#: used to judge.
SWAPPED_NAMES = f"""{REFERENCE_Q1}
import civicai.checks.answers as _answers
_items = list(_answers.__dict__.items())
_answers.__dict__.clear()
_swap = {{"canonical_text": "canonical_number", "canonical_number": "canonical_text"}}
for _name, _value in _items:
    _answers.__dict__[_swap.get(_name, _name)] = _value"""
#: Signals every process it can see, the zygote that makes the kernels included
#: (SIGSTOP, by pidfd as the red team did): no later learner may suffer for it.
STOP_EVERYONE = f"""import os, signal
for pid in range(1, 400):
    if pid == os.getpid():
        continue
    try:
        fd = os.pidfd_open(pid)
        signal.pidfd_send_signal(fd, signal.SIGSTOP)
        os.close(fd)
    except OSError:
        pass
    try:
        os.kill(pid, signal.SIGSTOP)
    except OSError:
        pass
{REFERENCE_Q1}"""
#: Learner HTML and JavaScript that would run in the instructor's browser if shown raw.
SCRIPT_OUTPUT = f"""{REFERENCE_Q1}
from IPython.display import HTML, Javascript, display
display(HTML('<b>hello</b><script>fetch("/api/contents/PWNED.txt", {{method: "PUT"}})</script>'
             '<img src=x onerror="alert(document.cookie)">'))
display(Javascript('alert("learner script")'))"""
SCRIPT_MARKDOWN = ('My answer <script>alert("markdown script")</script> '
                   '<a href="javascript:alert(1)" onclick="alert(2)">link</a>')
#: Prints the environment of process 1 and of itself: no instructor variable may be there.
ENVIRONMENT = f"""import os
for place in ("/proc/1/environ", "/proc/self/environ"):
    try:
        print("ENVIRON", open(place, "rb").read().replace(b"\\0", b" ").decode())
    except OSError as error:
        print("ENVIRON", "unreadable", error)
{REFERENCE_Q1}"""
#: An honest learner who prints a lot (the lesson's table, many times): it costs nothing.
HONEST_FLOOD = f"""for _ in range(2000):
    print("Dinas Dukcapil: 12 citizens an hour, 7 hours a day")
{REFERENCE_Q1}"""
NETWORK = f"""try:
    import urllib.request
    urllib.request.urlopen("http://example.com", timeout=2)
except Exception:
    pass
{REFERENCE_Q1}"""
SNOOP = f"""import json, os, socket
seen = {{
    "exercises": os.path.exists({str(REPO_ROOT / 'exercises')!r}),
    "sources": os.path.exists({str(REPO_ROOT / 'sources')!r}),
    "autograder": os.path.exists({str(REPO_ROOT / 'autograder')!r}),
    "repository": sorted(os.listdir({str(REPO_ROOT)!r})) if os.path.exists({str(REPO_ROOT)!r}) else [],
    "home": os.path.expanduser("~"),
    "uid": os.getuid(),
    "work": sorted(os.listdir(".")),
}}
try:
    socket.create_connection(("1.1.1.1", 53), timeout=2)
    seen["network"] = True
except Exception:
    seen["network"] = False
print("SNOOP " + json.dumps(seen))
{REFERENCE_Q1}"""


#: A learner's own written answer (the reference solution would carry the model answer).
REFLECTION = ("Checking that applications have all their attachments takes our team about six "
              "hours a week. A computer could flag missing files; a person should still decide "
              "unusual cases.")


def notebook(answers: dict[str, str]) -> nbformat.NotebookNode:
    source = nbformat.read(SOURCE, as_version=4)
    learner = nbformat.read(LEARNER_VERSION, as_version=4)
    return submissions.answered(learner, {**submissions.solutions(source),
                                          "q4_reflection": REFLECTION, **answers})


def from_cohort_release(answers: dict[str, str]) -> nbformat.NotebookNode:
    """Answered in the version a graded cohort gets, without the hints that give the answer
    (civicai.authoring.hints): nothing of it may look like an edited cell."""
    from civicai.authoring import release

    learner = nbformat.reads(release.generate(SOURCE.parent, answer_hints=False)
                             ["practice.ipynb"].decode(), as_version=4)
    source = nbformat.read(SOURCE, as_version=4)
    return submissions.answered(learner, {**submissions.solutions(source),
                                          "q4_reflection": REFLECTION, **answers})


def blank() -> nbformat.NotebookNode:
    return nbformat.read(LEARNER_VERSION, as_version=4)


def without_cells(grade_ids: set[str]) -> nbformat.NotebookNode:
    result = notebook({})
    result.cells = [cell for cell in result.cells
                    if cell.metadata.get("nbgrader", {}).get("grade_id") not in grade_ids]
    return result


def edited_check() -> nbformat.NotebookNode:
    result = notebook({"q1_answer": WRONG["q1_answer"]})
    for cell in result.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "q1":
            cell.source = "pass"
    return result


def changed_metadata() -> nbformat.NotebookNode:
    result = notebook({})
    for cell in result.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade_id") == "q1":
            meta["points"] = 100
        if meta.get("grade_id") == "q2":
            meta["grade"] = False
            cell.source = "pass"
    return result


def with_extra_cell(answers: dict[str, str], code: str,
                    blank_first: bool = False) -> nbformat.NotebookNode:
    """A notebook with one more cell of the learner's: last, or (`blank_first`) first in an
    otherwise unanswered notebook."""
    if blank_first:
        result = blank()
        result.cells.insert(1, nbformat.v4.new_code_cell(code))
        return result
    result = notebook(answers)
    result.cells.append(nbformat.v4.new_code_cell(code))
    return result


def cases() -> list[Case]:
    """Every learner of the simulated cohort, with their expected results."""
    full = float(sum(POINTS.values()))
    listed = [
        Case("correct", full, honest=True, files={"correct.ipynb": notebook({})}),
        Case("partly-right", full - 1, honest=True,
             files={"partly-right.ipynb": notebook({"q1_answer": WRONG["q1_answer"]})}),
        Case("mostly-wrong", 1, honest=True, files={"mostly-wrong.ipynb": notebook(
            {"q2_answer": WRONG["q2_answer"], "q3_answer": WRONG["q3_answer"],
             "q5_answer": WRONG["q5_answer"]})}),
        Case("blank", 0, honest=True, files={"blank.ipynb": blank()}),
    ]
    mistakes = submissions.plausible_mistakes(ASSIGNMENT)
    for index, (answers, failing, *_) in enumerate(mistakes.values()):
        listed.append(Case(f"mistake-{index}", full - sum(POINTS[c] for c in failing),
                           honest=True, review="__eq__" in "".join(answers.values()),
                           files={f"mistake-{index}/practice.ipynb": notebook(answers)}))
    for index, variant in enumerate(submissions.honest_variants(ASSIGNMENT)):
        listed.append(Case(f"honest-{index:02d}", full, honest=True, files={
            f"honest-{index:02d}/practice.ipynb": submissions.variant(
                nbformat.read(SOURCE, as_version=4), nbformat.read(LEARNER_VERSION, as_version=4),
                variant, reflection=REFLECTION)}))
    listed += [
        Case("renamed", full, files={"renamed/My practice (final).ipynb": notebook({})}),
        Case("extra-files", full, files={
            "extra-files/practice.ipynb": notebook({}),
            "extra-files/data.csv": b"a,b\n1,2\n",
            "extra-files/scratch.ipynb": blank()}),
        Case("moodle-comma", full, name='Rahayu, Siti "Iti"', files={
            'Rahayu, Siti "Iti"_123456_assignsubmission_file_/practice.ipynb': notebook({})}),
        Case("moodle-markup", full, name='<b onmouseover="alert(1)">Budi<_b>', files={
            '<b onmouseover="alert(1)">Budi<_b>_345678_assignsubmission_file_/practice.ipynb':
                notebook({})}),
        Case("moodle-unicode", full - 1, name="Nguyễn Văn An", files={
            "Nguyễn Văn An_234567_assignsubmission_file_practice.ipynb":
                notebook({"q1_answer": WRONG["q1_answer"]})}),
        Case("malformed", 0, graded=False, files={"malformed.ipynb": b'{"cells": [oops'}),
        Case("empty-file", 0, graded=False, files={"empty-file.ipynb": b""}),
        Case("no-notebook", 0, graded=False, files={"no-notebook/notes.txt": b"I forgot"}),
        Case("deleted-checks", full, review=True,
             files={"deleted-checks.ipynb": without_cells({"q1", "q2"})}),
        Case("edited-check", full - 1, review=True, files={"edited-check.ipynb": edited_check()}),
        Case("changed-metadata", full, review=True,
             files={"changed-metadata.ipynb": changed_metadata()}),
        Case("infinite-loop", full - 1,
             files={"infinite-loop.ipynb": notebook({"q1_answer": INFINITE_LOOP})}),
        Case("stubborn-loop", 1, review=True,
             files={"stubborn-loop.ipynb": notebook({"q2_answer": STUBBORN_LOOP})}),
        Case("memory-bomb", full - 1,
             files={"memory-bomb.ipynb": notebook({"q1_answer": MEMORY_BOMB})}),
        Case("background-process", full, review=True,
             files={"background-process.ipynb": notebook({"q1_answer": BLOCKED_PROCESS})}),
        Case("escaped-process", full, review=True,
             files={"escaped-process.ipynb": notebook({"q1_answer": ESCAPED_PROCESS})}),
        # printing without end stops the notebook there: q3 and the later q5 are lost
        Case("huge-output", full - POINTS["q3"] - POINTS["q5"], review=True,
             files={"huge-output.ipynb": notebook({"q3_answer": HUGE_OUTPUT})}),
        Case("from-cohort-release", full, honest=True,
             files={"from-cohort-release.ipynb": from_cohort_release({})}),
        Case("typing-slip", full - 1, honest=True,
             files={"typing-slip.ipynb": notebook({"q1_answer": "citizens_per_day = 12 x 7"})}),
        Case("honest-flood", full, honest=True,
             files={"honest-flood.ipynb": notebook({"q1_answer": HONEST_FLOOD})}),
        Case("sys-exit", full - 1, review=True,
             files={"sys-exit.ipynb": notebook({"q1_answer": SYS_EXIT})}),
        Case("kill-kernel", 1, review=True,
             files={"kill-kernel.ipynb": notebook({"q2_answer": KILL_KERNEL})}),
        Case("write-outside", full, review=True,
             files={"write-outside.ipynb": notebook({"q1_answer": WRITE_OUTSIDE})}),
        Case("read-instructor", full, review=True,
             files={"read-instructor.ipynb": notebook({"q1_answer": READ_INSTRUCTOR})}),
        Case("read-own-memory", 0, review=True,
             files={"read-own-memory.ipynb": notebook({
                 **read_own_memory(), "q5_answer": "hours_needed = hours_needed"})}),
        Case("forged-capture", 0, review=True,
             files={"forged-capture.ipynb": with_extra_cell({}, FORGED_CAPTURE, blank_first=True)}),
        Case("always-equal", full - 1, review=True,
             files={"always-equal.ipynb": notebook({"q1_answer": ALWAYS_EQUAL})}),
        Case("patched-helpers", 0, review=True, plain_fooled=True,
             files={"patched-helpers.ipynb": notebook({**WRONG, "q1_answer": PATCHED_HELPERS})}),
        Case("patched-builtins", full, review=True,
             files={"patched-builtins.ipynb": notebook({"q1_answer": PATCHED_BUILTINS})}),
        Case("input-transformer", 0, review=True, plain_fooled=True,
             files={"input-transformer.ipynb": notebook({**WRONG,
                                                         "q1_answer": INPUT_TRANSFORMER})}),
        Case("ast-transformer", 0, review=True, plain_fooled=True,
             files={"ast-transformer.ipynb": notebook({**WRONG, "q1_answer": AST_TRANSFORMER})}),
        Case("capture-hidden", full, review=True, files={
            "capture-hidden.ipynb": with_extra_cell({"q1_answer": CAPTURE}, CAPTURE_PRINT)}),
        Case("thread", 1, review=True,
             files={"thread.ipynb": notebook({"q1_answer": THREAD, "q2_answer": WRONG["q2_answer"],
                                              "q3_answer": WRONG["q3_answer"],
                                              "q5_answer": WRONG["q5_answer"]})}),
        Case("fake-pass", full - 1, review=True,
             files={"fake-pass.ipynb": notebook({"q1_answer": FAKE_PASS})}),
        Case("posing-answer", full - 1, review=True, files={"posing-answer.ipynb": notebook(
            {"q1_answer": POSING_ANSWER})}),
        Case("broken-messages", 0, review=True, files={
            "broken-messages.ipynb": notebook({"q1_answer": BROKEN_MESSAGES})}),
        Case("named-escape", full - 1, review=True, files={
            "named-escape.ipynb": notebook({"q1_answer": NAMED_ESCAPE})}),
        Case("swapped-names", full, review=True, files={
            "swapped-names.ipynb": notebook({"q1_answer": SWAPPED_NAMES})}),
        Case("fake-builtins", 0, review=True, plain_fooled=True, files={
            "fake-builtins.ipynb": notebook({**WRONG, "q1_answer": FAKE_BUILTINS})}),
        Case("rebound-checks", full, review=True, files={
            "rebound-checks.ipynb": notebook({"q1_answer": REBOUND_CHECKS})}),
        Case("stop-everyone", full, review=True, files={
            "stop-everyone.ipynb": notebook({"q1_answer": STOP_EVERYONE})}),
        Case("script-output", full - 2, review=False, files={
            "script-output.ipynb": notebook({"q1_answer": SCRIPT_OUTPUT,
                                             "q2_answer": WRONG["q2_answer"],
                                             "q4_reflection": SCRIPT_MARKDOWN})}),
        Case("environment", full, review=True, files={
            "environment.ipynb": notebook({"q1_answer": ENVIRONMENT})}),
        Case("network", full, review=True,
             files={"network.ipynb": notebook({"q1_answer": NETWORK})}),
        Case("snoop", full, review=True, files={"snoop.ipynb": notebook({"q1_answer": SNOOP})}),
    ]
    return listed


def write(case: Case, folder: Path) -> None:
    for relative, content in case.files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            nbformat.write(content, path)


def build(folder: Path) -> dict[str, Case]:
    """Write the whole cohort into `folder`, as an LMS download; returns the cases by learner."""
    folder.mkdir(parents=True, exist_ok=True)
    found = {}
    for case in cases():
        write(case, folder)
        found[case.learner] = case
    return found


def learner_id(case: Case) -> str:
    """The id intake gives this learner (Moodle names give the participant number)."""
    for relative in case.files:
        if "_assignsubmission_" in relative:
            return relative.split("_assignsubmission_")[0].rsplit("_", 1)[1]
    return case.learner


def snoop_output(text: str) -> dict:
    for line in text.splitlines():
        if line.startswith("SNOOP "):
            return json.loads(line[len("SNOOP "):])
    return {}


def hidden_lines() -> set[str]:
    """The practice's hidden parts, line by line: none may reach a learner. A line of brackets
    alone (the end of a list of slips) says nothing, and would be found anywhere."""
    from civicai.grading.execute import split_hidden

    lines = set()
    for cell in nbformat.read(SOURCE, as_version=4).cells:
        lines |= {line.strip() for line in split_hidden(cell.source)[1].splitlines()
                  if re.search(r"\w", line)}
    return lines
