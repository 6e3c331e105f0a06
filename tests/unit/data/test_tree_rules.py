"""The one rule's mechanics (sphub.data.tree.Rule) on a small rule written for the test: when
a step is in a plan, prerequisites as steps, the order, and where each step stands."""

from __future__ import annotations

import pytest

from sphub.data.tree import FIRST, LATER, NEXT, Rule, Unplannable, distinct_paths, matches, paths
from sphub.models.strategy import PlanStep, TreeNode


def question(qid: str, *options: tuple[str, list[str]], many: bool = False) -> TreeNode:
    return TreeNode(
        id=qid,
        short=qid,
        question=f"{qid}?",
        many=many,
        options=[{"id": o, "label": o, "because": o, "establishes": f} for o, f in options],
    )


def step(sid: str, **fields) -> PlanStep:
    return PlanStep(
        id=sid, title=sid, summary=sid, entry_point="own-house", actions=["Do it."], **fields
    )


QUESTIONS = [
    question("time", ("yes", ["staff-time"]), ("no", [])),
    question("funds", ("secured", ["funds"]), ("to-raise", [])),
    question("asks", ("members", []), ("regulator", ["government-interest"]), many=True),
]
STEPS = [
    step("agree-time", provides=["staff-time"]),
    step("raise", provides=["funds"], needs=["staff-time"]),
    step("audits", when=[{"time": ["yes", "no"]}], needs=["staff-time", "funds"]),
    step("regulator", when=[{"asks": ["regulator"]}], needs=["government-interest"]),
]
RULE = Rule(QUESTIONS, STEPS)


def ids(answers):
    return [p.step.id for p in RULE.plan(answers).steps]


def test_a_condition_holds_when_one_alternative_holds_for_every_question_it_names():
    when = [{"time": ["yes"], "funds": ["secured"]}, {"asks": ["regulator"]}]
    assert matches(when, {"time": ("yes",), "funds": ("secured",)})
    assert not matches(when, {"time": ("yes",), "funds": ("to-raise",)})
    assert matches(when, {"asks": ("members", "regulator")})  # one of the ticked answers
    assert not matches([], {"time": ("yes",)})


def test_what_the_answers_established_brings_in_no_step():
    assert ids({"time": ("yes",), "funds": ("secured",), "asks": ("members",)}) == ["audits"]


def test_a_missing_need_brings_in_its_provider_and_the_providers_needs_too():
    plan = RULE.plan({"time": ("no",), "funds": ("to-raise",), "asks": ("members",)})
    assert [p.step.id for p in plan.steps] == ["agree-time", "raise", "audits"]
    assert [p.stage for p in plan.steps] == [0, 1, 2]
    assert [[a.id for a in p.after] for p in plan.steps] == [
        [],
        ["agree-time"],
        ["agree-time", "raise"],
    ]
    assert [p.step.id for p in plan.at(FIRST)] == ["agree-time"]
    assert [p.step.id for p in plan.at(NEXT)] == ["raise"]
    assert [p.step.id for p in plan.at(LATER)] == ["audits"]


def test_a_step_comes_after_what_it_needs_whatever_the_file_order():
    steps = [STEPS[2], STEPS[1], STEPS[0]]  # audits listed first
    plan = Rule(QUESTIONS, steps).plan({"time": ("no",), "funds": ("to-raise",), "asks": ()})
    assert [p.step.id for p in plan.steps] == ["agree-time", "raise", "audits"]


def test_steps_that_need_nothing_lacking_keep_the_file_order():
    answers = {"time": ("yes",), "funds": ("secured",), "asks": ("regulator",)}
    assert ids(answers) == ["audits", "regulator"]


def test_a_need_nothing_provides_makes_no_plan():
    rule = Rule(QUESTIONS, [step("audits", when=[{"time": ["no"]}], needs=["spm-skills"])])
    with pytest.raises(Unplannable, match="spm-skills"):
        rule.plan({"time": ("no",)})
    with pytest.raises(Unplannable, match="no step"):
        rule.plan({"time": ("yes",)})


def test_paths_give_every_answer_and_exclusive_answers_alone():
    asks = question("asks", ("members", []), ("regulator", []), ("nobody", []), many=True)
    nobody = asks.options[2].model_copy(update={"exclusive": True})
    asks = asks.model_copy(update={"options": [*asks.options[:2], nobody]})
    answers = [a["asks"] for a in paths([asks])]
    assert answers == [("nobody",), ("members",), ("regulator",), ("members", "regulator")]


def test_distinct_paths_merge_answers_the_rule_cannot_tell_apart():
    q = question("size", ("small", []), ("medium", []), ("large", ["funds"]))
    s = [step("a", when=[{"size": ["small", "medium", "large"]}])]
    assert [a["size"] for a in distinct_paths([q], s)] == [("small",), ("large",)]
