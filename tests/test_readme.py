"""The README's promises: its test command is what CI runs, its module table matches the course."""
import re
from pathlib import Path

from civicai.course import MODULES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def test_ci_runs_exactly_the_readme_test_command():
    commands = re.findall(r"```bash\n(make \w+)\n```", README)
    assert "make test" in commands and "make lab" in commands
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line.strip() and not line.startswith("#")]
    assert ci[-1] == "make test"


def test_binder_badge_opens_the_start_page():
    badge = re.search(r"https://mybinder\.org/v2/gh/[^)]*urlpath=lab/tree/([^)\s]+)", README)
    assert badge, "no Binder badge"
    assert (ROOT / badge.group(1)).is_file()


def test_module_table_lists_every_module_with_its_true_status():
    for module in MODULES:
        row = next((line for line in README.splitlines()
                    if line.startswith(f"| {module.folder[:2]} |")), None)
        assert row, f"README has no row for module {module.folder}"
        assert module.title in row and module.question in row
        assert ("| ready |" in row) == module.available, \
            f"{module.folder}: README status disagrees with course/{module.folder}/lesson.ipynb"


def test_every_relative_link_in_the_readme_exists():
    for target in re.findall(r"\]\((?!https?://)([^)#]+)\)", README):
        assert (ROOT / target).exists(), target


def test_every_notebook_of_the_course_leads_to_the_help_page():
    """A learner stuck anywhere finds help from where they are: every notebook a learner
    opens links to the help page near its top, and the link leads to a notebook that exists."""
    import json

    course = ROOT / "course"
    help_page = course / "00-start-here" / "help.ipynb"
    assert help_page.exists()
    for notebook in sorted(course.glob("*/*.ipynb")):
        if notebook == help_page:
            continue
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        top = " ".join("".join(cell["source"]) for cell in cells[:3] if cell["cell_type"] == "markdown")
        links = re.findall(r"\]\(([^)]*help\.ipynb)\)", top)
        assert links, f"{notebook.relative_to(ROOT)} has no link to the help page near its top"
        assert all((notebook.parent / link).resolve() == help_page.resolve() for link in links)
