"""check's estimate of a complete search: close where the truth is known, steady where not."""

from __future__ import annotations

from pathlib import Path

import pytest

from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path, load_text
from excomm_sim.scenario.model import Scenario
from excomm_sim.tools.estimate import project
from excomm_sim.tools.explore import Explorer
from excomm_sim.tools.starter import starter_text

ROOT = Path(__file__).resolve().parents[2]
KNOWN = [
    ROOT / "tests" / "scenario" / "fixtures" / "harbour.yaml",
    ROOT / "tests" / "tui" / "data" / "tiny.yaml",
    ROOT / "tests" / "saves" / "fixtures" / "standoff.yaml",
    bundled_scenario("school_budget"),
]


def _load(name: str) -> Scenario:
    if name == "starter":
        return load_text(starter_text(), "starter.yaml")
    return load_path(next(path for path in KNOWN if path.stem == name))


def _states(scenario: Scenario, bound: int) -> tuple[int, int, bool]:
    result = Explorer(scenario, bound, 0).run()
    return result.states, result.estimate, result.complete


@pytest.mark.parametrize("name", [*(p.stem for p in KNOWN), "starter"])
@pytest.mark.parametrize("share", [2, 4])
def test_the_estimate_is_close_to_the_count_a_complete_search_makes(name: str, share: int) -> None:
    scenario = _load(name)
    truth, _, complete = _states(scenario, 10**6)
    assert complete
    seen, estimate, complete = _states(scenario, max(1, truth // share))
    assert not complete
    assert estimate > seen
    assert 0.7 * truth <= estimate <= 1.5 * truth, (truth, estimate)


def test_the_estimate_of_meeting19_does_not_depend_on_where_the_bound_cut() -> None:
    """Far too big to count, so the check is consistency: the bound moves tenfold, the
    projection barely (the old level-growth projection swung a hundredfold here)."""
    scenario = load_path(bundled_scenario("meeting19"))
    small = Explorer(scenario, 1_000, 0).run().estimate
    large = Explorer(scenario, 10_000, 0).run().estimate
    assert large > 10**9
    assert 0.5 <= small / large <= 2


def test_a_projection_keeps_the_complete_levels_exact() -> None:
    found = {0: 1, 1: 3, 2: 9, 3: 4}
    paths = {0: 1.0, 1: 3.0, 2: 9.0, 3: 27.0, 4: 81.0}
    # Levels 0-2 are complete and every path so far is a new state: 3 more levels of 3x.
    assert project(found, paths, 3) == 1 + 3 + 9 + 27 + 81


def test_a_projection_carries_the_share_of_paths_that_are_new_states() -> None:
    found = {0: 1, 1: 2, 2: 2}
    paths = {0: 1.0, 1: 2.0, 2: 4.0, 3: 8.0}
    # From level 1 to 2 the paths doubled but the states did not grow: half were kept.
    assert project(found, paths, 3) == 1 + 2 + 2 + 2


def test_a_projection_is_never_below_what_was_found() -> None:
    found = {0: 1, 1: 50}
    paths = {0: 1.0, 1: 2.0}
    assert project(found, paths, 1) > 51
