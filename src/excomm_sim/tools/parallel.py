"""Run a simulation across worker processes (spawn-safe) and merge their tallies.

Compiled scenarios hold closures and cannot be pickled, so each worker loads the scenario
itself from its file once (in the pool initializer) and then plays chunks of game indices.
Chunks are merged in index order; tallies are integer sums, so the result is identical to a
single-process run whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path

from excomm_sim.tools.simulate import SimulationSpec, Simulator, Tally, chunks, simulate

_worker: Simulator | None = None


def _init_worker(path: str, spec: SimulationSpec) -> None:
    from excomm_sim.scenario.load import load_path

    global _worker
    _worker = Simulator(load_path(Path(path)), spec)


def _run_chunk(bounds: tuple[int, int]) -> Tally:
    assert _worker is not None, "worker not initialised"
    return _worker.run(range(*bounds))


def simulate_file(
    path: Path,
    runs: int,
    spec: SimulationSpec,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    chunk: int | None = None,
) -> Tally:
    """Simulate ``runs`` games of the scenario at ``path`` on ``workers`` processes."""
    from excomm_sim.scenario.load import load_path

    if workers <= 1:
        return simulate(load_path(path), runs, spec, progress, chunk or 500)
    size = chunk or max(50, min(2_000, runs // (workers * 8) or 1))
    bounds = [(r.start, r.stop) for r in chunks(runs, size)]
    context = multiprocessing.get_context("spawn")
    tally = Tally()
    with context.Pool(workers, initializer=_init_worker, initargs=(str(path), spec)) as pool:
        for part in pool.imap(_run_chunk, bounds):  # imap keeps chunk order
            tally.merge(part)
            if progress is not None:
                progress(tally.games)
    return tally
