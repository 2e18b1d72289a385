"""The scenario as one seat may see it: what a host sends a client instead of the file.

A scenario file holds every role's briefing and objectives and the starting values of
hidden variables; a client must never receive another seat's. So the host reads the file
into plain data, takes out what the seat may not see, and writes the rest back as YAML;
the client loads that text with the ordinary validating loader, as untrusted input. The
rules follow ``engine.observe`` (the one place that decides what a seat sees):

- another role's briefing is replaced by a placeholder line (the loader requires one),
  always: briefings stay private, even in the debrief;
- another role's objectives are left out during play, and revealed at the end (the
  debrief scores every seat);
- a hidden variable's starting value and description are neutral during play (the value
  the least in range; no description), and the real ones are revealed at the end.

Why plain data and not the file's text with passages cut out: a YAML document cannot be
edited safely by text spans (block scalars, anchors, flow style), and its comments may hold
an author's notes; writing the data back drops all of that and leaves nothing by accident.
The price is that YAML's spelling of a value may change; ``SeatViews`` therefore loads
every view it makes and checks that the model it gives is the host's scenario with only
those fields changed, so a view that would mislead a client is refused at the host's start.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import attrs
import yaml

from excomm_sim.scenario.load import load_text
from excomm_sim.scenario.model import Display, Scenario, Variable, VariableKind
from excomm_sim.scenario.problems import ScenarioError

PRIVATE_BRIEFING = "Private to the person in this seat."
"""What another seat's briefing reads in a seat's copy of the scenario."""


class ViewError(ValueError):
    """A scenario the host cannot turn into seat views; says why."""


def view_data(data: dict[str, Any], seat: str | None, ended: bool) -> dict[str, Any]:
    """The plain data of a scenario file as ``seat`` (None: nobody's seat) may see it."""
    data = copy.deepcopy(data)
    for role in data.get("roles") or ():
        if role.get("id") == seat:
            continue
        role["briefing"] = PRIVATE_BRIEFING
        if not ended:
            role.pop("objectives", None)
    if not ended:
        for variable in data.get("variables") or ():
            if variable.get("display") == Display.HIDDEN.value:
                variable["initial"] = _neutral(variable)
                variable.pop("description", None)
    return data


def _neutral(variable: dict[str, Any]) -> Any:
    """A starting value that says nothing: the least in range, false, or the first value."""
    kind = variable.get("type")
    if kind == VariableKind.BOOL.value:
        return False
    if kind == VariableKind.ENUM.value:
        values = variable.get("values") or [""]
        first = values[0]
        return first.get("id") if isinstance(first, dict) else first
    minimum, maximum = variable.get("min"), variable.get("max")
    if isinstance(minimum, int):
        return minimum
    if isinstance(maximum, int) and maximum < 0:
        return maximum
    return 0


def expected_model(scenario: Scenario, seat: str | None, ended: bool) -> Scenario:
    """What the view of ``seat`` must load as: ``scenario`` with the same fields changed."""
    roles = tuple(
        role
        if role.id == seat
        else attrs.evolve(
            role,
            briefing=PRIVATE_BRIEFING,
            objectives=role.objectives if ended else (),
        )
        for role in scenario.roles
    )
    variables = tuple(
        _neutral_variable(variable)
        if variable.display is Display.HIDDEN and not ended
        else variable
        for variable in scenario.variables
    )
    return attrs.evolve(scenario, roles=roles, variables=variables)


def _neutral_variable(variable: Variable) -> Variable:
    data = {
        "type": variable.kind.value,
        "min": variable.minimum,
        "max": variable.maximum,
        "values": list(variable.values),
    }
    return attrs.evolve(variable, initial=_neutral(data), description="")


class SeatViews:
    """Every view of one scenario a host may send, made once, checked, and kept."""

    def __init__(self, scenario: Scenario, source: str) -> None:
        self.scenario = scenario
        try:
            data = yaml.safe_load(source)
        except yaml.YAMLError as error:
            raise ViewError(f"the scenario file cannot be read as YAML: {error}") from None
        if not isinstance(data, dict):
            raise ViewError("the scenario file is not a YAML mapping")
        self.data: dict[str, Any] = data
        self._views: dict[tuple[str | None, bool], str] = {}

    def text(self, seat: str | None, ended: bool) -> str:
        """The YAML text of ``seat``'s view (made and checked on first use)."""
        key = (seat, ended)
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = self._make(seat, ended)
        return view

    def check_all(self) -> None:
        """Make every view now (a host does this before it opens), raising ViewError."""
        for seat in (None, *(role.id for role in self.scenario.roles)):
            for ended in (False, True):
                self.text(seat, ended)

    def _make(self, seat: str | None, ended: bool) -> str:
        view = yaml.dump(
            _unblocked(view_data(self.data, seat, ended)),
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            width=100,
        )
        try:
            loaded = load_text(view, "<seat view>")
        except ScenarioError as error:
            first = error.problems[0] if error.problems else "?"
            raise ViewError(f"a seat's copy of the scenario does not load: {first}") from None
        expected = expected_model(self.scenario, seat, ended)
        if loaded != expected:
            where = next(_differences(expected, loaded, "scenario"), "scenario")
            raise ViewError(
                f"a seat's copy of the scenario differs from the file at {where}; "
                "the file's YAML spells a value in a way that does not survive a copy"
            )
        return view


class _Dumper(yaml.SafeDumper):
    """Writes text of several lines as a literal block, as an author would."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _unblocked(value: Any) -> Any:
    """``value`` with each text's trailing newlines dropped, as the loader drops a block
    scalar's (``scenario.fields.text_of``), so the copy reads back the same."""
    if isinstance(value, str):
        return value.rstrip("\n")
    if isinstance(value, list):
        return [_unblocked(item) for item in value]
    if isinstance(value, dict):
        return {key: _unblocked(item) for key, item in value.items()}
    return value


def _differences(a: Any, b: Any, path: str) -> Iterator[str]:
    """Paths at which two models differ (for the message when a view is refused)."""
    if type(a) is not type(b):
        yield path
    elif attrs.has(type(a)):
        for f in attrs.fields(type(a)):
            if f.eq and getattr(a, f.name) != getattr(b, f.name):
                yield from _differences(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
    elif isinstance(a, tuple) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                yield from _differences(x, y, f"{path}[{index}]")
    elif a != b:
        yield path
