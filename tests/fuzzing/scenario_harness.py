"""Check one scenario text as every shell would use it; report what went wrong, if anything.

A mutant passes when loading it gives a model or located problems (and the same verdict
from the pure-Python YAML parser, when asked), no message holds a raw control character,
and, if it loads, four random games play to their end (a scenario defect such as a
division by zero is the engine's located ``EvalError``, which the shells report: counted,
not a failure), every autosave of the first game reads back equal, its timeline renders
as text and Markdown, and a short simulation summarises. Anything else is a failure with
its traceback.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import traceback
from pathlib import Path

from attrs import define, field

from excomm_sim.engine.moves import Action
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.reports.after_action import render_markdown
from excomm_sim.reports.plain import render_plain
from excomm_sim.saves import read_save
from excomm_sim.scenario import yamlparsers
from excomm_sim.scenario.characters import CONTROL
from excomm_sim.scenario.expr import EvalError
from excomm_sim.scenario.load import check_text
from excomm_sim.scenario.model import Scenario
from excomm_sim.session import GameSession
from excomm_sim.story.timeline import build_timeline
from excomm_sim.tools.simulate import SimulationSpec, format_summary, simulate, summary

GAMES = 4
MOVES = 2_000
"""More moves than any fuzzed game takes (each decision is posed once): a loop guard."""
CLOCK = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@define
class Outcome:
    """What checking one mutant found."""

    accepted: bool = False
    failures: list[str] = field(factory=list)
    """Each a description with its traceback; empty when the mutant passed."""
    mismatch: str = ""
    """How the two YAML parsers disagreed, if they did."""
    games: int = 0
    runtime_errors: int = 0
    saves_read_back: int = 0
    seconds: float = 0.0


def check_mutant(text: str, saves_dir: Path, *, both_parsers: bool = False) -> Outcome:
    """Load ``text`` and, if it loads, play it; never raises (failures are in the outcome)."""
    outcome = Outcome()
    started = time.perf_counter()
    try:
        scenario, problems = check_text(text, "fuzz.yaml")
        for problem in problems:
            assert problem.line >= 1 and problem.column >= 1, f"unlocated: {problem}"
            assert problem.file == "fuzz.yaml" and problem.message, f"incomplete: {problem}"
            assert CONTROL.search(str(problem)) is None, f"raw control character: {problem!r}"
        if both_parsers:
            outcome.mismatch = _parsers_disagree(text, scenario, problems)
        if scenario is not None:
            outcome.accepted = True
            _play(scenario, saves_dir, outcome)
    except Exception:
        outcome.failures.append(traceback.format_exc())
    outcome.seconds = time.perf_counter() - started
    return outcome


def _parsers_disagree(text: str, scenario: object, problems: tuple[object, ...]) -> str:
    if yamlparsers.CLoader is None or yamlparsers.Loader is not yamlparsers.CLoader:
        return ""
    yamlparsers.Loader = yamlparsers.PureLoader
    try:
        pure_scenario, pure_problems = check_text(text, "fuzz.yaml")
    finally:
        yamlparsers.Loader = yamlparsers.CLoader
    if (scenario is None) != (pure_scenario is None):
        first = (problems or pure_problems or ("",))[0]
        return f"libyaml {'accepts' if scenario else 'refuses'}, pure Python does not: {first}"
    if scenario is not None and [str(p) for p in problems] != [str(p) for p in pure_problems]:
        return "the parsers accept it with different warnings"
    return ""


def _play(scenario: Scenario, saves_dir: Path, outcome: Outcome) -> None:
    everyone = {role.id: f"Player {n}" for n, role in enumerate(scenario.roles, 1)}
    seatings = [{scenario.president.id: "Ann"}, everyone, {}, {scenario.roles[-1].id: "Bo"}]
    for seed, humans in enumerate(seatings[:GAMES]):
        try:
            if seed == 0:
                _autosaved_game(scenario, humans, seed, saves_dir, outcome)
            else:
                _game(scenario, humans, seed)
        except EvalError:
            outcome.runtime_errors += 1
        outcome.games += 1
    try:
        spec = SimulationSpec("random", 0)
        format_summary(summary(scenario, simulate(scenario, 3, spec), spec))
    except EvalError:
        outcome.runtime_errors += 1


def _game(scenario: Scenario, humans: dict[str, str], seed: int) -> None:
    pilot = Autopilot(scenario)
    rng = random.Random(seed)
    state, _ = pilot.start(seed, humans)
    for _ in range(MOVES):
        if state.ended:
            pilot.rules.scores(state)
            return
        legal = [move for move in pilot.rules.legal_actions(state) if isinstance(move, Action)]
        state, _ = pilot.act(state, rng.choice(legal))
    raise AssertionError(f"no ending after {MOVES} moves")


def _autosaved_game(
    scenario: Scenario, humans: dict[str, str], seed: int, saves_dir: Path, outcome: Outcome
) -> None:
    """A game through ``GameSession``: every autosave must read back as the game."""
    for stale in saves_dir.glob("*.json"):
        stale.unlink()
    session = GameSession.new(scenario, seed, humans, saves_dir, clock=lambda: CLOCK)
    rng = random.Random(seed)
    for _ in range(MOVES):
        assert session.save_problem is None, session.save_problem
        if session.save.actions:
            assert session.path is not None and read_save(session.path) == session.save
            outcome.saves_read_back += 1
        else:  # a game takes its file name at its first move
            assert session.path is None
        if session.ended:
            break
        legal = session.rules.legal_actions(session.state)
        session.act(rng.choice([move for move in legal if isinstance(move, Action)]))
    timeline = build_timeline(session.save, scenario)
    render_plain(timeline, "fuzz.json")
    render_markdown(timeline, "fuzz.json", "fuzz")
