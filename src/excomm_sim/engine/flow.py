"""The turn loop: posing decisions, resolving choices, landing consequences, endings.

``Game`` copies a ``GameState`` into a mutable ``Run`` (``engine.run``) for the length of
one call, lets ``Flow`` play every computer move until a human must act or the game ends,
and freezes the result into a new ``GameState``. Working on plain dicts and lists inside
one call keeps an all-computer game free of per-step copying. The order of everything
here is the documented turn order (docs/rules-engine.md).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Mapping
from types import MappingProxyType

from excomm_sim.engine import advisers, chance
from excomm_sim.engine.effects import apply_effects
from excomm_sim.engine.errors import ScenarioRuntimeError, runtime_error
from excomm_sim.engine.events import (
    Cause,
    ChanceResolved,
    ConsequenceLanded,
    ConsequenceLapsed,
    ConsequenceScheduled,
    DateAdvanced,
    DecisionPosed,
    DecisionSkipped,
    DecisionWeighed,
    EventFired,
    GameEnded,
    OptionChosen,
    Recommended,
    Record,
)
from excomm_sim.engine.run import Run, freeze
from excomm_sim.engine.sharing import SharedRecords
from excomm_sim.engine.state import Choice, Pending
from excomm_sim.engine.tables import (
    DecisionRow,
    OptionRow,
    Predicate,
    StanceRow,
    Tables,
)
from excomm_sim.scenario.expr import EvalError
from excomm_sim.scenario.model import Ending, Event, Scenario, Value

__all__ = ["Flow", "Run", "ScenarioRuntimeError", "freeze"]


class Flow:
    """The rules of play over one scenario's tables (see the module docstring)."""

    def __init__(self, scenario: Scenario, tables: Tables) -> None:
        self.scenario = scenario
        self.tables = tables
        self.start_date = scenario.calendar.start
        self._shared = SharedRecords()
        self.shared = self._shared.make
        self.keyed = self._shared.keyed
        self.variable_ids = tables.variable_ids
        ids = tables.variable_ids
        self.values_of: Callable[[Mapping[str, Value]], tuple[Value, ...]] = (
            operator.itemgetter(*ids) if len(ids) > 1 else lambda env: tuple(env[v] for v in ids)
        )
        """env -> the tuple of variable values, in declaration order (a C-level getter)."""

    # -- the loop -----------------------------------------------------------------------

    def run_computers(self, run: Run) -> None:
        """Play on until a human must act or the game has ended."""
        while run.ending is None:
            if run.current is None and self.pose_next(run) is None:
                return
            if not self.computer_turn(run):
                return
            self.take_computer_decision(run)

    def computer_turn(self, run: Run) -> bool:
        """True when the posed decision needs no human: all advice given, computer decider."""
        row = run.current
        if row is None or row.decider_human:
            return False
        recommendations = run.recommendations
        return all(role in recommendations for role in row.human_advisers)

    def take_computer_decision(self, run: Run) -> None:
        """The computer decider takes the posed decision; everything that follows happens."""
        row = run.current
        assert row is not None
        offered = run.offered if run.offered is not None else self.offered(row, run.env)
        env, influence = run.env, self.tables.influence
        option = advisers.decide(row, offered, env, run.recommendations, influence)
        why = self._weighed(run, row, offered) if run.history else None
        self.resolve(run, row, option, row.decider, human=False, why=why)

    def _weighed(self, run: Run, row: DecisionRow, offered: list[OptionRow]) -> DecisionWeighed:
        """The decider's weighing, shared by games that hear the same voices at this turn."""
        env, turn = run.env, run.turn + 1
        holding = tuple(
            term
            for option in offered
            for term in option.decider_terms
            if term.when is None or term.when(env)
        )
        key = ("weighed", row, turn, tuple(offered), holding, tuple(run.recommendations.items()))
        record = self._shared.get(key)
        if record is None:
            weighed = advisers.weighing(offered, env, run.recommendations, self.tables.influence)
            record = self._shared[key] = DecisionWeighed(turn, row.id, row.decider, weighed)
        return record

    def offered(self, row: DecisionRow, env: Mapping[str, Value]) -> list[OptionRow]:
        return [o for o in row.options if o.when is None or o.when(env)]

    def pose_next(self, run: Run) -> DecisionRow | None:
        """Pose the next decision whose `when` holds, skipping others; else end the game."""
        decisions = self.tables.decisions
        env = run.env
        number = run.turn + 1
        while run.cursor < len(decisions):
            row = decisions[run.cursor]
            run.cursor += 1
            if row.when is not None and not self._holds(row.decision, row.when, env):
                if run.history:
                    run.log.append(DecisionSkipped(number, row.id, "condition"))
                continue
            offered = [o for o in row.options if o.when is None or o.when(env)]
            if not offered:
                if run.history:
                    run.log.append(DecisionSkipped(number, row.id, "no options"))
                continue
            run.current = row
            run.offered = offered
            run.recommendations = {}
            if run.history:  # computer advice only explains: the decider weighs stances itself
                chosen = advisers.recommendations(row, offered, env)
                key = ("posed", row, number, *chosen)
                records = self._shared.get(key)
                if records is None:
                    records = self._shared[key] = self._posed(row, number, chosen)
                run.log.extend(records)
            return row
        self.finish(run)
        return None

    def _posed(
        self, row: DecisionRow, number: int, chosen: list[tuple[str, StanceRow]]
    ) -> tuple[Record, ...]:
        """The records of posing ``row``: posed, then each computer recommendation."""
        records: list[Record] = [DecisionPosed(number, row.id)]
        for role, stance in chosen:
            option_id = row.options[stance.option_index].id
            reason = stance.stance.reason
            records.append(Recommended(number, row.id, role, option_id, False, reason))
        return tuple(records)

    def resolve(
        self,
        run: Run,
        row: DecisionRow,
        option: OptionRow,
        role: str,
        human: bool,
        why: DecisionWeighed | None = None,
    ) -> None:
        """Everything that follows a choice, in the documented order.

        ``why``, a computer decider's weighing, is logged right after the choice it explains.
        """
        env = run.env
        log = run.log
        history = run.history
        decision = row.decision
        turn = run.turn + 1
        run.turn = turn
        env["turn"] = turn
        env[row.choice_key] = option.id
        shared = self.shared
        cause: Cause | None = None  # only the log needs causes (errors name the effect's owner)
        if history:
            key = ("chosen", turn, option, role, human)
            made = self._shared.get(key)
            if made is None:
                made = self._shared[key] = (
                    OptionChosen(turn, row.id, role, option.id, human),
                    Cause(
                        "option", turn, row.id, option.id, None, None, option.text, decision.sources
                    ),
                )
            chosen, cause = made
            log.append(chosen)
            if why is not None:
                log.append(why)
        if option.effects:
            apply_effects(run, self._shared, option.effects, cause)
        outcome_id = None
        if option.chance:
            outcome_id = self._draw(run, row, option, turn)
        for delayed in option.delayed:
            due = turn + delayed.delayed.after
            index = delayed.index
            run.pending.append(shared(Pending, due, row.id, option.id, index))
            if history:
                text = delayed.delayed.text
                log.append(shared(ConsequenceScheduled, turn, due, row.id, option.id, index, text))
        if option.trigger is not None:
            self.fire(run, self.tables.events[option.trigger], cause)
        run.choices.append(shared(Choice, turn, row.id, option.id, role, human, outcome_id))
        if run.pending:
            self._land(run, turn)
        fired = run.fired
        for event_id, once, event, when in self.tables.watched_events:
            if once and event_id in fired:
                continue
            try:
                holds = when(env)
            except EvalError as error:
                raise runtime_error(event, "condition", event.when, error) from error
            if holds:
                if history:
                    cause = shared(Cause, "event", turn, None, None, None, event.id, event.title)
                self.fire(run, event, cause)
        days = decision.days
        if days:
            run.day += days
            env["day"] = run.day
            if history:
                date_key = ("date", turn, run.day)
                record = self._shared.get(date_key)
                if record is None:
                    date = self.start_date + dt.timedelta(days=run.day)
                    record = self._shared[date_key] = DateAdvanced(turn, run.day, date)
                log.append(record)
        if history:
            snapshot = dict(zip(self.variable_ids, self.values_of(env), strict=True))
            run.timeline.append(MappingProxyType(snapshot))
        run.current = None
        run.offered = None
        run.recommendations = {}
        for ending, when in self.tables.early_endings:
            try:
                holds = when(env)
            except EvalError as error:
                raise runtime_error(ending, "condition", ending.when, error) from error
            if holds:
                self._end(run, ending)
                return

    def finish(self, run: Run) -> None:
        """No decision is left: early endings, then the others (file order), then fallback."""
        env = run.env
        for ending, when in self.tables.early_endings + self.tables.final_endings:
            if self._holds(ending, when, env):
                self._end(run, ending)
                return
        fallback = self.tables.fallback
        if fallback is None:  # the loader guarantees one; built-in-code scenarios may not
            raise ScenarioRuntimeError(f"{self.scenario.id}: no ending holds and none is fallback")
        self._end(run, fallback)

    # -- pieces -------------------------------------------------------------------------

    def fire(self, run: Run, event: Event, cause: Cause | None) -> None:
        """Fire an event (unless it is once-only and has fired): record it, apply effects."""
        if event.once and event.id in run.fired:
            return
        run.fired.add(event.id)
        effects = self.tables.event_effects[event.id]
        if cause is None:  # a run without history
            if effects:
                apply_effects(run, self._shared, effects, None)
            return
        run.log.append(self.shared(EventFired, run.turn, event.id, cause))
        if effects:
            event_cause = self.keyed(
                ("event", event.id, cause),
                Cause,
                (
                    "event",
                    run.turn,
                    cause.decision,
                    cause.option,
                    cause.outcome,
                    event.id,
                    f"Event: {event.title}",
                    event.sources or cause.sources,
                ),
            )
            apply_effects(run, self._shared, effects, event_cause)

    def _draw(self, run: Run, row: DecisionRow, option: OptionRow, turn: int) -> str:
        env = run.env
        try:
            weights = [int(o.weight(env)) for o in option.chance]
        except EvalError as error:
            raise runtime_error(option.option, "chance weight", None, error) from error
        index, run.rng = chance.pick(run.rng, weights)
        run.draws.append((weights, index))
        outcome = option.chance[index]
        outcome_id = outcome.outcome.id
        cause = None
        if run.history:
            probability = chance.probabilities(weights)[index]
            record = self.shared(ChanceResolved, turn, row.id, option.id, outcome_id, probability)
            run.log.append(record)
            cause = self.keyed(
                ("chance", turn, outcome, probability),
                Cause,
                (
                    "chance",
                    turn,
                    row.id,
                    option.id,
                    outcome_id,
                    None,
                    f"{outcome.outcome.label} (chance {probability:.0%})",
                    row.decision.sources,
                ),
            )
        if outcome.effects:
            apply_effects(run, self._shared, outcome.effects, cause)
        if outcome.outcome.trigger is not None:
            self.fire(run, self.tables.events[outcome.outcome.trigger], cause)
        return outcome_id

    def _land(self, run: Run, turn: int) -> None:
        """Land, in the order they were scheduled, the consequences due now."""
        due = [p for p in run.pending if p.due_turn <= turn]
        if not due:
            return
        run.pending = [p for p in run.pending if p.due_turn > turn]
        option_rows = self.tables.option_rows
        history = run.history
        for pending in due:
            delayed = option_rows[pending.decision, pending.option].delayed[pending.index]
            spec = delayed.delayed
            where = (turn, pending.decision, pending.option, pending.index, spec.text)
            if spec.when is not None and not self._holds(spec, spec.when.fn, run.env):
                if history:
                    run.log.append(ConsequenceLapsed(*where))
                continue
            cause = None
            if history:
                run.log.append(self.shared(ConsequenceLanded, *where))
                cause = self.keyed(
                    ("delayed", turn, delayed),
                    Cause,
                    (
                        "delayed",
                        turn,
                        pending.decision,
                        pending.option,
                        None,
                        None,
                        spec.text,
                        self.tables.by_id[pending.decision].decision.sources,
                    ),
                )
            if delayed.effects:
                apply_effects(run, self._shared, delayed.effects, cause)
            if spec.trigger is not None:
                self.fire(run, self.tables.events[spec.trigger], cause)

    def _end(self, run: Run, ending: Ending) -> None:
        run.ending = ending.id
        run.current = None
        run.offered = None
        if run.history:
            run.log.append(GameEnded(run.turn, ending.id))

    def _holds(self, owner: object, when: Predicate, env: Mapping[str, Value]) -> bool:
        """``owner``'s condition ``when`` on ``env``; failures name the owner."""
        try:
            return bool(when(env))
        except EvalError as error:
            raise runtime_error(owner, "condition", getattr(owner, "when", None), error) from error
