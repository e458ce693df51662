"""The instructor's guides say what the command really does."""
from pathlib import Path

from civicai.course import MODULES
from civicai.grading import cli

AUTOGRADER = Path(__file__).resolve().parents[2] / "autograder"


def test_the_guide_documents_every_option_of_the_command():
    guide = (AUTOGRADER / "README.md").read_text(encoding="utf-8")
    options = [option for action in cli.parser()._actions for option in action.option_strings
               if option.startswith("--")]
    assert len(options) >= 8
    missing = [option for option in options if option not in guide]
    assert not missing, f"autograder/README.md does not mention {missing}"


def test_the_guide_lists_every_accepted_layout():
    guide = (AUTOGRADER / "README.md").read_text(encoding="utf-8")
    for layout in ("Moodle", "Canvas", "Blackboard", "nbgrader", "assignsubmission_file",
                   "_LATE_", "submitted/", "inbound/"):
        assert layout in guide, layout


def test_the_facilitator_guide_has_prompts_for_every_module():
    guide = (AUTOGRADER / "FACILITATOR.md").read_text(encoding="utf-8")
    for module in ("00", *(module.folder[:2] for module in MODULES)):
        assert f"Module {module}" in guide or f"### {module}" in guide, module
