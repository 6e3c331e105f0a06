"""A network's staff walk the decision tree in a real browser, by clicking and by keyboard,
change an answer, and print their plan. The `visit` fixture fails the test on any request that
leaves localhost and on any console error."""

from __future__ import annotations

import re

import pytest


def first_path(tree) -> list[tuple[object, object]]:
    """(question, option) pairs along the first answer of every question, to an outcome."""
    node = next(n for n in tree.values() if n.start)
    path = []
    while node.type == "question":
        option = node.options[0]
        path.append((node, option))
        node = tree[option.next]
    return path + [(node, None)]


pytestmark = pytest.mark.browser


def test_walk_the_tree_by_clicking_change_an_answer_and_print(visit, site_url, shipped):
    page = visit.page
    page.goto(site_url + "decision-tree/")
    visit.click_through(["Start now"])
    path = first_path(shipped.tree)
    for question, option in path[:-1]:
        assert page.locator("h1").first.inner_text() == question.question
        assert visit.axe() == []
        visit.click_through([option.label])
    outcome = path[-1][0]
    assert page.locator("h1").first.inner_text() == outcome.title
    changes = page.get_by_role("link", name=re.compile(r"^Change"))
    assert changes.count() == len(path) - 1
    assert visit.axe() == []
    visit.screenshot("tree-outcome", full_page=True)

    # The print button prints (window.print is replaced to see that it is called).
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Print this plan").click()
    assert page.evaluate("window.__printed === true")

    # On paper: the plan without the site's header, search or the button itself.
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.get_by_role("button", name="Print this plan").is_visible()
    assert page.locator("h1").first.is_visible()
    visit.screenshot("tree-outcome-print", full_page=True)
    page.emulate_media(media="screen")

    # "Change" on the first answer goes back to the first question.
    changes.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == path[0][0].question


def test_answer_by_keyboard(visit, site_url, shipped):
    page = visit.page
    page.goto(site_url + "decision-tree/")
    question, option = first_path(shipped.tree)[0]
    page.get_by_role("link", name="Start now").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_role("link", name=option.label, exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert option.next in page.url or page.locator("h1").first.inner_text() != question.question
