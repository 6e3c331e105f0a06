"""The assessment's rule as code (sphub.data.tree): answers' levels make a dimension's level
(average rounded down), the one table turns levels into entry points, and dimensions that
disagree are settled by most dimensions, then the lowest level, then the key's order."""

from __future__ import annotations

from sphub.data.tree import (
    Answer,
    deciding_answer,
    dimension_levels,
    established,
    level_entry_points,
    settle,
    suggestions,
)
from sphub.models.strategy import Dimension, Option, TreeNode


def _dimension(dim_id: str, table: dict[int, list[str]]) -> Dimension:
    return Dimension(
        id=dim_id,
        name=dim_id.title(),
        question="Where does the network stand?",
        why="It matters.",
        criteria=["One.", "Two."],
        scoring=[
            {"score": n, "label": f"L{n}", "description": "-", "suggests": "-", "entry_points": e}
            for n, e in table.items()
        ],
    )


ASSESSMENT = {
    "capacities": _dimension("capacities", {0: ["own-house"], 1: ["members-demand"], 2: ["b"]}),
    "context": _dimension("context", {1: ["members-demand", "c"], 2: ["c"], 3: ["d"]}),
    "awareness": _dimension("awareness", {0: ["own-house", "members-demand"], 3: ["b", "d"]}),
}
ORDER = ["members-demand", "own-house", "b", "c", "d"]


def _answer(dimension: str | None, level: int | None, establishes=()) -> Answer:
    question = TreeNode(
        id="q",
        type="question",
        short="Q",
        question="Q?",
        dimension=dimension,
        options=[{"id": "a", "label": "A", "next": "x"}, {"id": "b", "label": "B", "next": "y"}],
    )
    option = Option(id="a", label="A", next="x", level=level, establishes=list(establishes))
    return Answer(question, option)


def test_a_dimensions_level_is_the_average_of_its_answers_rounded_down():
    answers = [_answer("capacities", 2), _answer("capacities", 1), _answer("context", 3)]
    assert dimension_levels(answers) == {"capacities": 1, "context": 3}


def test_answers_without_a_level_or_a_dimension_give_none():
    assert dimension_levels([_answer("capacities", None), _answer(None, 2)]) == {}


def test_each_level_suggests_the_entry_points_of_the_table():
    tally = suggestions({"capacities": 1, "context": 1}, ASSESSMENT)
    assert tally == {"members-demand": 2, "c": 1}
    assert suggestions({"capacities": 3}, ASSESSMENT) == {}  # no level 3 in its table


def test_most_dimensions_win():
    assert settle({"capacities": 1, "context": 1}, ASSESSMENT, ORDER)[0] == "members-demand"


def test_a_tie_goes_to_the_dimension_at_the_lowest_level():
    # capacities 0 -> own-house, context 3 -> d: one each; capacities is the weaker.
    assert settle({"capacities": 0, "context": 3}, ASSESSMENT, ORDER) == ["own-house", "d"]


def test_a_last_tie_follows_the_order_of_the_key():
    ranked = settle({"awareness": 0}, ASSESSMENT, ORDER)
    assert ranked == ["members-demand", "own-house"]
    assert settle({"awareness": 0}, ASSESSMENT, list(reversed(ORDER)))[0] == "own-house"


def test_a_path_establishes_what_its_answers_confirm():
    answers = [_answer("capacities", 2, ["staff-time"]), _answer(None, None, ["driver"])]
    assert established(answers) == {"staff-time", "driver"}


def test_the_deciding_answer_is_the_last_with_a_level():
    first, deciding = _answer("awareness", 0), _answer("context", 2)
    answers = [first, deciding, _answer("capacities", None), _answer(None, None)]
    assert deciding_answer(answers) is deciding
    assert level_entry_points(deciding, ASSESSMENT) == ["c"]
    assert deciding_answer([_answer("capacities", None)]) is None
