"""The save fuzzer: damaged saves and special files through replay, report, class-report, the TUI.

Every mutant (truncated, bit-flipped, edited field by field: versions, hashes, illegal
actions, names with escapes; deep and huge JSON; and files that are not files) must give
each command a result or one clear message (exit 0 or 2), never a traceback, a hang, or a
raw control character on the terminal; the TUI's load list must list every file, the
broken ones with their reason.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from excomm_sim.cli import main
from excomm_sim.saves import write_save
from excomm_sim.saves.summary import ScenarioCache, summarize_saves
from excomm_sim.scenario.characters import CONTROL
from excomm_sim.tui.screens.saves import save_prompt
from fuzzing.save_mutants import mutant_bytes, special_files
from saves.conftest import STANDOFF

CASES = 240
"""Damaged saves per run (half edited as JSON, half damaged as bytes): a few seconds."""


@pytest.fixture(scope="module")
def mutants(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A class's saves folder: the scenario, one good save, the mutants, the special files."""
    from excomm_sim.saves import new_save, with_actions
    from excomm_sim.scenario.load import load_path
    from saves.conftest import NOW, play_actions

    folder = tmp_path_factory.mktemp("class")
    shutil.copy(STANDOFF, folder / "standoff.yaml")
    standoff = load_path(folder / "standoff.yaml")
    humans = {"governor": "Ann", "admiral": "Bo"}
    actions = play_actions(standoff, humans, lambda prompt: prompt.options[-1].option.id)
    good = with_actions(new_save(standoff, 7, humans, NOW), actions, NOW)
    write_save(folder / "good.json", good)
    base = (folder / "good.json").read_bytes()
    for number in range(CASES):
        (folder / f"case-{number:03}.json").write_bytes(mutant_bytes(base, number))
    special = special_files(folder)
    released = threading.Event()

    def release_blocked_readers() -> None:  # a regression then fails instead of hanging
        if not released.wait(timeout=120):
            for path in special:
                if path.name == "pipe.json":
                    with open(path, "wb"):
                        pass

    threading.Thread(target=release_blocked_readers, daemon=True).start()
    yield folder
    released.set()


def _saves(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.name.endswith(".json"))


def _clean(text: str) -> None:
    control = CONTROL.search(text)
    assert control is None, f"raw control character {control.group()!r} in {text[:200]!r}"
    assert "Traceback" not in text


@pytest.mark.parametrize(
    "command",
    [["replay", "--plain"], ["report"], ["report", "--format", "html"]],
    ids=["replay", "report-md", "report-html"],
)
def test_every_damaged_save_gets_a_result_or_one_message(
    mutants: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    codes: dict[int, int] = {}
    for path in _saves(mutants):
        code = main([*command, str(path), "--scenarios", str(mutants)])
        out, err = capsys.readouterr()
        _clean(out + err)
        assert code in (0, 2), (path.name, code, err)
        assert code == 0 or err.strip(), path.name
        codes[code] = codes.get(code, 0) + 1
    assert codes.get(0, 0) >= 1 and codes.get(2, 0) >= CASES // 4, codes


def test_class_report_over_every_damaged_save_lists_each_bad_one(
    mutants: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("md", "csv", "html"):
        code = main(["class-report", str(mutants), "--format", fmt])
        out, err = capsys.readouterr()
        _clean(out + err)
        assert code == 0
    assert "pipe.json" in out and "loop-a.json" in out and "good.json" not in out


def test_the_tui_load_list_lists_every_file_with_a_reason_for_each_bad_one(
    mutants: Path,
) -> None:
    entries = summarize_saves(mutants, ScenarioCache([mutants]))
    listed = {entry.path.name for entry in entries}
    assert {path.name for path in _saves(mutants)} - listed <= {"folder.json"}
    for entry in entries:
        _clean(save_prompt(entry).plain)
        if entry.path.name != "good.json" and entry.save is None:
            assert entry.problem
    assert any(entry.path.name == "good.json" and not entry.problem for entry in entries)


async def test_the_tui_load_list_shows_the_damaged_folder_and_stays_responsive(
    mutants: Path,
) -> None:
    from excomm_sim.tui.app import ExcommApp
    from excomm_sim.tui.screens.saves import SavesScreen
    from excomm_sim.tui.screens.title import TitleScreen
    from tui.conftest import settle

    app = ExcommApp(saves_dir=mutants, scenarios_dir=mutants, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SavesScreen)
        assert len(screen.entries) >= CASES
        await pilot.press("enter")  # the newest readable save: open it to play on
        await settle(pilot)
        assert not isinstance(app.screen, SavesScreen) or app.screen is not screen
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert any(isinstance(s, TitleScreen) for s in app.screen_stack)
