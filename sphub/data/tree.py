"""The decision tree as a graph: every answer path (for the pages and the tests), its edges,
path counts and depths. The checks of its shape are in `sphub.data.checks.tree`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from sphub.models.strategy import Dimension, Option, TreeNode


# Walking the tree


@dataclass(frozen=True)
class Answer:
    """One answer given on the way: the question and the option chosen."""

    question: TreeNode
    option: Option


@dataclass(frozen=True)
class Step:
    """A node reached by a sequence of answers: one page of the tree."""

    node: TreeNode
    answers: tuple[Answer, ...]

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(a.option.id for a in self.answers)

    def after(self, option: Option, tree: dict[str, TreeNode]) -> Step:
        """The step this question's answer `option` leads to."""
        return Step(tree[option.next], self.answers + (Answer(self.node, option),))

    def before(self, index: int) -> Step:
        """The step at which answer `index` was given: where its "Change" link leads."""
        return Step(self.answers[index].question, self.answers[:index])


def start_of(tree: dict[str, TreeNode]) -> TreeNode:
    """The start question of a validated tree."""
    return next(node for node in tree.values() if node.start)


def walk(tree: dict[str, TreeNode]) -> Iterator[Step]:
    """Every step reachable from the start, depth first, answers in the order of the options.
    The tree is validated (acyclic, bounded), so this ends; an empty tree has no steps."""
    stack = [Step(start_of(tree), ())] if tree else []
    while stack:
        step = stack.pop()
        yield step
        stack.extend(step.after(option, tree) for option in reversed(step.node.options))


def edges(tree: dict[str, TreeNode]) -> Iterator[tuple[TreeNode, Option, TreeNode]]:
    """Every (question, option, next node) of a validated tree, in file order."""
    for node in tree.values():
        for option in node.options:
            yield node, option, tree[option.next]


def count_paths(tree: dict[str, TreeNode], start: str) -> int:
    """Distinct paths from `start` to a node with no answers (an outcome), for an acyclic
    graph whose every `next` exists."""
    memo: dict[str, int] = {}
    order = [start]
    # Post-order without recursion: a deep tree must not hit Python's recursion limit.
    while order:
        node_id = order[-1]
        children = [o.next for o in tree[node_id].options]
        todo = [c for c in children if c not in memo]
        if todo:
            order.extend(todo)
            continue
        order.pop()
        memo[node_id] = sum(memo[c] for c in children) if children else 1
    return memo[start]


def depths(tree: dict[str, TreeNode]) -> dict[str, int]:
    """Each node's longest distance from the start (its column in the diagram)."""
    result: dict[str, int] = {}
    for step in walk(tree):
        result[step.node.id] = max(result.get(step.node.id, 0), len(step.answers))
    return result


# The domain rules: what a path establishes, and where its answers point


def established(answers: Iterable[Answer]) -> set[str]:
    """The facts (staff time, funds, members' demand...) the answers on a path confirm."""
    return {fact for answer in answers for fact in answer.option.establishes}


def deciding_answer(answers: Iterable[Answer]) -> Answer | None:
    """The answer that decides a path's entry point: the last that stands for a level of its
    question's dimension (the tree goes from the general to the particular)."""
    levelled = [a for a in answers if a.option.level is not None and a.question.dimension]
    return levelled[-1] if levelled else None


def level_entry_points(answer: Answer, assessment: Mapping[str, Dimension]) -> list[str]:
    """The entry points the scoring guide gives for an answer's level of its dimension."""
    return [
        entry_point
        for score in assessment[answer.question.dimension].scoring
        if score.score == answer.option.level
        for entry_point in score.entry_points
    ]


def dimension_levels(answers: Iterable[Answer]) -> dict[str, int]:
    """Each assessment dimension's level on a path, by the worksheet's rule: the answers on one
    dimension are its criteria, and its level is their average rounded down."""
    scores: dict[str, list[int]] = {}
    for answer in answers:
        if answer.option.level is not None and answer.question.dimension:
            scores.setdefault(answer.question.dimension, []).append(answer.option.level)
    return {dim: sum(values) // len(values) for dim, values in scores.items()}


def suggestions(levels: Mapping[str, int], assessment: Mapping[str, Dimension]) -> Counter[str]:
    """How many dimensions suggest each entry point, through the scoring guide's one mapping
    from a dimension's level to entry points (the same table the worksheet uses)."""
    tally: Counter[str] = Counter()
    for dim, level in levels.items():
        for score in assessment[dim].scoring:
            if score.score == level:
                tally.update(score.entry_points)
    return tally


def settle(
    levels: Mapping[str, int], assessment: Mapping[str, Dimension], order: Iterable[str]
) -> list[str]:
    """The suggested entry points, where to start first: the one most dimensions suggest; on a
    tie, the one a dimension at the lowest level suggests (the weakest dimension limits the
    strategy most); then the order of the entry points file."""
    tally = suggestions(levels, assessment)
    rank = {entry_point: i for i, entry_point in enumerate(order)}
    lowest: dict[str, int] = {}
    for dim, level in levels.items():
        for score in assessment[dim].scoring:
            if score.score == level:
                for entry_point in score.entry_points:
                    lowest[entry_point] = min(lowest.get(entry_point, 9), level)
    return sorted(tally, key=lambda e: (-tally[e], lowest[e], rank.get(e, len(rank))))
