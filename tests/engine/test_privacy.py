"""No observation of one seat ever holds another seat's private briefing or objectives, or
a hidden value it may not see: random games of the bundled scenarios and of a fixture with
public and secret objectives and a variable one role alone sees, every seat observed at
every move (and the spectator too)."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import attrs
import pytest

from excomm_sim.engine.events import VariableChanged
from excomm_sim.engine.observe import Observation, observe
from excomm_sim.engine.state import GameState
from excomm_sim.paths import bundled_scenarios_dir
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Display, Scenario

SECRETS = Path(__file__).parents[1] / "scenario" / "fixtures" / "secrets.yaml"
SCENARIOS = [*sorted(path.stem for path in bundled_scenarios_dir().glob("*.yaml")), "secrets"]


@cache
def scenario(name: str) -> Scenario:
    if name == "secrets":
        return load_path(SECRETS)
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
        texts.extend(
            o.text for o in role.objectives if o.text not in own and o.visibility != "public"
        )
    return texts


def kept_at_the_end(scenario: Scenario, seat: str | None) -> set[str]:
    """What stays private even in the debrief: other seats' briefings and secret aims."""
    kept = set()
    for role in scenario.roles:
        if role.id != seat:
            kept.add(role.briefing)
            kept.update(o.text for o in role.objectives if o.visibility == "secret")
    return kept


def assert_private(scenario: Scenario, state: GameState, seen: Observation) -> None:
    hidden = {
        v.id
        for v in scenario.variables
        if v.display is Display.HIDDEN or (v.visible_to and seen.seat not in v.visible_to)
    }
    shown = repr(seen)
    kept = kept_at_the_end(scenario, seen.seat)
    for text in private_texts(scenario, seen.seat):
        if state.ended and text not in kept:
            continue  # the debrief reveals every seat's objectives but secret ones
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


def test_public_objectives_are_seen_by_every_seat_and_secret_ones_never() -> None:
    source = scenario("secrets")
    pilot = Autopilot(source)
    state, _ = pilot.start(0, {"mayor": "Ann"})
    seen = observe(pilot.rules, state, "master")
    assert [v.objective.id for v in seen.public_objectives["mayor"]] == ["calm"]
    assert seen.values["sightings"] == 3
    assert "sightings" not in observe(pilot.rules, state, "mayor").values
    assert "sightings" not in observe(pilot.rules, state, None).values
    while not state.ended:
        state, _ = pilot.act(state, pilot.rules.legal_actions(state)[0])
    mayor = observe(pilot.rules, state, "mayor")
    assert [o.id for o, _ in mayor.scores["master"].met] == ["order"]
    assert mayor.scores["master"].possible == 2  # the points count; the aim stays secret
    assert mayor.values["sightings"] == 0
    master = observe(pilot.rules, state, "master")
    assert [o.id for o, _ in master.scores["master"].met] == ["paid_off", "order"]


def test_the_check_catches_a_leaked_secret_objective_and_a_seen_only_value() -> None:
    source = scenario("secrets")
    pilot = Autopilot(source)
    state, _ = pilot.start(0, {"mayor": "Ann"})
    seen = observe(pilot.rules, state, "mayor")
    with pytest.raises(AssertionError):
        assert_private(source, state, attrs.evolve(seen, values={**seen.values, "sightings": 3}))
    while not state.ended:
        state, _ = pilot.act(state, pilot.rules.legal_actions(state)[0])
    seen = observe(pilot.rules, state, "mayor")
    master = pilot.rules.scores(state)["master"]
    with pytest.raises(AssertionError):
        assert_private(source, state, attrs.evolve(seen, scores={**seen.scores, "master": master}))
