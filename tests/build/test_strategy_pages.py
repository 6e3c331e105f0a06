"""The framework pages in the built site: cross-links both ways, the rule on the overview, the
printable worksheet and plan sheet, the quick tree's agenda, and the illustrative label."""

from __future__ import annotations

import re

from tests.pdf.test_decision_tree_site import follow, read


def _hrefs(site, url):
    page = read(site, url)
    return {follow(url, h) for h, _t, _c in page.links if "://" not in h and not h.startswith("#")}


def test_tool_pages_list_the_steps_and_options_that_recommend_them(built_site, shipped):
    for tool in shipped.tools.values():
        url = f"guidance/tools/{tool.id}/"
        links = _hrefs(built_site, url)
        for step in shipped.steps.values():
            if tool.id in step.tools:
                page = f"decision-tree/steps/{step.id}/"
                assert page in links, (tool.id, step.id)
                assert url in _hrefs(built_site, page)  # and back
        for option in shipped.strategy_options.values():
            if tool.id in option.tools:
                assert f"guidance/strategy-menu/{option.id}/" in links, (tool.id, option.id)


def test_option_entry_point_practice_and_case_study_pages_link_back(built_site, shipped):
    for option in shipped.strategy_options.values():
        url = f"guidance/strategy-menu/{option.id}/"
        for ep in option.entry_points:
            assert url in _hrefs(built_site, f"guidance/entry-points/{ep}/")
        for practice in option.practices:
            assert url in _hrefs(built_site, f"guidance/practices/{practice}/")
    for study in shipped.case_studies.values():
        url = f"guidance/case-studies/{study.id}/"
        for step in shipped.steps.values():
            if study.id in step.case_studies:
                assert f"decision-tree/steps/{step.id}/" in _hrefs(built_site, url)


def test_illustrative_case_studies_say_so(built_site, shipped):
    for study in shipped.case_studies.values():
        html = (built_site / "guidance" / "case-studies" / study.id / "index.html").read_text()
        assert ("Illustrative example" in html) == study.illustrative, study.id


def test_overview_states_the_rule_every_question_and_every_step(built_site, shipped):
    html = (built_site / "guidance" / "index.html").read_text()
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("&#39;", "'")
    assert 'id="rule"' in html
    for question in shipped.tree.values():
        assert question.question in words
    links = _hrefs(built_site, "guidance/")
    for step in shipped.steps.values():
        assert f"decision-tree/steps/{step.id}/" in links
    assert "Illustrative example:" in words and "Start here:" in words


def test_worksheet_has_a_blank_box_per_criterion_answer_and_step(built_site, shipped):
    html = (built_site / "guidance" / "worksheet" / "index.html").read_text()
    criteria = sum(len(d.criteria) for d in shipped.assessment.values())

    def boxes(label: str) -> int:
        return html.count(f'role="img" aria-label="blank box {label}"')

    assert boxes("for the score") == criteria
    assert boxes("for the level") == len(shipped.assessment)
    answers = sum(len(q.options) for q in shipped.tree.values())
    assert boxes("to tick") == answers + len(shipped.steps)
    for dimension in shipped.assessment.values():
        assert f'id="{dimension.id}"' in html
    assert 'id="plan-sheet"' in html


def test_no_page_shows_a_competing_recommendation(built_site):
    """The assessment's levels describe where a network stands; only the tree's rule makes a
    plan (no table from levels to entry points, no tally of entry points)."""
    for address in ("guidance/assessment", "guidance/worksheet", "guidance/quick-tree"):
        html = (built_site / address / "index.html").read_text()
        words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
        assert "sphub-mapping" not in html and "sphub-tally" not in html, address
        assert "the most dimensions suggest" not in words, address
    for address in ("guidance/assessment", "guidance/worksheet"):
        words = re.sub(
            r"\s+", " ", re.sub(r"<[^>]+>", "", (built_site / address / "index.html").read_text())
        )
        assert "average of its criteria's scores, rounded down" in words


def test_the_quick_tree_ends_with_the_same_plan_sheet(built_site, shipped):
    html = (built_site / "guidance" / "quick-tree" / "index.html").read_text()
    assert 'id="plan-sheet"' in html
    for step in shipped.steps.values():
        assert f"steps/{step.id}/" in html


def test_quick_tree_agenda_fits_half_a_day(built_site, shipped):
    html = (built_site / "guidance" / "quick-tree" / "index.html").read_text()
    total = sum(item.minutes for item in shipped.quick_tree_agenda.values())
    assert total <= 240
    last = list(shipped.quick_tree_agenda.values())[-1]
    assert f"{total // 60}:{total % 60:02d} ({last.minutes} min)" in html
    for question in shipped.quick_tree.values():
        assert f'id="{question.id}"' in html


def test_guidance_is_a_nav_section(built_site):
    html = (built_site / "index.html").read_text()
    assert re.search(r"md-tabs__link[^>]*>\s*Guidance", html)
