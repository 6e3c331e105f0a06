"""A network's staff walk the decision tree in a real browser, one question at a time, by
clicking and by keyboard, get their plan, change an answer, and print the plan. The `visit`
fixture fails the test on any request that leaves localhost and on any console error."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.browser

# A young association: new to SPM, asked by nobody, members see SP as a cost, no staff time.
YOUNG = {
    "awareness": ["new"],
    "drivers": ["nobody"],
    "market-risk": ["none"],
    "member-interest": ["hardly-any"],
    "staff-time": ["no-time"],
    "funds": ["to-raise"],
    "structure": ["association"],
    "board": ["not-agreed"],
    "regulator": ["unaware"],
    "reporting": ["no-reports"],
}


def plan_url(site_url: str, answers: dict, lang: str = "") -> str:
    query = urlencode([(q, o) for q, chosen in answers.items() for o in chosen])
    return f"{site_url}{lang}decision-tree/plan/?{query}"


def answer(page, shipped, question_id: str, option_ids: list[str]) -> None:
    question = shipped.tree[question_id]
    fieldset = page.locator(f"#q-{question_id}")
    assert fieldset.is_visible()
    for option in question.options:
        if option.id in option_ids:
            fieldset.get_by_label(option.label, exact=False).first.check()


def test_walk_the_tree_one_question_at_a_time_and_get_the_plan(visit, site_url, shipped):
    page = visit.page
    page.goto(site_url + "decision-tree/")
    questions = list(shipped.tree.values())
    assert visit.axe() == []
    for number, question in enumerate(questions, 1):
        fieldset = page.locator(f"#q-{question.id}")
        # One question shows at a time, and says where it stands.
        assert [f.is_visible() for f in page.locator("fieldset[data-question]").all()] == [
            q.id == question.id for q in questions
        ]
        assert f"Question {number} of {len(questions)}" in fieldset.inner_text()
        if number < len(questions):
            # Going on without an answer says what to do, and stays.
            fieldset.get_by_role("button", name="Next question").click()
            assert fieldset.get_by_role("alert").is_visible()
            answer(page, shipped, question.id, YOUNG[question.id])
            fieldset.get_by_role("button", name="Next question").click()
        else:
            answer(page, shipped, question.id, YOUNG[question.id])
    with page.expect_navigation():
        page.get_by_role("button", name="See your network's plan").click()
    plan = visit.page
    rule_plan = _plan(shipped, YOUNG)
    first = plan.locator("[data-place='first'] h3").all_inner_texts()
    assert first == [rule_plan.first.step.title]
    shown = plan.locator("[data-place] h3").all_inner_texts()
    assert shown == [p.step.title for p in rule_plan.steps]
    # Because you said: one line per answer, each with a link to change it.
    because = plan.locator(".sphub-because li:not([hidden])")
    assert because.count() == len(questions)
    assert visit.axe() == []
    visit.screenshot("tree-plan", full_page=True)
    # "Change" goes back to that question with every answer kept.
    because.nth(2).get_by_role("link").click()
    page.wait_for_load_state()
    assert page.locator("#q-market-risk").is_visible()
    assert page.locator("#q-awareness input[value='new']").is_checked()


def _plan(shipped, answers):
    from sphub.data.tree import Rule

    rule = Rule(shipped.tree.values(), list(shipped.steps.values()))
    return rule.plan({q: tuple(o) for q, o in answers.items()})


def test_several_drivers_and_nobody_alone(visit, site_url, shipped):
    page = visit.page
    page.goto(site_url + "decision-tree/")
    answer(page, shipped, "awareness", ["some"])
    page.locator("#q-awareness").get_by_role("button", name="Next question").click()
    drivers = page.locator("#q-drivers")
    drivers.locator("input[value='members']").check()
    drivers.locator("input[value='regulator']").check()
    assert drivers.locator("input:checked").count() == 2
    drivers.locator("input[value='nobody']").check()
    assert [i.get_attribute("value") for i in drivers.locator("input:checked").all()] == ["nobody"]
    drivers.locator("input[value='funders']").check()
    assert [i.get_attribute("value") for i in drivers.locator("input:checked").all()] == ["funders"]


def test_answer_by_keyboard(visit, site_url, shipped):
    page = visit.page
    page.goto(site_url + "decision-tree/")
    page.locator("#q-awareness input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the "Next question" button
    assert page.locator("#q-drivers").is_visible()
    assert page.evaluate("document.activeElement.closest('fieldset').id") == "q-drivers"


def test_the_plan_says_what_is_missing(visit, site_url, shipped):
    partial = {k: v for k, v in YOUNG.items() if k != "funds"}
    visit.page.goto(plan_url(site_url, partial))
    missing = visit.page.locator("[data-plan-missing]")
    assert missing.is_visible()
    assert missing.locator("li:not([hidden])").all_inner_texts() == [shipped.tree["funds"].question]
    assert not visit.page.locator("[data-plan-result]").is_visible()


def test_without_javascript_every_question_shows(browser, site_url, shipped):
    from browser.browsing import DESKTOP, open_visit

    context, visit = open_visit(browser, DESKTOP, java_script_enabled=False)
    page = visit.page
    page.goto(site_url + "decision-tree/")
    assert page.locator("fieldset[data-question]:visible").count() == len(shipped.tree)
    page.goto(plan_url(site_url, YOUNG))
    # (Chromium with scripts off through Playwright still parses <noscript> as if they ran,
    # so the note is checked in the page's source.)
    assert "worksheet" in page.locator("noscript").inner_html()
    context.close()
    visit.check()


def test_the_plan_in_french(visit, site_url, shipped):
    page = visit.page
    page.goto(plan_url(site_url, YOUNG, "fr/"))
    assert page.locator("h1").first.inner_text() == "Le plan de votre réseau"
    assert page.locator("#start-here").inner_text() == "Commencez ici"
    first = page.locator("[data-place='first'] h3").inner_text()
    assert first and first != _plan(shipped, YOUNG).first.step.title  # translated
    assert "Parce que vous avez dit que" in page.locator("#because").inner_text()


def _longest_plan(shipped) -> dict:
    """The answers whose plan has the most steps, and the most actions among those."""
    from sphub.data.tree import Rule, distinct_paths

    questions, steps = list(shipped.tree.values()), list(shipped.steps.values())
    rule = Rule(questions, steps)

    def size(answers):
        plan = rule.plan(answers)
        return len(plan.steps), sum(len(p.step.actions) for p in plan.steps)

    longest = max(distinct_paths(questions, steps), key=size)
    return {q: list(o) for q, o in longest.items()}


@pytest.mark.parametrize(
    ("which", "lang"),
    [("young", ""), ("longest", ""), ("longest", "fr/"), ("longest", "es/")],
)
def test_printed_plan_on_a4(browser, site_url, shipped, tmp_path, which, lang):
    """A plan printed on A4 (Chromium's own PDF, read back with pypdf): at most 2 pages, with
    a line for the network's name, the date and the page's address; for a young association
    and for the plan with the most steps, in every language."""
    from browser.browsing import DESKTOP, open_visit
    from pypdf import PdfReader

    answers = YOUNG if which == "young" else _longest_plan(shipped)
    context, visit = open_visit(browser, DESKTOP)
    page = visit.page
    page.goto(plan_url(site_url, answers, lang))
    here = page.url
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    today = page.evaluate(
        "new Date().toLocaleDateString(document.documentElement.lang,"
        " {year: 'numeric', month: 'long', day: 'numeric'})"
    )
    page.pdf(path=str(tmp_path / "plan.pdf"), format="A4")
    context.close()
    visit.check()
    reader = PdfReader(tmp_path / "plan.pdf")
    text = "".join("".join(p.extract_text().split()) for p in reader.pages)
    assert len(reader.pages) <= 2
    assert "".join(here.split()) in text
    if not lang:
        assert "Network:" in text
        assert "Printedon" + "".join(today.split()) in text
        for planned in _plan(shipped, answers).steps:
            assert "".join(planned.step.title.split()) in text
        assert "Printthisplan" not in text
