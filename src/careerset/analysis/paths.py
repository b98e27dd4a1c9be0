"""Stepping-stone occupations: the best few short paths from one occupation to a target.

The graph joins occupations whose skill profiles are similar (centered cosine on importance x
level, see `skill_space`); O*NET related occupations make a step cheaper, distance and
a step may change the job zone by at most one (DESIGN: education and experience walls are
climbed one zone at a time). Yen's algorithm gives distinct paths.

A step must be one a person could really take: never back to an occupation held for a year
or more, never needing more education than the target, never a neighbouring licensed
profession, and always closer to the target than the start is.
"""

from __future__ import annotations

import heapq
import weakref
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, diags  # type: ignore[import-untyped]
from scipy.sparse.csgraph import dijkstra  # type: ignore[import-untyped]

from careerset.analysis.requirements import entry_bars
from careerset.analysis.skill_space import Matrix, OccupationSpace, occupation_space
from careerset.analysis.wording import wage_change_sentence
from careerset.errors import UserError
from careerset.facts.protocol import Reference

Flags = NDArray[np.bool_]

# Every step must transfer skills: centered cosine >= 0.5 sits near the 80th percentile of
# all occupation pairs (median is about 0), e.g. BI analysts -> data scientists.
SIMILARITY_THRESHOLD = 0.5
NEIGHBOURS = 40  # edges kept per occupation (the most similar above the threshold)
DISTANCE_WEIGHT = 3.0  # cost of a step = 1 + DISTANCE_WEIGHT x (1 - similarity) + penalties
MAX_ZONE_CHANGE = 1  # job zones a single step may move up or down
RELATED_DISCOUNT = {"Primary-Short": 0.4, "Primary-Long": 0.25, "Supplemental": 0.1}
MAX_STEPS = 4
STEP_GAPS = 3  # skill gaps shown per step


@dataclass(frozen=True)
class StepGap:
    element_id: str
    name: str
    importance: float
    level: float
    from_level: float


@dataclass(frozen=True)
class Step:
    """One move: similarity, O*NET relation, job-zone and wage change, and what to learn."""

    from_code: str
    to_code: str
    to_title: str
    similarity: float
    related_tier: str | None
    from_zone: int | None
    to_zone: int | None
    from_wage: float | None
    to_wage: float | None
    cost: float
    gaps: tuple[StepGap, ...]
    why: tuple[str, ...] = ()  # plain sentences: relation, requirements, skills, wage
    same_wage_series: bool = False

    @property
    def wage_change(self) -> float | None:
        if self.from_wage is None or self.to_wage is None or self.same_wage_series:
            return None
        return self.to_wage - self.from_wage


@dataclass(frozen=True)
class OccupationPath:
    steps: tuple[Step, ...]
    cost: float

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.steps[0].from_code, *(s.to_code for s in self.steps)) if self.steps else ()


@dataclass(frozen=True)
class PathReport:
    start_code: str
    start_title: str
    target_code: str
    target_title: str
    similarity: float
    threshold: float
    paths: tuple[OccupationPath, ...]
    missing: tuple[str, ...] = field(default=())
    direct: bool = False  # the person can move straight to the target

    def sentences(self) -> list[str]:
        """Each path in plain words, saying first when no stepping stone is needed."""
        lines = []
        if self.start_code == self.target_code:
            lines.append(f"You already work as {self.target_title}.")
        elif self.direct:
            lines.append(
                f"You can go straight from {self.start_title} to {self.target_title}: "
                "no stepping stone is needed."
            )
        elif not self.paths:
            lines.append(
                f"No chain of similar jobs leads to {self.target_title}: the way in is through "
                "its requirements (education, licence, experience) in your gaps and plan."
            )
        for number, path in enumerate(self.paths, start=1):
            route = " then ".join(step.to_title for step in path.steps)
            lines.append(f"Path {number}: {route}.")
            for step in path.steps:
                lines += [f"{step.to_title}: {reason}" for reason in step.why]
        return lines

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for path, raw in zip(self.paths, data["paths"], strict=True):
            raw["codes"] = list(path.codes)
            for step, raw_step in zip(path.steps, raw["steps"], strict=True):
                raw_step["wage_change"] = step.wage_change
        data["sentences"] = self.sentences()
        return data


def zone_step_allowed(space: OccupationSpace, a: str, b: str) -> bool:
    """False when moving from `a` to `b` changes the job zone by more than one."""
    za, zb = space.job_zones.get(a), space.job_zones.get(b)
    return za is None or zb is None or abs(zb - za) <= MAX_ZONE_CHANGE


def _edge_cost(space: OccupationSpace, a: str, b: str, similarity: float) -> float:
    cost = 1.0 + DISTANCE_WEIGHT * (1.0 - similarity)
    tier = space.related.get(a, {}).get(b)
    return round(cost - RELATED_DISCOUNT.get(tier or "", 0.0), 4)


class Graph(dict[str, dict[str, float]]):
    """code -> neighbour -> step cost (a dict subclass so caches can key on it weakly)."""

    __hash__ = object.__hash__  # type: ignore[assignment]


_GRAPHS: weakref.WeakKeyDictionary[OccupationSpace, Graph] = weakref.WeakKeyDictionary()
_MATRICES: weakref.WeakKeyDictionary[Graph, tuple[list[str], dict[str, int], csr_matrix]] = (
    weakref.WeakKeyDictionary()
)


def occupation_graph(space: OccupationSpace) -> Graph:
    """code -> neighbour -> step cost, built once per space (all steps above the threshold)."""
    graph = _GRAPHS.get(space)
    if graph is not None:
        return graph
    graph = Graph()
    similarity = space.similarity
    for i, code in enumerate(space.codes):
        row = similarity[i]
        order = np.argsort(-row)
        chosen = [j for j in order[: NEIGHBOURS + 1] if j != i and row[j] >= SIMILARITY_THRESHOLD]
        # Related occupations stay reachable even when not among the nearest few.
        for other in space.related.get(code, {}):
            j = space.index.get(other, -1)
            if j >= 0 and j != i and row[j] >= SIMILARITY_THRESHOLD and j not in chosen:
                chosen.append(j)
        graph[code] = {
            space.codes[j]: _edge_cost(space, code, space.codes[j], float(row[j]))
            for j in chosen
            if zone_step_allowed(space, code, space.codes[j])
        }
    _GRAPHS[space] = graph
    return graph


def _matrix(graph: Graph) -> tuple[list[str], dict[str, int], csr_matrix]:
    """The graph as a sparse cost matrix (row = from, column = to), built once per graph."""
    cached = _MATRICES.get(graph)
    if cached is not None:
        return cached
    codes = sorted(set(graph) | {b for edges in graph.values() for b in edges})
    index = {code: i for i, code in enumerate(codes)}
    rows, columns, costs = [], [], []
    for a, edges in graph.items():
        for b, cost in edges.items():
            rows.append(index[a])
            columns.append(index[b])
            costs.append(cost)
    matrix = csr_matrix((costs, (rows, columns)), shape=(len(codes), len(codes)))
    _MATRICES[graph] = (codes, index, matrix)
    return _MATRICES[graph]


def _reverse_distances(graph: Graph, target: str, banned: frozenset[str]) -> dict[str, float]:
    """Cheapest cost from every allowed node to `target`: the exact A* heuristic for spurs."""
    codes, index, matrix = _matrix(graph)
    if target not in index:
        return {target: 0.0}
    keep = np.ones(len(codes))
    for code in banned:
        if code in index:
            keep[index[code]] = 0.0
    mask = diags(keep)
    allowed = (mask @ matrix @ mask).tocsr()
    distances = dijkstra(allowed.T, directed=True, indices=index[target])
    reachable = np.flatnonzero(np.isfinite(distances))
    return dict(zip([codes[i] for i in reachable], distances[reachable].tolist(), strict=True))


def _search(
    graph: Graph,
    start: str,
    target: str,
    heuristic: dict[str, float],
    banned_nodes: set[str],
    banned_edges: set[tuple[str, str]],
) -> tuple[float, list[str]] | None:
    """A* from start to target avoiding some nodes and edges; the heuristic never overestimates."""
    best = {start: 0.0}
    previous: dict[str, str] = {}
    queue = [(heuristic.get(start, 0.0), start)]
    while queue:
        _, node = heapq.heappop(queue)
        if node == target:
            path = [node]
            while path[-1] != start:
                path.append(previous[path[-1]])
            return best[target], path[::-1]
        for other, cost in graph.get(node, {}).items():
            if other in banned_nodes or (node, other) in banned_edges or other not in heuristic:
                continue
            candidate = best[node] + cost
            if candidate < best.get(other, float("inf")):
                best[other], previous[other] = candidate, node
                heapq.heappush(queue, (candidate + heuristic[other], other))
    return None


def shortest_paths(
    graph: Graph, start: str, target: str, k: int, banned: frozenset[str] = frozenset()
) -> list[tuple[float, list[str]]]:
    """Yen's k shortest loopless paths avoiding `banned` nodes, cheapest first."""
    heuristic = _reverse_distances(graph, target, banned)
    first = _search(graph, start, target, heuristic, set(banned), set())
    if first is None:
        return []
    found = [first]
    candidates: list[tuple[float, list[str]]] = []
    while len(found) < k:
        _, last = found[-1]
        for i in range(len(last) - 1):
            root = last[: i + 1]
            banned_edges = {
                (p[i], p[i + 1]) for _, p in found if len(p) > i + 1 and p[: i + 1] == root
            }
            spur = _search(
                graph, root[-1], target, heuristic, set(root[:-1]) | banned, banned_edges
            )
            if spur is None:
                continue
            root_cost = sum(graph[a][b] for a, b in zip(root, root[1:], strict=False))
            path = root[:-1] + spur[1]
            if all(path != p for _, p in found) and all(path != p for _, p in candidates):
                heapq.heappush(candidates, (root_cost + spur[0], path))
        if not candidates:
            break
        found.append(heapq.heappop(candidates))
    return found


def _step_gaps(space: OccupationSpace, a: str, b: str) -> tuple[StepGap, ...]:
    """The skills the next occupation needs most beyond the current one (importance x shortfall)."""
    skills = space.skills
    i, j = space.index[a], space.index[b]
    shortfall = np.maximum(skills.level[j] - skills.level[i], 0.0) * skills.importance[j]
    order = [c for c in np.argsort(-shortfall)[:STEP_GAPS] if shortfall[c] > 0]
    return tuple(
        StepGap(
            skills.element_ids[c],
            skills.names[c],
            float(skills.importance[j, c]),
            float(skills.level[j, c]),
            float(skills.level[i, c]),
        )
        for c in order
    )


def _why(space: OccupationSpace, a: str, b: str, gaps: tuple[StepGap, ...]) -> tuple[str, ...]:
    reasons = []
    if space.related.get(a, {}).get(b):
        reasons.append("O*NET lists it as a related occupation, so the move is a common one.")
    else:
        reasons.append("Much of what you do now carries over.")
    zone_a, zone_b = space.job_zones.get(a), space.job_zones.get(b)
    if zone_a is not None and zone_b is not None:
        if zone_b > zone_a:
            reasons.append("It needs a little more preparation than your current work.")
        elif zone_b == zone_a:
            reasons.append("It needs about the same preparation as your current work.")
        else:
            reasons.append("It needs less preparation than your current work.")
    if gaps:
        reasons.append(f"It builds {', '.join(g.name for g in gaps)}.")
    reasons.append(wage_change_sentence(space.median_wage(a), space.median_wage(b), a[:7] == b[:7]))
    return tuple(reasons)


def _step(space: OccupationSpace, graph: Graph, a: str, b: str) -> Step:
    gaps = _step_gaps(space, a, b)
    return Step(
        from_code=a,
        to_code=b,
        to_title=space.titles.get(b, b),
        similarity=round(float(space.similarity[space.index[a], space.index[b]]), 3),
        related_tier=space.related.get(a, {}).get(b),
        from_zone=space.job_zones.get(a),
        to_zone=space.job_zones.get(b),
        from_wage=space.median_wage(a),
        to_wage=space.median_wage(b),
        cost=graph[a][b],
        gaps=gaps,
        why=_why(space, a, b, gaps),
        same_wage_series=a[:7] == b[:7],
    )


_BARS_BY_SPACE: weakref.WeakKeyDictionary[OccupationSpace, tuple[Matrix, Flags]] = (
    weakref.WeakKeyDictionary()
)


def _space_bars(space: OccupationSpace) -> tuple[Matrix, Flags]:
    """Per space row: the usual education (0 when unknown) and whether it is licensed."""
    cached = _BARS_BY_SPACE.get(space)
    if cached is None:
        bars = entry_bars(space.reference)
        education = np.array([bars.education.get(code, 0) for code in space.codes], dtype=float)
        licensed = np.array([code in bars.licensed for code in space.codes], dtype=bool)
        cached = _BARS_BY_SPACE[space] = (education, licensed)
    return cached


def _banned(
    space: OccupationSpace, start: str, target: str, held_years: Mapping[str, float]
) -> frozenset[str]:
    """Steps a person could not or would not take on the way from start to target."""
    education, licensed = _space_bars(space)
    row = space.similarity[space.index[target]]
    held = np.array([held_years.get(code, 0.0) for code in space.codes])
    target_education = education[space.index[target]]
    banned = (
        (held >= 1.0)  # no return to work already done for a year or more
        | ((education > target_education) if target_education > 0 else False)
        | (licensed & (held <= 0))  # another licensed profession: it leads away
        | (row <= row[space.index[start]])  # not closer to the target than the start
    )
    banned[space.index[start]] = banned[space.index[target]] = False
    return frozenset(space.codes[i] for i in np.flatnonzero(banned))


def _in_space(space: OccupationSpace, reference: Reference, code: str, role: str) -> str:
    summary = reference.occupation(code)
    if summary.code not in space.index:
        raise UserError(
            f"The {role} occupation {summary.code} ({summary.title}) has no skill ratings in "
            "the reference data, so no path can be computed; choose a related occupation."
        )
    return summary.code


def find_paths(
    reference: Reference,
    start_code: str,
    target_code: str,
    k: int = 3,
    held_years: Mapping[str, float] | None = None,
) -> PathReport:
    """The k best distinct paths of at most MAX_STEPS steps from start to target.

    `held_years` (occupation code -> years held) keeps paths from going back to past work.
    """
    space = occupation_space(reference)
    start = _in_space(space, reference, start_code, "starting")
    target = _in_space(space, reference, target_code, "target")
    similarity = round(float(space.similarity[space.index[start], space.index[target]]), 3)
    missing = []
    if not space.job_zones:
        missing.append(
            "job zones are not in the reference pack, so steps may jump more than one zone"
        )
    if not space.related:
        missing.append("related occupations are not in the reference pack")
    graph = occupation_graph(space)
    paths: list[OccupationPath] = []
    direct = start != target and target in graph.get(start, {})
    if start != target:
        banned = _banned(space, start, target, held_years or {})
        # Ask for extra candidates: some may be longer than MAX_STEPS.
        for cost, nodes in shortest_paths(graph, start, target, k + 2, banned):
            if len(nodes) - 1 <= MAX_STEPS and len(paths) < k:
                steps = tuple(
                    _step(space, graph, a, b) for a, b in zip(nodes, nodes[1:], strict=False)
                )
                paths.append(OccupationPath(steps, round(cost, 3)))
        if not paths:
            missing.append(
                f"no path of at most {MAX_STEPS} steps keeps every step's skill similarity "
                f"at {SIMILARITY_THRESHOLD} or more"
            )
    return PathReport(
        start,
        space.titles.get(start, start),
        target,
        space.titles.get(target, target),
        similarity,
        SIMILARITY_THRESHOLD,
        tuple(paths),
        tuple(missing),
        direct,
    )
