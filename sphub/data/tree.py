"""The decision tree as a graph: every answer path (for the pages and the tests), its edges,
path counts and depths. The checks of its shape are in `sphub.data.checks.tree`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sphub.models.strategy import Option, TreeNode


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


def questions_left(tree: dict[str, TreeNode]) -> dict[str, int]:
    """For each node, the most questions still to answer from it to an outcome, itself
    included (0 for an outcome): the page says 'question 2 of at most 6'."""
    result: dict[str, int] = {}
    order = list(tree)
    # Post-order without recursion, as count_paths: a validated tree is acyclic.
    while order:
        node_id = order[-1]
        children = [o.next for o in tree[node_id].options]
        todo = [c for c in children if c not in result]
        if todo:
            order.extend(todo)
            continue
        order.pop()
        result[node_id] = 1 + max(result[c] for c in children) if children else 0
    return result
