"""Boundaries: comparisons at exactly their boundary value, and the order endings are tried.

The generated kernel (``engine.codegen``) writes every condition of a scenario as Python
over the slots; an off-by-one there (``>`` for ``>=``) would move every threshold an author
wrote by one. So each comparison operator is held at its equality case, at every place a
condition is read (options, decisions, events, endings, stances, delayed consequences,
objectives, chance weights), and to the closure ``Expression.fn`` the tools evaluate.
"""

from __future__ import annotations

import pytest

from engine.scenarios import Builder, bool_var, enum_var, int_var, role, scenario
from excomm_sim.engine.events import ConsequenceLanded, ConsequenceLapsed, EventFired
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action
from excomm_sim.engine.observe import observe
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.model import Ending

ANN = {"president": "Ann"}
MOODS = ("calm", "wary", "angry")

HOLDS = {
    # operator: does `value OP 50` hold for value 49, 50, 51?
    ">=": (False, True, True),
    ">": (False, False, True),
    "<=": (True, True, False),
    "<": (True, False, False),
    "==": (False, True, False),
    "!=": (True, False, True),
}
MIRROR = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "==": "==", "!=": "!="}
"""``heat OP 50`` is ``50 MIRROR[OP] heat``."""
CASES = [
    pytest.param(op, heat, holds, id=f"heat{op}50@{heat}")
    for op, row in HOLDS.items()
    for heat, holds in zip((49, 50, 51), row, strict=True)
]
EQUALITY = [pytest.param(op, HOLDS[op][1], id=f"heat{op}50@50") for op in HOLDS]
"""Each operator at exactly the boundary value (heat 50)."""


def builder(heat: int) -> Builder:
    return Builder(
        [int_var("heat", heat), int_var("count", 0), bool_var("alert"), enum_var("mood", MOODS)],
        {"d": ["talk", "strike"], "e": ["go"]},
    )


def offered_with(when: str, heat: int = 50, mood: str = "calm") -> list[str]:
    """The options the first decision offers when ``strike`` needs ``when``."""
    b = Builder(
        [int_var("heat", heat), bool_var("alert", True), enum_var("mood", MOODS, mood)],
        {"d": ["talk", "strike"]},
    )
    options = [b.option("talk"), b.option("strike", when=when, unavailable="Not now.")]
    pilot = Autopilot(scenario(b, [b.decision("d", options)]))
    state, _ = pilot.start(1, ANN)
    item = observe(pilot.rules, state, "president").item
    assert item is not None
    offered = [option.id for option in item.offered]
    assert pilot.rules.legal_actions(state) == tuple(Action("president", o) for o in offered)
    condition = b.cond(when)
    assert condition(pilot.rules.env(state)) == ("strike" in offered)  # the closure agrees
    return offered


# -- every comparison operator, around its boundary ----------------------------------------


@pytest.mark.parametrize(("op", "heat", "holds"), CASES)
def test_an_option_is_offered_exactly_when_its_comparison_holds(
    op: str, heat: int, holds: bool
) -> None:
    assert ("strike" in offered_with(f"heat {op} 50", heat)) is holds


@pytest.mark.parametrize(("op", "heat", "holds"), CASES)
def test_a_comparison_reads_the_same_with_the_number_on_the_left(
    op: str, heat: int, holds: bool
) -> None:
    assert ("strike" in offered_with(f"50 {MIRROR[op]} heat", heat)) is holds


@pytest.mark.parametrize(("op", "heat", "holds"), CASES)
def test_a_comparison_of_two_sums_holds_at_its_boundary(op: str, heat: int, holds: bool) -> None:
    assert ("strike" in offered_with(f"heat + 10 {op} 30 * 2", heat)) is holds


@pytest.mark.parametrize(
    ("when", "holds"),
    [
        ('mood == "calm"', True),
        ('mood != "calm"', False),
        ('mood == "wary"', False),
        ('mood != "wary"', True),
        ("alert == true", True),
        ("alert != true", False),
        ('mood in ("calm", "angry")', True),
        ('mood in ("wary", "angry")', False),
        ('mood not in ("calm",)', False),
        ('mood not in ("wary",)', True),
        ("heat in (49, 50)", True),
        ("heat in (49, 51)", False),
        ("heat not in (50,)", False),
    ],
)
def test_equality_of_status_values_conditions_and_members(when: str, holds: bool) -> None:
    assert ("strike" in offered_with(when)) is holds


@pytest.mark.parametrize(("op", "holds"), EQUALITY)
def test_a_decision_is_posed_exactly_when_its_comparison_holds(op: str, holds: bool) -> None:
    b = builder(50)
    decisions = [b.decision("e", [b.option("go")], when=f"heat {op} 50")]
    decisions.append(b.decision("d", [b.option("talk"), b.option("strike")]))
    pilot = Autopilot(scenario(b, decisions))
    state, _ = pilot.start(1, ANN)
    assert state.current == ("e" if holds else "d")


@pytest.mark.parametrize(("op", "holds"), EQUALITY)
def test_an_event_fires_exactly_when_its_comparison_holds(op: str, holds: bool) -> None:
    b = builder(50)
    event = b.event("alarm", "count += 1", when=f"heat {op} 50")
    state, _ = Autopilot(scenario(b, [b.decision("e", [b.option("go")])], events=[event])).start(1)
    assert any(isinstance(r, EventFired) for r in state.log) is holds
    assert state.values["count"] == int(holds)


@pytest.mark.parametrize(("op", "holds"), EQUALITY)
def test_an_early_ending_ends_the_game_exactly_when_its_comparison_holds(
    op: str, holds: bool
) -> None:
    b = builder(40)
    decisions = [b.decision(d, [b.option("go", "heat += 10")]) for d in ("e", "d")]
    endings = [b.ending("boom", f"heat {op} 50", early=True), b.ending("fallback")]
    # heat is 50 after the first decision, 60 after the second
    state, _ = Autopilot(scenario(b, decisions, endings=endings)).start(1)
    if holds:
        assert (state.ending, state.turn) == ("boom", 1)
    else:
        assert state.turn == 2


@pytest.mark.parametrize(("op", "holds"), EQUALITY)
def test_a_final_ending_is_reached_exactly_when_its_comparison_holds(op: str, holds: bool) -> None:
    b = builder(50)
    endings = [b.ending("judged", f"heat {op} 50"), b.ending("fallback")]
    state, _ = Autopilot(scenario(b, [b.decision("e", [b.option("go")])], endings=endings)).start(1)
    assert state.ending == ("judged" if holds else "fallback")


@pytest.mark.parametrize(("op", "holds"), EQUALITY)
def test_a_stance_holds_exactly_when_its_comparison_holds(op: str, holds: bool) -> None:
    b = builder(50)
    strike = b.option("strike", stances=[b.stance("hawk", strength=3, when=f"heat {op} 50")])
    game = scenario(b, [b.decision("d", [b.option("talk"), strike])])
    rules = Rules(game)
    state = rules.new_game(1, {"dove": "Di"})
    item = observe(rules, state, "president").item
    assert item is not None
    assert [(p.role, p.option) for p in item.positions] == ([("hawk", "strike")] if holds else [])
    state, _ = Autopilot(game).start(1)
    assert state.choices[0].option == ("strike" if holds else "talk")


@pytest.mark.parametrize(("op", "holds"), EQUALITY)
def test_a_delayed_consequence_lands_exactly_when_its_comparison_holds(
    op: str, holds: bool
) -> None:
    b = builder(50)
    delayed = b.delayed(1, "count += 1", when=f"heat {op} 50")
    decisions = [b.decision("e", [b.option("go", delayed=[delayed])])]
    decisions.append(b.decision("d", [b.option("talk")]))
    state, _ = Autopilot(scenario(b, decisions)).start(1)
    kinds = [type(r) for r in state.log if isinstance(r, ConsequenceLanded | ConsequenceLapsed)]
    assert kinds == [ConsequenceLanded if holds else ConsequenceLapsed]


@pytest.mark.parametrize(("op", "holds"), EQUALITY)
def test_an_objective_is_met_exactly_when_its_comparison_holds(op: str, holds: bool) -> None:
    b = builder(50)
    roles = [role("president", True, objectives=[b.objective("goal", f"heat {op} 50")])]
    roles += [role("hawk"), role("dove")]
    pilot = Autopilot(scenario(b, [b.decision("e", [b.option("go")])], roles))
    state, _ = pilot.start(1)
    score = pilot.rules.scores(state)["president"]
    assert (score.points, score.won) == (int(holds), holds)


@pytest.mark.parametrize(("op", "holds"), EQUALITY)
def test_a_chance_weight_reads_its_comparison_at_the_boundary(op: str, holds: bool) -> None:
    b = builder(50)
    bet = b.option(
        "strike",
        chance=[b.outcome("hit", f"1 if heat {op} 50 else 0"), b.outcome("miss", 1)],
        visible=True,
    )
    rules = Rules(scenario(b, [b.decision("d", [bet, b.option("talk")])]))
    state, _ = rules.apply(rules.new_game(1, ANN), Action("president", "strike"))
    expected = (("hit", 0.5), ("miss", 0.5)) if holds else (("miss", 1.0),)
    assert rules.chance_outcomes(state) == expected


@pytest.mark.parametrize(
    ("when", "second_posed"),
    [("turn >= 1", True), ("turn > 1", False), ("day == 2", True), ("day < 2", False)],
)
def test_turn_and_day_at_posing_are_the_decisions_taken_and_days_gone(
    when: str, second_posed: bool
) -> None:
    b = builder(50)
    decisions = [
        b.decision("d", [b.option("talk")], days=2),
        b.decision("e", [b.option("go")], when=when),
    ]
    state, _ = Autopilot(scenario(b, decisions)).start(1)
    assert [choice.decision for choice in state.choices] == (["d", "e"] if second_posed else ["d"])


# -- the order final endings are tried in -------------------------------------------------


def final(endings: list[Ending], b: Builder, decisions: int = 3) -> str | None:
    """The ending of a game of ``decisions`` decisions, each adding 10 to heat (from 0)."""
    items = [b.decision(f"d{i}", [b.option("up", "heat += 10")]) for i in range(decisions)]
    state, _ = Autopilot(scenario(b, items, endings=endings)).start(1)
    assert state.ended
    return state.ending


def heat_builder() -> Builder:
    return Builder([int_var("heat", 0)], {f"d{i}": ["up"] for i in range(3)})


def test_an_early_ending_is_tried_before_final_ones_listed_above_it() -> None:
    b = heat_builder()
    # No decision is ever posed, so no early check runs during play: the end tries it first.
    items = [b.decision(f"d{i}", [b.option("up")], when="false") for i in range(3)]
    endings = [
        b.ending("final", "heat == 0"),
        b.ending("early", "heat == 0", early=True),
        b.ending("fallback"),
    ]
    state, _ = Autopilot(scenario(b, items, endings=endings)).start(1)
    assert (state.ending, state.turn) == ("early", 0)


def test_two_final_endings_that_both_hold_go_to_the_first_listed() -> None:
    b = heat_builder()
    endings = [b.ending("exact", "heat == 30"), b.ending("reached", "heat >= 30")]
    assert final([*endings, b.ending("fallback")], b) == "exact"
    b = heat_builder()
    endings = [b.ending("reached", "heat >= 30"), b.ending("exact", "heat == 30")]
    assert final([*endings, b.ending("fallback")], b) == "reached"


def test_two_early_endings_that_both_hold_go_to_the_first_listed() -> None:
    b = heat_builder()
    endings = [
        b.ending("second", "heat >= 20", early=True),
        b.ending("first", "heat == 20", early=True),
        b.ending("fallback"),
    ]
    assert final(endings, b) == "second"


def test_final_endings_are_tried_in_file_order_past_those_that_fail() -> None:
    b = heat_builder()
    endings = [
        b.ending("over", "heat > 30"),
        b.ending("under", "heat < 30"),
        b.ending("exact", "heat <= 30"),
        b.ending("also", "heat >= 30"),
        b.ending("fallback"),
    ]
    assert final(endings, b) == "exact"


def test_the_fallback_is_tried_last_wherever_it_is_listed() -> None:
    b = heat_builder()
    assert final([b.ending("fallback"), b.ending("exact", "heat == 30")], b) == "exact"
    b = heat_builder()
    assert final([b.ending("fallback"), b.ending("over", "heat > 30")], b) == "fallback"


def test_an_early_ending_that_holds_beats_every_final_one_at_the_end() -> None:
    b = heat_builder()
    endings = [
        b.ending("final", "heat >= 30"),
        b.ending("boom", "heat >= 30", early=True),
        b.ending("fallback"),
    ]
    assert final(endings, b) == "boom"
