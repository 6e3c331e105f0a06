"""The decision tree's checks on the shipped data, each broken in one place: every problem is
reported with its file, line and field, and nothing else is (golden cases of a small rule are
in tests/golden/cases/steps-*)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sphub.data.checks.tree
from sphub.data.errors import DataError
from sphub.data.load import load_site


def problems(data: Path) -> list[str]:
    # The translations name the shipped questions and steps: a test that breaks the English
    # checks the English alone.
    for translated in (data / "translations").glob("*/*.yml"):
        if translated.name in ("tree.yml", "steps.yml"):
            translated.unlink()
    try:
        load_site(data)
    except DataError as err:
        return [str(p) for p in err.problems]
    return []


def change(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_shipped_tree_and_steps_pass(data_copy):
    assert problems(data_copy) == []


def test_an_answer_id_twice_in_a_question(data_copy):
    change(data_copy, "tree.yml", "      - id: heard\n", "      - id: new\n")
    assert problems(data_copy) == [
        "data/tree.yml:35: tree[1].options[2].id: expected an answer id used once in its "
        "question, got 'new' again (first is options[0])"
    ]


def test_exclusive_only_where_several_answers_can_be_ticked(data_copy):
    change(
        data_copy,
        "tree.yml",
        "        because: nobody in the network has time set aside for social performance work yet\n",
        "        because: nobody in the network has time set aside for social performance work yet\n"
        "        exclusive: true\n",
    )
    [problem] = problems(data_copy)
    assert problem.startswith("data/tree.yml:")
    assert "tree[5].options[2].exclusive: expected 'exclusive' only on a question with" in problem


def test_a_when_that_names_an_unknown_answer(data_copy):
    change(
        data_copy, "steps.yml", "      - market-risk: [crisis]\n", "      - market-risk: [crises]\n"
    )
    assert problems(data_copy) == [
        "data/steps.yml:27: steps[1].when[1].market-risk[1]: expected an answer of 'market-risk' "
        "(crisis, signs, none), got 'crises'"
    ]


def test_two_steps_that_provide_the_same(data_copy):
    change(
        data_copy, "steps.yml", "    provides: [member-demand]\n", "    provides: [staff-time]\n"
    )
    found = problems(data_copy)
    assert found[0] == (
        "data/steps.yml:78: steps[4].provides[1]: expected each need provided by one step (the "
        "plan must know which comes first), got 'staff-time', also provided by 'make-the-case'"
    )


def test_a_step_that_waits_for_itself(data_copy):
    change(
        data_copy,
        "steps.yml",
        "    needs: [staff-time]\n    entry_point: own-house\n",
        "    needs: [staff-time, spm-skills]\n    entry_point: own-house\n",
    )
    found = problems(data_copy)
    assert any(
        p.startswith("data/steps.yml:")
        and "steps[5].needs: expected needs that other steps can provide before this one" in p
        for p in found
    ), found


def test_a_path_whose_plan_cannot_start(data_copy):
    """Without the step that provides staff time, a network that has none gets no plan."""
    change(data_copy, "steps.yml", "    provides: [staff-time]\n", "")
    found = problems(data_copy)
    assert any(
        "steps[" in p and "'staff-time', which nothing establishes or provides" in p for p in found
    ) or any("a plan on every path through the tree" in p for p in found), found


def test_at_most_twelve_questions(data_copy):
    path = data_copy / "tree.yml"
    text = path.read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: extra-{i}\n    short: Extra {i}\n    question: Extra {i}?\n    options:\n"
        f"      - id: a\n        label: A\n        because: a\n"
        f"      - id: b\n        label: B\n        because: b\n"
        for i in range(3)
    )
    path.write_text(text + extra, encoding="utf-8")
    found = problems(data_copy)
    assert len(found) == 1 and "tree[13].id: expected at most 12 questions" in found[0], found


def test_the_bound_on_plans_to_check(data_copy, monkeypatch):
    monkeypatch.setattr(sphub.data.checks.tree, "MAX_PATHS", 10)
    assert problems(data_copy) == [
        "data/steps.yml:19: steps: expected at most 10 distinct plans to check (MAX_PATHS in "
        "sphub/data/checks/tree.py), got more"
    ]


@pytest.mark.parametrize("level", ["5", "-1"])
def test_a_level_out_of_range(data_copy, level):
    new = "        because: social performance management is new to your network\n"
    change(data_copy, "tree.yml", new + "        level: 0\n", new + f"        level: {level}\n")
    found = problems(data_copy)
    assert len(found) == 1 and "tree[1].options[1].level" in found[0], found
