"""A civil servant clicks the Binder badge: the start page opens, runs, and answers."""
import binder_like
import lab_browser


def test_the_badge_opens_the_start_page_which_runs_and_shows_its_check(learner):
    learner.open(binder_like.badge_urlpath())
    learner.shot("start-page-opened")
    current = learner.page.locator(".lm-TabBar-tab.jp-mod-current .lm-TabBar-tabLabel")
    assert current.first.inner_text() == "start-here.ipynb"

    lab_browser.run_all(learner.page)
    learner.shot("after-run-all")
    assert lab_browser.error_outputs(learner.page) == []
    prompts = lab_browser.notebook(learner.page).locator(
        ".jp-CodeCell .jp-InputArea-prompt").all_text_contents()
    assert prompts and all(prompt.strip("[]: ").isdigit() for prompt in prompts), prompts

    demo = lab_browser.code_cell(learner.page, "checks.demo.show()")
    note = demo.locator("[role=status]")
    note.scroll_into_view_if_needed()
    learner.shot("demonstration-check", demo)
    assert note.inner_text().startswith("✏️ Not attempted yet")
    assert "Replace the `...`" in note.inner_text()
    assert learner.page_errors == [], "JupyterLab itself raised errors in the page"


def test_the_start_page_names_the_language_menu_as_it_reads(learner):
    """The start page tells a learner where Bahasa Indonesia is, in the words the menu shows
    (the language pack names itself "Indonesian (Indonesia) - Indonesia (Indonesia)")."""
    import json
    import re

    learner.open("course/00-start-here/start-here.ipynb")
    lab_browser.use_menu_bar(learner.page, "Settings")
    learner.page.locator(".lm-Menu-item", has_text=re.compile("^Language$")).hover()
    entry = learner.page.locator(".lm-Menu:not(.lm-mod-hidden) .lm-Menu-item",
                                 has_text="Indonesia").first
    entry.wait_for(timeout=lab_browser.OPEN_TIMEOUT)
    shown = entry.locator(".lm-Menu-itemLabel").inner_text()
    page = (binder_like.CHECKOUT / "course/00-start-here/start-here.ipynb").read_text()
    said = " ".join("".join(cell["source"]) for cell in json.loads(page)["cells"])
    assert f"Language → {shown}**" in re.sub(r"\s*\n#?\s*>?\s*", " ", said), shown
    entry.click()
    dialog = learner.page.locator(".jp-Dialog")
    dialog.wait_for(timeout=lab_browser.OPEN_TIMEOUT)
    assert "Change and reload" in dialog.inner_text()
    dialog.get_by_role("button", name="Cancel").click()
