"""The framework pages in the built site: cross-links both ways, the diagram, the printable
worksheet, the quick tree's agenda, and the illustrative label."""

from __future__ import annotations

import re

from tests.pdf.test_decision_tree_site import follow, read


def _hrefs(site, url):
    page = read(site, url)
    return {follow(url, h) for h, _t, _c in page.links if "://" not in h and not h.startswith("#")}


def test_tool_pages_list_the_outcomes_and_options_that_recommend_them(built_site, shipped):
    for tool in shipped.tools.values():
        url = f"guidance/tools/{tool.id}/"
        links = _hrefs(built_site, url)
        for node in shipped.tree.values():
            if tool.id in node.tools:
                outcome = f"decision-tree/outcomes/{node.id}/"
                assert outcome in links, (tool.id, node.id)
                assert url in _hrefs(built_site, outcome)  # and back
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
        for node in shipped.tree.values():
            if study.id in node.case_studies:
                assert f"decision-tree/outcomes/{node.id}/" in _hrefs(built_site, url)


def test_outcome_pages_list_every_route_to_them(built_site, shipped):
    from sphub.render.urls import step_src
    from sphub.data.tree import walk

    for step in walk(shipped.tree):
        if step.node.type == "outcome":
            links = _hrefs(built_site, f"decision-tree/outcomes/{step.node.id}/")
            assert step_src(step)[: -len(".md")] + "/" in links


def test_illustrative_case_studies_say_so(built_site, shipped):
    for study in shipped.case_studies.values():
        html = (built_site / "guidance" / "case-studies" / study.id / "index.html").read_text()
        assert ("Illustrative example" in html) == study.illustrative, study.id


def test_overview_draws_every_node_without_script(built_site, shipped):
    html = (built_site / "guidance" / "index.html").read_text()
    svg = re.search(r"<figure class=\"sphub-diagram\">\s*<svg.*?</svg>", html, re.DOTALL)
    assert svg, "no diagram on the overview"
    svg = svg[0]
    assert "<script" not in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert svg.count("<rect") == len(shipped.tree)
    for node in shipped.tree.values():
        assert f"{node.heading}</title>".replace("'", "&#39;") in svg, node.id
    edges = sum(len({o.next for o in n.options}) for n in shipped.tree.values())
    assert svg.count("<path class=\"sphub-diagram-line\"") == edges


def test_worksheet_has_a_blank_box_per_criterion(built_site, shipped):
    html = (built_site / "guidance" / "worksheet" / "index.html").read_text()
    criteria = sum(len(d.criteria) for d in shipped.assessment.values())
    dims, eps = len(shipped.assessment), len(shipped.entry_points)

    def boxes(label: str) -> int:
        return html.count(f'class="sphub-box" role="img" aria-label="blank box for the {label}"')

    assert boxes("score") == criteria
    assert boxes("level") == dims
    assert boxes("count") == eps and boxes("lowest level") == eps
    for dimension in shipped.assessment.values():
        assert f'id="{dimension.id}"' in html


def test_the_rule_and_its_one_table_on_the_assessment_page_and_the_worksheet(built_site, shipped):
    """Both pages state the rule (average rounded down, most dimensions, lowest level, the
    key's order) and print the same table from levels to entry points, cell by cell."""
    for address in ("guidance/assessment", "guidance/worksheet"):
        html = (built_site / address / "index.html").read_text()
        words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
        assert "average of its criteria's scores, rounded down" in words
        assert "the most dimensions suggest" in words
        assert "the dimension with the lowest level" in words
        table = re.search(r'<table class="sphub-table sphub-mapping">.*?</table>', html, re.S)[0]
        rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", table, re.S)
        assert [name for name, _ in rows] == [d.name for d in shipped.assessment.values()]
        for (_, cells), dimension in zip(rows, shipped.assessment.values()):
            cells = re.findall(r"<td>(.*?)</td>", cells, re.S)
            for n, cell in enumerate(cells):
                level = [s for s in dimension.scoring if s.score == n]
                linked = re.findall(r"entry-points/([a-z-]+)/", cell)
                assert linked == (level[0].entry_points if level else []), (dimension.id, n)


def test_assessment_scores_point_to_entry_points(built_site, shipped):
    links = _hrefs(built_site, "guidance/assessment/")
    for dimension in shipped.assessment.values():
        for level in dimension.scoring:
            for ep in level.entry_points:
                assert f"guidance/entry-points/{ep}/" in links


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
    assert re.search(r'md-tabs__link[^>]*>\s*Guidance', html)


def test_the_assessment_pages_example_follows_the_rule(built_site, shipped):
    from sphub.data.tree import settle

    html = (built_site / "guidance" / "assessment" / "index.html").read_text()
    example = re.search(r"Illustrative example:</strong>(.*?)</p>", html, re.S)[1]
    levels = {
        "context": 2,
        "social-objectives": 1,
        "structure": 2,
        "capacities": 1,
        "awareness": 2,
        "stakeholder-interest": 2,
    }
    first = settle(levels, shipped.assessment, shipped.entry_points)[0]
    name = shipped.entry_points[first].name.replace("'", "&#39;")
    assert f"It starts from {name}" in example
