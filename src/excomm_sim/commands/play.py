"""``excomm-sim play``: open the game in the terminal UI, or play it as plain text.

``--plain`` plays line by line over stdin/stdout (pipes, scripts, screen readers); without
it the Textual app runs (imported only then, so the other commands never load Textual).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from excomm_sim.scenario.characters import visible

if TYPE_CHECKING:
    from collections.abc import Callable

    from excomm_sim.engine.moves import Action
    from excomm_sim.scenario.model import Scenario

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "scenario",
        nargs="?",
        metavar="SCENARIO",
        help="a scenario file, or the name of one in --scenarios DIR or bundled "
        "(default: the bundled meeting19)",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="play line by line over stdin/stdout (no screen control: pipes, screen readers)",
    )
    parser.add_argument(
        "--role",
        action="append",
        metavar="ROLE",
        dest="roles",
        help="the role you play (default: the president); ROLE=NAME names the player; "
        "repeat for hot-seat play with several people",
    )
    parser.add_argument(
        "--seed", type=seed_value, help="the game's random seed (default: a fresh one, shown)"
    )
    parser.add_argument("--scenarios", type=Path, metavar="DIR", help="a folder of scenarios")
    parser.add_argument("--saves", type=Path, metavar="DIR", help="where saved games go")
    parser.add_argument(
        "--watch",
        action="store_true",
        help="author mode: reload the scenario when its file changes and fast-forward "
        "to the same decision (TUI)",
    )
    parser.add_argument(
        "--spectate",
        action="store_true",
        help="with --plain: watch the computer play every role (no --role)",
    )


def resolve_scenario(name: str | None, scenarios_dir: Path | None) -> Path | None:
    """The scenario file for ``name`` (a path, or a stem in the folder or bundled), or None."""
    from excomm_sim.paths import bundled_scenario, bundled_scenarios_dir

    if name is None:
        return bundled_scenario()
    path = Path(name)
    if path.is_file():
        return path
    stem = path.stem if path.suffix in (".yaml", ".yml") else name
    for folder in (scenarios_dir, bundled_scenarios_dir()):
        if folder is None:
            continue
        for suffix in (".yaml", ".yml"):
            candidate = folder / f"{stem}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def not_found(name: str | None) -> str:
    """Why no scenario was found for ``name``: what the path is, if it is there at all."""
    from excomm_sim.scenario.userfiles import file_problem

    if name is not None and os.path.lexists(name):
        return visible(f"excomm-sim: {name}: {file_problem(name) or 'cannot be read'}")
    return visible(f"excomm-sim: no scenario {name!r} found")


def seed_value(text: str) -> int:
    """``--seed``: an integer a save can record (argparse reports anything else)."""
    from excomm_sim.scenario.limits import SEED_MAX, SEED_MIN

    try:
        seed = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not SEED_MIN <= seed <= SEED_MAX:
        raise argparse.ArgumentTypeError(f"a seed is between {SEED_MIN} and {SEED_MAX}")
    return seed


def parse_roles(values: list[str]) -> dict[str, str]:
    """``["president", "mcnamara=Ann"]`` -> role id -> player name.

    Raises ValueError naming a name that a save could not hold (too long, control
    characters), before a game starts that could not be saved.
    """
    from excomm_sim.saves.reading import player_name_problem

    humans: dict[str, str] = {}
    for number, value in enumerate(values, start=1):
        role, _, name = value.partition("=")
        name = name.strip() or f"Player {number}"
        problem = player_name_problem(name)
        if problem is not None:
            raise ValueError(f"--role {role.strip()}=...: {problem}")
        humans[role.strip()] = name
    return humans


def fresh_seed() -> int:
    """A new seed from the operating system (the shell may use entropy; the engine never)."""
    import secrets

    return secrets.randbelow(1_000_000)


def run(args: argparse.Namespace) -> int:
    if not args.plain:
        return _run_tui(args)
    return _run_plain(args)


def _run_tui(args: argparse.Namespace) -> int:
    try:
        from excomm_sim.tui.app import run_game
    except ImportError as error:
        print(
            f"excomm-sim: the terminal interface is not available ({error}); "
            "play with --plain instead",
            file=sys.stderr,
        )
        return EXIT_USAGE
    scenario_path = None
    if args.scenario is not None:
        scenario_path = resolve_scenario(args.scenario, args.scenarios)
        if scenario_path is None:
            print(not_found(args.scenario), file=sys.stderr)
            return EXIT_USAGE
    return int(
        run_game(
            scenario_path=scenario_path,
            roles=tuple(args.roles or ()),
            seed=args.seed,
            scenarios_dir=args.scenarios,
            saves_dir=args.saves,
            watch=args.watch,
        )
    )


def _run_plain(args: argparse.Namespace) -> int:
    from excomm_sim.plain import play_plain
    from excomm_sim.scenario.expr import EvalError
    from excomm_sim.scenario.load import ScenarioError, load_path

    path = resolve_scenario(args.scenario, args.scenarios)
    if path is None:
        print(not_found(args.scenario), file=sys.stderr)
        return EXIT_USAGE
    try:
        scenario = load_path(path)
    except ScenarioError as error:
        for problem in error.problems:
            print(visible(str(problem)), file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as error:
        message = f"excomm-sim: cannot read {path}: {error.strerror or error}"
        print(visible(message), file=sys.stderr)
        return EXIT_USAGE
    try:
        humans = {} if args.spectate else parse_roles(args.roles or [scenario.president.id])
    except ValueError as error:
        print(visible(f"excomm-sim play: {error}"), file=sys.stderr)
        return EXIT_USAGE
    role_ids = [role.id for role in scenario.roles]
    unknown = [role for role in humans if role not in role_ids]
    if unknown:
        print(
            f"excomm-sim: no role {unknown[0]!r} in {scenario.id}; "
            f"roles are: {', '.join(role_ids)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    seed = args.seed if args.seed is not None else fresh_seed()
    for stream in (sys.stdin, sys.stdout):
        if hasattr(stream, "reconfigure"):  # odd bytes or a narrow console never crash a game
            stream.reconfigure(errors="replace")
    saver = None
    if humans:
        saver = PlainSaver(scenario, seed, humans, args.saves, _scenario_path(args.scenario, path))
    try:
        code = play_plain(scenario, humans, seed, sys.stdin, sys.stdout, saver)
    except EvalError as error:  # ScenarioRuntimeError: the engine names the file:line:col
        sys.stdout.flush()
        print(visible(f"{error} (the game cannot go on: fix the scenario)"), file=sys.stderr)
        code = EXIT_PROBLEMS
    if saver is not None:
        saver.report()
    return code


def _scenario_path(name: str | None, path: Path) -> str:
    """What a save records as its scenario: "" for a bundled one, else the file's path."""
    from excomm_sim.paths import bundled_scenarios_dir

    if name is None or path.resolve().parent == bundled_scenarios_dir().resolve():
        return ""
    return str(path.resolve())


class PlainSaver:
    """Keeps a plain game's save file current after every move (as the TUI does).

    A write that fails (a full disk, a folder gone) never ends the game: the actions stay
    in memory, the previous save stays whole (writes are atomic), and the next decision
    tries again. One message says when saving stops and one when it works again, on
    stderr so the transcript on stdout stays clean.
    """

    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        humans: dict[str, str],
        saves_dir: Path | None,
        scenario_path: str,
    ) -> None:
        import datetime as dt

        from excomm_sim.paths import saves_dir as default_saves_dir
        from excomm_sim.saves import new_save

        self._now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
        self.save = new_save(scenario, seed, humans, self._now(), scenario_path=scenario_path)
        self.actions: list[Action] = []
        self.saves_dir = saves_dir or default_saves_dir()
        self.path: Path | None = None
        """The save file, named at the first move: a game quit before it leaves none."""
        self.failure: str | None = None
        """Why the last write failed, while saving is failing; None once it works."""

    def __call__(self, action: Action) -> None:
        from excomm_sim.saves import with_actions

        self.actions.append(action)
        self.save = with_actions(self.save, self.actions, self._now())
        self._write()

    def _write(self) -> None:
        from excomm_sim.saves import SaveError, save_path, write_save

        if self.path is None:
            self.path = save_path(self.saves_dir, self.save)
        try:
            write_save(self.path, self.save)
        except (SaveError, OSError) as error:
            if self.failure is None:
                print(
                    visible(
                        f"excomm-sim: the game is not being saved: {error}; "
                        "it will try again after each decision"
                    ),
                    file=sys.stderr,
                )
            self.failure = str(error)
            return
        if self.failure is not None:
            print(
                visible(f"excomm-sim: saving works again: the game is saved in {self.path}"),
                file=sys.stderr,
            )
        self.failure = None

    def report(self) -> None:
        if self.path is None:
            print("No decision was made, so nothing was saved.", file=sys.stderr)
        elif self.failure is None:
            print(
                visible(
                    f"Game saved in {self.path} (review it: excomm-sim replay {self.path.name})"
                ),
                file=sys.stderr,
            )
        else:
            print(
                visible(f"excomm-sim: the game could not be saved: {self.failure}"),
                file=sys.stderr,
            )
