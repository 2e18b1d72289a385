"""Observations as JSON, and back: with ``wire.records``, the only way game data crosses
the wire.

Records, turns, choices and advisers' positions are written field by field and read back
checked (``wire.records``). What an observation holds of the scenario itself (the
decision on the table, its options and odds, the seat's role and objectives, the ending)
travels as ids and is looked up in the client's own copy of the scenario, the one the
host sent for that seat (``wire.views``): nothing of another seat's briefing can arrive by
this road, since the client has nowhere to look it up.

An observation's log and timeline only grow during play, save at a few moments (a
decision taken reveals the advice given on it; the end reveals hidden values), so each
is sent as a change to the last one sent: keep the first ``keep`` entries, then ``add``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from excomm_sim.engine.kernel import RoleScore
from excomm_sim.engine.moves import Turn
from excomm_sim.engine.observe import ItemView, ObjectiveView, Observation, OptionView, PositionView
from excomm_sim.engine.state import Choice
from excomm_sim.scenario.model import Decision, Objective, Role, Scenario, Value, VariableKind
from excomm_sim.wire.checks import (
    Check,
    WireError,
    boolean,
    identifier,
    integer,
    invalid,
    listing,
    mapping,
    nullable,
    number,
    obj,
    text,
)
from excomm_sim.wire.records import (
    MAX_ITEMS,
    MAX_TEXT,
    attrs_decoder,
    date,
    decode_record,
    decode_records,
    decoder,
    encode,
    encode_record,
    variable_value,
)

__all__ = [
    "Delta",
    "Reader",
    "decode_record",
    "decode_records",
    "delta",
    "encode",
    "encode_observation",
    "encode_record",
]

Delta = tuple[int, Sequence[Any]]
"""(keep, add): keep that many entries of the last list sent, then append these."""

# -- writing ----------------------------------------------------------------------------


def delta(previous: Sequence[Any], current: Sequence[Any], same: Callable[[Any, Any], bool]) -> int:
    """How many leading entries of ``previous`` ``current`` keeps (by ``same``)."""
    keep = 0
    for old, new in zip(previous, current, strict=False):
        if not same(old, new):
            break
        keep += 1
    return keep


def encode_observation(
    observation: Observation, log: dict[str, Any], timeline: Delta
) -> dict[str, Any]:
    """``observation`` as JSON data; ``log`` is its log already written as a change
    (``{"keep": n, "add": [record data]}``, see the module docstring), ``timeline`` the
    change to its timeline."""
    item = observation.item
    keep, add = timeline
    return {
        "seat": observation.seat,
        "to_act": encode(observation.to_act),
        "item": None if item is None else _encode_item(item),
        "values": dict(observation.values),
        "withheld": sorted(observation.withheld),
        "turn": observation.turn,
        "day": observation.day,
        "date": observation.date.isoformat(),
        "humans": dict(observation.humans),
        "role": None if observation.role is None else observation.role.id,
        "objectives": [[view.objective.id, view.holds] for view in observation.objectives],
        "log": log,
        "timeline": {"keep": keep, "add": [dict(point) for point in add]},
        "ending": None if observation.ending is None else observation.ending.id,
        "scores": {
            role: {
                "points": score.points,
                "possible": score.possible,
                "met": [[objective.id, held] for objective, held in score.met],
            }
            for role, score in observation.scores.items()
        },
        "choices": encode(observation.choices),
        "seed": observation.seed,
    }


def _encode_item(item: ItemView) -> dict[str, Any]:
    return {
        "decision": item.decision.id,
        "number": item.number,
        "options": [
            {
                "option": view.option.id,
                "offered": view.offered,
                "reason": view.reason,
                "odds": [[outcome.id, probability] for outcome, probability in view.odds],
            }
            for view in item.options
        ],
        "positions": encode(item.positions),
        "own_stances": encode(item.own_stances),
    }


# -- reading ----------------------------------------------------------------------------


_TURN = attrs_decoder(Turn)
_CHOICES = decoder(tuple[Choice, ...])
_POSITIONS = decoder(tuple[PositionView, ...])


_change = obj({"keep": integer(0, MAX_ITEMS), "add": listing(lambda v, p: v, MAX_ITEMS)})
_pair = listing(lambda value, path: value, 2)

_OBSERVATION = obj(
    {
        "seat": nullable(identifier()),
        "to_act": lambda value, path: value,
        "item": lambda value, path: value,
        "values": mapping(identifier(), variable_value, MAX_ITEMS),
        "withheld": listing(identifier(), MAX_ITEMS),
        "turn": integer(0),
        "day": integer(-(10**6), 10**6),
        "date": date,
        "humans": mapping(identifier(), text(200), 64),
        "role": nullable(identifier()),
        "objectives": listing(_pair, 1000),
        "log": _change,
        "timeline": _change,
        "ending": nullable(identifier()),
        "scores": mapping(identifier(), lambda value, path: value, 64),
        "choices": lambda value, path: value,
        "seed": nullable(integer(-(2**63), 2**63)),
    }
)


class Reader:
    """Reads a host's observations against the scenario the host sent for this seat."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.decisions = {decision.id: decision for decision in scenario.decisions}
        self.roles = {role.id: role for role in scenario.roles}
        self.endings = {ending.id: ending for ending in scenario.endings}
        self.variables = {variable.id: variable for variable in scenario.variables}

    def observation(
        self, data: Any, previous: Observation | None, path: str = "$.observation"
    ) -> Observation:
        """The observation in ``data``; ``previous`` is the last one read (its log and
        timeline are what ``keep`` counts). Raises WireError naming the bad field."""
        fields = _OBSERVATION(data, path)
        role = self._role(fields["role"], f"{path}.role")
        values = fields["values"]
        for variable_id, value in values.items():
            self._check_value(variable_id, value, f"{path}.values.{variable_id}")
        log = _grown(
            previous.log if previous else (),
            fields["log"],
            decode_record,
            f"{path}.log",
        )
        timeline = _grown(
            previous.timeline if previous else (),
            fields["timeline"],
            lambda value, where: mapping(identifier(), variable_value, MAX_ITEMS)(value, where),
            f"{path}.timeline",
        )
        return Observation(
            seat=fields["seat"],
            to_act=_TURN(fields["to_act"], f"{path}.to_act"),
            item=None if fields["item"] is None else self._item(fields["item"], f"{path}.item"),
            values=values,
            withheld=frozenset(fields["withheld"]),
            turn=fields["turn"],
            day=fields["day"],
            date=fields["date"],
            humans=fields["humans"],
            role=role,
            objectives=tuple(
                ObjectiveView(*self._objective(role, pair, f"{path}.objectives[{index}]"))
                for index, pair in enumerate(fields["objectives"])
            ),
            log=log,
            timeline=timeline,
            ending=self._ending(fields["ending"], f"{path}.ending"),
            scores={
                role_id: self._score(role_id, score, f"{path}.scores.{role_id}")
                for role_id, score in fields["scores"].items()
            },
            choices=_CHOICES(fields["choices"], f"{path}.choices"),
            seed=fields["seed"],
        )

    def _check_value(self, variable_id: str, value: Value, path: str) -> None:
        variable = self.variables.get(variable_id)
        if variable is None:
            raise WireError("invalid", f"{path}: the scenario has no such variable", path)
        if variable.kind is VariableKind.BOOL:
            ok = isinstance(value, bool)
        elif variable.kind is VariableKind.INT:
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:
            ok = value in variable.values
        if not ok:
            raise WireError("invalid", f"{path}: not a value of {variable.kind.value}", path)

    def _role(self, role_id: str | None, path: str) -> Role | None:
        if role_id is None:
            return None
        role = self.roles.get(role_id)
        if role is None:
            raise WireError("invalid", f"{path}: the scenario has no role {role_id!r}", path)
        return role

    def _objective(self, role: Role | None, pair: list[Any], path: str) -> tuple[Objective, bool]:
        if len(pair) != 2 or role is None:
            raise invalid(path, "[objective id, true/false] of the seat's role", pair)
        objective_id = identifier()(pair[0], f"{path}[0]")
        for objective in role.objectives:
            if objective.id == objective_id:
                return objective, boolean(pair[1], f"{path}[1]")
        raise WireError("invalid", f"{path}: {role.id} has no objective {objective_id!r}", path)

    def _ending(self, ending_id: str | None, path: str) -> Any:
        if ending_id is None:
            return None
        ending = self.endings.get(ending_id)
        if ending is None:
            raise WireError("invalid", f"{path}: the scenario has no ending {ending_id!r}", path)
        return ending

    def _score(self, role_id: str, data: Any, path: str) -> RoleScore:
        fields = obj(
            {"points": integer(-(10**6), 10**6), "possible": integer(0, 10**6), "met": _pairs}
        )(data, path)
        role = self._role(role_id, path)
        met = tuple(
            self._objective(role, pair, f"{path}.met[{index}]")
            for index, pair in enumerate(fields["met"])
        )
        return RoleScore(role_id, fields["points"], fields["possible"], met)

    def _item(self, data: Any, path: str) -> ItemView:
        fields = obj(
            {
                "decision": identifier(),
                "number": integer(1),
                "options": listing(lambda value, where: value, 1000),
                "positions": lambda value, where: value,
                "own_stances": lambda value, where: value,
            }
        )(data, path)
        decision = self.decisions.get(fields["decision"])
        if decision is None:
            raise WireError("invalid", f"{path}.decision: the scenario has no such decision", path)
        return ItemView(
            decision,
            fields["number"],
            tuple(
                _option_view(decision, view, f"{path}.options[{index}]")
                for index, view in enumerate(fields["options"])
            ),
            _POSITIONS(fields["positions"], f"{path}.positions"),
            _POSITIONS(fields["own_stances"], f"{path}.own_stances"),
        )


_pairs = listing(_pair, 1000)
_OPTION_VIEW = obj(
    {
        "option": identifier(),
        "offered": boolean,
        "reason": text(MAX_TEXT),
        "odds": listing(_pair, 1000),
    }
)


def _option_view(decision: Decision, data: Any, path: str) -> OptionView:
    fields = _OPTION_VIEW(data, path)
    options = {option.id: option for option in decision.options}
    option = options.get(fields["option"])
    if option is None:
        raise WireError("invalid", f"{path}.option: {decision.id} has no such option", path)
    outcomes = {outcome.id: outcome for outcome in option.chance.outcomes} if option.chance else {}
    odds = []
    for index, pair in enumerate(fields["odds"]):
        where = f"{path}.odds[{index}]"
        if len(pair) != 2 or pair[0] not in outcomes:
            raise invalid(where, f"[an outcome of {option.id}, its probability]", pair)
        odds.append((outcomes[pair[0]], number(0, 1)(pair[1], f"{where}[1]")))
    return OptionView(option, fields["offered"], fields["reason"], tuple(odds))


def _grown(
    previous: Sequence[Any], change: dict[str, Any], read: Check, path: str
) -> tuple[Any, ...]:
    keep = change["keep"]
    if keep > len(previous):
        raise WireError(
            "invalid", f"{path}.keep: {keep} kept, but only {len(previous)} were sent", path
        )
    added = tuple(read(item, f"{path}.add[{index}]") for index, item in enumerate(change["add"]))
    return tuple(previous[:keep]) + added
