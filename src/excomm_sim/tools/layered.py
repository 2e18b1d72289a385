"""A layered (Sugiyama-style) layout of boxes joined by edges, top to bottom.

The classic four steps, each kept simple and deterministic:

1. **Layers**: longest path from the sources, so every edge points down (edges that close
   a cycle are laid out reversed and drawn as given).
2. **Dummies**: an edge that spans several layers gets a thin dummy box in each layer it
   crosses, so it is routed around the boxes in between.
3. **Order**: the barycentre heuristic, sweeping down and up, keeps the order with the
   fewest crossings seen.
4. **Coordinates**: each box is pulled towards the mean of its neighbours' centres; the
   closest positions that keep a layer's order and spacing are found exactly by isotonic
   regression (pool adjacent violators), in alternating sweeps.

Pure Python, no drawing: ``layout`` returns where each box and each edge's bends go, and
the SVG renderer draws them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from attrs import frozen

SWEEPS = 12
"""Down-and-up passes of the ordering and of the coordinate steps."""
DUMMY_WIDTH = 14.0


@frozen
class Box:
    id: str
    width: float
    height: float


@frozen
class Placed:
    """A box's place: centre x, top y, and its size."""

    x: float
    y: float
    width: float
    height: float
    layer: int


@frozen
class Route:
    """An edge's path: the source's bottom centre, each bend, the target's top centre."""

    source: str
    target: str
    points: tuple[tuple[float, float], ...]


@frozen
class Layout:
    boxes: dict[str, Placed]
    routes: tuple[Route, ...]
    width: float
    height: float


def layout(
    boxes: Sequence[Box],
    edges: Sequence[tuple[str, str]],
    layer_gap: float = 46.0,
    box_gap: float = 22.0,
    margin: float = 20.0,
) -> Layout:
    """Place ``boxes`` in layers so ``edges`` run downwards with few crossings."""
    sizes = {box.id: box for box in boxes}
    ids = list(sizes)
    kept = [edge for edge in edges if edge[0] != edge[1]]
    forward = _acyclic(ids, kept)
    layer = _layers(ids, forward)
    chains, members = _with_dummies(ids, layer, forward)
    widths = {node: sizes[node].width if node in sizes else DUMMY_WIDTH for node in layer}
    heights = {node: sizes[node].height if node in sizes else 0.0 for node in layer}
    up, down = _neighbours(chains)
    rows = _order(members, up, down)
    tops = _tops(rows, heights, layer_gap, margin)
    bands = [max((heights[node] for node in row), default=0.0) for row in rows]
    xs = _coordinates(rows, widths, up, down, box_gap)
    left = min((xs[node] - widths[node] / 2 for node in xs), default=0.0)
    shift = margin - left
    placed = {
        node: Placed(xs[node] + shift, tops[layer[node]], widths[node], heights[node], layer[node])
        for node in ids
    }
    routes = []
    for (source, target), chain in zip(kept, chains, strict=True):
        start = placed[source]
        end = placed[target]
        # Through each layer it crosses, an edge runs straight down its dummy's lane, so it
        # never cuts across the boxes beside it.
        bends = [
            point
            for node in chain[1:-1]
            for point in (
                (xs[node] + shift, tops[layer[node]]),
                (xs[node] + shift, tops[layer[node]] + bands[layer[node]]),
            )
        ]
        if chain[0] != source:  # laid out reversed: draw it as given
            bends.reverse()
        # A box shorter than its layer drops straight to the layer's foot first, clear of
        # taller neighbours.
        drop: tuple[tuple[float, float], ...] = (
            (start.x, start.y + start.height),
            (start.x, start.y + bands[start.layer]),
        )
        if chain[0] != source:
            drop = ((start.x, start.y + start.height),)
        points = tuple(dict.fromkeys((*drop, *bends, (end.x, end.y))))
        routes.append(Route(source, target, points))
    width = max((box.x + box.width / 2 for box in placed.values()), default=0.0) + margin
    height = max((box.y + box.height for box in placed.values()), default=0.0) + margin
    return Layout(placed, tuple(routes), width, height)


def _acyclic(ids: list[str], edges: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The edges with those that close a cycle reversed (depth-first, in the given order)."""
    out: dict[str, list[str]] = {node: [] for node in ids}
    for source, target in edges:
        out[source].append(target)
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in ids:
        if root in state:
            continue
        stack = [(root, iter(out[root]))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(out[child])))
    return [(t, s) if (s, t) in back else (s, t) for s, t in edges]


def _layers(ids: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Longest-path layering: a node sits one layer below its lowest predecessor."""
    preds: dict[str, list[str]] = {node: [] for node in ids}
    succs: dict[str, list[str]] = {node: [] for node in ids}
    for source, target in edges:
        preds[target].append(source)
        succs[source].append(target)
    waiting = {node: len(preds[node]) for node in ids}
    ready = [node for node in ids if not waiting[node]]
    layer: dict[str, int] = {}
    position = {node: index for index, node in enumerate(ids)}
    while ready:
        ready.sort(key=position.__getitem__, reverse=True)
        node = ready.pop()
        layer[node] = max((layer[p] + 1 for p in preds[node]), default=0)
        for child in succs[node]:
            waiting[child] -= 1
            if not waiting[child]:
                ready.append(child)
    return layer


def _with_dummies(
    ids: list[str], layer: dict[str, int], edges: list[tuple[str, str]]
) -> tuple[list[list[str]], list[list[str]]]:
    """Each edge as a chain of nodes one layer apart (dummies added), and the layers' nodes."""
    chains = []
    for number, (source, target) in enumerate(edges):
        chain = [source]
        for step in range(layer[source] + 1, layer[target]):
            dummy = f"\0{number}:{step}"
            layer[dummy] = step
            chain.append(dummy)
        chain.append(target)
        chains.append(chain)
    depth = max(layer.values(), default=-1) + 1
    members: list[list[str]] = [[] for _ in range(depth)]
    for node in ids:
        members[layer[node]].append(node)
    for chain in chains:
        for dummy in chain[1:-1]:
            members[layer[dummy]].append(dummy)
    return chains, members


def _neighbours(chains: list[list[str]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    for chain in chains:
        for higher, lower in itertools.pairwise(chain):
            down.setdefault(higher, []).append(lower)
            up.setdefault(lower, []).append(higher)
    return up, down


def _order(
    members: list[list[str]], up: dict[str, list[str]], down: dict[str, list[str]]
) -> list[list[str]]:
    """Layers ordered by barycentres, keeping the arrangement with the fewest crossings."""
    rows = [list(row) for row in members]
    best = [list(row) for row in rows]
    best_crossings = _crossings(rows, down)
    for sweep in range(SWEEPS):
        downward = sweep % 2 == 0
        indices = range(1, len(rows)) if downward else range(len(rows) - 2, -1, -1)
        for index in indices:
            fixed = rows[index - 1] if downward else rows[index + 1]
            where = {node: position for position, node in enumerate(fixed)}
            links = up if downward else down
            centres = {}
            for position, node in enumerate(rows[index]):
                linked = [where[other] for other in links.get(node, ()) if other in where]
                centres[node] = sum(linked) / len(linked) if linked else float(position)
            rows[index].sort(key=centres.__getitem__)
        crossings = _crossings(rows, down)
        if crossings < best_crossings:
            best, best_crossings = [list(row) for row in rows], crossings
    return best


def _crossings(rows: list[list[str]], down: dict[str, list[str]]) -> int:
    """Edge crossings between each pair of neighbouring layers."""
    total = 0
    for upper, lower in itertools.pairwise(rows):
        where = {node: position for position, node in enumerate(lower)}
        pairs = sorted(
            (position, where[child])
            for position, node in enumerate(upper)
            for child in down.get(node, ())
            if child in where
        )
        for index, (first, second) in enumerate(pairs):
            for other_first, other_second in pairs[index + 1 :]:
                if other_first > first and other_second < second:
                    total += 1
    return total


def _tops(
    rows: list[list[str]], heights: dict[str, float], gap: float, margin: float
) -> list[float]:
    tops, y = [], margin
    for row in rows:
        tops.append(y)
        y += max((heights[node] for node in row), default=0.0) + gap
    return tops


def _coordinates(
    rows: list[list[str]],
    widths: dict[str, float],
    up: dict[str, list[str]],
    down: dict[str, list[str]],
    gap: float,
) -> dict[str, float]:
    """Centre x of every node: pulled towards its neighbours, order and spacing kept."""
    xs: dict[str, float] = {}
    for row in rows:
        x = 0.0
        for node in row:
            xs[node] = x + widths[node] / 2
            x += widths[node] + gap
        offset = x / 2
        for node in row:
            xs[node] -= offset
    for sweep in range(SWEEPS):
        links = up if sweep % 2 == 0 else down
        order = rows if sweep % 2 == 0 else rows[::-1]
        for row in order:
            wanted = []
            for node in row:
                linked = [xs[other] for other in links.get(node, ())]
                wanted.append(sum(linked) / len(linked) if linked else xs[node])
            for node, x in zip(row, _spaced(wanted, [widths[n] for n in row], gap), strict=True):
                xs[node] = x
    return xs


def _spaced(wanted: list[float], widths: list[float], gap: float) -> list[float]:
    """The positions closest to ``wanted`` (least squares) that keep order and spacing.

    With ``offset[i]`` the least distance from the first centre to the i-th, the
    constraint ``x[i+1] - x[i] >= spacing`` becomes ``y = x - offset`` non-decreasing,
    and the best such y is the isotonic regression of ``wanted - offset`` (PAVA).
    """
    offsets = [0.0]
    for index in range(1, len(wanted)):
        offsets.append(offsets[-1] + (widths[index - 1] + widths[index]) / 2 + gap)
    blocks: list[list[float]] = []  # [sum, count]
    for value in (w - o for w, o in zip(wanted, offsets, strict=True)):
        blocks.append([value, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    fitted: list[float] = []
    for total, count in blocks:
        fitted += [total / count] * int(count)
    return [y + o for y, o in zip(fitted, offsets, strict=True)]
