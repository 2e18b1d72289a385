"""No observation of one seat ever holds another seat's private briefing or objectives, or
a hidden value it may not see: random games of the bundled scenarios, every seat observed
at every move (and the spectator too)."""

from __future__ import annotations

import random
from functools import cache

import attrs
import pytest

from excomm_sim.engine.events import VariableChanged
from excomm_sim.engine.observe import Observation, observe
from excomm_sim.engine.state import GameState
from excomm_sim.paths import bundled_scenarios_dir
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Display, Scenario

SCENARIOS = sorted(path.stem for path in bundled_scenarios_dir().glob("*.yaml"))


@cache
def scenario(name: str) -> Scenario:
    return load_path(bundled_scenarios_dir() / f"{name}.yaml")


def private_texts(scenario: Scenario, seat: str | None) -> list[str]:
    """What only other seats may read: their briefings, and their objectives' texts that
    the seat's own objectives do not share word for word."""
    own = set() if seat is None else {o.text for o in scenario.role(seat).objectives}
    texts = []
    for role in scenario.roles:
        if role.id == seat:
            continue
        texts.append(role.briefing)
        texts.extend(o.text for o in role.objectives if o.text not in own)
    return texts


def assert_private(scenario: Scenario, state: GameState, seen: Observation) -> None:
    hidden = {v.id for v in scenario.variables if v.display is Display.HIDDEN}
    shown = repr(seen)
    briefings = {role.briefing for role in scenario.roles if role.id != seen.seat}
    for text in private_texts(scenario, seen.seat):
        if state.ended and text not in briefings:
            continue  # the debrief reveals every seat's objectives, never their briefings
        assert text not in shown, (seen.seat, text)
    if state.ended:
        return
    assert hidden.isdisjoint(seen.values)
    assert all(hidden.isdisjoint(point) for point in seen.timeline)
    assert not any(
        isinstance(record, VariableChanged) and record.variable in hidden for record in seen.log
    )


def play(name: str, seed: int) -> int:
    """A random game with random people in random seats; every seat checked at every move.
    Returns the number of observations checked."""
    source = scenario(name)
    rng = random.Random(seed)
    roles = [role.id for role in source.roles]
    humans = {
        role: f"Player {n}"
        for n, role in enumerate(rng.sample(roles, rng.randint(1, min(4, len(roles)))))
    }
    pilot = Autopilot(source)
    state, _ = pilot.start(seed, humans)
    checked = 0
    while True:
        for seat in [*roles, None]:
            assert_private(source, state, observe(pilot.rules, state, seat))
            checked += 1
        if state.ended:
            return checked
        legal = pilot.rules.legal_actions(state)
        state, _ = pilot.act(state, legal[rng.randrange(len(legal))])


@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize("seed", range(12))
def test_no_seat_sees_another_seats_secrets_in_random_games(name: str, seed: int) -> None:
    assert play(name, seed) > 0


def test_the_check_catches_a_leaked_briefing_and_a_leaked_hidden_value() -> None:
    """The assertions are not vacuous: planted leaks are caught."""
    source = scenario("meeting19")
    pilot = Autopilot(source)
    state, _ = pilot.start(1, {"president": "Ann"})
    seen = observe(pilot.rules, state, "president")
    with pytest.raises(AssertionError):
        assert_private(source, state, attrs.evolve(seen, role=source.role("rusk")))
    with pytest.raises(AssertionError):
        leaked = {**seen.values, "undisclosed_warheads": 98}
        assert_private(source, state, attrs.evolve(seen, values=leaked))
