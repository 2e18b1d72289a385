"""Author mode's moves: the author sets a value or jumps to a later item through the kernel,
and the log says the author did it; a forced chance outcome is the sampler's, replayed."""

from __future__ import annotations

from pathlib import Path

import pytest

from excomm_sim.engine.events import ChanceResolved, DecisionPosed, DecisionSkipped, VariableChanged
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action, AuthorJump, AuthorSet, IllegalAction
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.sampler import Rigged
from excomm_sim.saves.moves import from_data, to_data
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.records import skip_reason

HARBOUR = Path(__file__).resolve().parents[1] / "scenario" / "fixtures" / "harbour.yaml"


@pytest.fixture(scope="module")
def harbour() -> Scenario:
    return load_path(HARBOUR)


def test_setting_a_value_is_recorded_with_the_author_as_its_cause(harbour: Scenario) -> None:
    rules = Rules(harbour)
    state, records = rules.apply(rules.new_game(seed=3), AuthorSet("tension", 90))
    assert state.values["tension"] == 90
    (change,) = [r for r in records if isinstance(r, VariableChanged)]
    assert (change.old, change.new, change.cause.kind) == (50, 90, "author")
    assert change.effect == "tension = 90"


@pytest.mark.parametrize(
    ("move", "why"),
    [
        (AuthorSet("tension", 101), "tension lies within 0..100"),
        (AuthorSet("tension", True), "tension is a whole number"),
        (AuthorSet("boarded", 1), "boarded is true or false"),
        (AuthorSet("cargo", "lost"), "cargo is one of unknown, declared, inspected, seized"),
        (AuthorSet("tensoin", 1), "unknown variable 'tensoin'"),
    ],
)
def test_a_value_the_variable_cannot_hold_is_refused(
    harbour: Scenario, move: AuthorSet, why: str
) -> None:
    rules = Rules(harbour)
    with pytest.raises(IllegalAction, match=why):
        rules.apply(rules.new_game(seed=3), move)


def test_jumping_skips_the_items_before_it_as_the_author(harbour: Scenario) -> None:
    rules = Rules(harbour)
    state, records = rules.apply(rules.new_game(seed=3), AuthorJump("cargo_question"))
    assert state.current == "cargo_question"
    skipped = [r for r in records if isinstance(r, DecisionSkipped)]
    assert [(r.decision, r.reason) for r in skipped] == [("first_contact", "author")]
    assert skip_reason(skipped[0]) == "the author jumped past it"
    assert [r.decision for r in records if isinstance(r, DecisionPosed)] == ["cargo_question"]


def test_jumping_back_or_to_the_item_on_the_table_is_refused(harbour: Scenario) -> None:
    rules = Rules(harbour)
    state = rules.new_game(seed=3)
    with pytest.raises(IllegalAction, match="already on the table"):
        rules.apply(state, AuthorJump("first_contact"))
    state, _ = rules.apply(state, AuthorJump("cargo_question"))
    with pytest.raises(IllegalAction, match="only a later item"):
        rules.apply(state, AuthorJump("first_contact"))


@pytest.mark.parametrize("move", [AuthorSet("cargo", "seized"), AuthorJump("cargo_question")])
def test_a_save_holds_author_moves(move: AuthorSet | AuthorJump) -> None:
    def text(value: object, where: str, **_: object) -> object:
        return value

    assert from_data(to_data(move), "actions[0]", 2, text) == move


def _board(autopilot: Autopilot) -> list[str]:
    """Start with the mayor held by a person, board, and return the outcomes drawn."""
    state, _ = autopilot.start(seed=3, humans={"mayor": "Ada"})
    state, records = autopilot.act(state, Action("mayor", "board"))
    return [r.outcome for r in records if isinstance(r, ChanceResolved)]


def test_a_forced_outcome_is_drawn_and_drawn_again_on_replay(harbour: Scenario) -> None:
    seeded = _board(Autopilot(harbour))
    other = next(o for o in ("calm_boarding", "scuffle") if [o] != seeded)
    rigged = Rigged()
    rigged.force("first_contact", "board", other)
    assert _board(Autopilot(harbour, sampler=rigged)) == [other]
    assert rigged.forced == {}
    assert _board(Autopilot(harbour, sampler=rigged)) == [other]
