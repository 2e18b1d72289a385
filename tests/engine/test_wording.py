"""Text that varies with the state (format 2): the observation carries the decision's
context and its options' texts as chosen and filled for the state on the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action
from excomm_sim.engine.observe import observe
from excomm_sim.scenario.load import check_text, load_path

SECRETS = Path(__file__).parents[1] / "scenario" / "fixtures" / "secrets.yaml"


@pytest.mark.parametrize(
    ("first", "context", "silence"),
    [
        (
            "watch",
            "The town asks what was done on 2 October 1962; tension stands at 40/100.",
            "Silence, with the smuggler no arrested (braces: {none}).",
        ),
        (
            "arrest",
            "The town asks why the smuggler was arrested; tension stands at 50/100.",
            "Silence, with the smuggler yes arrested (braces: {none}).",
        ),
    ],
)
def test_the_item_on_the_table_reads_as_the_state_has_it(
    first: str, context: str, silence: str
) -> None:
    rules = Rules(load_path(SECRETS))
    state = rules.new_game(0, {"mayor": "Ann"})
    state, _ = rules.apply(state, Action("mayor", first))
    item = observe(rules, state, None).item
    assert item is not None
    assert item.decision.context == context
    texts = {view.option.id: view.option.text for view in item.options}
    assert texts["stay_silent"] == silence


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "tension stands at {tension}.\n      - text",
            "tension stands at {tensoin}.\n      - text",
            "unknown variable 'tensoin' in {tensoin} (did you mean 'tension'?) (write {{ and }} "
            "for a brace)",
        ),
        (
            "on {date}",
            "on {sightings}",
            "'{sightings}' would show 'sightings', which not every seat may see; write the "
            "text without it",
        ),
        (
            "      - text: The town asks what was done",
            "      - when: true\n        text: The town asks what was done",
            "the last text variant is the fallback: it has no 'when' (add a variant without "
            "one at the end)",
        ),
    ],
)
def test_a_wording_mistake_is_reported(old: str, new: str, message: str) -> None:
    text = SECRETS.read_text(encoding="utf-8")
    assert old in text
    _, problems = check_text(text.replace(old, new, 1), "secrets.yaml")
    assert message in [p.message for p in problems]
    assert all(p.code != "E000" for p in problems)


def test_a_format_1_text_keeps_its_braces() -> None:
    text = (Path(__file__).parents[1] / "scenario" / "fixtures" / "harbour.yaml").read_text(
        encoding="utf-8"
    )
    text = text.replace("Ask politely what the cargo is.", "Ask {politely}.")
    scenario, problems = check_text(text, "harbour.yaml")
    assert not any(p.severity == "error" for p in problems)
    assert scenario is not None and not scenario.decisions[0].varies
    assert scenario.decisions[0].options[0].text == "Ask {politely}."
