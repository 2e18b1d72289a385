"""Reading a playtest file into checked test specs (``playtest_spec``), every mistake located.

A playtest file (``storm.tests.yaml`` beside ``storm.yaml``; docs/scenario-format.md
gives the format) is read the way a scenario is, with the scenario reader's own parts:
the safe YAML reader, the typed field reader that reports every mistake with its line and
column, and the expression compiler, so a condition in a test is checked against the
scenario's names and types before anything is played. Every reference (a role, a
decision, an option, an ending, an objective, a variable, a strategy) is checked against
the scenario, with a "did you mean".
"""

from __future__ import annotations

import os

from excomm_sim.policies.strategies import names as strategy_names
from excomm_sim.scenario.compiling import ExpressionCompiler
from excomm_sim.scenario.expr import Names, Type
from excomm_sim.scenario.fields import (
    Context,
    Fields,
    boolean_of,
    identifier_of,
    integer_of,
    join,
    mapping_of,
    text_of,
)
from excomm_sim.scenario.limits import MAX_FILE_BYTES
from excomm_sim.scenario.model import Location, Scenario, Value, VariableKind
from excomm_sim.scenario.problems import Problem, Problems, did_you_mean
from excomm_sim.scenario.textchecks import check_characters
from excomm_sim.scenario.userfiles import read_limited
from excomm_sim.scenario.yamlnodes import SourceText, YEntry, YMap, YNode, YScalar, describe
from excomm_sim.scenario.yamlread import read_yaml
from excomm_sim.tools.playtest_spec import (
    PLAYTESTS_VERSION,
    Along,
    Choice,
    Expect,
    Expected,
    Holds,
    PlayTest,
    PlayTests,
    SeatPlan,
)

TOP_KEYS = ("playtests", "scenario", "tests")
TEST_KEYS = ("name", "seed", "seats", "along", "expect")
SEAT_KEYS = ("choices", "otherwise")
ALONG_KEYS = ("after", "holds")
EXPECT_KEYS = ("ending", "objectives", "won", "values", "holds")


def read_path(path: str | os.PathLike[str], scenario: Scenario) -> PlayTests:
    """Read a playtest file against ``scenario``, as a scenario file is read (a regular
    file only, never blocking, within the size limit); OSError if it cannot be read."""
    filename = os.fspath(path)
    data, size = read_limited(path, MAX_FILE_BYTES)
    if size > MAX_FILE_BYTES:
        return PlayTests(filename, (), (Problem(filename, 1, 1, "", _too_large()),))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8"
        return PlayTests(filename, (), (Problem(filename, line, column, "", message),))
    return read_text(text, scenario, filename)


def read_text(text: str, scenario: Scenario, filename: str = "<string>") -> PlayTests:
    """Read playtests from ``text`` against ``scenario``: every problem, located."""
    problems = Problems(filename)
    if len(text) > MAX_FILE_BYTES:
        problems.add(1, 1, "", _too_large())
        return PlayTests(filename, (), problems.sorted())
    source = SourceText(text.removeprefix("\ufeff"))
    if not check_characters(source, problems):  # tabs, half surrogates: the reader's checks
        return PlayTests(filename, (), problems.sorted())
    root = read_yaml(source, problems)
    tests: tuple[PlayTest, ...] = ()
    if root is None and not problems.has_errors:
        problems.add(1, 1, "", "the file is empty: expected playtests (playtests: 1, tests: [...])")
    elif root is not None and not problems.has_errors:
        tests = _Reader(Context(problems, source), scenario, filename).file(root)
    if problems.has_errors:
        tests = ()
    return PlayTests(filename, tests, problems.sorted())


def _too_large() -> str:
    return f"the file is too large (the limit is {MAX_FILE_BYTES:,} bytes)"


def names_of(scenario: Scenario) -> Names:
    """The names a condition in a playtest may read: the scenario's variables and choices."""
    return Names(
        variables={v.id: Type(v.kind.value, frozenset(v.values)) for v in scenario.variables},
        choices={d.id: frozenset(o.id for o in d.options) for d in scenario.decisions},
    )


class _Reader:
    """Reads one playtest file's located YAML into ``PlayTest`` specs, reporting as it goes."""

    def __init__(self, ctx: Context, scenario: Scenario, filename: str) -> None:
        self.ctx = ctx
        self.scenario = scenario
        self.filename = filename
        variables = {variable.id: variable for variable in scenario.variables}
        self.compiler = ExpressionCompiler(ctx, names_of(scenario), variables)
        self.roles = {role.id: role for role in scenario.roles}
        self.decisions = {decision.id: decision for decision in scenario.decisions}
        self.strategies = strategy_names(scenario)

    def where(self, node: YNode) -> Location:
        return Location(self.filename, node.line, node.column)

    def report(self, node: YNode, path: str, message: str, code: str = "") -> None:
        self.ctx.problems.add(node.line, node.column, path, message, "error", code)

    def report_key(self, entry: YEntry, path: str, message: str, code: str = "") -> None:
        """Report at a mapping's key (a misspelt name is underlined where it is written)."""
        self.ctx.problems.add(entry.key_line, entry.key_column, path, message, "error", code)

    # -- the file -----------------------------------------------------------------------

    def file(self, root: YNode) -> tuple[PlayTest, ...]:
        top = mapping_of(self.ctx, root, "", "a playtest file")
        if top is None:
            return ()
        fields = Fields(self.ctx, top, "", TOP_KEYS, "a playtest file")
        version = fields.integer("playtests", PLAYTESTS_VERSION, required=True)
        node = fields.get("playtests")
        if node is not None and version != PLAYTESTS_VERSION:
            message = (
                f"playtests {version} is not supported: this excomm-sim reads playtests "
                f"{PLAYTESTS_VERSION}"
            )
            self.report(node, "playtests", message, "E112")
        node = fields.get("scenario")
        if node is not None:
            named = identifier_of(self.ctx, node, "scenario")
            if named is not None and named != self.scenario.id:
                message = (
                    f"these playtests are for scenario '{named}', but the scenario file "
                    f"holds '{self.scenario.id}'"
                )
                self.report(node, "scenario", message, "E201")
        tests: list[PlayTest] = []
        seen: dict[str, YNode] = {}
        for item, path in fields.items("tests", required=True):
            test = self.test(item, path)
            if test is None:
                continue
            first = seen.get(test.name)
            name_node = _value(item, "name") or item
            if first is not None:
                message = f"duplicate test name '{test.name}' (first used on line {first.line})"
                self.report(name_node, join(path, "name"), message, "E120")
                continue
            seen[test.name] = name_node
            tests.append(test)
        return tuple(tests)

    def test(self, node: YNode, path: str) -> PlayTest | None:
        mapping = mapping_of(self.ctx, node, path, "a test")
        if mapping is None:
            return None
        fields = Fields(self.ctx, mapping, path, TEST_KEYS, "a test")
        name = fields.text("name", required=True)
        seed = fields.integer("seed", 0, minimum=0)
        seats = tuple(self.seats(fields, path))
        along = tuple(self.along(fields, path))
        expect_node = fields.mapping("expect")
        expect = self.expect(expect_node, join(path, "expect")) if expect_node else Expect()
        return PlayTest(name, seed, seats, along, expect, self.where(mapping))

    # -- seats ----------------------------------------------------------------------------

    def seats(self, fields: Fields, path: str) -> list[SeatPlan]:
        node = fields.mapping("seats")
        if node is None:
            return []
        plans = []
        for role, entry in node.entries.items():
            seat_path = join(join(path, "seats"), role)
            if role not in self.roles:
                hint = did_you_mean(role, self.roles)
                self.report_key(entry, seat_path, f"unknown role '{role}'{hint}")
                continue
            plan = self.plan(role, entry, seat_path)
            if plan is not None:
                plans.append(plan)
        return plans

    def plan(self, role: str, entry: YEntry, path: str) -> SeatPlan | None:
        """A seat's plan: a strategy name alone, or ``choices`` and ``otherwise``. It is
        placed at the seat's name (what a failure about the whole plan points at)."""
        node = entry.value
        seat = Location(self.filename, entry.key_line, entry.key_column)
        if isinstance(node, YScalar) and node.kind != "null":
            return SeatPlan(role, {}, self.strategy(node, path), seat)
        if isinstance(node, YScalar):  # ``president:`` with nothing: every move is missing
            return SeatPlan(role, {}, None, seat)
        mapping = mapping_of(self.ctx, node, path, "a seat's plan (choices, otherwise)")
        if mapping is None:
            return None
        fields = Fields(self.ctx, mapping, path, SEAT_KEYS, "a seat's plan")
        otherwise_node = fields.get("otherwise")
        otherwise = None
        if otherwise_node is not None:
            otherwise = self.strategy(otherwise_node, join(path, "otherwise"))
        choices: dict[str, Choice] = {}
        choices_node = fields.mapping("choices")
        if choices_node is not None:
            for decision, entry in choices_node.entries.items():
                choice = self.choice(decision, entry, join(path, "choices"))
                if choice is not None:
                    choices[decision] = choice
        return SeatPlan(role, choices, otherwise, seat)

    def strategy(self, node: YNode, path: str) -> str | None:
        text = text_of(self.ctx, node, path)
        if text is None:
            return None
        if text not in self.strategies:
            listed = ", ".join(self.strategies)
            hint = did_you_mean(text, self.strategies)
            self.report(node, path, f"'{text}' is not one of {listed}{hint}")
            return None
        return text

    def choice(self, decision: str, entry: YEntry, path: str) -> Choice | None:
        path = join(path, decision)
        node = entry.value
        if decision not in self.decisions:
            hint = did_you_mean(decision, self.decisions)
            self.report_key(entry, path, f"unknown decision '{decision}'{hint}", "E201")
            return None
        option = identifier_of(self.ctx, node, path)
        if option is None:
            return None
        options = [o.id for o in self.decisions[decision].options]
        if option not in options:
            hint = did_you_mean(option, options)
            message = f"'{option}' is not an option of decision '{decision}'{hint}"
            self.report(node, path, message, "E201")
            return None
        return Choice(decision, option, self.where(node))

    # -- conditions -----------------------------------------------------------------------

    def along(self, fields: Fields, path: str) -> list[Along]:
        found = []
        for item, item_path in fields.items("along"):
            mapping = mapping_of(self.ctx, item, item_path, "a check along the way (after, holds)")
            if mapping is None:
                continue
            along = Fields(self.ctx, mapping, item_path, ALONG_KEYS, "a check along the way")
            after_node = along.get("after", required=True)
            holds_node = along.get("holds", required=True)
            if after_node is None or holds_node is None:
                continue
            after = identifier_of(self.ctx, after_node, join(item_path, "after"))
            if after is not None and after not in self.decisions:
                hint = did_you_mean(after, self.decisions)
                message = f"unknown decision '{after}'{hint}"
                self.report(after_node, join(item_path, "after"), message, "E201")
                after = None
            holds = self.holds(holds_node, join(item_path, "holds"))
            if after is not None and holds is not None:
                found.append(Along(after, holds, self.where(mapping)))
        return found

    def holds(self, node: YNode, path: str) -> Holds | None:
        condition = self.compiler.condition(node, path)
        return Holds(condition, self.where(node)) if condition is not None else None

    # -- the end --------------------------------------------------------------------------

    def expect(self, node: YMap, path: str) -> Expect:
        fields = Fields(self.ctx, node, path, EXPECT_KEYS, "what a test expects at the end")
        ending = None
        ending_node = fields.get("ending")
        if ending_node is not None:
            ident = identifier_of(self.ctx, ending_node, join(path, "ending"))
            endings = [e.id for e in self.scenario.endings]
            if ident is not None and ident not in endings:
                hint = did_you_mean(ident, endings)
                message = f"unknown ending '{ident}'{hint}"
                self.report(ending_node, join(path, "ending"), message, "E201")
            elif ident is not None:
                ending = Expected(ident, ident, self.where(ending_node))
        holds = []
        for item, item_path in fields.items("holds", single=True):
            found = self.holds(item, item_path)
            if found is not None:
                holds.append(found)
        return Expect(
            ending,
            tuple(self.objectives(fields, path)),
            tuple(self.won(fields, path)),
            tuple(self.values(fields, path)),
            tuple(holds),
        )

    def objectives(self, fields: Fields, path: str) -> list[Expected]:
        node = fields.mapping("objectives")
        found: list[Expected] = []
        if node is None:
            return found
        for role_id, entry in node.entries.items():
            role_path = join(join(path, "objectives"), role_id)
            role = self.roles.get(role_id)
            if role is None:
                hint = did_you_mean(role_id, self.roles)
                self.report_key(entry, role_path, f"unknown role '{role_id}'{hint}")
                continue
            judged = mapping_of(self.ctx, entry.value, role_path, "objective ids and true/false")
            if judged is None:
                continue
            known = [objective.id for objective in role.objectives]
            for objective, item in judged.entries.items():
                item_path = join(role_path, objective)
                if objective not in known:
                    hint = did_you_mean(objective, known)
                    message = f"unknown objective '{objective}' of role '{role_id}'{hint}"
                    if not known:
                        message += f" (role '{role_id}' has no objectives)"
                    self.report_key(item, item_path, message, "E201")
                    continue
                met = boolean_of(self.ctx, item.value, item_path)
                if met is not None:
                    subject = f"{role_id}.{objective}"
                    found.append(Expected(subject, met, self.where(item.value)))
        return found

    def won(self, fields: Fields, path: str) -> list[Expected]:
        node = fields.mapping("won")
        found: list[Expected] = []
        if node is None:
            return found
        for role_id, entry in node.entries.items():
            item_path = join(join(path, "won"), role_id)
            if role_id not in self.roles:
                hint = did_you_mean(role_id, self.roles)
                self.report_key(entry, item_path, f"unknown role '{role_id}'{hint}")
                continue
            won = boolean_of(self.ctx, entry.value, item_path)
            if won is not None:
                found.append(Expected(role_id, won, self.where(entry.value)))
        return found

    def values(self, fields: Fields, path: str) -> list[Expected]:
        node = fields.mapping("values")
        found: list[Expected] = []
        if node is None:
            return found
        variables = {variable.id: variable for variable in self.scenario.variables}
        for name, entry in node.entries.items():
            item_path = join(join(path, "values"), name)
            variable = variables.get(name)
            if variable is None:
                hint = did_you_mean(name, variables)
                message = f"unknown variable '{name}'{hint}"
                self.report_key(entry, item_path, message, "E201")
                continue
            value: Value | None
            if variable.kind is VariableKind.INT:
                value = integer_of(self.ctx, entry.value, item_path)
            elif variable.kind is VariableKind.BOOL:
                value = boolean_of(self.ctx, entry.value, item_path)
            else:
                value = self.enum_value(variable.values, entry.value, item_path)
            if value is not None:
                found.append(Expected(name, value, self.where(entry.value)))
        return found

    def enum_value(self, allowed: tuple[str, ...], node: YNode, path: str) -> str | None:
        if not isinstance(node, YScalar) or node.kind != "str":
            listed = ", ".join(allowed)
            self.report(node, path, f"expected one of {listed}, got {describe(node)}")
            return None
        if node.text not in allowed:
            listed = ", ".join(allowed)
            hint = did_you_mean(node.text, allowed)
            self.report(node, path, f"'{node.text}' is not one of {listed}{hint}")
            return None
        return node.text


def _value(node: YNode, key: str) -> YNode | None:
    if isinstance(node, YMap):
        entry = node.entries.get(key)
        return entry.value if entry is not None else None
    return None
