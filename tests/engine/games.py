"""Scenarios and drivers shared by the engine tests: games played move by move through the
kernel (``Autopilot``, ``Rules.apply``) and whole through the fast path (``turns.play``).

The two ways of playing must give the same game; these helpers build each side the way a
shell (move by move, a policy reading its seat's observation) and ``simulate`` (slots, one
call per game) do, so the tests compare exactly what users get.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Mapping

from engine.scenarios import generated
from excomm_sim.engine import turns
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Move
from excomm_sim.engine.observe import observe
from excomm_sim.engine.state import GameState
from excomm_sim.paths import bundled_scenarios_dir
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.council import Council
from excomm_sim.policies.fast import CouncilScores, Seats
from excomm_sim.policies.sampler import sample
from excomm_sim.policies.strategies import strategy
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario

BUNDLED = tuple(sorted(path.stem for path in bundled_scenarios_dir().glob("*.yaml")))
"""The scenarios shipped in the package, by file stem."""
NAMES = (*BUNDLED, "generated")
"""The bundled scenarios and the generated one the size of meeting 19."""


@functools.cache
def load(name: str) -> Scenario:
    """A bundled scenario by file stem, or ``"generated"`` (engine.scenarios.generated)."""
    if name == "generated":
        return generated()
    return load_path(bundled_scenarios_dir() / f"{name}.yaml")


def fast_game(scenario: Scenario, seat: int, name: str, seed: int) -> tuple[object, ...]:
    """The final slots of the game ``simulate`` plays: strategy ``name`` in seat ``seat``
    (a role index), the computer decider elsewhere, chance from ``seed``."""
    program = turns.program(scenario, records=False)
    seats = Seats(CouncilScores(program), seat, strategy(name, program))
    seats.reseed(seed)
    s = list(program.layout.initial(1 << seat))
    turns.play(program, s, seats)
    return tuple(s)


def stepped_game(scenario: Scenario, seat: int, name: str, seed: int) -> GameState:
    """The same game move by move: the seat held by a "person" who answers every turn
    with the strategy's ``act`` on that seat's observation."""
    pilot = Autopilot(scenario)
    rules = pilot.rules
    role = rules.layout.role_ids[seat]
    player = strategy(name, rules.program, seed)
    state, _ = pilot.start(seed, {role: "x"})
    while (turn := rules.to_act(state)).kind != "ended":
        assert turn.role == role and turn.human
        state, _ = pilot.act(state, player.act(observe(rules, state, role)))
    return state


def play_randomly(
    rules: Rules,
    seed: int,
    humans: Mapping[str, str],
    pick: Callable[[int], int],
    check: Callable[[GameState], None] = lambda state: None,
) -> GameState:
    """A game through ``Rules.apply`` alone: chance by the sampler, computer deciders by
    the council, people by ``pick(n)`` (an index below n) among the legal actions.
    ``check`` sees every state at which a seat or chance must act."""
    council = Council(rules.scenario)
    state = rules.new_game(seed, humans)
    while (turn := rules.to_act(state)).kind != "ended":
        check(state)
        move: Move
        if turn.kind == "chance":
            move = sample(rules, state)
        elif turn.human:
            legal = rules.legal_actions(state)
            move = legal[pick(len(legal))]
        else:
            assert turn.role is not None
            move = council.act(observe(rules, state, turn.role))
        state, _ = rules.apply(state, move)
    return state


def council_agrees(rules: Rules, state: GameState) -> None:
    """At a computer decider's turn: ``Council`` (reading the decider's observation) and
    ``CouncilScores`` (reading the slots) take the same option."""
    turn = rules.to_act(state)
    if turn.kind != "decide" or turn.human:
        return
    assert turn.role is not None
    k: int = state.slots[rules.layout.CURRENT]
    offered = rules.program.offered[k](state.slots)
    j = CouncilScores(rules.program).decide(list(state.slots), k, offered)
    action = Council(rules.scenario).act(observe(rules, state, turn.role))
    assert action.option == rules.layout.option_ids[k][j], (turn.decision, state.values)


def random_picker(seed: int) -> Callable[[int], int]:
    """``pick(n)`` from a seeded generator (the tests' own choices, not the game's)."""
    rng = random.Random(seed)
    return rng.randrange
