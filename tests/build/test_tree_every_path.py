"""The checks walk the tree's distinct paths at every build (sphub.data.tree.distinct_paths);
here every path is walked once, which takes some seconds: the answers the checks leave out give
no plan that the distinct paths do not."""

from __future__ import annotations

from sphub.data.load import load_site
from sphub.data.tree import Rule, count_paths, distinct_paths, paths


def test_the_distinct_paths_give_every_plan_that_all_paths_give():
    site = load_site("data")
    QUESTIONS, STEPS = list(site.tree.values()), list(site.steps.values())
    RULE = Rule(QUESTIONS, STEPS)
    seen = {tuple(p.step.id for p in RULE.plan(a).steps) for a in distinct_paths(QUESTIONS, STEPS)}
    every = {tuple(p.step.id for p in RULE.plan(a).steps) for a in paths(QUESTIONS)}
    assert every == seen
    assert count_paths(QUESTIONS) > len(seen)
