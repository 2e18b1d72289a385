"""The wire format on its own: frames checked with located errors, observations through
the codec and back, and the scenario views a seat is sent."""

from __future__ import annotations

import json

import pytest
import yaml

from excomm_sim.engine.moves import Action
from excomm_sim.engine.observe import observe
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.load import load_path, load_text
from excomm_sim.wire import codec
from excomm_sim.wire.checks import WireError
from excomm_sim.wire.protocol import CLIENT, MAX_FRAME_BYTES, normal_code, read
from excomm_sim.wire.views import PRIVATE_BRIEFING, SeatViews, ViewError
from server.hosting import MEETING, TINY


@pytest.mark.parametrize(
    ("frame", "code", "field", "words"),
    [
        ("not json", "malformed", "", "not JSON"),
        ("[1, 2]", "malformed", "", "a JSON object, not a list"),
        ('{"type": "hello"}', "version", "$.v", "no version"),
        ('{"v": 2, "type": "hello"}', "version", "$.v", "frame has version 2"),
        ('{"v": 1, "type": "dance"}', "unknown_type", "$.type", "known: hello, sit, act"),
        ('{"v": 1, "type": "hello"}', "invalid", "$.code", "missing 'code'"),
        ('{"v": 1, "type": "hello", "code": 5}', "invalid", "$.code", "expected a join code"),
        ('{"v": 1, "type": "sit", "seat": "Rusk", "name": "A"}', "invalid", "$.seat", "an id"),
        ('{"v": 1, "type": "sit", "seat": "rusk", "name": "  "}', "invalid", "$.name", "empty"),
        (
            '{"v": 1, "type": "sit", "seat": "rusk", "name": "A", "x": 1}',
            "invalid",
            "$",
            "unknown key 'x'",
        ),
        (
            '{"v": 1, "type": "act", "seq": -1, "turn": 1, "decision": "d", "move": {}}',
            "invalid",
            "$.seq",
            "from 0",
        ),
        (
            '{"v": 1, "type": "act", "seq": 1, "turn": 1, "decision": "d",'
            ' "move": {"role": "rusk", "option": true}}',
            "invalid",
            "$.move.option",
            "got true",
        ),
    ],
)
def test_a_bad_frame_is_refused_saying_where_and_what_was_expected(
    frame: str, code: str, field: str, words: str
) -> None:
    with pytest.raises(WireError) as caught:
        read(frame, CLIENT, MAX_FRAME_BYTES)
    assert caught.value.code == code
    assert caught.value.field == field
    assert words in caught.value.message


def test_an_argument_longer_than_a_save_holds_is_refused() -> None:
    frame = {
        "v": 1,
        "type": "act",
        "seq": 1,
        "turn": 1,
        "decision": "d",
        "move": {"role": "rusk", "option": "o", "argument": "x" * 601},
    }
    with pytest.raises(
        WireError, match=r"\$.move.argument: too long \(601 characters; at most 600\)"
    ):
        read(json.dumps(frame), CLIENT, MAX_FRAME_BYTES)


def test_codes_are_read_as_students_type_them() -> None:
    assert normal_code("kmr 472") == normal_code("KMR472") == normal_code(" kmr-472 ") == "KMR-472"


def test_every_observation_of_a_whole_game_survives_the_codec_for_every_seat() -> None:
    scenario = load_path(TINY)
    views = SeatViews(scenario, TINY.read_text(encoding="utf-8"))
    autopilot = Autopilot(scenario)
    humans = {role.id: role.name for role in scenario.roles}
    state, _ = autopilot.start(3, humans)
    previous: dict[str, object] = {}
    sent: dict[str, list[object]] = {role: [] for role in humans}
    while True:
        for role in humans:
            seen = observe(autopilot.rules, state, role)
            reader = codec.Reader(load_text(views.text(role, state.ended)))
            keep = codec.delta(sent[role], seen.log, lambda a, b: a is b)
            log = {"keep": keep, "add": [codec.encode_record(r) for r in seen.log[keep:]]}
            data = json.loads(json.dumps(codec.encode_observation(seen, log, (0, seen.timeline))))
            back = reader.observation(data, previous.get(role))  # type: ignore[arg-type]
            assert back == seen
            previous[role], sent[role] = back, list(seen.log)
        if state.ended:
            break
        turn = autopilot.rules.to_act(state)
        item = observe(autopilot.rules, state, turn.role).item
        assert item is not None and turn.role is not None
        state, _ = autopilot.act(state, Action(turn.role, item.offered[-1].id, "because"))


def test_an_observation_naming_what_the_seat_cannot_know_is_refused() -> None:
    scenario = load_path(TINY)
    views = SeatViews(scenario, TINY.read_text(encoding="utf-8"))
    autopilot = Autopilot(scenario)
    state, _ = autopilot.start(3, {"mayor": "Ann"})
    seen = observe(autopilot.rules, state, "mayor")
    data = codec.encode_observation(
        seen, {"keep": 0, "add": [codec.encode_record(r) for r in seen.log]}, (0, seen.timeline)
    )
    data["objectives"] = [["no_inspection", True]]  # the harbourmaster's, not the mayor's
    reader = codec.Reader(load_text(views.text("mayor", False)))
    with pytest.raises(WireError, match=r"\$.observation.objectives\[0\]: mayor has no objective"):
        reader.observation(data, None)
    data["objectives"] = []
    data["log"]["keep"] = 5
    with pytest.raises(WireError, match=r"log.keep: 5 kept, but only 0 were sent"):
        reader.observation(data, None)


def test_a_seat_view_keeps_its_own_secrets_and_no_one_elses() -> None:
    scenario = load_path(MEETING)
    views = SeatViews(scenario, MEETING.read_text(encoding="utf-8"))
    data = yaml.safe_load(views.text("rusk", False))
    roles = {role["id"]: role for role in data["roles"]}
    assert roles["rusk"]["briefing"].rstrip() == scenario.role("rusk").briefing.rstrip()
    assert roles["rusk"]["objectives"]
    assert roles["mcnamara"]["briefing"] == PRIVATE_BRIEFING
    assert "objectives" not in roles["mcnamara"]
    hidden = next(v for v in data["variables"] if v["id"] == "undisclosed_warheads")
    assert hidden["initial"] == 0 and "description" not in hidden
    assert "#" not in views.text("rusk", False).split("\n")[0]  # no author comments travel
    ended = yaml.safe_load(views.text("rusk", True))
    ended_roles = {role["id"]: role for role in ended["roles"]}
    assert ended_roles["mcnamara"]["objectives"]
    assert ended_roles["mcnamara"]["briefing"] == PRIVATE_BRIEFING
    assert next(v for v in ended["variables"] if v["id"] == "undisclosed_warheads")["initial"] == 98


def test_a_view_that_would_not_read_back_the_same_is_refused() -> None:
    text = TINY.read_text(encoding="utf-8").replace(
        "    bio: Counts the cost of every tug.", "    bio: 017"
    )
    scenario = load_text(text)
    assert scenario.role("treasurer").bio == "017"  # the loader keeps the source text
    views = SeatViews(scenario, text)
    with pytest.raises(ViewError, match=r"scenario.roles\[2\].bio"):
        views.text(None, False)
