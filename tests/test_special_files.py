"""No command blocks on, reads far into, or echoes a file that is not a scenario or a save.

A named pipe called ``*.yaml`` or ``*.json`` used to block ``validate``, ``check``,
``simulate``, ``replay``, ``report`` and ``class-report`` for ever; a save naming a 3 GB
file as its scenario made ``replay`` read it whole; one naming ``/etc/passwd`` showed its
first line. Each command runs in a subprocess with a time limit (a hang fails the test
instead of stopping the suite) and, for the large file, a memory limit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from excomm_sim.saves import new_save, write_save
from excomm_sim.scenario.load import load_path

FIXTURE = Path(__file__).parent / "saves" / "fixtures" / "standoff.yaml"
TIMEOUT = 60
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
SCENARIO_COMMANDS = [
    ["validate"],
    ["check"],
    ["simulate", "--runs", "1"],
    ["graph"],
    ["play", "--plain"],
]
SAVE_COMMANDS = [["replay", "--plain"], ["report"], ["class-report"]]


def excomm(*args: str | Path, home: Path, memory: int | None = None) -> tuple[int, str]:
    """Run the installed command line; (exit code, stdout and stderr together)."""

    def limit_memory() -> None:  # pragma: no cover - runs in the child
        import resource

        assert memory is not None
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    result = subprocess.run(
        [sys.executable, "-m", "excomm_sim", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "EXCOMM_SIM_HOME": str(home)},
        preexec_fn=limit_memory if memory else None,
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    return result.returncode, output


def save_naming(tmp_path: Path, scenario_path: str, scenario_id: str = "nowhere") -> Path:
    """A save of a real game (one move made: a save with none is ignored as a game opened
    and left) whose scenario is recorded as ``scenario_path``."""
    import datetime as dt

    import attrs

    from excomm_sim.engine.moves import Action

    save = new_save(load_path(FIXTURE), 1, {"governor": "Ann"}, dt.datetime(2026, 1, 1))
    save = attrs.evolve(save, actions=(Action("governor", "talk"),))
    path = tmp_path / "saves" / "game.json"
    write_save(path, save)
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(scenario_path=scenario_path, scenario_id=scenario_id)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@needs_fifo
@pytest.mark.parametrize(
    ("name", "command"),
    [
        *(("pipe.yaml", command) for command in SCENARIO_COMMANDS),
        *(("pipe.json", command) for command in SAVE_COMMANDS),
    ],
    ids=lambda value: value if isinstance(value, str) else "-".join(value),
)
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, name: str, command: list[str]) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    code, output = excomm(*command, fifo, home=tmp_path)
    assert code == 2
    assert "is not a regular file: it is a named pipe (FIFO)" in output


@needs_fifo
def test_a_named_pipe_among_a_class_saves_is_skipped(tmp_path: Path) -> None:
    folder = save_naming(tmp_path, "", "standoff").parent
    os.mkfifo(folder / "pipe.json")
    code, output = excomm("class-report", folder, home=tmp_path)
    assert "pipe.json`: is not a regular file: it is a named pipe (FIFO)" in output
    assert code == 2  # the one real save's scenario (a test fixture) is not bundled


@pytest.mark.parametrize(
    "command", [["validate"], ["play", "--plain"], ["replay", "--plain"], ["class-report"]]
)
def test_a_symbolic_link_loop_is_called_one(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    code, output = excomm(*command, tmp_path / "a.yaml", home=tmp_path)
    assert code == 2
    assert "is a symbolic link that loops back on itself" in output
    assert "no such file" not in output


@pytest.mark.skipif(sys.platform != "linux", reason="needs RLIMIT_AS as Linux applies it")
@pytest.mark.parametrize("command", [["replay", "--plain"], ["class-report"]])
def test_a_save_naming_a_huge_file_never_reads_it_whole(tmp_path: Path, command: list[str]) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(3 * 1024**3)
    save = save_naming(tmp_path, str(huge))
    code, output = excomm(*command, save, home=tmp_path, memory=1024**3)
    assert code == 2
    assert "does not load" in output


@pytest.mark.parametrize("command", [["replay", "--plain"], ["report"], ["class-report"]])
@pytest.mark.parametrize("name", ["passwd", "secret.yaml"])
def test_a_save_naming_another_file_never_shows_what_it_holds(
    tmp_path: Path, command: list[str], name: str
) -> None:
    secret = tmp_path / name
    secret.write_text("root:x:0:0:TOP SECRET:/root:/bin/bash\n", encoding="utf-8")
    code, output = excomm(*command, save_naming(tmp_path, str(secret)), home=tmp_path)
    assert code == 2
    assert "TOP SECRET" not in output and "root:x" not in output
