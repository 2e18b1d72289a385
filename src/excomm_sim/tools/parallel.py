"""Run a simulation across worker processes and merge their tallies.

Where the platform can fork (Linux, macOS with ``fork`` available), workers are forked from
this process and inherit the scenario already loaded: no interpreter start, no import, no
second load, so two workers are close to twice as fast even on short runs. Elsewhere they
are spawned, and each loads the scenario from its file once (compiled scenarios hold
closures and cannot be pickled). Either way workers play chunks of game indices, chunks are
merged in index order, and tallies are integer sums: the result is identical to a
single-process run whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from excomm_sim.scenario.model import Scenario
from excomm_sim.tools.simulate import SimulationSpec, Simulator, Tally, chunks, simulate

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

_worker: Simulator | None = None


def _init_forked(scenario: Scenario, spec: SimulationSpec) -> None:
    global _worker
    _worker = Simulator(scenario, spec)


def _init_spawned(path: str, spec: SimulationSpec) -> None:
    from excomm_sim.scenario.load import load_path

    global _worker
    _worker = Simulator(load_path(Path(path)), spec)


def _run_chunk(bounds: tuple[int, int]) -> Tally:
    assert _worker is not None, "worker not initialised"
    return _worker.run(range(*bounds))


def chunk_size(runs: int, workers: int) -> int:
    """About eight chunks per worker (even load, frequent progress), 50 to 2,000 games."""
    return max(50, min(2_000, runs // (workers * 8) or 1))


def simulate_file(
    path: Path,
    runs: int,
    spec: SimulationSpec,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    chunk: int | None = None,
    scenario: Scenario | None = None,
) -> Tally:
    """Simulate ``runs`` games of the scenario at ``path`` on ``workers`` processes.

    Pass ``scenario`` when it is already loaded from ``path`` to save loading it again.
    """
    if scenario is None:
        from excomm_sim.scenario.load import load_path

        scenario = load_path(path)
    if workers <= 1:
        return simulate(scenario, runs, spec, progress, chunk or 500)
    bounds = [(r.start, r.stop) for r in chunks(runs, chunk or chunk_size(runs, workers))]
    context: BaseContext
    init: Callable[..., None]  # the initialiser and its arguments differ by start method
    initargs: tuple[object, ...]
    if "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        init, initargs = _init_forked, (scenario, spec)
    else:
        context = multiprocessing.get_context("spawn")
        init, initargs = _init_spawned, (str(path), spec)
    tally = Tally()
    with context.Pool(workers, initializer=init, initargs=initargs) as pool:
        for part in pool.imap(_run_chunk, bounds):  # imap keeps chunk order
            tally.merge(part)
            if progress is not None:
                progress(tally.games)
    return tally
