"""The order of screens, decided without Textual: ``GameFlow`` over a local session and
``MenuFlow`` over the title's menus."""

from __future__ import annotations

from pathlib import Path

from excomm_sim.engine.moves import Action
from excomm_sim.scenario.model import Scenario
from excomm_sim.session import GameSession
from excomm_sim.tui.flow import menus
from excomm_sim.tui.flow.game import GameFlow
from excomm_sim.tui.flow.steps import Briefing, Consequences, Decision, Handover
from excomm_sim.tui.opening import Opened

SEED = 1962


def session(tiny: Scenario, humans: dict[str, str]) -> GameSession:
    return GameSession.new(tiny, SEED, humans, saves_dir=None)


def test_a_solo_player_reads_the_briefing_then_decides(tiny: Scenario) -> None:
    flow = GameFlow(session(tiny, {"mayor": "Ann"}))
    assert flow.start() == Briefing("mayor", "Ann", last=True)
    step = flow.briefing_read("mayor")
    assert isinstance(step, Decision) and step.observation.to_act.role == "mayor"


def test_hot_seat_hands_the_screen_over_before_every_private_screen(tiny: Scenario) -> None:
    flow = GameFlow(session(tiny, {"mayor": "Ann", "harbourmaster": "Ben"}))
    assert flow.start() == Handover("mayor", "Ann")
    assert flow.handed_over("mayor") == Briefing("mayor", "Ann", last=False)
    assert flow.briefing_read("mayor") == Handover("harbourmaster", "Ben")
    assert flow.handed_over("harbourmaster") == Briefing("harbourmaster", "Ben", last=True)
    room = flow.briefing_read("harbourmaster")
    assert isinstance(room, Decision) and room.observation.to_act.role == "harbourmaster"
    records = flow.session.act(Action("harbourmaster", room.observation.item.offered[0].id))
    assert flow.acted("harbourmaster", records) == Handover("mayor", "Ann")


def test_a_decision_shows_what_happened_before_the_next_item(tiny: Scenario) -> None:
    flow = GameFlow(session(tiny, {"mayor": "Ann"}), briefed=True)
    room = flow.start()
    assert isinstance(room, Decision)
    records = flow.session.act(Action("mayor", room.observation.item.offered[0].id))
    step = flow.acted("mayor", records)
    assert isinstance(step, Consequences) and step.records
    assert isinstance(flow.consequences_read(), Decision)


def test_news_from_elsewhere_leaves_a_decision_in_progress_alone(tiny: Scenario) -> None:
    flow = GameFlow(session(tiny, {"mayor": "Ann"}), briefed=True)
    assert isinstance(flow.start(), Decision)
    assert flow.moved_on(()) is None


def test_new_game_goes_to_setup_with_a_scenario_and_to_the_picker_without(
    tiny: Scenario, tiny_path: Path
) -> None:
    assert menus.MenuFlow(tiny, tiny_path, SEED).new_game() == menus.Setup(tiny, tiny_path, SEED)
    assert menus.MenuFlow(None, None, SEED).new_game() == menus.ScanScenarios()


def test_continue_without_a_save_says_so(tiny: Scenario) -> None:
    flow = menus.MenuFlow(tiny, None, SEED)
    assert flow.continue_latest() == menus.FindLatest()
    step = flow.latest_found(None)
    assert isinstance(step, menus.Notice) and "no unfinished game" in step.text


def test_an_opened_save_is_replayed_or_played_on_and_a_bad_one_told(
    tiny: Scenario, tmp_path: Path
) -> None:
    flow = menus.MenuFlow(tiny, None, SEED)
    save = session(tiny, {"mayor": "Ann"}).save
    path = tmp_path / "a.json"
    assert flow.opened(Opened(save, tiny), path, "replay") == menus.Replay(save, tiny, path)
    assert flow.opened(Opened(save, tiny), path, "load") == menus.PlayOn(save, tiny, path)
    told = flow.opened(Opened(problem="a.json: not a save"), path, "load")
    assert told == menus.Notice("a.json: not a save", "Cannot open this save", "error")


def test_a_branch_plays_on_in_a_file_of_its_own(tiny: Scenario, tmp_path: Path) -> None:
    from excomm_sim.tui.flow.tasks import play_on

    played = session(tiny, {"mayor": "Ann"})
    room = GameFlow(played, briefed=True).start()
    assert isinstance(room, Decision)
    played.act(Action("mayor", room.observation.item.offered[0].id))
    task = menus.MenuFlow(tiny, None, SEED).branch(played.save, tiny)
    resumed = play_on(task, tmp_path, None)
    assert resumed.session is not None and resumed.session.path is not None
    assert resumed.session.path.parent == tmp_path and resumed.session.path.stat().st_size
    assert len(resumed.session.actions) == 1
