"""The shipped decision tree, followed as a graph the way alphagov/smart-answers tests its
flows: every edge, every node reachable, every outcome renders. No exact wording is asserted."""

from __future__ import annotations

import re
from markupsafe import escape

from tests.conftest import ROOT
from sphub.render.renderer import Renderer
from sphub.render.pages import step_pages
from sphub.render.urls import step_src
from sphub.data.checks.tree import max_paths
from sphub.data.tree import count_paths, dimension_levels, edges, start_of, walk

TEMPLATES = ROOT / "overrides" / "fragments"


def test_size_of_the_shipped_tree(shipped):
    kinds = [node.type for node in shipped.tree.values()]
    assert kinds.count("question") >= 8
    assert kinds.count("outcome") >= 8


def test_every_answer_leads_to_a_node_and_changes_the_result(shipped):
    """Each question's answers lead somewhere, at least two different places, and each answer
    says something its siblings do not: two drivers may lead to the same strategy, but the
    result page's "because you said ..." differs."""
    for question, option, target in edges(shipped.tree):
        assert target.id == option.next
        assert len({o.next for o in question.options}) >= 2, question.id
        reasons = [o.because for o in question.options]
        assert option.because and reasons.count(option.because) == 1, (question.id, option.id)


def test_the_driver_questions_offer_every_driver_and_nobody_yet(shipped):
    """The framework's four drivers (members, industry, government, funders) and "nobody
    yet", on every path: each path's second question asks who is asking."""
    drivers = {"members", "industry", "regulator", "funders", "nobody"}
    for step in walk(shipped.tree):
        if step.node.type == "outcome":
            asked = step.answers[1].question
            assert {o.id for o in asked.options} == drivers, step.slugs
            assert all("driver" in o.establishes for o in asked.options)


def test_every_path_gives_a_level_on_some_dimension(shipped):
    """The check that the tree's entry points agree with the assessment compares paths whose
    answers give levels: on the shipped tree that is every path."""
    for step in walk(shipped.tree):
        if step.node.type == "outcome":
            assert dimension_levels(step.answers), step.slugs


def test_every_node_is_reached_from_the_start(shipped):
    reached = {step.node.id for step in walk(shipped.tree)}
    assert reached == set(shipped.tree)


def test_every_path_ends_in_an_outcome(shipped):
    for step in walk(shipped.tree):
        if not step.node.options:
            assert step.node.type == "outcome", step.slugs
        else:
            assert step.node.type == "question"


def test_answers_on_a_path_follow_the_edges(shipped):
    """Each step's answers, replayed from the start, lead to that step's node."""
    for step in walk(shipped.tree):
        node = start_of(shipped.tree)
        for answer in step.answers:
            assert answer.question is node
            node = shipped.tree[answer.option.next]
        assert node is step.node


def test_no_question_is_asked_twice_on_a_path(shipped):
    for step in walk(shipped.tree):
        asked = [a.question.id for a in step.answers]
        assert len(asked) == len(set(asked))


def test_path_count_within_the_bound_and_pages_bounded(shipped):
    steps = list(walk(shipped.tree))
    paths = count_paths(shipped.tree, start_of(shipped.tree).id)
    assert paths == sum(1 for s in steps if s.node.type == "outcome")
    assert paths <= max_paths()
    longest = max(len(s.answers) for s in steps)
    assert len(steps) <= paths * (longest + 1)


def test_every_step_has_its_own_page_address(shipped):
    sources = [step_src(step) for step in walk(shipped.tree)]
    assert len(sources) == len(set(sources))


def test_every_outcome_renders_with_its_answers(shipped):
    renderer = Renderer(shipped, TEMPLATES)
    pages = {page.src: page for page in step_pages(renderer)}
    seen = set()
    for step in walk(shipped.tree):
        page = pages[step_src(step)]
        h1 = re.findall(r"<h1>(.*?)</h1>", page.html)
        assert len(h1) == 1 and h1[0].strip()
        if step.node.type == "outcome":
            seen.add(step.node.id)
            changes = re.findall(r'<a href="[^"]+">Change\b', page.html)
            assert len(changes) == len(step.answers)
            for option_id in step.node.recommended:
                assert f"/strategy-menu/{option_id}/" in page.html
            because = page.html.split('id="because"', 1)[1].split("</ul>", 1)[0]
            because = re.sub(r"</?abbr[^>]*>", "", because)  # a glossary term's tooltip
            for answer in step.answers:
                assert escape(answer.option.because) in because
            assert "data-sphub-print" in page.html
    assert seen == {n.id for n in shipped.tree.values() if n.type == "outcome"}
