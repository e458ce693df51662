"""Learner mode shows nbgrader's Validate and nothing else of it; instructor mode opens
the formgrader.

The learner is the Binder-like JupyterLab (learner mode comes from postBuild);
the instructor is `make instructor`'s launch (civicai.modes) in the same
environment. The instructor test also proves that the searches below can see
nbgrader's tools where they exist, so their absence for learners means something.
"""
import re

import pytest

import binder_like
import lab_browser
from civicai import modes
from visitor import visit

#: What nbgrader's instructor and exchange tools are called in menus, the launcher and
#: the side bars, and their command ids.
TOOL_NAMES = re.compile(r"formgrader|create assignment|assignment list|course list|"
                        r"^assignments$|^courses$", re.IGNORECASE)
TOOL_COMMAND = re.compile(r"^nbgrader:open-")


def tools_in_sight(page) -> dict[str, list[str]]:
    """Every place a learner could find nbgrader's tools, and what each shows of them."""
    menus = lab_browser.menu_items(page)
    return {
        "menus": [f"{menu} → {item}" for menu, items in menus.items() for item in items
                  if TOOL_NAMES.search(item)],
        "command palette": [command for command in lab_browser.palette_commands(page)
                            if TOOL_COMMAND.search(command)],
        "launcher": [card for card in lab_browser.launcher_cards(page)
                     if TOOL_NAMES.search(card)],
        "side bars": [tab for tab in lab_browser.sidebar_tabs(page) if TOOL_NAMES.search(tab)],
    }


def test_a_learner_finds_no_instructor_or_exchange_tool(learner):
    learner.open("course/00-start-here/practice.ipynb")  # Validate is on graded notebooks
    validate = lab_browser.notebook(learner.page).locator("jp-button.validate-button")
    assert validate.is_visible(), "Validate, the one nbgrader tool learners use, is missing"
    found = tools_in_sight(learner.page)
    learner.shot("learner-launcher")
    assert found == {"menus": [], "command palette": [], "launcher": [], "side bars": []}


def test_a_learner_sees_no_nbgrader_menu(learner):
    learner.open(binder_like.badge_urlpath())
    titles = learner.page.locator(".lm-MenuBar-item .lm-MenuBar-itemLabel").all_text_contents()
    learner.shot("menu-bar")
    assert "Nbgrader" not in titles


def test_the_plugin_manager_cannot_switch_the_tools_back_on(learner):
    learner.open(binder_like.badge_urlpath())
    page = learner.page
    lab_browser.use_menu(page, "View", "apputils:activate-command-palette")
    page.keyboard.type("Advanced Plugin Manager")
    page.keyboard.press("Enter")
    manager = page.locator(".jp-pluginmanager:visible")
    manager.wait_for()
    # "I understand that disabling core application plugins may render features ...":
    # with it ticked, every plugin that is not locked can be switched.
    manager.locator("input[type=checkbox]").first.check()
    page.locator(".jp-pluginmanager:visible input[type=search], "
                 ".jp-pluginmanager:visible input[placeholder='Filter']").fill("nbgrader")
    validate_switch = manager.locator(
        "tr[data-key='@jupyter/nbgrader:validate-assignment'] input[type=checkbox]")
    assert validate_switch.is_enabled() and validate_switch.is_checked()
    for plugin in modes.HIDDEN_LAB_PLUGINS:
        switch = manager.locator(f"tr[data-key='{plugin}'] input[type=checkbox]")
        assert not switch.is_checked(), f"{plugin} is switched on"
        assert switch.is_disabled(), f"{plugin} can be switched on in the Plugin Manager"
        assert "locked" in (switch.get_attribute("title") or "")
        switch.click(force=True)  # what a determined learner would try
        assert not switch.is_checked()
    learner.shot("plugin-manager", manager)
    config = learner.lab.page_config()
    assert all(plugin in config["disabledExtensions"] for plugin in modes.HIDDEN_LAB_PLUGINS)


@pytest.fixture(scope="module")
def instructor_lab(binder_build, logs):
    with binder_like.serve(logs, binder_like.instructor_command(), name="instructor") as lab:
        yield lab


@pytest.fixture
def instructor(instructor_lab, browser, request):
    yield from visit(instructor_lab, browser, request)


def test_instructor_mode_starts_on_the_formgrader_and_offers_the_tools(instructor):
    page = instructor.page
    page.goto(instructor.lab.browser_url("/"), timeout=lab_browser.OPEN_TIMEOUT)
    assert "/formgrader" in page.url
    page.get_by_role("heading", name="Manage Assignments").wait_for()

    page.goto(instructor.lab.browser_url("/lab"), timeout=lab_browser.OPEN_TIMEOUT)
    page.locator(".jp-Launcher .jp-LauncherCard").first.wait_for(timeout=lab_browser.OPEN_TIMEOUT)
    found = tools_in_sight(page)
    instructor.shot("instructor-lab")
    assert "Nbgrader → Formgrader" in found["menus"]
    assert "nbgrader:open-formgrader" in found["command palette"]
    assert any("Create Assignment" in tab for tab in found["side bars"])


def test_the_formgrader_lists_the_course_exercises(instructor):
    page = instructor.page
    with page.expect_response(lambda response: "/formgrader/api/assignments" in response.url,
                              timeout=lab_browser.OPEN_TIMEOUT) as answer:
        page.goto(instructor.lab.browser_url("/formgrader"), timeout=lab_browser.OPEN_TIMEOUT)
    instructor.shot("formgrader")
    status = answer.value.status
    assert status == 200, f"the formgrader's assignment list answered {status}"
    page.locator("tr", has_text="00-start-here").first.wait_for()
