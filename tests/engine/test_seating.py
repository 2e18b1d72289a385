"""A role that joins later (format 2's ``joins``) is not at the table before it: not asked,
no advice; from its decision on it sits like any other."""

from __future__ import annotations

from pathlib import Path

import pytest

from excomm_sim.engine.events import Recommended
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action
from excomm_sim.scenario.load import check_text, load_path

SECRETS = Path(__file__).parents[1] / "scenario" / "fixtures" / "secrets.yaml"


def test_a_late_role_is_asked_only_from_the_decision_it_joins_at() -> None:
    scenario = load_path(SECRETS)
    assert scenario.role("inspector").joins_at == 1
    rules = Rules(scenario)
    state = rules.new_game(0, {"mayor": "Ann", "inspector": "Cy"})
    turn = rules.to_act(state)
    assert (turn.kind, turn.role, turn.decision) == ("decide", "mayor", "cove")
    state, _ = rules.apply(state, Action("mayor", "watch"))
    turn = rules.to_act(state)
    assert (turn.kind, turn.role, turn.decision) == ("recommend", "inspector", "town")


def test_a_late_computer_role_advises_only_once_seated() -> None:
    scenario = load_path(SECRETS)
    rules = Rules(scenario)
    state = rules.new_game(0, {"mayor": "Ann"})
    state, _ = rules.apply(state, Action("mayor", "watch"))
    advice = [(r.decision, r.role) for r in state.log if isinstance(r, Recommended)]
    assert advice == [("town", "inspector")]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    joins: town",
            "    joins: twon",
            "role 'inspector' joins at 'twon', which is no decision or phase with items "
            "(did you mean 'town'?)",
        ),
        (
            "          - {role: master, position: oppose, reason: There is no proof.}",
            "          - {role: inspector, position: oppose, reason: There is no proof.}",
            "'inspector' has a stance on decision 'cove' but joins only at 'town' (after it): "
            "nobody would hear it",
        ),
        (
            "    title: The cove\n",
            "    title: The cove\n    decider: inspector\n",
            "decision 'cove' is decided by 'inspector', who joins only at 'town' (after it)",
        ),
    ],
)
def test_a_late_role_cannot_act_before_it_joins(old: str, new: str, message: str) -> None:
    text = SECRETS.read_text(encoding="utf-8")
    assert old in text
    _, problems = check_text(text.replace(old, new, 1), "secrets.yaml")
    assert [(p.code, p.message) for p in problems] == [("E319", message)]
