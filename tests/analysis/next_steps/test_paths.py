"""Stepping-stone paths: short, distinct, and every step above the similarity threshold."""


import pytest

from careerset.analysis.paths import (
    RELATED_DISCOUNT,
    SIMILARITY_THRESHOLD,
    Graph,
    find_paths,
    occupation_graph,
    shortest_paths,
)
from careerset.analysis.skill_space import occupation_space
from careerset.reference.query import ReferencePack


def test_yen_returns_distinct_paths_cheapest_first() -> None:
    graph = Graph({"s": {"a": 1.0, "b": 2.0}, "a": {"t": 1.0, "b": 1.0}, "b": {"t": 1.0}, "t": {}})
    found = shortest_paths(graph, "s", "t", 3)
    assert found[0] == (2.0, ["s", "a", "t"])
    assert sorted(tuple(p) for _, p in found[1:]) == [("s", "a", "b", "t"), ("s", "b", "t")]
    assert [cost for cost, _ in found] == [2.0, 3.0, 3.0]


def test_yen_stops_when_there_are_no_more_paths() -> None:
    graph = Graph({"s": {"t": 1.0}, "t": {}})
    assert shortest_paths(graph, "s", "t", 3) == [(1.0, ["s", "t"])]
    assert shortest_paths(graph, "t", "s", 3) == []


def test_path_goes_through_the_stepping_stone(tiny) -> None:
    report = find_paths(tiny, "15-0001.00", "15-0003.00")
    assert report.similarity < SIMILARITY_THRESHOLD  # no direct step
    best = report.paths[0]
    assert best.codes == ("15-0001.00", "15-0002.00", "15-0003.00")
    assert all(step.similarity >= SIMILARITY_THRESHOLD for step in best.steps)
    first = best.steps[0]
    assert first.related_tier == "Primary-Short"
    assert first.wage_change == 20000.0 and (first.from_zone, first.to_zone) == (4, 4)
    assert first.gaps[0].name == "Programming"


def test_related_occupations_make_a_step_cheaper(tiny) -> None:
    graph = occupation_graph(occupation_space(tiny))
    space = occupation_space(tiny)
    similarity = float(space.similarity[space.index["15-0002.00"], space.index["15-0003.00"]])
    expected = 1 + 3 * (1 - similarity) - RELATED_DISCOUNT["Primary-Short"]
    assert graph["15-0002.00"]["15-0003.00"] == pytest.approx(expected, abs=1e-3)


def test_a_step_never_jumps_two_job_zones(make_tiny) -> None:
    class ZoneJump(make_tiny):
        def job_zones(self) -> dict[str, int]:
            return {**super().job_zones(), "15-0001.00": 2}

    assert "15-0002.00" in occupation_graph(occupation_space(make_tiny()))["15-0001.00"]
    jumped = occupation_graph(occupation_space(ZoneJump()))
    assert "15-0002.00" not in jumped["15-0001.00"]  # up from zone 2 to 4
    assert "15-0001.00" not in jumped["15-0002.00"]  # and down again
    assert find_paths(ZoneJump(), "15-0001.00", "15-0003.00").paths == ()


def test_the_same_start_and_target_needs_no_path(tiny) -> None:
    report = find_paths(tiny, "15-0003.00", "15-0003.00")
    assert report.paths == () and report.similarity == pytest.approx(1.0)


def test_unreachable_targets_say_why(tiny) -> None:
    report = find_paths(tiny, "47-0001.00", "15-0003.00")
    assert report.paths == ()
    assert any("similarity" in note for note in report.missing)


# -- against the real reference pack ---------------------------------------------------------


@pytest.mark.shared_data
def test_analyst_reaches_programmer_in_at_most_three_steps(pack: ReferencePack) -> None:
    report = find_paths(pack, "15-2051.01", "15-1251.00")
    assert report.paths
    short = [p for p in report.paths if len(p.steps) <= 3]
    assert short
    for path in report.paths:
        assert path.codes[0] == "15-2051.01" and path.codes[-1] == "15-1251.00"
        assert all(step.similarity >= SIMILARITY_THRESHOLD for step in path.steps)
    assert len({p.codes for p in report.paths}) == len(report.paths)


@pytest.mark.shared_data
def test_real_paths_climb_one_job_zone_at_a_time(pack: ReferencePack) -> None:
    zones = pack.job_zones()
    for start, target in (("41-2011.00", "29-1141.00"), ("35-2014.00", "11-9051.00")):
        report = find_paths(pack, start, target)
        for path in report.paths:
            for step in path.steps:
                assert abs(zones[step.to_code] - zones[step.from_code]) <= 1
