"""Where each node of the decision tree is drawn: a layered layout computed from the data, so
the diagram (an SVG drawn by the template `tree_diagram.html`) never goes stale and needs no
JavaScript. Rows are the nodes' longest distance from the start; within a row, nodes sit under
the average position of the questions that lead to them, which keeps most lines short."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from sphub.models.strategy import TreeNode
from sphub.data.tree import depths, edges

# Sizes in SVG units; the page scales the drawing to its column, so boxes are kept narrow and
# the text large enough to read when a five-box row fits a phone or an A4 page.
BOX_WIDTH = 170
BOX_HEIGHT = 70
GAP_X = 16
GAP_Y = 50
MARGIN = 10
CHARS_PER_LINE = 17
MAX_LINES = 3
LINE_HEIGHT = 19


@dataclass(frozen=True)
class Box:
    """A node's box: its top-left corner and the lines of its label."""

    node: TreeNode
    tag: str  # Q1, Q2... or O1, O2..., in file order
    x: int
    y: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Line:
    """An answer drawn from the bottom of one box to the top of another."""

    x1: int
    y1: int
    x2: int
    y2: int


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    boxes: tuple[Box, ...]
    lines: tuple[Line, ...]
    box_width: int = BOX_WIDTH
    box_height: int = BOX_HEIGHT
    line_height: int = LINE_HEIGHT


def numbers(tree: dict[str, TreeNode]) -> dict[str, str]:
    """Each node's tag (Q1, Q2..., O1, O2...), in file order, shared by the diagram and the
    list of nodes beside it."""
    counts = {"question": 0, "outcome": 0}
    tags = {}
    for node in tree.values():
        counts[node.type] += 1
        tags[node.id] = ("Q" if node.type == "question" else "O") + str(counts[node.type])
    return tags


def layout(tree: dict[str, TreeNode]) -> Layout:
    """Boxes and lines of a validated tree."""
    row_of = depths(tree)
    parents: dict[str, list[str]] = {node_id: [] for node_id in row_of}
    for question, _option, target in edges(tree):
        if question.id in row_of:
            parents[target.id].append(question.id)
    rows: dict[int, list[str]] = {}
    for node_id in tree:  # file order first, then sorted under the parents
        if node_id in row_of:
            rows.setdefault(row_of[node_id], []).append(node_id)
    position: dict[str, float] = {}
    for row in sorted(rows):
        ids = rows[row]
        if row:
            ids.sort(key=lambda i: sum(position[p] for p in parents[i]) / len(parents[i]))
        for index, node_id in enumerate(ids):
            position[node_id] = index - (len(ids) - 1) / 2
    widest = max(len(ids) for ids in rows.values())
    width = 2 * MARGIN + widest * BOX_WIDTH + (widest - 1) * GAP_X
    height = 2 * MARGIN + len(rows) * BOX_HEIGHT + (len(rows) - 1) * GAP_Y
    centre = width / 2
    tags = numbers(tree)
    boxes = {}
    for row, ids in rows.items():
        for node_id in ids:
            x = round(centre + position[node_id] * (BOX_WIDTH + GAP_X) - BOX_WIDTH / 2)
            y = MARGIN + row * (BOX_HEIGHT + GAP_Y)
            node = tree[node_id]
            label = f"{tags[node_id]} {node.short}"
            wrapped = textwrap.wrap(label, CHARS_PER_LINE)
            # Never drop words: a label too long for the box overflows its last line.
            lines = tuple(wrapped[: MAX_LINES - 1] + [" ".join(wrapped[MAX_LINES - 1 :])])
            boxes[node_id] = Box(node, tags[node_id], x, y, lines)
    drawn = [
        Line(
            boxes[q.id].x + BOX_WIDTH // 2,
            boxes[q.id].y + BOX_HEIGHT,
            boxes[t.id].x + BOX_WIDTH // 2,
            boxes[t.id].y,
        )
        for q, _option, t in edges(tree)
        if q.id in boxes
    ]
    return Layout(width, height, tuple(boxes.values()), tuple(dict.fromkeys(drawn)))
