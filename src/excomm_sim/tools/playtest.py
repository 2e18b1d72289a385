"""Play a scenario's playtests through the kernel and say the first thing that differs.

Each test is one game, played move by move through ``Rules.apply`` as any shell plays it:
people hold the test's seats and make its choices (or let its ``otherwise`` strategy
choose), the computer seats play themselves as in the game (``Autopilot``'s policies),
and chance is drawn from the test's seed by the game's own sampler. So a test passes or
fails exactly as the same game would go in class.

What is checked, in the order it would first differ:

1. along the way, as the game goes: each planned choice is on offer when its decision
   comes to the seat, a seat with no plan for a decision is not asked for one, and each
   ``along`` condition holds right after its decision is decided (its chance drawn, its
   consequences landed, the events it set off fired);
2. when the game ends: every planned choice was used and every ``along`` decision came
   up (a plan that no longer fits the scenario says so, rather than passing quietly);
3. then the ending, the objectives, who won, the values, and the ``holds`` conditions.

A failure names where in the playtest file the expectation stands and the path of
choices that led there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from attrs import frozen

from excomm_sim.engine import turns
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action, IllegalAction, Move, Turn
from excomm_sim.engine.observe import observe
from excomm_sim.engine.state import GameState
from excomm_sim.policies.autopilot import MAX_AUTOMATIC_MOVES, Autopilot
from excomm_sim.policies.sampler import sample
from excomm_sim.policies.strategies import Strategy, strategy
from excomm_sim.scenario.expr import EvalError
from excomm_sim.scenario.model import Location, Scenario, Value
from excomm_sim.story.text import counted
from excomm_sim.tools.explored import Step
from excomm_sim.tools.playtest_spec import Along, Holds, PlayTest, SeatPlan

PLAYER = "playtest"
"""The name of the person in each seat a test holds."""


@frozen
class Failure:
    """The first thing that differed: what, where the test says otherwise, how it got there."""

    message: str
    location: Location
    path: tuple[Step, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "path": [str(step) for step in self.path],
        }


@frozen
class Result:
    """One test played: its game's end (or where it stopped) and the failure, if any."""

    test: PlayTest
    failure: Failure | None
    decisions: int
    """Decisions taken before the end (or before the failure)."""
    ending: str | None

    @property
    def passed(self) -> bool:
        return self.failure is None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.test.name,
            "line": self.test.location.line,
            "seed": self.test.seed,
            "passed": self.passed,
            "decisions": self.decisions,
            "ending": self.ending,
            "failure": self.failure.to_json() if self.failure else None,
        }


class _Stop(Exception):
    """The game differed from the test: carries the failure."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


class _Game:
    """One test's game, with what the test planned and what has been used of it."""

    def __init__(self, autopilot: Autopilot, test: PlayTest) -> None:
        self.autopilot = autopilot
        self.rules: Rules = autopilot.rules
        self.test = test
        self.plans: Mapping[str, SeatPlan] = {plan.role: plan for plan in test.seats}
        self.strategies: dict[str, Strategy] = {}
        program = turns.program(self.rules.scenario, records=False)
        for plan in test.seats:
            if plan.otherwise is not None:
                played = strategy(plan.otherwise, program, test.seed)
                played.reseed(test.seed)
                played.sit(self.rules.layout.role_index[plan.role])
                self.strategies[plan.role] = played
        self.used: set[tuple[str, str]] = set()
        self.along: dict[str, list[Along]] = {}
        for along in test.along:
            self.along.setdefault(along.after, []).append(along)
        self.decided: set[str] = set()
        self.path: list[Step] = []
        self.state = self.rules.new_game(test.seed, dict.fromkeys(self.plans, PLAYER))

    def fail(self, message: str, location: Location) -> _Stop:
        return _Stop(Failure(message, location, tuple(self.path)))

    def play(self) -> None:
        rules = self.rules
        for _ in range(MAX_AUTOMATIC_MOVES):
            turn = rules.to_act(self.state)
            if turn.kind == "ended":
                return
            move = self.move(turn)
            try:
                self.state, _ = rules.apply(self.state, move)
            except EvalError as error:
                where = f" while deciding {turn.decision}" if turn.decision else ""
                raise self.fail(f"run-time error{where}: {error}", self.test.location) from None
            self.after_move()
        raise self.fail("the game did not end", self.test.location)  # pragma: no cover

    def move(self, turn: Turn) -> Move:
        """The move for whoever must act: chance, the computer, or the test's seat."""
        state = self.state
        if turn.kind == "chance":
            return sample(self.rules, state)
        assert turn.role is not None and turn.decision is not None
        if not turn.human:
            seen = observe(self.rules, state, turn.role, history=False)
            return self.autopilot.policy(turn.role).act(seen)
        plan = self.plans[turn.role]
        choice = plan.choices.get(turn.decision)
        offered = [option.id for option in self.rules.offered(state)]
        verb = "recommend" if turn.kind == "recommend" else "take"
        if choice is not None:
            self.used.add((turn.role, turn.decision))
            if choice.option not in offered:
                raise self.fail(
                    f"{turn.role} was to {verb} '{choice.option}' on decision "
                    f"'{turn.decision}', but it is not on offer; offered: {', '.join(offered)}",
                    choice.location,
                )
            return Action(turn.role, choice.option)
        played = self.strategies.get(turn.role)
        if played is None:
            raise self.fail(
                f"decision '{turn.decision}' came to {turn.role}, who has no choice for it "
                f"(offered: {', '.join(offered)}); add it to the seat's choices, or give "
                "the seat a strategy with 'otherwise'",
                plan.location,
            )
        return played.act(observe(self.rules, state, turn.role, history=False))

    def after_move(self) -> None:
        """Note each decision just completed, and check what must hold after it."""
        for choice in self.state.choices[len(self.path) :]:
            self.path.append(Step(choice.decision, choice.option, choice.outcome))
            self.decided.add(choice.decision)
            for along in self.along.get(choice.decision, ()):
                self.check(along.holds, f"after decision '{choice.decision}'")

    def check(self, holds: Holds, when: str) -> None:
        env = self.rules.env(self.state)
        try:
            held = holds.condition(env)
        except EvalError as error:
            message = f"{when}, '{holds.condition.source}' fails: {error}"
            raise self.fail(message, holds.location) from None
        if not held:
            raise self.fail(
                f"{when}, '{holds.condition.source}' is false: {_reads(holds, env)}",
                holds.location,
            )

    def finish(self) -> None:
        """What must be true once the game has ended, in order."""
        for plan in self.test.seats:
            for decision, choice in plan.choices.items():
                if (plan.role, decision) not in self.used:
                    raise self.fail(
                        f"{plan.role}'s choice '{choice.option}' for decision '{decision}' "
                        f"was never used: the decision {self.never(decision, plan.role)}",
                        choice.location,
                    )
        for decision, checks in self.along.items():
            if decision not in self.decided:
                raise self.fail(
                    f"decision '{decision}' was never decided, so this was never checked: it "
                    f"{self.never(decision)}",
                    checks[0].location,
                )
        self.expectations()

    def never(self, decision: str, role: str | None = None) -> str:
        """Why a decision did not come (to ``role``), in words."""
        if decision in self.decided:
            return f"was decided without asking {role}"
        ending = self.state.ending
        if self.state.cursor > self.rules.layout.decision_index[decision]:
            return "was skipped (its 'when' was false, or it offered nothing)"
        return f"never came up: the game ended first ({ending})"

    def expectations(self) -> None:
        expect = self.test.expect
        state = self.state
        if expect.ending is not None and expect.ending.value != state.ending:
            raise self.fail(
                f"expected ending '{expect.ending.value}', got '{state.ending}' after "
                f"{_decisions(state)}",
                expect.ending.location,
            )
        scores = self.rules.scores(state)
        for expected in expect.objectives:
            role, objective = expected.subject.split(".", 1)
            met = dict((o.id, held) for o, held in scores[role].met)[objective]
            if met != expected.value:
                word = "met" if expected.value else "not met"
                raise self.fail(
                    f"expected {role}'s objective '{objective}' to be {word}, but it was "
                    f"{'met' if met else 'not met'} ({scores[role].points} of "
                    f"{scores[role].possible} points)",
                    expected.location,
                )
        for expected in expect.won:
            score = scores[expected.subject]
            if score.won != expected.value:
                raise self.fail(
                    f"expected {expected.subject} to {'win' if expected.value else 'lose'}, "
                    f"but {expected.subject} {'won' if score.won else 'lost'} with "
                    f"{score.points} of {score.possible} points",
                    expected.location,
                )
        for expected in expect.values:
            value = state.values[expected.subject]
            if value != expected.value or type(value) is not type(expected.value):
                raise self.fail(
                    f"expected {expected.subject} to end at {_shown(expected.value)}, got "
                    f"{_shown(value)}",
                    expected.location,
                )
        for holds in expect.holds:
            self.check(holds, "at the end")


def run_test(autopilot: Autopilot, test: PlayTest) -> Result:
    """Play ``test`` and compare; the kernel's own refusals and faults become failures."""
    game = _Game(autopilot, test)
    failure: Failure | None = None
    try:
        game.play()
        game.finish()
    except _Stop as stop:
        failure = stop.failure
    except IllegalAction as error:  # pragma: no cover - moves are checked before they are made
        failure = Failure(f"the kernel refused a move: {error.message}", test.location)
    except Exception as error:  # an engine fault: report it as the test's failure, not a crash
        message = f"engine fault: {type(error).__name__}: {error}"
        failure = Failure(message, test.location, tuple(game.path))
    return Result(test, failure, game.state.turn, game.state.ending)


def run_tests(scenario: Scenario, tests: Sequence[PlayTest]) -> tuple[Result, ...]:
    autopilot = Autopilot(scenario)
    return tuple(run_test(autopilot, test) for test in tests)


def _reads(holds: Holds, env: Mapping[str, Value]) -> str:
    """The values a condition read: 'tension is 72, verification is 40'."""
    shown = [
        f"{name} is {_shown(env[name])}" for name in sorted(holds.condition.names) if name in env
    ]
    return ", ".join(shown) if shown else "it reads no value"


def _shown(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _decisions(state: GameState) -> str:
    return counted(state.turn, "decision")
