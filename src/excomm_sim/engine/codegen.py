"""Write a scenario's rules as Python source over the slot layout (one module per scenario).

This is the one implementation of the turn order (docs/rules-engine.md): each decision is
written out as one function that poses it, asks the advisers and the decider, applies the
option and its chance node, and settles what follows; with the events, endings and
objectives they share. The statements it is made of come from ``engine.statements``;
``engine.turns`` runs the decisions one after another; ``engine.program`` compiles what
this module writes.

The writer runs on a validated ``Scenario`` only, and nothing the author wrote becomes
Python syntax: functions are named by index (``turn_3``, ``outcome_3_1``), expressions
are translated by the expression language itself, and every text is ``repr``ed or an
entry of the constant tables (see ``engine.statements``).

Two variants come from the same writer: with ``records`` the code also builds the records
that explain the game (``VariableChanged`` with its ``Cause``, ``EventFired``, ...); without,
it only changes the slots. Everything but the record-keeping lines is the same text.
"""

from __future__ import annotations

from collections.abc import Iterator

from excomm_sim.engine.layout import ACT, CHANCE, POSE, Layout
from excomm_sim.engine.seating import present
from excomm_sim.engine.statements import (
    ADVICE_SLOT,
    CURRENT_SLOT,
    CURSOR_SLOT,
    DAY_SLOT,
    HUMANS_SLOT,
    OPTION_SLOT,
    PENDING_SLOT,
    STAGE_SLOT,
    TURN_SLOT,
    Constants,
    Statements,
)
from excomm_sim.scenario.model import Event, Scenario

__all__ = ["Writer", "functions", "write"]


class Writer(Statements):
    """Writes a scenario's turn order, a decision at a time (see the module docstring)."""

    def core(self) -> str:
        """What every decision shares: the events, the watch after each decision, the
        endings and the objectives."""
        self.lines = []
        for index, event in enumerate(self.scenario.events):
            self.event(index, event)
        self.watch()
        self.watch("dated", dated_only=True)
        self.endings()
        self.objectives()
        return "\n".join(self.lines) + "\n"

    def chunk(self, k: int) -> str:
        """Decision k's own functions (compiled the first time the game reaches it)."""
        self.lines = []
        self.decision(k)
        self.stances(k)
        return "\n".join(self.lines) + "\n"

    def module(self) -> str:
        """The whole program as one text (for reading it, and for the tests)."""
        return self.core() + "".join(self.chunk(k) for k in range(len(self.scenario.decisions)))

    def decision(self, k: int) -> None:
        """``offered_K`` and ``turn_K``: decision k from wherever the state stands on it."""
        decision = self.scenario.decisions[k]
        self.offered(k)
        if decision.when is not None:
            self.add(
                f"def when_{k}(s):",
                *self.test("    ", decision.when, decision),
                "        return True",
                "    return False",
                "",
            )
        self.add(
            f"def turn_{k}(s, log, agent):", f"    stage = {STAGE_SLOT}", f"    if stage == {POSE}:"
        )
        self.posing(k)
        self.add(f"    elif stage == {ACT}:", f"        offered = offered_{k}(s)")
        self.add(f"    if stage != {CHANCE}:")
        self.taking(k)
        self.add("    else:", f"        chance(s, log, agent, {k}, {OPTION_SLOT})")
        self.settling(k)
        for j, option in enumerate(decision.options):
            if option.chance is not None:
                self.chance(k, j)
            for i in range(len(option.delayed)):
                self.add(*self.delayed(k, j, i))

    def offered(self, k: int) -> None:
        decision = self.scenario.decisions[k]
        self.add(f"def offered_{k}(s):")
        if all(option.when is None for option in decision.options):
            self.add(f"    return {tuple(range(len(decision.options)))!r}", "")
            return
        self.add("    offered = []")
        for j, option in enumerate(decision.options):
            if option.when is None:
                self.add(f"    offered.append({j})")
                continue
            self.add(*self.test("    ", option.when, option), f"        offered.append({j})")
        self.add("    return tuple(offered)", "")

    def posing(self, k: int) -> None:
        """Pose decision k (stage POSE, cursor k): the clock moves on to its date, if it has
        one; then it is skipped for good if its ``when`` fails or it offers nothing, else
        put on the table."""
        decision = self.scenario.decisions[k]
        if decision.date is not None:
            self.clock_to(self.scenario.day_of(decision.date))
        skip = [f"        {CURSOR_SLOT} = " + str(k + 1), "        return"]
        if decision.when is not None:
            self.add(*self.test("        ", decision.when, decision, negate=True))
            if self.records:
                self.add(
                    f"            log.append(DecisionSkipped({TURN_SLOT} + 1, {decision.id!r},"
                    " 'condition'))"
                )
            self.add(*("    " + line for line in skip))
        self.add(f"        offered = offered_{k}(s)", "        if not offered:")
        if self.records:
            self.add(
                f"            log.append(DecisionSkipped({TURN_SLOT} + 1, {decision.id!r},"
                " 'no options'))"
            )
        self.add(*("    " + line for line in skip))
        self.add(
            f"        {CURSOR_SLOT} = {k + 1}",
            f"        {CURRENT_SLOT} = {k}",
            f"        {STAGE_SLOT} = {ACT}",
        )
        if self.records:
            self.add(
                f"        log.append(DecisionPosed({TURN_SLOT} + 1, {decision.id!r}))",
                f"        computer_advice(s, log, {k}, offered)",
            )

    def clock_to(self, day: int) -> None:
        """Move the clock on to ``day`` (never back): the events whose date has come fire,
        and an early ending that now holds ends the game before the decision is posed."""
        self.add(f"        if {DAY_SLOT} < {day}:", f"            {DAY_SLOT} = {day}")
        self.clock_moved("            ")
        self.add(
            "            ending = early(s)",
            "            if ending >= 0:",
            "                end(s, log, ending)",
            "                return",
        )

    def clock_moved(self, indent: str) -> None:
        """After the clock moved: the record of it, then the events whose date has come."""
        if self.records:
            self.add(
                f"{indent}log.append(DateAdvanced({TURN_SLOT}, {DAY_SLOT}, "
                f"START + timedelta(days={DAY_SLOT})))"
            )
        if self.dated_events:
            self.add(f"{indent}dated(s, log)")

    @property
    def dated_events(self) -> bool:
        return any(event.date is not None for event in self.scenario.events)

    def taking(self, k: int) -> None:
        """The people advising recommend, the decider takes an option, the option's effects
        follow, then its chance node or the rest of it."""
        decision = self.scenario.decisions[k]
        layout = self.layout
        decider = layout.role_index[decision.decider]
        advisers = present(self.scenario)[k] & ~(1 << decider)
        self.add(
            f"        if {HUMANS_SLOT} & {advisers}:",
            f"            advise(s, log, agent, {k}, offered)",
            f"        j = agent.decide(s, {k}, {decider}, offered)",
            f"        turn = {TURN_SLOT} + 1",
            f"        {TURN_SLOT} = turn",
            f"        s[{layout.CHOSE + k}] = j",
            f"        person = {HUMANS_SLOT} >> {decider} & 1",
            f"        s[{layout.BY + k}] = {decider * 2} + person",
        )
        if self.records:
            self.add(
                f"        log.append(OptionChosen(turn, {decision.id!r}, {decision.decider!r},"
                f" {layout.option_ids[k]!r}[j], bool(person)))",
                "        if agent.weighed is not None:",
                "            log.append(agent.weighed)",
            )
        for j, option in enumerate(decision.options):
            self.add(f"        {'if' if j == 0 else 'elif'} j == {j}:")
            path = f"{decision.id}.{option.id}"
            body = []
            if self.records and (option.effects or (option.chance is None and option.trigger)):
                body.append("        " + self.option_cause(k, j))
            body += self.effects("            ", option.effects, f"option {path}", option.location)
            if option.chance is not None:
                body += [
                    f"            {OPTION_SLOT} = {j}",
                    f"            {STAGE_SLOT} = {CHANCE}",
                    f"            chance(s, log, agent, {k}, {j})",
                ]
            else:
                body += ["        " + line for line in self.tail(k, j, "-1")]
            self.add(*(body or ["            pass"]))

    def settling(self, k: int) -> None:
        """After the decision: what is due lands, watched events fire, the calendar moves
        on, and an early ending that holds ends the game."""
        decision = self.scenario.decisions[k]
        self.add(
            f"    if {PENDING_SLOT} and {PENDING_SLOT}[0][0] <= {TURN_SLOT}:",
            "        land(s, log, agent)",
            "    watch(s, log)",
        )
        if decision.days:
            self.add(f"    {DAY_SLOT} += {decision.days}")
            self.clock_moved("    ")
        self.add(
            f"    {CURRENT_SLOT} = -1",
            f"    {OPTION_SLOT} = -1",
            f"    {ADVICE_SLOT} = ()",
            f"    {STAGE_SLOT} = {POSE}",
            "    ending = early(s)",
            "    if ending >= 0:",
            "        end(s, log, ending)",
            "",
        )

    def option_cause(self, k: int, j: int) -> str:
        decision = self.scenario.decisions[k]
        option = decision.options[j]
        return self.cause(
            "    ",
            "option",
            decision.id,
            option.id,
            None,
            None,
            f'Chose "{option.label}"',
            decision.sources,
        )

    def chance(self, k: int, j: int) -> None:
        """``weights_K_J`` (the chance node's weights now) and ``outcome_K_J`` (an outcome
        happens, then the rest of the option)."""
        decision = self.scenario.decisions[k]
        option = decision.options[j]
        assert option.chance is not None
        path = f"{decision.id}.{option.id}"
        self.add(f"def weights_{k}_{j}(s):", "    weights = []")
        for outcome in option.chance.outcomes:
            self.add(
                *self.guarded(
                    "    ", "weight", self.expr(outcome.weight), option, "chance weight", None
                )
            )
            self.add("    weights.append(int(weight))")
        self.add("    return weights", "")
        self.add(f"def outcome_{k}_{j}(s, log, outcome, probability):")
        for o, outcome in enumerate(option.chance.outcomes):
            self.add(f"    {'if' if o == 0 else 'elif'} outcome == {o}:")
            if self.records:
                self.add(
                    f"        cause = Cause('chance', {TURN_SLOT}, {decision.id!r}, "
                    f"{option.id!r}, {outcome.id!r}, None, "
                    f"{outcome.label!r} + ' (chance ' + format(probability, '.0%') + ')', "
                    f"{self.constants.cited(decision.sources)})"
                )
            body = self.effects(
                "        ", outcome.effects, f"chance {path}.{outcome.id}", option.location
            )
            body += self.fire("        ", outcome.trigger)
            self.add(*(body or ["        pass"]))
        if self.records and option.trigger is not None:
            self.add(self.option_cause(k, j))
        self.add(*self.tail(k, j, "outcome"), "")

    def tail(self, k: int, j: int, outcome: str) -> list[str]:
        """What follows an option's effects and chance: its delayed consequences are
        scheduled, its trigger fires, and the outcome is recorded."""
        decision = self.scenario.decisions[k]
        option = decision.options[j]
        layout = self.layout
        lines = []
        for i, delayed in enumerate(option.delayed):
            lines.append(f"    due = {TURN_SLOT} + {delayed.after}")
            lines.append(f"    schedule(s, (due, {k}, {j}, {i}))")
            if self.records:
                lines.append(
                    f"    log.append(ConsequenceScheduled({TURN_SLOT}, due, "
                    f"{decision.id!r}, {option.id!r}, {i}, {delayed.text!r}))"
                )
        lines += self.fire("    ", option.trigger)
        if outcome != "-1":
            lines.append(f"    s[{layout.OUTCOME + k}] = {outcome}")
        return lines

    def delayed(self, k: int, j: int, i: int) -> list[str]:
        """A delayed consequence as its own function, written after its option's: True
        when it landed, False when its condition no longer held (it lapsed)."""
        decision = self.scenario.decisions[k]
        option = decision.options[j]
        delayed = option.delayed[i]
        where = f"{TURN_SLOT}, {decision.id!r}, {option.id!r}, {i}, {delayed.text!r}"
        lines = [f"def delayed_{k}_{j}_{i}(s, log):"]
        if delayed.when is not None:
            lines += self.test("    ", delayed.when, delayed, negate=True)
            if self.records:
                lines.append(f"        log.append(ConsequenceLapsed({where}))")
            lines.append("        return False")
        if self.records:
            lines.append(f"    log.append(ConsequenceLanded({where}))")
            lines.append(
                self.cause(
                    "    ",
                    "delayed",
                    decision.id,
                    option.id,
                    None,
                    None,
                    delayed.text,
                    decision.sources,
                )
            )
        lines += self.effects(
            "    ", delayed.effects, f"delayed {decision.id}.{option.id}", option.location
        )
        lines += self.fire("    ", delayed.trigger)
        return [*lines, "    return True", ""]

    def event(self, index: int, event: Event) -> None:
        fired = f"s[{self.layout.FIRED + index}]"
        self.add(f"def fire_{index}(s, log, cause):")
        if event.once:
            self.add(f"    if {fired}:", "        return")
        self.add(f"    {fired} = True")
        if self.records:
            self.add(
                f"    log.append(EventFired({TURN_SLOT}, {event.id!r}, cause))",
                f"    cause = Cause('event', {TURN_SLOT}, cause.decision, cause.option, "
                f"cause.outcome, {event.id!r}, {'Event: ' + event.title!r}, "
                f"{self.constants.cited(event.sources)} or cause.sources)",
            )
        self.add(*self.effects("    ", event.effects, f"event {event.id}", event.location), "")

    def watch(self, name: str = "watch", dated_only: bool = False) -> None:
        """``watch``: the events with a condition or a date, checked after every decision in
        file order; ``dated``: those with a date only, checked whenever the clock moves."""
        self.add(f"def {name}(s, log):")
        for index, event in enumerate(self.scenario.events):
            if event.when is None and event.date is None:
                continue
            if dated_only and event.date is None:
                continue
            indent = "    "
            if event.once:
                self.add(f"    if not s[{self.layout.FIRED + index}]:")
                indent = "        "
            if event.date is not None:
                self.add(f"{indent}if {DAY_SLOT} >= {self.scenario.day_of(event.date)}:")
                indent += "    "
            if event.when is not None:
                self.add(*self.test(indent, event.when, event))
                indent += "    "
            if self.records:
                self.add(self.cause(indent, "event", None, None, None, event.id, event.title, ()))
            self.add(f"{indent}fire_{index}(s, log, {'cause' if self.records else 'None'})")
        self.add("    return", "")

    def endings(self) -> None:
        """``early(s)``: the early ending that holds now, or -1; ``final(s)`` at the end."""
        endings = self.scenario.endings
        early = [(i, e) for i, e in enumerate(endings) if e.early and e.when is not None]
        final = [(i, e) for i, e in enumerate(endings) if not e.early and e.when is not None]
        fallback = next((i for i, e in enumerate(endings) if e.when is None), -1)
        for name, tried, last in (("early", early, -1), ("final", early + final, fallback)):
            self.add(f"def {name}(s):")
            for index, ending in tried:
                assert ending.when is not None
                self.add(*self.test("    ", ending.when, ending), f"        return {index}")
            self.add(f"    return {last}", "")

    def objectives(self) -> None:
        """``objectives(s)``: every role's objectives judged now, in role order."""
        self.add("def objectives(s):", "    met = []")
        for role in self.scenario.roles:
            for objective in role.objectives:
                self.add(
                    *self.guarded(
                        "    ",
                        "held",
                        self.expr(objective.condition),
                        objective,
                        "condition",
                        objective.condition,
                    )
                )
                self.add("    met.append(bool(held))")
        self.add("    return met", "")

    def stances(self, k: int) -> None:
        """``stance_K_J_X(s)`` for every stance of decision k with a condition."""
        decision = self.scenario.decisions[k]
        for j, option in enumerate(decision.options):
            for x, stance in enumerate(option.stances):
                if stance.when is None:
                    continue
                self.add(f"def stance_{k}_{j}_{x}(s):")
                self.add(
                    *self.guarded(
                        "    ", "held", self.expr(stance.when), stance, "condition", stance.when
                    )
                )
                self.add("    return bool(held)", "")


def write(scenario: Scenario, layout: Layout, records: bool) -> tuple[str, Constants]:
    """The whole module text for ``scenario`` and the constants it refers to (the program
    compiles the same text piece by piece: ``Writer.core`` and ``Writer.chunk``)."""
    writer = Writer(scenario, layout, records)
    return writer.module(), writer.constants


def functions(text: str) -> Iterator[str]:
    """The names of the functions a module text defines (for tests and tables)."""
    for line in text.splitlines():
        if line.startswith("def "):
            yield line[4 : line.index("(")]
