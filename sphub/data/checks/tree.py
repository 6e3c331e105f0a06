"""Checks of the decision tree (one start, right fields per node type, no cycles, every node
reachable, every path ending in an outcome, a bounded number of paths) and of the other
entries of the strategy framework (case studies, the quick tree's agenda).

Every problem is reported in the usual `data/tree.yml:LINE: tree[3].options[1].next: expected
..., got ...` form. A `next` naming no node is reported by the generic reference check (the
field declares `refers_to("tree")`); the graph checks here then skip what such a gap makes
uncertain (reachability, path count) rather than report it a second time."""

from __future__ import annotations

import os

from sphub.data.errors import Problem
from sphub.data.located import Located
from sphub.data.tree import count_paths
from sphub.models.strategy import TreeNode

# Every prefix of every path is one page of the site, so the number of paths bounds the number
# of pages (at most paths x (longest path + 1)). Raise it here, or for one build with the
# environment variable SPHUB_TREE_MAX_PATHS.
MAX_PATHS = 100
# A half-day session: the quick tree's agenda must fit in four hours.
MAX_AGENDA_MINUTES = 240


def max_paths() -> int:
    """The bound on distinct paths: SPHUB_TREE_MAX_PATHS if set, else MAX_PATHS."""
    value = os.environ.get("SPHUB_TREE_MAX_PATHS", "")
    return int(value) if value.isdigit() else MAX_PATHS


def _shape(where: Located) -> list[Problem]:
    """The start is a question; answer ids are unique within their question. (The fields each
    type needs or refuses are checked by the model, `TreeNode`.)"""
    node: TreeNode = where.entry
    problems = []
    if node.type == "outcome" and node.start:
        problems.append(
            where.problem(("start",), "the start on a question, not an outcome", "true")
        )
    seen: dict[str, int] = {}
    for i, option in enumerate(node.options):
        if option.id in seen:
            problems.append(
                where.problem(
                    ("options", i, "id"),
                    "an answer id used once in its question",
                    f"'{option.id}' again (first is options[{seen[option.id]}])",
                )
            )
        seen.setdefault(option.id, i)
    return problems


def _cycles(nodes: dict[str, Located]) -> list[Problem]:
    """One problem per answer that leads back to a question already on its path."""
    problems = []
    state: dict[str, str] = {}  # id -> "open" while on the current path, "done" after
    for root in nodes:
        if root in state:
            continue
        path = [root]
        iters = [iter(enumerate(nodes[root].entry.options))]
        state[root] = "open"
        while iters:
            step = next(iters[-1], None)
            if step is None:
                state[path.pop()] = "done"
                iters.pop()
                continue
            i, option = step
            target = option.next
            if target not in nodes:
                continue
            if state.get(target) == "open":
                loop = path[path.index(target) :] + [target]
                problems.append(
                    nodes[path[-1]].problem(
                        ("options", i, "next"),
                        "an answer that leads on to a node not yet on its path (the tree must "
                        "have no cycles)",
                        f"'{target}', which leads back round: " + " -> ".join(loop),
                    )
                )
            elif target not in state:
                state[target] = "open"
                path.append(target)
                iters.append(iter(enumerate(nodes[target].entry.options)))
    return problems


def tree(by: dict[str, list[Located]]) -> list[Problem]:
    located = by["tree"]
    if not located:
        return []  # a missing or unreadable file is reported by the loader
    problems: list[Problem] = []
    for where in located:
        problems += _shape(where)
    yf = located[0].file
    nodes = {where.entry.id: where for where in located}
    starts = [where for where in located if where.entry.start]
    if not starts:
        problems.append(
            Problem(
                yf.name, yf.line(("tree",)), "tree", "exactly one node with 'start: true'", "none"
            )
        )
    for where in starts[1:]:
        first = starts[0]
        problems.append(
            where.problem(
                ("start",),
                "exactly one node with 'start: true'",
                f"a second (the first is '{first.entry.id}' on line "
                f"{first.file.line(first.path + ('start',))})",
            )
        )
    cycles = _cycles(nodes)
    problems += cycles
    raw = yf.value.get("tree") if isinstance(yf.value, dict) else None
    # Reachability and path counts are only certain on a whole graph: every entry valid and
    # every `next` known. Otherwise the missing piece is already reported, and a node cut off
    # by it is not the editor's second mistake.
    whole = (
        isinstance(raw, list)
        and len(raw) == len(located)
        and all(o.next in nodes for w in located for o in w.entry.options)
        and len(starts) == 1
        and starts[0].entry.type == "question"
    )
    if not whole:
        return problems
    start = starts[0].entry.id
    reached = {start}
    todo = [start]
    while todo:
        for option in nodes[todo.pop()].entry.options:
            if option.next not in reached:
                reached.add(option.next)
                todo.append(option.next)
    for node_id, where in nodes.items():
        if node_id not in reached:
            kind = where.entry.type
            problems.append(
                where.problem(
                    ("id",),
                    f"{'an outcome' if kind == 'outcome' else 'a question'} that some "
                    f"answer leads to from the start ('{start}')",
                    f"'{node_id}', which no path from the start reaches",
                )
            )
    if not cycles:
        tree = {node_id: where.entry for node_id, where in nodes.items()}
        count = count_paths(tree, start)
        bound = max_paths()
        if count > bound:
            problems.append(
                Problem(
                    yf.name,
                    yf.line(("tree",)),
                    "tree",
                    f"at most {bound} distinct paths from the start to an outcome (the bound is "
                    "MAX_PATHS in sphub/data/checks/tree.py, or SPHUB_TREE_MAX_PATHS)",
                    f"{count} paths",
                )
            )
    return problems


def case_studies_name_their_network(by: dict[str, list[Located]]) -> list[Problem]:
    problems = []
    for where in by["case_studies"]:
        study = where.entry
        if not study.illustrative and study.network is None:
            problems.append(
                where.problem(
                    ("network",),
                    "the id of the network a real case study is about (or 'illustrative: true')",
                    "nothing",
                )
            )
        if study.illustrative and study.network is not None:
            problems.append(
                where.problem(
                    ("network",),
                    "no network on an illustrative example (it must not be read as "
                    "a record of a real network)",
                    f"'{study.network}'",
                )
            )
    return problems


def agenda_fits_half_day(by: dict[str, list[Located]]) -> list[Problem]:
    items = by["quick_tree_agenda"]
    total = sum(where.entry.minutes for where in items)
    if total <= MAX_AGENDA_MINUTES:
        return []
    last = items[-1]
    return [
        last.problem(
            ("minutes",),
            f"an agenda of at most {MAX_AGENDA_MINUTES} minutes in all (a half-day session)",
            f"{total} minutes",
        )
    ]
