"""A saved game in a line or three: where it stands, who played, how it ended, whence it came.

The title's Continue line and the load list say the same things in the same words:
"ExComm Meeting No. 19 as Kennedy, item 7, Monday 5 November 1962". Built on the
replayed summary (``saves.summary``), never on a file name. Pure: no Textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping

from excomm_sim.saves.summary import SaveSummary
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.names import found, short_title, surname
from excomm_sim.story.text import counted, date_text, short_stamp_text


def seats_text(scenario: Scenario, humans: Mapping[str, str]) -> str:
    """'Kennedy', 'Kennedy and Rusk', 'Kennedy, Rusk and Taylor': the seats people took."""
    names = []
    for role_id in humans:
        role = found(scenario.role, role_id)
        names.append(surname(role.name) if role is not None else role_id)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def players_text(scenario: Scenario | None, humans: Mapping[str, str]) -> str:
    """'Kennedy: Ana; Rusk: Ben', or the role ids where the scenario is not at hand."""
    parts = []
    for role_id, player in humans.items():
        role = found(scenario.role, role_id) if scenario is not None else None
        parts.append(f"{surname(role.name) if role is not None else role_id}: {player}")
    return "; ".join(parts)


def standing_text(summary: SaveSummary) -> str:
    """'item 7, Monday 5 November 1962', the point the game had reached."""
    text = f"item {summary.item}" if summary.item else "before the first item"
    return f"{text}, {date_text(summary.date)}" if summary.date is not None else text


def continue_parts(summary: SaveSummary) -> tuple[str, str]:
    """('Continue: ExComm Meeting No. 19 as Kennedy', 'item 7, Monday 5 November 1962')."""
    assert summary.save is not None and summary.scenario is not None
    seats = seats_text(summary.scenario, summary.save.humans)
    return f"Continue: {short_title(summary.scenario)} as {seats}", standing_text(summary)


def continue_text(summary: SaveSummary) -> str:
    """'Continue: ExComm Meeting No. 19 as Kennedy, item 7, Monday 5 November 1962'."""
    return ", ".join(continue_parts(summary))


def outcome_text(summary: SaveSummary) -> str:
    """'finished: Quiet settlement' or 'unfinished', and how many moves were made."""
    state = f"finished: {summary.ending.title}" if summary.ending is not None else "unfinished"
    return f"{state} · {counted(summary.moves, 'move')}"


def branch_text(summary: SaveSummary) -> str:
    """'branch of meeting19-20261201-214252.json at move 4', or '' for a game of its own."""
    save = summary.save
    if save is None or save.branched_from is None:
        return ""
    return f"branch of {save.branched_from.save} at move {save.branched_from.turn}"


def row_lines(summary: SaveSummary) -> list[str]:
    """The load list's entry: title and seats, where it stands, its ending, its origin.

    An entry whose scenario cannot be loaded still names its file, players and moves, so
    the player can tell which game it was and rename or delete it.
    """
    save = summary.save
    if save is None:
        return [summary.path.name, f"cannot be read: {summary.problem}"]
    if summary.scenario is None or summary.problem:
        return [
            f"{summary.path.name} · {save.scenario_id}",
            f"{players_text(summary.scenario, save.humans)} · {counted(summary.moves, 'move')}",
            f"cannot be opened: {summary.problem}",
        ]
    lines = [
        f"{short_title(summary.scenario)} · {players_text(summary.scenario, save.humans)}",
        f"{standing_text(summary)} · {outcome_text(summary)}",
        f"{summary.path.name} · saved {short_stamp_text(save.updated)}",
    ]
    branch = branch_text(summary)
    if branch:
        lines.append(branch)
    return lines
