"""Terminal escapes in a save (a player's name, a note, a file name) never reach a terminal raw.

They used to: ``replay --plain`` and the Markdown report printed a name holding
``ESC ]0;...BEL`` (which sets the window title) or ``ESC [2J`` (which clears the screen).
The reader now refuses control characters in names, and every text output escapes any
that arrive all the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from excomm_sim.cli import main
from excomm_sim.reports.after_action import render_markdown
from excomm_sim.reports.html import render_html
from excomm_sim.reports.plain import render_plain
from excomm_sim.saves import write_save
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.timeline import build_timeline
from saves.conftest import FIXTURES, PlayFn

TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J\x9b2J"


def _edited(tmp_path: Path, played: PlayFn, **changes: object) -> Path:
    path = tmp_path / "saves" / "game.json"
    write_save(path, played())
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["replay", "--plain"], ["report"], ["class-report"]])
def test_a_save_with_escapes_in_a_name_is_refused_and_the_message_shows_them_escaped(
    tmp_path: Path, played: PlayFn, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    save = _edited(tmp_path, played, humans={"governor": f"Ann{TITLE}{CLEAR}"})
    scenarios = [] if command == ["class-report"] else ["--scenarios", str(FIXTURES)]
    code = main([*command, str(save), *scenarios])
    out, err = capsys.readouterr()
    assert code == 2
    assert "\x1b" not in out + err and "\x07" not in out + err and "\x9b" not in out + err
    assert "contains the control character U+001B (ESC)" in out + err


def test_a_file_name_with_escapes_is_shown_escaped(
    tmp_path: Path, played: PlayFn, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / f"x{TITLE}.json").write_text("not a save", encoding="utf-8")
    main(["class-report", str(folder)])
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "x\\x1b]0;pwned\\x07.json" in out + err


def _timeline_with(standoff: Scenario, played: PlayFn, **changes: object):  # type: ignore[no-untyped-def]
    """A timeline whose save holds what the reader would refuse (built in memory)."""
    save = attrs.evolve(played(), **changes)
    return build_timeline(save, standoff)


@pytest.mark.parametrize("render", ["plain", "markdown", "html"])
def test_every_report_escapes_control_characters_whatever_the_save_holds(
    standoff: Scenario, played: PlayFn, render: str
) -> None:
    timeline = _timeline_with(
        standoff, played, humans={"governor": f"Ann{TITLE}"}, note=f"see {CLEAR} here"
    )
    if render == "plain":
        text = render_plain(timeline, "game.json")
    elif render == "markdown":
        text = render_markdown(timeline, "game.json", "made by a test")
    else:
        text = render_html(timeline, "game.json", "made by a test")
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "Ann\\x1b]0;pwned\\x07" in text
