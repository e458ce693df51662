"""The exercises' questions are fair: options that do not give the answer away, and first
hints that point to the idea rather than to the answer's code."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from civicai import checks
from civicai.checks import answers, values
from civicai.checks.questions import ChoiceQuestion

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {path.parent.name: path for path in sorted((ROOT / "sources" / "exercises").glob("*/*.py"))}
OPTION = re.compile(r"^# - \*\*([a-e])\)\*\* ?(.*)$")


def cells(source: str) -> list[str]:
    return re.split(r"^# %%", source, flags=re.M)


def options_before(source: str, grade_id: str) -> dict[str, str]:
    """The options ("- **a)** ...") listed before a question's answer cell, by letter."""
    before = source[:source.index(f'grade_id="{grade_id}_answer"')]
    found: dict[str, str] = {}
    for cell in reversed(cells(before)):
        current = None
        for line in cell.splitlines():
            match = OPTION.match(line)
            if match:
                current = match.group(1)
                found[current] = match.group(2).strip()
            elif current and line.startswith("#   "):
                found[current] += " " + line[4:].strip()
            else:
                current = None
        if found:
            return found
    return found


def choice_questions():
    for assignment, path in SOURCES.items():
        key = answers.key(assignment)["questions"]
        for grade_id, question in sorted(checks.questions_of(assignment).items()):
            if isinstance(question, ChoiceQuestion):
                yield assignment, grade_id, path.read_text(encoding="utf-8"), \
                    values.decode(key[grade_id]["value"])


def test_the_right_option_is_not_given_away_by_its_length():
    """Over every multiple-choice question of the course, the right option is the longest
    at most about as often as chance would make it (at most 40 %, chance being a third), and
    on average it is as long as the others, within 15 % of the mean option: neither longer
    (the careful, qualified answer) nor shorter (a tell the other way)."""
    longest, ratios, asked = 0, [], 0
    for assignment, grade_id, source, right in choice_questions():
        options = options_before(source, grade_id)
        assert right in options and len(options) >= 3, (assignment, grade_id, options)
        lengths = {letter: len(text) for letter, text in options.items()}
        asked += 1
        longest += lengths[right] == max(lengths.values())
        ratios.append(lengths[right] / (sum(lengths.values()) / len(lengths)))
    assert asked >= 15
    assert longest / asked <= 0.40, f"the right option is the longest in {longest} of {asked}"
    assert 0.85 <= sum(ratios) / len(ratios) <= 1.15, \
        f"the right option is {sum(ratios) / len(ratios):.2f}x as long as the mean option"


def hint(cell_source: str, number: int) -> str:
    match = re.search(rf"<summary>💡 Hint {number}</summary>(.*?)</details>", cell_source, re.S)
    return match.group(1) if match else ""


@pytest.mark.parametrize("assignment", sorted(SOURCES))
def test_a_first_hint_points_to_the_idea_not_to_the_answers_code(assignment):
    """Hint 1 of a code question never holds a line of the solution; every question has a
    Hint 2 (for a learner alone; a graded cohort's release can leave it out)."""
    source = SOURCES[assignment].read_text(encoding="utf-8")
    parts = cells(source)
    for index, cell in enumerate(parts):
        if not cell.strip() or 'nbgrader="answer"' not in cell.splitlines()[0]:
            continue
        solution = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell, re.S)
        lines = [re.sub(r"\s+", "", line) for line in solution.group(1).splitlines()
                 if len(line.strip()) > 8] if solution else []
        hints = next((part for part in parts[index + 1:] if "💡 Hint 1" in part), "")
        first = re.sub(r"\s+", "", hint(hints, 1).replace("#", ""))
        grade_id = cell.split('grade_id="')[1].split('"')[0]
        assert hint(hints, 2), f"{assignment} {grade_id}: no Hint 2"
        for line in lines:
            assert line.strip("()`") not in first, f"{assignment} {grade_id}: Hint 1 gives {line}"
