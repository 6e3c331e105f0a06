"""The shipped decision tree's edges and paths, pinned as GOV.UK's smart answers pin their
flows (`assert_next_node ... for_response:`): every (question, answer) -> next node, and every
path of answers -> the outcome it reaches. Changing one `next` in data/tree.yml fails here;
when the change is meant, update the table in the same commit, so the review shows it."""

from __future__ import annotations

import pytest

from sphub.data.tree import edges, walk

# (question id, answer id) -> the node the answer leads to.
EDGES = {
    ("awareness", "new"): "driver",
    ("awareness", "some"): "driver-practised",
    ("awareness", "strong"): "driver-experienced",
    ("driver", "members"): "time-own-house",
    ("driver", "industry"): "build-awareness",
    ("driver", "regulator"): "prepare-for-regulator",
    ("driver", "funders"): "demand-led-fundraising",
    ("driver", "nobody"): "build-awareness",
    ("driver-practised", "members"): "member-interest",
    ("driver-practised", "industry"): "member-interest",
    ("driver-practised", "regulator"): "time-regulator",
    ("driver-practised", "funders"): "demand-led-fundraising",
    ("driver-practised", "nobody"): "build-awareness",
    ("driver-experienced", "members"): "capacity",
    ("driver-experienced", "industry"): "member-interest",
    ("driver-experienced", "regulator"): "time-regulator",
    ("driver-experienced", "funders"): "demand-led-fundraising",
    ("driver-experienced", "nobody"): "build-awareness",
    ("time-own-house", "time-set-aside"): "own-house-first",
    ("time-own-house", "no-time"): "demand-led-fundraising",
    ("time-regulator", "time-set-aside"): "regulator-engagement",
    ("time-regulator", "no-time"): "prepare-for-regulator",
    ("member-interest", "few"): "peer-learning-circle",
    ("member-interest", "many"): "capacity",
    ("member-interest", "hardly-any"): "build-awareness",
    ("capacity", "time-set-aside"): "funding",
    ("capacity", "no-time"): "demand-led-fundraising",
    ("funding", "secured"): "structure",
    ("funding", "to-raise"): "demand-led-fundraising",
    ("structure", "federation"): "board",
    ("structure", "association"): "market-risk",
    ("board", "agreed"): "integrated-strategy",
    ("board", "not-agreed"): "own-house-first",
    ("market-risk", "risks"): "regulator",
    ("market-risk", "no-risks"): "reporting",
    ("regulator", "open"): "regulator-engagement",
    ("regulator", "unaware"): "client-protection-drive",
    ("regulator", "absent"): "code-of-conduct",
    ("reporting", "reports"): "reporting-data-quality",
    ("reporting", "no-reports"): "social-audit-programme",
}

# The answers' ids along each path, joined by "/" as in the page addresses -> the outcome.
PATHS = {
    "new/members/time-set-aside": "own-house-first",
    "new/members/no-time": "demand-led-fundraising",
    "new/industry": "build-awareness",
    "new/regulator": "prepare-for-regulator",
    "new/funders": "demand-led-fundraising",
    "new/nobody": "build-awareness",
    "some/members/few": "peer-learning-circle",
    "some/members/many/time-set-aside/secured/federation/agreed": "integrated-strategy",
    "some/members/many/time-set-aside/secured/federation/not-agreed": "own-house-first",
    "some/members/many/time-set-aside/secured/association/risks/open": "regulator-engagement",
    "some/members/many/time-set-aside/secured/association/risks/unaware": "client-protection-drive",
    "some/members/many/time-set-aside/secured/association/risks/absent": "code-of-conduct",
    "some/members/many/time-set-aside/secured/association/no-risks/reports": "reporting-data-quality",
    "some/members/many/time-set-aside/secured/association/no-risks/no-reports": "social-audit-programme",
    "some/members/many/time-set-aside/to-raise": "demand-led-fundraising",
    "some/members/many/no-time": "demand-led-fundraising",
    "some/members/hardly-any": "build-awareness",
    "some/industry/few": "peer-learning-circle",
    "some/industry/many/time-set-aside/secured/federation/agreed": "integrated-strategy",
    "some/industry/many/time-set-aside/secured/federation/not-agreed": "own-house-first",
    "some/industry/many/time-set-aside/secured/association/risks/open": "regulator-engagement",
    "some/industry/many/time-set-aside/secured/association/risks/unaware": "client-protection-drive",
    "some/industry/many/time-set-aside/secured/association/risks/absent": "code-of-conduct",
    "some/industry/many/time-set-aside/secured/association/no-risks/reports": "reporting-data-quality",
    "some/industry/many/time-set-aside/secured/association/no-risks/no-reports": "social-audit-programme",
    "some/industry/many/time-set-aside/to-raise": "demand-led-fundraising",
    "some/industry/many/no-time": "demand-led-fundraising",
    "some/industry/hardly-any": "build-awareness",
    "some/regulator/time-set-aside": "regulator-engagement",
    "some/regulator/no-time": "prepare-for-regulator",
    "some/funders": "demand-led-fundraising",
    "some/nobody": "build-awareness",
    "strong/members/time-set-aside/secured/federation/agreed": "integrated-strategy",
    "strong/members/time-set-aside/secured/federation/not-agreed": "own-house-first",
    "strong/members/time-set-aside/secured/association/risks/open": "regulator-engagement",
    "strong/members/time-set-aside/secured/association/risks/unaware": "client-protection-drive",
    "strong/members/time-set-aside/secured/association/risks/absent": "code-of-conduct",
    "strong/members/time-set-aside/secured/association/no-risks/reports": "reporting-data-quality",
    "strong/members/time-set-aside/secured/association/no-risks/no-reports": "social-audit-programme",
    "strong/members/time-set-aside/to-raise": "demand-led-fundraising",
    "strong/members/no-time": "demand-led-fundraising",
    "strong/industry/few": "peer-learning-circle",
    "strong/industry/many/time-set-aside/secured/federation/agreed": "integrated-strategy",
    "strong/industry/many/time-set-aside/secured/federation/not-agreed": "own-house-first",
    "strong/industry/many/time-set-aside/secured/association/risks/open": "regulator-engagement",
    "strong/industry/many/time-set-aside/secured/association/risks/unaware": "client-protection-drive",
    "strong/industry/many/time-set-aside/secured/association/risks/absent": "code-of-conduct",
    "strong/industry/many/time-set-aside/secured/association/no-risks/reports": "reporting-data-quality",
    "strong/industry/many/time-set-aside/secured/association/no-risks/no-reports": "social-audit-programme",
    "strong/industry/many/time-set-aside/to-raise": "demand-led-fundraising",
    "strong/industry/many/no-time": "demand-led-fundraising",
    "strong/industry/hardly-any": "build-awareness",
    "strong/regulator/time-set-aside": "regulator-engagement",
    "strong/regulator/no-time": "prepare-for-regulator",
    "strong/funders": "demand-led-fundraising",
    "strong/nobody": "build-awareness",
}


@pytest.mark.parametrize(("edge", "target"), sorted(EDGES.items()), ids=lambda v: str(v))
def test_answer_leads_to_its_pinned_node(shipped, edge, target):
    question, answer = edge
    options = {o.id: o for o in shipped.tree[question].options}
    assert options[answer].next == target


def test_no_edge_is_unpinned(shipped):
    assert {(q.id, o.id): t.id for q, o, t in edges(shipped.tree)} == EDGES


def test_every_path_reaches_its_pinned_outcome(shipped):
    reached = {"/".join(s.slugs): s.node.id for s in walk(shipped.tree) if s.node.type == "outcome"}
    assert reached == PATHS
