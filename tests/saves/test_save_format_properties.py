"""Save format properties: any save round-trips; any damage is a SaveError, never a crash."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from excomm_sim.engine.moves import Action
from excomm_sim.saves import SAVE_FORMAT, BranchPoint, SaveError, SaveGame, timestamp
from excomm_sim.saves.format import to_json
from excomm_sim.saves.reading import from_json
from excomm_sim.scenario.characters import BIDI

identifiers = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)
texts = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40)
"""Text a save may hold: anything but control characters and lone surrogates."""
names = st.text(
    st.characters(exclude_categories=("Cc", "Cs"), exclude_characters=BIDI), min_size=1, max_size=20
).filter(str.strip)
stamps = st.datetimes(
    min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1), timezones=st.just(dt.UTC)
).map(timestamp)

saves = st.builds(
    SaveGame,
    format=st.just(SAVE_FORMAT),
    scenario_id=identifiers,
    scenario_version=texts,
    scenario_hash=st.text("0123456789abcdef", min_size=64, max_size=64),
    scenario_path=texts,
    seed=st.integers(min_value=0, max_value=2**64 - 1),
    humans=st.dictionaries(identifiers, names, max_size=4),
    actions=st.lists(st.builds(Action, identifiers, identifiers), max_size=30),
    created=stamps,
    updated=stamps,
    note=texts,
    branched_from=st.none() | st.builds(BranchPoint, texts.filter(bool), st.integers(0, 99)),
)


@given(saves)
def test_any_save_reads_back_equal(save: SaveGame) -> None:
    assert from_json(to_json(save, written_by="test")) == save


@settings(max_examples=60)
@given(saves, st.data())
def test_a_save_cut_anywhere_is_a_save_error(save: SaveGame, data: st.DataObject) -> None:
    text = to_json(save)
    cut = data.draw(st.integers(min_value=0, max_value=len(text.rstrip()) - 1))
    try:
        from_json(text[:cut], "x.json")
    except SaveError as error:
        assert str(error).startswith("x.json: ")
    else:
        raise AssertionError(f"a save cut at {cut} of {len(text)} was accepted")


@settings(max_examples=150)
@given(saves, st.data())
def test_a_damaged_save_is_read_or_refused_never_a_crash(
    save: SaveGame, data: st.DataObject
) -> None:
    text = to_json(save)
    position = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    replacement = data.draw(st.sampled_from(['"', "{", "}", "[", "1", "-", ",", ":", "n", " ", ""]))
    damaged = text[:position] + replacement + text[position + 1 :]
    try:
        result = from_json(damaged, "x.json")
    except SaveError:
        return
    assert isinstance(result, SaveGame)
