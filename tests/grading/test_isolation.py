"""Nothing of one learner reaches the next: not files, not processes, not the kernel factory.

Graded with one worker, so the learners follow each other in the same sandbox: with a
namespace of its own for every kernel (where Linux allows namespaces inside the sandbox),
and with a new sandbox for every learner (what the grader does where it does not).
"""
from __future__ import annotations

import nbformat
import pytest

import cohort_cases
from civicai.grading import cohort

pytestmark = pytest.mark.slow
TOKEN = "note-left-by-the-learner-before-3d9a"

#: Leaves notes everywhere it can write, keeps a process running, and stops every process
#: it can see (the kernel factory included, if it could see it).
LEAVES_TRACES = f"""import os, subprocess
from multiprocessing import shared_memory
for place in ("/tmp", "/dev/shm", os.path.expanduser("~")):
    try:
        with open(os.path.join(place, "{TOKEN}"), "w") as note:
            note.write("{TOKEN}")
    except OSError:
        pass
try:
    shared = shared_memory.SharedMemory(name="{TOKEN}-shm", create=True, size=64)
except OSError:
    pass
subprocess.Popen(["sleep", "600"])
{cohort_cases.STOP_EVERYONE}"""
#: Looks for anything the learner before left.
LOOKS_AROUND = """import os
seen = []
for place in ("/tmp", "/dev/shm", os.path.expanduser("~")):
    try:
        seen += os.listdir(place)
    except OSError:
        pass
processes = [entry for entry in os.listdir("/proc") if entry.isdigit()]
commands = []
for entry in processes:
    try:
        commands.append(open(f"/proc/{entry}/cmdline", "rb").read().replace(b"\\0", b" ").decode())
    except OSError:
        pass
print("SEEN", seen, commands)
print("PIDS", sorted(processes))
citizens_per_day = 12 * 7"""


@pytest.mark.parametrize("nested", [True, False],
                         ids=["a-namespace-per-kernel", "a-sandbox-per-learner"])
def test_no_learner_reaches_the_next(nested, tmp_path):
    (tmp_path / "subs").mkdir()
    learners = {"a-leaves-traces": {"q1_answer": LEAVES_TRACES},
                "b-looks-around": {"q1_answer": LOOKS_AROUND}, "c-honest": {}}
    for learner, answers in learners.items():
        nbformat.write(cohort_cases.notebook(answers), tmp_path / "subs" / f"{learner}.ipynb")
    results = cohort.grade(cohort.Options(
        assignment=cohort_cases.ASSIGNMENT, submissions=tmp_path / "subs",
        work=tmp_path / "course", workers=1, nested=nested, progress=False,
        limits=cohort_cases.TEST_LIMITS), echo=lambda _: None)
    records = results["learners"]
    # Sharing its sandbox's namespaces, the first learner's code stops its own kernel too
    # (it signals its own threads): that costs it its marks, and nobody else anything.
    for learner in learners if nested else ["b-looks-around", "c-honest"]:
        verdicts = records[learner]["checks"]["practice"]
        assert all(verdict["passed"] for verdict in verdicts.values()), (learner, verdicts)
    assert records["b-looks-around"]["isolated"] is nested
    notebook = nbformat.read(tmp_path / "course" / "autograded" / "b-looks-around" /
                             cohort_cases.ASSIGNMENT / "practice.ipynb", as_version=4)
    printed = "\n".join(str(output.get("text", "")) for cell in notebook.cells
                        for output in cell.get("outputs", []))
    assert "SEEN" in printed and TOKEN not in printed and "sleep 600" not in printed
    if nested:  # its own process namespace: the kernel alone, none of the sandbox's others
        assert "PIDS ['1']" in printed, printed


def test_left_processes_are_named_and_ended_ones_are_not_counted(tmp_path):
    """What the instructor reads about processes a notebook left behind: each running one by
    its command line (or its process name, between fork and exec), and none that has already
    ended and only waits to be reaped (a zombie has no command line: it was once reported as
    an "(unnamed process)" in place of the `sleep 600` still starting)."""
    from civicai.grading.zygote import other_processes

    def process(pid, state, command, name):
        folder = tmp_path / str(pid)
        folder.mkdir()
        (folder / "stat").write_text(f"{pid} ({name}) {state} 1 1 1 0 -1")
        (folder / "cmdline").write_bytes(command)
        (folder / "comm").write_text(name + "\n")

    process(40, "S", b"/bin/sleep\x00600\x00", "sleep")
    process(41, "Z", b"", "python3")
    process(42, "R", b"", "python3")
    process(43, "S", b"/usr/bin/python3\x00kernel\x00", "python3")
    (tmp_path / "self").mkdir()
    assert sorted(other_processes({43}, proc=tmp_path)) == ["/bin/sleep 600", "[python3]"]
