"""Make the example games in saves/ and the golden records their replays are checked against.

    UPDATE_GOLDEN=1 python tests/saves/make_golden.py    # rewrite saves/*.json and goldens
    python tests/saves/make_golden.py                    # only report what would change

Each example is a course of play (a policy choosing for the human roles) on the bundled
scenario with a fixed seed and fixed timestamps, so regenerating gives the same bytes
unless the scenario or the engine changed. Regenerate only deliberately, after reading
the golden diff: it is the record of what a change did to real games.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import attrs
from attrs import frozen

from excomm_sim.engine.moves import Action
from excomm_sim.engine.observe import ItemView, observe
from excomm_sim.paths import bundled_scenario
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.saves import SaveGame, new_save, read_save, resume, with_actions, write_save
from excomm_sim.saves.format import to_json
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Position, Scenario

REPO = Path(__file__).resolve().parents[2]
SAVES = REPO / "saves"
GOLDEN = Path(__file__).resolve().parent / "golden"
PLAYED_AT = dt.datetime(2026, 1, 15, 14, 0, 0, tzinfo=dt.UTC)
SEED = 1962

Policy = Callable[[str, ItemView], str]
"""(the role that must act, the item as that seat sees it) -> option id."""


def history_course(role: str, item: ItemView) -> str:
    """The option history took when it is on offer, else the first on offer."""
    for option in item.offered:
        if option.history:
            return option.id
    return item.offered[0].id


def hawk_course(role: str, item: ItemView) -> str:
    """The hawkish option when there is one, else the middle course, else the first."""
    for lean in ("hawk", ""):
        for option in item.offered:
            if option.lean == lean:
                return option.id
    return item.offered[0].id


def own_stances(role: str, item: ItemView) -> str:
    """The option the prompted role itself favours most strongly, else history's."""
    best: tuple[int, str] | None = None
    for option in item.offered:
        for stance in option.stances:
            favours = stance.role == role and stance.position is Position.FAVOUR
            if favours and (best is None or stance.strength > best[0]):
                best = (stance.strength, option.id)
    return best[1] if best is not None else history_course(role, item)


@frozen
class Example:
    """One example game: file stem, human roles (id -> player name), policy, note."""

    name: str
    humans: Mapping[str, str]
    policy: Policy
    note: str


EXAMPLES = (
    Example(
        "history-president",
        {"president": "Example player"},
        history_course,
        "History's course: the President takes the option history took at every decision.",
    ),
    Example(
        "hawk-president",
        {"president": "Example player"},
        hawk_course,
        "A hawkish course: the President takes the hawkish option whenever there is one.",
    ),
    Example(
        "adviser-mcnamara",
        {"mcnamara": "Example student"},
        own_stances,
        "An adviser's game: McNamara recommends what he favours; the computer President decides.",
    ),
)


def play(scenario: Scenario, example: Example) -> SaveGame:
    """Play ``example`` to its end and return its save (fixed seed and timestamps)."""
    pilot = Autopilot(scenario)
    state, _ = pilot.start(SEED, dict(example.humans))
    actions: list[Action] = []
    while (role := pilot.rules.to_act(state).role) is not None:
        item = observe(pilot.rules, state, role).item
        assert item is not None
        action = Action(role, example.policy(role, item))
        actions.append(action)
        state, _ = pilot.act(state, action)
    save = new_save(scenario, SEED, example.humans, PLAYED_AT)
    save = with_actions(save, actions, PLAYED_AT)
    return attrs.evolve(save, note=example.note)


def golden_text(save: SaveGame, scenario: Scenario) -> str:
    """The replay's full log, final values, ending and scores, one fact per line."""
    resumed = resume(save, scenario)
    state = resumed.state
    lines = [f"# golden replay of {save.scenario_id} seed {save.seed}, {len(save.actions)} actions"]
    lines.append(f"applied {resumed.applied}; problem {resumed.problem}")
    lines.append("## log")
    lines.extend(repr(record) for record in state.log)
    lines.append("## final values")
    lines.extend(f"{key} = {state.values[key]!r}" for key in sorted(state.values))
    lines.append("## timeline")
    lines.extend(
        f"{index}: " + ", ".join(f"{key}={point[key]!r}" for key in sorted(point))
        for index, point in enumerate(state.timeline)
    )
    lines.append(f"## ending {state.ending}")
    lines.append("## scores")
    for role, score in sorted(resumed.autopilot.rules.scores(state).items()):
        met = " ".join(f"{objective.id}={'met' if ok else 'not'}" for objective, ok in score.met)
        lines.append(f"{role}: {score.points}/{score.possible} {met}")
    return "\n".join(lines) + "\n"


def bundled() -> Scenario:
    return load_path(bundled_scenario())


def main() -> int:
    update = os.environ.get("UPDATE_GOLDEN") == "1"
    scenario = bundled()
    changed = 0
    for example in EXAMPLES:
        save = play(scenario, example)
        save_file = SAVES / f"{example.name}.json"
        old = save_file.read_text(encoding="utf-8") if save_file.exists() else ""
        if old != to_json(save, written_by=_written_by()):
            changed += 1
            print(f"{'writing' if update else 'would change'}: {save_file.relative_to(REPO)}")
            if update:
                write_save(save_file, save)
    for save_file in sorted(SAVES.glob("*.json")):
        save = read_save(save_file) if save_file.exists() else None
        if save is None:
            continue
        golden = GOLDEN / f"{save_file.stem}.txt"
        text = golden_text(save, scenario)
        old = golden.read_text(encoding="utf-8") if golden.exists() else ""
        if old != text:
            changed += 1
            print(f"{'writing' if update else 'would change'}: {golden.relative_to(REPO)}")
            if update:
                golden.parent.mkdir(parents=True, exist_ok=True)
                golden.write_text(text, encoding="utf-8")
    if not changed:
        print("saves/ and goldens are up to date")
    return 1 if changed and not update else 0


def _written_by() -> str:
    from excomm_sim import __version__

    return f"excomm-sim {__version__}"


if __name__ == "__main__":
    sys.exit(main())
