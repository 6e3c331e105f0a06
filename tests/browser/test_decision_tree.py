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

    # "Change" on the first answer goes back to the first question, its answer marked.
    changes.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == path[0][0].question
    first_question, first_answer = path[0]
    marks = page.locator(".sphub-options .sphub-current")
    assert [m.is_visible() for m in marks.all()] == [
        o.id == first_answer.id for o in first_question.options
    ]
    assert page.locator(".sphub-options li:target").inner_text().startswith(first_answer.label)


def longest(tree, node_id: str) -> int:
    """The most questions from `node_id` to an outcome, walking every path."""
    node = tree[node_id]
    return 1 + max(longest(tree, o.next) for o in node.options) if node.options else 0


def test_each_question_says_how_many_at_most_remain(visit, site_url, shipped):
    page = visit.page
    page.goto(site_url + "decision-tree/")
    visit.click_through(["Start now"])
    for number, (question, option) in enumerate(first_path(shipped.tree)[:-1], 1):
        at_most = number - 1 + longest(shipped.tree, question.id)
        meta = page.locator(".sphub-tree-question .sphub-meta").first.inner_text()
        assert meta == f"Decision tree, question {number} of at most {at_most}"
        visit.click_through([option.label])


def test_print_button_only_where_it_can_work(browser, site_url, shipped):
    """Without JavaScript the outcome shows no print button, only the note to use Print."""
    from browser.browsing import DESKTOP, open_visit

    context, visit = open_visit(browser, DESKTOP, java_script_enabled=False)
    page = visit.page
    page.goto(site_url + "decision-tree/")
    visit.click_through(["Start now"] + [o.label for _, o in first_path(shipped.tree)[:-1]])
    assert page.locator("h1").first.inner_text() == first_path(shipped.tree)[-1][0].title
    assert page.get_by_role("button", name="Print this plan").count() == 0
    # (Chromium with scripts turned off by Playwright still parses <noscript> as if they ran,
    # so the note is checked in the page's source.)
    assert "use your browser's Print command" in page.locator("noscript").inner_html()
    context.close()
    visit.check()


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


@pytest.mark.parametrize("which", ["first", "longest"])
def test_printed_plan_on_a4(browser, site_url, shipped, tmp_path, which):
    """An outcome printed on A4 (Chromium's own PDF, read back with pypdf): at most 2 pages,
    with a line for the network's name, the date, the page's address, and the full address
    of each of its links; for the first path and for the one with the most answers."""
    from browser.browsing import DESKTOP, open_visit
    from pypdf import PdfReader

    from sphub.data.tree import walk

    if which == "first":
        labels = [o.label for _, o in first_path(shipped.tree)[:-1]]
    else:
        outcomes = [s for s in walk(shipped.tree) if s.node.type == "outcome"]
        labels = [a.option.label for a in max(outcomes, key=lambda s: len(s.answers)).answers]
    context, visit = open_visit(browser, DESKTOP)
    page = visit.page
    page.goto(site_url + "decision-tree/")
    visit.click_through(["Start now"] + labels)
    here = page.url
    links = page.locator(".sphub-recommended a").evaluate_all("as => as.map(a => a.href)")
    # What the browser does when a person prints (page.pdf alone sends no beforeprint).
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    today = page.evaluate(
        "new Date().toLocaleDateString(document.documentElement.lang,"
        " {year: 'numeric', month: 'long', day: 'numeric'})"
    )
    page.pdf(path=str(tmp_path / "plan.pdf"), format="A4")
    context.close()
    visit.check()
    reader = PdfReader(tmp_path / "plan.pdf")
    # Addresses wrap across lines on paper: compare the text without its line breaks.
    text = "".join("".join(p.extract_text().split()) for p in reader.pages)
    assert len(reader.pages) <= 2
    assert "Network:" in text
    assert "Printedon" + "".join(today.split()) in text
    assert here in text
    assert links and all(link in text for link in links), links
    assert "Printthisplan" not in text
