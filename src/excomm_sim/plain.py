"""The plain-text game: a whole game line by line over any text streams.

For pipes, scripts and screen readers: no colours, no cursor movement, one question at a
time ("Choose 1-3:") with numbered options. It is a thin shell over a ``Session``, local
(``GameSession``: solo, hot-seat, watching) or remote (one seat at a classroom host): it
shows the acting seat's observation, sends the player's number as an ``Action``, with the
adviser's own case for a recommendation if they give one, and prints the records that
seat may see. At a host it waits, saying for whom, while others act. End of input leaves
the game cleanly.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from typing import TextIO

from excomm_sim.agenda import item_text
from excomm_sim.engine.events import (
    ChanceResolved,
    ConsequenceLanded,
    ConsequenceScheduled,
    DecisionPosed,
    DecisionWeighed,
    EventFired,
    GameEnded,
    OptionChosen,
    Recommended,
    Record,
    VariableChanged,
)
from excomm_sim.engine.kernel import RoleScore
from excomm_sim.engine.moves import Action, IllegalAction, Turn
from excomm_sim.engine.observe import Observation
from excomm_sim.saves.moves import MAX_ARGUMENT
from excomm_sim.scenario.model import Position, Scenario
from excomm_sim.session import GameSession, Session
from excomm_sim.sourcetext import shipped_texts, source_reply
from excomm_sim.stakes import stake_lines, stakes
from excomm_sim.story.advice import advice_lines
from excomm_sim.story.history import THE_GAMES_OWN, beside_history, history_note
from excomm_sim.story.names import stance_verb
from excomm_sim.story.records import because, record_text, sources_text
from excomm_sim.story.retelling import score_text
from excomm_sim.story.situation import situation_lines
from excomm_sim.story.text import date_text, percent
from excomm_sim.story.why import why_lines

WIDTH = 78

MOVED_ON = "\x00moved on"
"""What ``ask`` returns when the game moved on while the player was typing (at a host)."""


class PlainGame:
    """One plain-text game between the kernel and two text streams."""

    def __init__(
        self,
        session: Session,
        reader: TextIO,
        writer: TextIO,
        on_action: Callable[[Action], None] | None = None,
        seed: int | None = None,
    ) -> None:
        self.session = session
        self.seats = frozenset(session.seats)
        """The seats played at this keyboard."""
        self.on_action = on_action
        """Called after each accepted action (the shell saves the game there)."""
        self.scenario: Scenario = session.scenario
        self.seed = seed
        """The seed to show (a local game's; a host keeps its own until the end)."""
        self.reader = reader
        self.writer = writer
        self.briefed: set[str] = set()
        self.last_role: str | None = None
        self.waiting: Turn | None = None
        self.texts = shipped_texts(self.scenario)
        """The sources' text shipped beside the scenario, for the ``source`` command."""

    # -- output helpers -------------------------------------------------------------------

    def say(self, text: str = "") -> None:
        self.writer.write(text + "\n")

    def para(self, text: str, indent: str = "") -> None:
        """Print ``text`` wrapped, keeping its blank-line paragraph breaks."""
        for number, block in enumerate(p for p in text.strip().split("\n\n") if p.strip()):
            if number:
                self.say()
            self.say(
                textwrap.fill(
                    " ".join(block.split()),
                    WIDTH,
                    initial_indent=indent,
                    subsequent_indent=indent,
                )
            )

    def role_name(self, role_id: str) -> str:
        role = self.scenario.role(role_id)
        return f"{role.name} ({role.title})"

    # -- the game -------------------------------------------------------------------------

    def run(self) -> int:
        """Play to the end or to end of input; always 0 (leaving is not an error)."""
        scenario = self.scenario
        session = self.session
        self.say(scenario.title)
        self.say("=" * len(scenario.title))
        self.para(scenario.summary)
        self.say()
        if self.seed is not None:
            self.say(f"Seed: {self.seed} (play the same game again with --seed {self.seed})")
        if not self.seats:
            self.say("Watching: every role is played by the computer.")
        self.show_records(session.observe(None).log)
        while True:
            turn = session.to_act
            if turn.kind == "ended":
                self.show_end()
                return 0
            if turn.role not in self.seats:
                self.wait_for(turn)
                continue
            self.waiting = None
            self.brief(turn.role)
            observation = session.observe(turn.role)
            choice = self.ask(observation)
            if choice == MOVED_ON:
                self.say("The game moved on while you were choosing:")
                continue
            argument = "" if choice is None or turn.kind != "recommend" else self.ask_argument()
            if choice is None or argument is None:
                self.say()
                self.say(f"Game left at item {observation.turn + 1}.")
                return 0
            action = Action(turn.role, choice, argument)
            try:
                records = session.act(action)
            except IllegalAction as refused:
                self.say(refused.message)
                self.show_records(session.wait(timeout=0))
                continue
            if self.on_action is not None:
                self.on_action(action)
            self.show_records(session.seen(records, turn.role))

    def wait_for(self, turn: Turn) -> None:
        """Someone at another keyboard must act: say so once, then show what they did."""
        if turn != self.waiting:
            self.waiting = turn
            who = self.session.humans.get(turn.role or "", "the computer")
            verb = "recommend" if turn.kind == "recommend" else "decide"
            role = self.scenario.role(turn.role).name if turn.role else "chance"
            self.say()
            self.say(f"Waiting for {who} ({role}) to {verb}…")
        self.show_records(self.session.wait(timeout=5.0))

    def ask_argument(self) -> str | None:
        """An adviser's case for their recommendation, in a line; "" skips, None at end of
        input."""
        while True:
            self.writer.write("Your case for it, in your own words (Enter to skip): ")
            self.writer.flush()
            line = self.reader.readline()
            if not line:
                return None
            argument = " ".join(line.split())
            self.say(argument)
            if len(argument) <= MAX_ARGUMENT:
                return argument
            self.say(f"That is {len(argument)} characters; keep it to {MAX_ARGUMENT}.")

    def brief(self, role_id: str) -> None:
        """A human's private briefing, shown once, before their first question."""
        hot_seat = len(self.seats) > 1
        if hot_seat and role_id != self.last_role:
            player = self.session.humans.get(role_id, role_id)
            self.say()
            name = self.scenario.role(role_id).name
            self.say(f"*** Pass the keyboard to {player}, playing {name}. ***")
        self.last_role = role_id
        if role_id in self.briefed:
            return
        self.briefed.add(role_id)
        role = self.scenario.role(role_id)
        self.say()
        if hot_seat:
            self.say("(Private: others, look away.)")
        heading = f"Your role: {role.name}, {role.title}"
        self.say(heading)
        self.say("-" * len(heading))
        self.para(role.bio)
        self.say()
        self.say("Briefing (private):")
        self.para(role.briefing, "  ")
        if role.objectives:
            self.say()
            self.say("Your objectives (private):")
            for objective in role.objectives:
                points = "point" if objective.points == 1 else "points"
                self.para(f"- {objective.text} ({objective.points} {points})", "  ")
        meters = stakes(self.scenario, self.session.observe(role_id).values)
        if meters:
            self.say()
            self.say("What the meters mean:")
            for stake in meters:
                head, *meaning = stake_lines(stake)
                self.para(f"- {head}", "  ")
                for text in meaning:
                    self.para(text, "    ")

    def ask(self, observation: Observation) -> str | None:
        """Show the question and read a valid number; None at end of input."""
        prompt = observation.item
        assert prompt is not None
        decision = prompt.decision
        self.say()
        item = item_text(self.scenario, observation).capitalize()
        self.say(f"--- {item} · {date_text(observation.date)} ---")
        self.say(decision.title)
        self.para(decision.context)
        if decision.sources:
            self.para(f"({sources_text(decision.sources)})")
            if self.texts:
                self.say("(Type “source” to read the cited paragraphs of the record.)")
        offered = [view for view in prompt.options if view.offered]
        numbers = {view.option.id: n for n, view in enumerate(offered, start=1)}
        if prompt.positions:
            self.say()
            self.say("Advisers:")
            for position in prompt.positions:
                label = self.scenario.decision(decision.id).option(position.option).label
                who = self.scenario.role(position.role).name
                if position.human:
                    case = f" “{position.argument}”" if position.argument else ""
                    self.para(f"{who} recommends {numbers[position.option]}. {label}.{case}", "  ")
                    continue
                verb = stance_verb(position.position is Position.FAVOUR, position.strength)
                number = numbers.get(position.option)
                self.para(f"{who} {verb} {number}. {label}: {position.reason}", "  ")
        self.say()
        recommending = observation.to_act.kind == "recommend"
        question = "Your recommendation" if recommending else "Your decision"
        self.say(f"{question}:")
        for view in prompt.options:
            option = view.option
            if view.offered:
                self.para(f"{numbers[option.id]}. {option.label}", "  ")
                if option.text:
                    self.para(option.text, "     ")
            else:
                self.para(f"-  {option.label} (not available: {view.reason})", "  ")
            if view.odds:
                odds = ", ".join(f"{o.label} {percent(p)}" for o, p in view.odds)
                self.para(f"Odds: {odds}", "     ")
        count = len(offered)
        while True:
            self.writer.write(f"Choose 1-{count} (? for the situation): ")
            self.writer.flush()
            line = self.reader.readline()
            if not line:
                return None
            answer = line.strip()
            self.say(answer)  # echo, so a transcript reads like the session
            if self.session.to_act != observation.to_act:
                return MOVED_ON  # at a host: time ran out, or the game ended, meanwhile
            if answer.lower().startswith("source"):
                for line in source_reply(self.texts, decision, answer[len("source") :]):
                    self.para(line, "  ")
                continue
            if answer.isdigit() and 1 <= int(answer) <= count:
                return offered[int(answer) - 1].option.id
            if answer == "?":
                self.show_situation(observation)
                continue
            self.say(f"Please type a number from 1 to {count}, or ? for the situation.")

    def show_situation(self, observation: Observation) -> None:
        """``?``: the date, the item, the meters and the seat's objectives (see story)."""
        self.say()
        for line in situation_lines(self.scenario, observation):
            if line.strip():
                self.para(line, line[: len(line) - len(line.lstrip())])
            else:
                self.say()
        self.say()

    # -- records --------------------------------------------------------------------------

    def show_records(self, records: tuple[Record, ...]) -> None:
        """Print what happened: choices, chance, changes, consequences, events, dates.

        Each change follows the line that caused it (the decision, the chance outcome,
        the consequence or the event), so its cause is only spelled out when it differs.
        Give it the records the player at the keyboard may see (``observe.visible``).
        """
        scenario = self.scenario
        watching = not self.seats
        context: tuple[object, ...] | None = None
        for record in records:
            if isinstance(record, DecisionWeighed):
                heading, *options = why_lines(scenario, [record])
                self.para(heading, "  ")
                for option in options:
                    self.para(f"- {option}", "    ")
                continue
            line = record_text(scenario, record)
            if line is None:
                continue
            if isinstance(record, DecisionPosed):
                if watching:
                    decision = scenario.decision(record.decision)
                    self.say()
                    self.say(f"--- Item {record.turn}: {decision.title} ---")
                    if decision.sources:
                        self.para(f"({sources_text(decision.sources)})")
            elif isinstance(record, Recommended):
                if watching or record.human:
                    reason = f": {record.reason}" if record.reason else ""
                    case = f" (“{record.argument}”)" if record.argument else ""
                    self.para(f"{line}{reason}{case}", "  ")
            elif isinstance(record, OptionChosen):
                self.say()
                self.para(line)
                context = ("option", record.decision, record.option, None, None)
            elif isinstance(record, ChanceResolved):
                self.para(line)
                context = ("chance", record.decision, record.option, record.outcome, None)
            elif isinstance(record, VariableChanged):
                cause = record.cause
                root = (cause.kind, cause.decision, cause.option, cause.outcome, cause.event)
                if root != context:
                    line += because(cause)
                self.para(line, "  ")
            elif isinstance(record, ConsequenceScheduled):
                self.para(line, "  ")
            elif isinstance(record, ConsequenceLanded):
                self.para(line)
                context = ("delayed", record.decision, record.option, None, None)
            elif isinstance(record, EventFired):
                event = scenario.event(record.event)
                self.para(line)
                self.para(event.text, "  ")
                if event.sources:
                    self.para(f"({sources_text(event.sources)})", "  ")
                trigger = record.cause
                context = ("event", trigger.decision, trigger.option, trigger.outcome, event.id)
            elif not isinstance(record, GameEnded):  # the ending has its own page
                self.para(line)  # skipped, lapsed, the date moving on

    # -- the end --------------------------------------------------------------------------

    def show_end(self) -> None:
        seen = self.session.observe(None)  # the end of the game: what all may see
        ending = seen.ending
        if ending is None:
            self.say()
            self.say(f"The game was stopped at turn {seen.turn + 1}, before it reached an ending.")
            return
        self.say()
        heading = f"THE END: {ending.title}"
        self.say(heading)
        self.say("=" * len(heading))
        self.para(ending.narrative)
        self.say()
        self.say("What history did:")
        self.para(ending.debrief, "  ")
        self.show_scores(seen.scores)
        self.show_history(seen)
        if ending.questions:
            self.say()
            self.say("For discussion:")
            for question in ending.questions:
                self.para(f"- {question}", "  ")

    def show_scores(self, scores: Mapping[str, RoleScore]) -> None:
        self.say()
        self.say("Scores:")
        for role in self.scenario.roles:
            result = scores[role.id]
            human = " (you)" if role.id in self.seats else ""
            self.say(f"  {role.name}{human}: {score_text(result)}")
            for objective, met in result.met:
                mark = "[x]" if met else "[ ]"
                self.para(f"{mark} {objective.text}", "      ")

    def show_history(self, seen: Observation) -> None:
        self.say()
        decider_played = any(choice.human and choice.role in self.seats for choice in seen.choices)
        self.say(
            "Your choices beside history's:" if decider_played else "The choices beside history's:"
        )
        self.para(THE_GAMES_OWN, "  ")
        for choice in seen.choices:
            decision = self.scenario.decision(choice.decision)
            chosen = decision.option(choice.option).label
            self.para(f"{choice.turn}. {decision.title}: “{chosen}”", "  ")
            for line in advice_lines(self.scenario, seen.log, choice):
                self.para(line, "     ")
            self.para(beside_history(decision, choice.option), "     ")
            note = history_note(decision)
            if note:
                self.para(note, "     ")


def play_plain(
    scenario: Scenario,
    humans: Mapping[str, str],
    seed: int,
    reader: TextIO,
    writer: TextIO,
    on_action: Callable[[Action], None] | None = None,
) -> int:
    """Play one plain-text game; 0 when it ends or the player leaves at end of input."""
    session = GameSession.new(scenario, seed, humans, saves_dir=None)
    return PlainGame(session, reader, writer, on_action, seed).run()
