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
