"""A whole 9-seat meeting-19 game over the network, held to the same game played locally,
and every frame each seat received inspected for the others' secrets."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import yaml

from excomm_sim.engine.observe import observe
from excomm_sim.saves import read_save
from excomm_sim.saves.moves import from_data
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Display, Scenario
from excomm_sim.session import GameSession
from server.hosting import BOUND, MEETING, client, play_seat, running_host


async def test_nine_students_play_meeting_19_to_the_end_as_it_plays_locally(
    tmp_path: Path,
) -> None:
    scenario = load_path(MEETING)
    roles = [role.id for role in scenario.roles]
    frames: dict[str, list[str]] = {role: [] for role in roles}
    async with running_host(tmp_path, MEETING) as host, asyncio.timeout(BOUND):
        clients = {role: client(host, host.code(), frames[role]) for role in roles}
        for role, seat_client in clients.items():
            await seat_client.join()
            await seat_client.sit(role, f"Student {role}")
        status, _ = await host.control(1, "start")
        assert status == 200
        await asyncio.gather(*(play_seat(clients[role], role) for role in roles))
        table = host.classroom.tables[1]
        server_state = table.state
        for _ in range(100):  # the save is written just after the last move
            if table.saved_as:
                break
            await asyncio.sleep(0.05)
        finals = {role: clients[role].observation for role in roles}
        for seat_client in clients.values():
            await seat_client.close()
        moves_in_store = _stored_moves(host.store_path)

    assert server_state is not None and server_state.ended
    # The same moves, played on this machine, give the same game.
    local = GameSession.new(scenario, table.seed, table.humans, saves_dir=None)
    for move in moves_in_store:
        local.act(move)
    assert local.state.slots == server_state.slots
    assert local.state.log == server_state.log
    assert len(moves_in_store) == table.revision > 100
    # Each student ends with exactly the observation a local game gives that seat.
    for role in roles:
        assert finals[role] == observe(local.rules, local.state, role)
    # The game is an ordinary save in the class folder, and replays to the same end.
    save = read_save(Path(table.saved_as))
    assert tuple(save.actions) == tuple(moves_in_store)
    assert save.seed == table.seed
    _no_secrets_crossed(scenario, frames)


def _stored_moves(store_path: Path) -> list[Any]:
    import sqlite3

    with sqlite3.connect(store_path) as db:
        rows = db.execute("select move from moves order by idx").fetchall()
    return [
        from_data(json.loads(move), f"move {n}", 2, lambda value, where, **_: value)
        for n, (move,) in enumerate(rows)
    ]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [" ".join(value.split())]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _fragments(text: str) -> list[str]:
    """Pieces of a secret text long enough to be its own (sentences of 30+ characters)."""
    normal = " ".join(text.split())
    return [piece.strip() for piece in normal.split(". ") if len(piece.strip()) >= 30]


def _no_secrets_crossed(scenario: Scenario, frames: dict[str, list[str]]) -> None:
    hidden = [v for v in scenario.variables if v.display is Display.HIDDEN]
    assert hidden, "meeting 19 has a hidden variable to keep hidden"
    checked = 0
    for role, texts in frames.items():
        others = [r for r in scenario.roles if r.id != role]
        ended = False
        own_briefing_seen = False
        for text in texts:
            data = json.loads(text)
            if data["type"] == "scenario":  # the view changes only at the end: the reveal
                ended = True
            strings = _strings(data)
            for key in ("scenario",):
                if key in data:
                    view = yaml.safe_load(data[key])
                    strings += _strings(view)
                    for variable in view["variables"]:
                        if variable.get("display") == "hidden" and not ended:
                            real = scenario.variable(variable["id"])
                            assert "description" not in variable
                            assert variable["initial"] == real.minimum
            observation = data.get("observation")
            if observation is not None:
                ended = observation["ending"] is not None
                if not ended:
                    for variable in hidden:
                        assert variable.id not in observation["values"]
                        for point in observation["timeline"]["add"]:
                            assert variable.id not in point
                        for record in observation["log"]["add"]:
                            assert record.get("variable") != variable.id
            blob = "\n".join(strings)
            for other in others:
                for fragment in _fragments(other.briefing):
                    assert fragment not in blob, f"{other.id}'s briefing reached {role}"
                    checked += 1
                if not ended:
                    own = {o.text for o in scenario.role(role).objectives}
                    for objective in other.objectives:
                        if objective.text in own:  # two roles may share an aim
                            continue
                        assert " ".join(objective.text.split()) not in blob, (
                            f"{other.id}'s objective reached {role} during play"
                        )
            mine = scenario.role(role)
            if any(fragment in blob for fragment in _fragments(mine.briefing)):
                own_briefing_seen = True
        assert own_briefing_seen, f"{role} never received its own briefing: the check is blind"
        assert ended, f"{role} never saw the end"
    assert checked > 1000
