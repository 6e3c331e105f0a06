"""Checks of the decision tree (one start, right fields per node type, no cycles, every node
reachable, every path ending in an outcome, a bounded number of paths), its domain rules (what
an outcome needs is established on every path to it; answers' levels are levels of their
dimension; every outcome starts from an entry point that the assessment's scoring guide gives
for the level of each path's deciding answer), and of the other entries of the strategy framework (case studies,
the quick tree's agenda, where resources and tools can be obtained).

Every problem is reported in the usual `data/tree.yml:LINE: tree[3].options[1].next: expected
..., got ...` form. A `next` naming no node is reported by the generic reference check (the
field declares `refers_to("tree")`); the graph checks here then skip what such a gap makes
uncertain (reachability, path count) rather than report it a second time."""

from __future__ import annotations

import os

from sphub.data.errors import Problem
from sphub.data.located import Located
from sphub.data.tree import (
    Step,
    count_paths,
    deciding_answer,
    established,
    level_entry_points,
    walk,
)
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


def _whole(located: list[Located]) -> bool:
    """Reachability and path counts are only certain on a whole graph: every entry valid and
    every `next` known, one start that is a question. Otherwise the missing piece is already
    reported, and a node cut off by it is not the editor's second mistake."""
    if not located:
        return False
    yf = located[0].file
    raw = yf.value.get("tree") if isinstance(yf.value, dict) else None
    nodes = {where.entry.id for where in located}
    starts = [where.entry for where in located if where.entry.start]
    return (
        isinstance(raw, list)
        and len(raw) == len(located)
        and all(o.next in nodes for w in located for o in w.entry.options)
        and len(starts) == 1
        and starts[0].type == "question"
    )


def _paths(located: list[Located]) -> list[Step] | None:
    """Every step of a whole, acyclic, bounded tree; None when the graph checks have found (and
    reported) a reason not to walk it."""
    if not _whole(located):
        return None
    nodes = {where.entry.id: where for where in located}
    if _cycles(nodes):
        return None
    tree = {node_id: where.entry for node_id, where in nodes.items()}
    if count_paths(tree, next(n.id for n in tree.values() if n.start)) > max_paths():
        return None
    return list(walk(tree))


def _route(step: Step) -> str:
    return ", ".join(f"{a.question.id}: {a.option.id}" for a in step.answers)


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
    if not _whole(located):
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


def tree_needs_are_established(by: dict[str, list[Located]]) -> list[Problem]:
    """An outcome that needs staff time, funds, members' demand, an interested regulator or a
    known driver is reached only through answers that establish each need: a network that
    said it has no time set aside is never sent to a staff-heavy strategy."""
    steps = _paths(by["tree"])
    if steps is None:
        return []
    where_of = {where.entry.id: where for where in by["tree"]}
    problems = []
    for node_id, where in where_of.items():
        node = where.entry
        for i, need in enumerate(node.needs):
            missing = [
                s for s in steps if s.node.id == node_id and need not in established(s.answers)
            ]
            if missing:
                more = f" (and {len(missing) - 1} other paths)" if len(missing) > 1 else ""
                problems.append(
                    where.problem(
                        ("needs", i),
                        f"'{need}' established on every path to '{node_id}' by an answer "
                        f"marked 'establishes: [{need}]'",
                        f"the path {_route(missing[0])}, where no answer establishes it{more}",
                    )
                )
    return problems


def tree_levels_are_scored(by: dict[str, list[Located]]) -> list[Problem]:
    """An answer's level is a level of its question's dimension in the assessment's scoring
    guide, so that the tree and the assessment read the same table."""
    scored = {where.entry.id: {s.score for s in where.entry.scoring} for where in by["assessment"]}
    problems = []
    for where in by["tree"]:
        node = where.entry
        for i, option in enumerate(node.options):
            if option.level is None:
                continue
            if node.dimension is None:
                problems.append(
                    where.problem(
                        ("options", i, "level"),
                        "a level only on a question that names its assessment 'dimension'",
                        f"level {option.level} on a question with no dimension",
                    )
                )
            elif node.dimension in scored and option.level not in scored[node.dimension]:
                problems.append(
                    where.problem(
                        ("options", i, "level"),
                        f"one of the levels of '{node.dimension}' in data/assessment.yml ("
                        + ", ".join(str(n) for n in sorted(scored[node.dimension]))
                        + ")",
                        str(option.level),
                    )
                )
    return problems


def tree_entry_points_agree(by: dict[str, list[Located]]) -> list[Problem]:
    """Every outcome starts from an entry point that the assessment's scoring guide gives for
    the level of the path's deciding answer: the last answer on the path that stands for a
    level of a dimension. One table, read by the tree and the worksheet alike. (A path whose
    answers give no level is not compared.)"""
    steps = _paths(by["tree"])
    if steps is None or tree_levels_are_scored(by):
        return []
    assessment = {where.entry.id: where.entry for where in by["assessment"]}
    problems = []
    for where in by["tree"]:
        node = where.entry
        if node.type != "outcome":
            continue
        disagree = []
        for step in steps:
            deciding = deciding_answer(step.answers) if step.node.id == node.id else None
            if deciding is None or deciding.question.dimension not in assessment:
                continue  # an unknown dimension is reported by the reference check
            suggested = level_entry_points(deciding, assessment)
            if node.entry_point not in suggested:
                disagree.append((step, deciding, suggested))
        if disagree:
            step, deciding, suggested = disagree[0]
            more = f" (and {len(disagree) - 1} other paths)" if len(disagree) > 1 else ""
            problems.append(
                where.problem(
                    ("entry_point",),
                    "an entry point that data/assessment.yml gives for the level of the "
                    "deciding answer on every path to this outcome",
                    f"'{node.entry_point}', but on the path {_route(step)} the deciding answer "
                    f"'{deciding.option.id}' (level {deciding.option.level} of "
                    f"'{deciding.question.dimension}') suggests "
                    f"{', '.join(suggested) or 'no entry point'}{more}",
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


def resources_say_where_to_find_them(by: dict[str, list[Located]]) -> list[Problem]:
    """A linked resource says where its address was confirmed; one without a link says how to
    obtain it. No address is ever guessed, and no page leads nowhere."""
    problems = []
    for where in by["resources"]:
        resource = where.entry
        if resource.url and not resource.confirmed_by:
            problems.append(
                where.problem(
                    ("confirmed_by",),
                    "where the address in 'url' was confirmed (a published source, and when)",
                    "nothing",
                )
            )
        if not resource.url and not resource.how_to_obtain:
            problems.append(
                where.problem(
                    ("how_to_obtain",),
                    "how to obtain a copy when no 'url' is confirmed (its owner's site, or whom "
                    "to ask)",
                    "nothing",
                )
            )
    for where in by["tools"]:
        tool = where.entry
        if not (tool.links or tool.resources or tool.how_to_obtain):
            problems.append(
                where.problem(
                    ("how_to_obtain",),
                    "a confirmed link, a resource, or how to obtain the tool",
                    "nothing",
                )
            )
    return problems
