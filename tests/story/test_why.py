"""How a computer decider's weighing is told: scores, voices, and who is the decider."""

from __future__ import annotations

from pathlib import Path

import pytest

from excomm_sim.engine import events as ev
from excomm_sim.engine.state import Choice
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.advice import advice_lines, advice_taken
from excomm_sim.story.why import ranked, signed, voice_text, weighed_lines, why_lines

TINY = Path(__file__).parent.parent / "tui" / "data" / "tiny.yaml"


@pytest.fixture(scope="module")
def tiny() -> Scenario:
    return load_path(TINY)


def weighing(*options: tuple[str, tuple[ev.Weight, ...]]) -> ev.DecisionWeighed:
    scored = tuple(
        ev.OptionWeighed(option, sum(w.amount for w in weights), weights)
        for option, weights in options
    )
    return ev.DecisionWeighed(1, "demand", "mayor", scored)


def test_scores_are_signed_with_a_true_minus_and_zero_is_bare() -> None:
    assert [signed(n) for n in (4, -6, 0)] == ["+4", "−6", "0"]


def test_each_voice_says_who_how_and_how_much(tiny: Scenario) -> None:
    assert voice_text(tiny, "mayor", ev.Weight("harbourmaster", "opposes", -2)) == (
        "Captain Ines Moor opposes −2"
    )
    assert voice_text(tiny, "mayor", ev.Weight("treasurer", "advised", 2)) == (
        "Leo Hart advised it +2"
    )
    assert voice_text(tiny, "mayor", ev.Weight("mayor", "favours", 4)) == (
        "Mayor Ada Byrne's own view +4"
    )


def test_the_option_taken_comes_first_and_a_tie_keeps_file_order() -> None:
    record = weighing(
        ("depart", (ev.Weight("treasurer", "favours", 1),)),
        ("inspect", (ev.Weight("harbourmaster", "favours", 3),)),
        ("blockade", (ev.Weight("treasurer", "favours", 3),)),
    )
    assert [option.option for option in ranked(record)] == ["inspect", "blockade", "depart"]


def test_the_lines_give_a_heading_then_each_option_with_its_voices(tiny: Scenario) -> None:
    record = weighing(
        ("depart", ()),
        ("inspect", (ev.Weight("harbourmaster", "favours", 3), ev.Weight("mayor", "opposes", -2))),
    )
    demand = tiny.decision("demand")
    assert weighed_lines(tiny, record) == [
        "Why: Mayor Ada Byrne adds up every voice at the table, and the highest score wins:",
        f"“{demand.option('inspect').label}” +1: Captain Ines Moor favours +3, "
        "Mayor Ada Byrne's own view −2",
        f"“{demand.option('depart').label}” 0: no one spoke to it",
    ]


def test_a_choice_a_person_made_has_no_weighing_to_tell(tiny: Scenario) -> None:
    chosen = ev.OptionChosen(1, "demand", "mayor", "depart", True)
    assert why_lines(tiny, [chosen]) == []
    record = weighing(("depart", ()))
    assert why_lines(tiny, [chosen, record]) == weighed_lines(tiny, record)


def test_a_players_advice_is_set_beside_the_choice_taken(tiny: Scenario) -> None:
    demand = tiny.decision("demand")
    log = [
        ev.Recommended(1, "demand", "harbourmaster", "inspect", True, ""),
        ev.Recommended(1, "demand", "treasurer", "depart", False, "Cheapest."),  # computer
        ev.Recommended(2, "pay", "harbourmaster", "town", True, ""),  # another decision
        ev.Recommended(1, "demand", "treasurer", "depart", True, ""),
    ]
    choice = Choice(1, "demand", "depart", "mayor", False, None)
    assert advice_lines(tiny, log, choice) == [
        f"Captain Ines Moor advised “{demand.option('inspect').label}” (not taken).",
        f"Leo Hart advised “{demand.option('depart').label}” (taken).",
    ]


def test_advice_on_a_decision_still_open_is_neither_taken_nor_refused() -> None:
    log = [
        ev.Recommended(1, "demand", "harbourmaster", "inspect", True, ""),
        ev.Recommended(2, "pay", "harbourmaster", "town", True, ""),  # saved before deciding
    ]
    choices = [Choice(1, "demand", "inspect", "mayor", False, None)]
    assert advice_taken(log, choices) == [(log[0], True)]


def test_a_tie_says_the_option_listed_first_wins(tiny: Scenario) -> None:
    record = weighing(
        ("depart", (ev.Weight("harbourmaster", "favours", 3),)),
        ("inspect", (ev.Weight("treasurer", "favours", 3),)),
    )
    label = tiny.decision("demand").option("depart").label
    lines = weighed_lines(tiny, record)
    assert f"A tie at +3: the option listed first wins, “{label}”." in lines


def test_a_decider_with_no_stance_is_said_to_have_no_view_of_their_own(tiny: Scenario) -> None:
    record = weighing(("depart", (ev.Weight("harbourmaster", "favours", 3),)), ("inspect", ()))
    assert weighed_lines(tiny, record)[-1] == "Mayor Ada Byrne's own view: none on this item."
