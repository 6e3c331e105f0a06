"""Where each node of the decision tree is drawn: a layered layout computed from the data, so
the diagram (an SVG drawn by the template `tree_diagram.html`) never goes stale and needs no
JavaScript. Rows are the nodes' longest distance from the start; within a row, nodes sit under
the average position of the questions that lead to them, which keeps most lines short. A line
that goes down more than one row passes each row between in a narrow lane of its own, between
the boxes of that row: no line crosses a box."""

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
LANE_WIDTH = 14  # the room a line takes in a row it passes through
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
    """An answer drawn from the bottom of one box to the top of another, through the lanes
    of the rows between: `points` from the start to the end, a pair (top and bottom of the
    row) for each row passed."""

    points: tuple[tuple[int, int], ...]

    @property
    def d(self) -> str:
        """SVG path data: a curve across each gap between rows, straight down each lane."""
        (x, y), *rest = self.points
        parts = [f"M {x} {y}"]
        for index, (x2, y2) in enumerate(rest):
            if index % 2:  # down a lane
                parts.append(f"L {x2} {y2}")
            else:  # across a gap
                parts.append(f"C {x} {y + 40}, {x2} {y2 - 40}, {x2} {y2}")
            x, y = x2, y2
        return " ".join(parts)


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
    answers = [(q.id, t.id) for q, _option, t in edges(tree) if q.id in row_of]
    answers = list(dict.fromkeys(answers))
    # A slot is a node's box, or the lane of a line in a row it passes through: (edge, row).
    parents: dict[object, list[object]] = {node_id: [] for node_id in row_of}
    rows: dict[int, list[object]] = {}
    for node_id in tree:  # file order first, then sorted under the parents
        if node_id in row_of:
            rows.setdefault(row_of[node_id], []).append(node_id)
    for source, target in answers:
        before = source
        for row in range(row_of[source] + 1, row_of[target]):
            lane = ((source, target), row)
            rows[row].append(lane)
            parents[lane] = [before]
            before = lane
        parents[target].append(before)
    position: dict[object, float] = {}  # the centre of each slot, in units from the row's start
    for row in sorted(rows):
        slots = rows[row]
        if row:
            slots.sort(key=lambda i: sum(position[p] for p in parents[i]) / len(parents[i]))
        x = 0.0
        for slot in slots:
            room = BOX_WIDTH if slot in row_of else LANE_WIDTH
            position[slot] = x + room / 2
            x += room + GAP_X
    extent = {row: _extent(slots, row_of) for row, slots in rows.items()}
    widest = max(extent.values())
    width = round(2 * MARGIN + widest)
    height = 2 * MARGIN + len(rows) * BOX_HEIGHT + (len(rows) - 1) * GAP_Y
    # Each row centred on the page.
    x_of = {
        slot: round(MARGIN + (widest - extent[row]) / 2 + position[slot])
        for row, slots in rows.items()
        for slot in slots
    }
    tags = numbers(tree)
    boxes = {}
    for row, slots in rows.items():
        for node_id in (s for s in slots if s in row_of):
            y = MARGIN + row * (BOX_HEIGHT + GAP_Y)
            node = tree[node_id]
            label = f"{tags[node_id]} {node.short}"
            wrapped = textwrap.wrap(label, CHARS_PER_LINE)
            # Never drop words: a label too long for the box overflows its last line.
            lines = tuple(wrapped[: MAX_LINES - 1] + [" ".join(wrapped[MAX_LINES - 1 :])])
            boxes[node_id] = Box(node, tags[node_id], x_of[node_id] - BOX_WIDTH // 2, y, lines)

    def top(row: int) -> int:
        return MARGIN + row * (BOX_HEIGHT + GAP_Y)

    drawn = []
    for source, target in answers:
        points = [(x_of[source], top(row_of[source]) + BOX_HEIGHT)]
        for row in range(row_of[source] + 1, row_of[target]):
            lane = x_of[((source, target), row)]
            points += [(lane, top(row)), (lane, top(row) + BOX_HEIGHT)]
        points.append((x_of[target], top(row_of[target])))
        drawn.append(Line(tuple(points)))
    return Layout(width, height, tuple(boxes.values()), tuple(drawn))


def _extent(slots: list, row_of: dict) -> float:
    """The width of a row: its boxes and lanes, and the gaps between them."""
    rooms = [BOX_WIDTH if slot in row_of else LANE_WIDTH for slot in slots]
    return sum(rooms) + GAP_X * (len(rooms) - 1)
