"""The decision tree's one rule on the shipped data: realistic networks get the plan a
practitioner would act on, and properties that hold on every path through the tree."""

from __future__ import annotations

import pytest

from sphub.data.load import load_site
from sphub.data.tree import FIRST, LATER, NEXT, Rule, distinct_paths, paths

SHIPPED = load_site("data")
QUESTIONS = list(SHIPPED.tree.values())
STEPS = list(SHIPPED.steps.values())
RULE = Rule(QUESTIONS, STEPS)

# A network everybody would call ordinary: aware, asked by members, no crisis, staff and funds.
BASE = {
    "awareness": ("some",),
    "drivers": ("members",),
    "market-risk": ("none",),
    "member-interest": ("few",),
    "staff-time": ("time-set-aside",),
    "funds": ("secured",),
    "structure": ("association",),
    "board": ("agreed",),
    "regulator": ("unaware",),
    "reporting": ("no-reports",),
}


def network(**changes: str | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    answers = dict(BASE)
    for key, value in changes.items():
        answers[key.replace("_", "-")] = (value,) if isinstance(value, str) else value
    return answers


# name, answers, the first step, steps the plan must hold, steps it must not hold
PROFILES = [
    (
        "a new association with no staff time, that nobody asks",
        network(
            awareness="new",
            drivers="nobody",
            member_interest="hardly-any",
            staff_time="no-time",
            funds="to-raise",
        ),
        "make-the-case",
        {"set-aside-time", "learn-spm", "first-service"},
        {"raise-funds", "social-audits"},
    ),
    (
        "a mature federation asked by its central bank",
        network(
            awareness="strong",
            drivers="regulator",
            member_interest="many",
            structure="federation",
            regulator="open",
            reporting="reports",
        ),
        "regulator-dialogue",
        {"reporting-quality", "integrated-strategy", "member-training"},
        {"adopt-objectives", "raise-funds", "learn-spm", "set-aside-time"},
    ),
    (
        "funders offering SPI audits to a network with trained staff",
        network(drivers="funders", funds="offered"),
        "weigh-funder-offer",
        {"social-audits", "peer-circle"},
        {"raise-funds", "learn-spm"},
    ),
    (
        "members already reporting social data",
        network(member_interest="many", reporting="reports"),
        "reporting-quality",
        {"member-training"},
        {"social-audits", "learn-spm"},
    ),
    (
        "an over-indebtedness crisis, with no staff time",
        network(market_risk="crisis", staff_time="no-time", regulator="absent"),
        "crisis-response",
        {"client-protection", "code-of-conduct", "set-aside-time"},
        set(),
    ),
    (
        "a federation with experience but no board objectives",
        network(
            awareness="strong", member_interest="many", structure="federation", board="not-agreed"
        ),
        "adopt-objectives",
        {"integrated-strategy", "social-audits", "member-training"},
        {"learn-spm"},
    ),
    (
        "a few early movers among members",
        network(),
        "peer-circle",
        {"social-audits"},
        {"make-the-case", "raise-funds"},
    ),
    (
        "a country with no regulator interest, and signs of risk",
        network(market_risk="signs", regulator="absent"),
        "peer-circle",
        {"client-protection", "code-of-conduct"},
        {"regulator-dialogue"},
    ),
    (
        "a network that knows the words only, with time and funds",
        network(awareness="heard", member_interest="many"),
        "learn-spm",
        {"member-training", "social-audits"},
        {"set-aside-time", "raise-funds"},
    ),
    (
        "members asking, but funds still to raise",
        network(member_interest="many", funds="to-raise"),
        "raise-funds",
        {"social-audits", "member-training"},
        set(),
    ),
    (
        "an association several voices ask, with an open regulator",
        network(drivers=("members", "industry", "regulator", "funders"), regulator="open"),
        "peer-circle",
        {"regulator-dialogue", "social-audits"},
        set(),
    ),
    (
        "a federation whose members see SP as a cost",
        network(member_interest="hardly-any", structure="federation", awareness="strong"),
        "make-the-case",
        {"integrated-strategy", "first-service"},
        {"learn-spm", "adopt-objectives"},
    ),
]


@pytest.mark.parametrize(
    ("answers", "first", "holds", "lacks"),
    [p[1:] for p in PROFILES],
    ids=[p[0] for p in PROFILES],
)
def test_a_realistic_network_gets_the_plan_a_practitioner_would_act_on(
    answers, first, holds, lacks
):
    plan = RULE.plan(answers)
    ids = [p.step.id for p in plan.steps]
    assert plan.first.step.id == first, ids
    assert holds <= set(ids), ids
    assert not lacks & set(ids), ids


def test_the_profiles_cover_every_answer_of_every_question():
    given = {(q, o) for _, answers, *_ in PROFILES for q, chosen in answers.items() for o in chosen}
    every = {(q.id, o.id) for q in QUESTIONS for o in q.options}
    assert every - given == set()


def test_every_path_gives_one_plan_that_starts_where_the_network_can():
    walked = 0
    for answers in distinct_paths(QUESTIONS, STEPS):
        plan = RULE.plan(answers)
        walked += 1
        first = plan.first.step
        assert set(first.needs) <= plan.facts, (answers, first.id)
        assert [p.step.id for p in plan.at(FIRST)] == [first.id]
        placed = {p.step.id for p in plan.at(FIRST) + plan.at(NEXT) + plan.at(LATER)}
        assert placed == {p.step.id for p in plan.steps}
        ids = [p.step.id for p in plan.steps]
        assert len(ids) == len(set(ids))
        # What a step needs is established by an answer or provided by an earlier step.
        ready = set(plan.facts)
        for planned in plan.steps:
            assert set(planned.step.needs) <= ready, (answers, planned.step.id)
            ready |= set(planned.step.provides)
        # Raising funds is a step only where funds are not secured.
        assert ("raise-funds" in ids) <= ("funds" not in plan.facts)
        # The board adopts social objectives before an integrated strategy.
        if "integrated-strategy" in ids and "board-objectives" not in plan.facts:
            assert ids.index("adopt-objectives") < ids.index("integrated-strategy")
        # A crisis comes first, whatever else the network said.
        assert (first.id == "crisis-response") == (answers["market-risk"] == ("crisis",))
    assert walked > 1000


def test_every_question_is_asked_within_ten_minutes():
    assert 8 <= len(QUESTIONS) <= 12


def test_more_than_one_driver_may_apply_and_nobody_is_said_alone():
    drivers = SHIPPED.tree["drivers"]
    assert drivers.many
    assert [o.id for o in drivers.options if o.exclusive] == ["nobody"]
    answers = [a["drivers"] for a in paths(QUESTIONS[:2])]
    assert ("members", "regulator", "funders") in answers
    assert not any("nobody" in a and len(a) > 1 for a in answers)


def test_the_awareness_answers_stand_for_every_level_of_their_dimension():
    levels = [o.level for o in SHIPPED.tree["awareness"].options]
    assert levels == [0, 1, 2, 3]
