"""The bundled meeting-19 scenario: valid, every part reachable, history-faithful, every seat alive.

The balance tests pin the balance pass of version 1.1: always-hawk play is risky but not
certain breakdown, a breakdown is no win for the intelligence chief, and every seat has a
real chance from its own chair, a better one when it argues what the person stood for.

These tests play the real scenario through the engine. The exploration is random play by
the President over fixed seeds (the computer plays everyone else), which is how every
option of every President's decision gets taken; decisions another role decides are reached
through the computer's own choices in those games. Seeds are fixed, so a failure is
reproducible: rerun the seed it names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

from excomm_sim.engine.events import (
    ChanceResolved,
    ConsequenceLanded,
    ConsequenceLapsed,
    EventFired,
    OptionChosen,
)
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.observe import observe
from excomm_sim.engine.state import GameState
from excomm_sim.paths import bundled_scenario
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.strategies import strategy
from excomm_sim.scenario.load import check_path
from excomm_sim.scenario.model import Display, Scenario, VariableKind
from excomm_sim.tools.simulate import BASIC_STRATEGIES, SimulationSpec, Simulator

SCENARIO_PATH = bundled_scenario("meeting19")
BETTER_THAN_HISTORY = {"ground_verification", "formal_settlement", "full_accounting"}
EXPLORATION_CAP = 20_000
"""Most random games the reachability search plays before giving up."""


@cache
def scenario() -> Scenario:
    loaded, problems = check_path(SCENARIO_PATH)
    assert loaded is not None, "\n".join(str(problem) for problem in problems)
    return loaded


@cache
def autopilot() -> Autopilot:
    return Autopilot(scenario())


def play(seat: str, seed: int, course: str) -> GameState:
    """One game with ``seat`` played by ``simulate``'s strategy ``course`` (as a person
    would, from the seat's observation); every turn must offer something (no seat is ever
    left stuck)."""
    pilot = autopilot()
    choose = strategy(course, pilot.rules.program, seed)
    state, _ = pilot.start(seed, {seat: course})
    while (role := pilot.rules.to_act(state).role) is not None:
        observation = observe(pilot.rules, state, role)
        item = observation.item
        assert item is not None and item.offered, f"seed {seed}: {role} has nothing to choose"
        state, _ = pilot.act(state, choose.act(observation))
    assert state.ending is not None, f"seed {seed}: the game stopped without an ending"
    return state


def games(seat: str, course: str, seeds: Iterable[int]) -> list[tuple[Rules, GameState]]:
    rules = autopilot().rules
    return [(rules, play(seat, seed, course)) for seed in seeds]


# ---- the file itself ----------------------------------------------------------------


def test_bundled_scenario_validates_without_any_problem() -> None:
    loaded, problems = check_path(SCENARIO_PATH)
    assert [str(problem) for problem in problems] == []
    assert loaded is not None


def test_file_opens_with_the_schema_modeline_and_how_to_make_the_schema() -> None:
    first, second = Path(SCENARIO_PATH).read_text(encoding="utf-8").splitlines()[:2]
    assert first == (
        "# yaml-language-server: $schema=https://excomm-sim.invalid/schema/scenario-1.json"
    )
    assert "excomm-sim schema -o scenario.schema.json" in second


def test_every_decision_offers_three_options_and_marks_exactly_one_as_history() -> None:
    for decision in scenario().decisions:
        assert len(decision.options) >= 3, decision.id
        assert sum(option.history for option in decision.options) == 1, decision.id
        assert decision.sources, decision.id


def test_required_roles_each_have_a_briefing_and_two_to_four_objectives() -> None:
    roles = {role.id: role for role in scenario().roles}
    required = {"president", "rusk", "mcnamara", "mccone", "stevenson", "mccloy", "taylor"}
    assert required | {"thompson"} <= set(roles)
    assert roles["president"].is_president
    for role in roles.values():
        assert role.bio and "record p." in role.briefing, role.id
        assert 2 <= len(role.objectives) <= 4, role.id


def test_endings_include_history_an_early_breakdown_and_a_fallback_each_with_questions() -> None:
    endings = scenario().endings
    assert len(endings) >= 5
    assert [ending.id for ending in endings if ending.historical] == ["historical"]
    assert any(ending.early for ending in endings)
    assert endings[-1].when is None
    for ending in endings:
        assert ending.debrief and len(ending.questions) >= 3, ending.id


def test_the_scenario_exercises_every_feature_of_the_format() -> None:
    sc = scenario()
    options = [option for decision in sc.decisions for option in decision.options]
    chances = [option.chance for option in options if option.chance is not None]
    outcomes = [outcome for chance in chances for outcome in chance.outcomes]
    delayed = [item for option in options for item in option.delayed]
    stances = [stance for option in options for stance in option.stances]
    used = {
        "int, bool and enum variables": {v.kind for v in sc.variables} == set(VariableKind),
        "every display": {v.display for v in sc.variables} == set(Display),
        "value labels": any(v.value_labels for v in sc.variables),
        "visible odds": any(chance.visible for chance in chances),
        "hidden odds": any(not chance.visible for chance in chances),
        "state-dependent weights": any(outcome.weight.names for outcome in outcomes),
        "outcome triggers": any(outcome.trigger for outcome in outcomes),
        "delayed with when": any(item.when is not None for item in delayed),
        "delayed with trigger": any(item.trigger for item in delayed),
        "events with when": any(event.when is not None for event in sc.events),
        "triggered-only events": any(event.when is None for event in sc.events),
        "repeating event": any(not event.once for event in sc.events),
        "option when + unavailable": any(o.when is not None and o.unavailable for o in options),
        "decision when": any(decision.when is not None for decision in sc.decisions),
        "stance when": any(stance.when is not None for stance in stances),
        "stance strength": {stance.strength for stance in stances} == {1, 2, 3},
        "another decider": any(d.decider != sc.president.id for d in sc.decisions),
        "days per decision": len({decision.days for decision in sc.decisions}) > 2,
        "page and paragraph": any(
            c.page is not None and c.paragraph is not None
            for decision in sc.decisions
            for c in decision.sources
        ),
        "hawk and dove leans": {option.lean for option in options} >= {"hawk", "dove", ""},
        "chose() in a condition": any(
            decision.when is not None and "chose(" in decision.when.source
            for decision in sc.decisions
        ),
    }
    assert [feature for feature, present in used.items() if not present] == []


# ---- history's course -----------------------------------------------------------------


def test_history_course_as_president_always_reaches_the_historical_ending() -> None:
    endings = Counter(state.ending for _, state in games("president", "history", range(300)))
    assert endings == Counter({"historical": 300})


def test_history_course_ends_in_december_with_bombers_gone_and_nothing_inspected() -> None:
    (game, state), *_ = games("president", "history", [1962])
    assert game.date(state).month == 12
    assert state.values["il28_status"] == "gone"
    assert state.values["ground_inspection"] is False
    assert state.values["guarantee"] != "formalized"


# ---- reachability ---------------------------------------------------------------------


def _targets(sc: Scenario) -> set[tuple[str, ...]]:
    wanted: set[tuple[str, ...]] = set()
    for decision in sc.decisions:
        for option in decision.options:
            wanted.add(("option", decision.id, option.id))
            if option.chance is not None:
                for outcome in option.chance.outcomes:
                    wanted.add(("outcome", decision.id, option.id, outcome.id))
            for index, item in enumerate(option.delayed):
                wanted.add(("landed", decision.id, option.id, str(index)))
                if item.when is not None:
                    wanted.add(("lapsed", decision.id, option.id, str(index)))
    wanted |= {("event", event.id) for event in sc.events}
    wanted |= {("ending", ending.id) for ending in sc.endings}
    return wanted


def _seen(state: GameState) -> set[tuple[str, ...]]:
    seen: set[tuple[str, ...]] = {("ending", state.ending or "")}
    for record in state.log:
        if isinstance(record, OptionChosen):
            seen.add(("option", record.decision, record.option))
        elif isinstance(record, ChanceResolved):
            seen.add(("outcome", record.decision, record.option, record.outcome))
        elif isinstance(record, ConsequenceLanded):
            seen.add(("landed", record.decision, record.option, str(record.index)))
        elif isinstance(record, ConsequenceLapsed):
            seen.add(("lapsed", record.decision, record.option, str(record.index)))
        elif isinstance(record, EventFired):
            seen.add(("event", record.event))
    return seen


@pytest.mark.slow
def test_random_play_reaches_every_option_outcome_consequence_event_and_ending() -> None:
    sc = scenario()
    missing = _targets(sc)
    for seed in range(EXPLORATION_CAP):
        missing -= _seen(play(sc.president.id, seed, "random"))
        if not missing:
            break
    assert sorted(missing) == []


@pytest.mark.parametrize("seat", [role.id for role in scenario().roles])
def test_no_seat_is_left_without_an_offered_option(seat: str) -> None:
    for course in ("random", "hawk", "dove"):
        games(seat, course, range(25))  # play() asserts an option and an ending each time


# ---- balance --------------------------------------------------------------------------


@pytest.mark.parametrize("seat", [role.id for role in scenario().roles])
def test_each_role_can_win_and_lose_from_its_own_seat(seat: str) -> None:
    results = {
        game.scores(state)[seat].won
        for course in BASIC_STRATEGIES
        for game, state in games(seat, course, range(40))
    }
    assert results == {True, False}


def test_every_objective_is_met_in_some_games_and_missed_in_others() -> None:
    met: Counter[tuple[str, str]] = Counter()
    played = games("president", "random", range(1500))
    for game, state in played:
        for role, score in game.scores(state).items():
            for objective, ok in score.met:
                met[(role, objective.id)] += ok
    never_or_always = [
        (role.id, objective.id, met[(role.id, objective.id)])
        for role in scenario().roles
        for objective in role.objectives
        if met[(role.id, objective.id)] in (0, len(played))
    ]
    assert never_or_always == []


def test_always_hawk_and_always_dove_end_differently_and_below_history() -> None:
    hawk = Counter(state.ending for _, state in games("president", "hawk", range(200)))
    dove = Counter(state.ending for _, state in games("president", "dove", range(200)))
    hawk_top, dove_top = hawk.most_common(1)[0][0], dove.most_common(1)[0][0]
    assert hawk_top != dove_top
    assert {hawk_top, dove_top}.isdisjoint(BETTER_THAN_HISTORY | {"historical"})


def test_no_ending_dominates_random_play() -> None:
    endings = Counter(state.ending for _, state in games("president", "random", range(1000)))
    assert max(endings.values()) < 500
    assert len(endings) >= 6


def test_always_hawk_mostly_breaks_down_but_the_dice_still_matter() -> None:
    """Hawkish play is risky, not hopeless: the hard line on the bombers worked in 1962."""
    endings = Counter(state.ending for _, state in games("president", "hawk", range(200)))
    assert 0.60 <= endings["breakdown"] / 200 <= 0.85
    assert set(endings) - {"breakdown"} <= {"armed_truce", "bombers_remain"}
    assert set(endings) != {"breakdown"}


def test_the_intelligence_chief_does_not_win_a_breakdown_of_the_talks() -> None:
    breakdowns = [
        (game, state)
        for game, state in games("president", "hawk", range(200))
        if state.ending == "breakdown"
    ]
    won = sum(game.scores(state)["mccone"].won for game, state in breakdowns)
    assert won <= 0.05 * len(breakdowns)


def _own_seat_wins(role: str, course: str, runs: int = 200) -> float:
    """Share of games ``role`` wins when its seat plays ``course`` (simulate --role)."""
    simulator = Simulator(scenario(), SimulationSpec(course, 1962, role))
    rules = autopilot().rules
    layout = rules.layout
    finals = [GameState(0, simulator.play(index), layout) for index in range(runs)]
    return sum(rules.scores(final)[role].won for final in finals) / runs


@pytest.mark.parametrize("seat", [role.id for role in scenario().roles])
def test_each_role_wins_a_fifth_of_random_games_from_its_own_seat(seat: str) -> None:
    assert _own_seat_wins(seat, "random") >= 0.20


@pytest.mark.parametrize("seat", ["thompson", "yost", "taylor"])
def test_arguing_what_the_person_stood_for_wins_more_than_random_play(seat: str) -> None:
    assert _own_seat_wins(seat, f"{seat}-stances") >= _own_seat_wins(seat, "random") + 0.25
