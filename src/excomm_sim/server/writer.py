"""The store's writes, off the event loop and grouped: one disk flush for many moves.

A durable commit waits for the disk (milliseconds). The host must not stop serving while
it waits, so every write goes to one writer thread; a caller awaits its own batch. Batches
queued while the thread was busy are written together in one transaction (group commit),
so thirty tables moving at once cost one flush, not thirty. If a combined transaction
fails, each batch is retried alone, so one refused write never sinks another table's.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Sequence

from excomm_sim.server.store import Change, Store, StoreError

_Batch = tuple[Sequence[Change], asyncio.Future[None], asyncio.AbstractEventLoop]


class Writer:
    """Writes batches of changes to ``store`` from its own thread."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._queue: queue.SimpleQueue[_Batch | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._thread.start()
        self.flushes = 0
        """How many transactions were committed (the benchmark reports it)."""

    async def write(self, changes: Sequence[Change]) -> None:
        """Return once ``changes`` are on the disk; StoreError if they could not be."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        self._queue.put((changes, done, loop))
        await done

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batches = [first]
            while True:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    self._queue.put(None)
                    break
                batches.append(more)
            self._commit(batches)

    def _commit(self, batches: list[_Batch]) -> None:
        try:
            self.store.write([change for changes, _, _ in batches for change in changes])
        except StoreError as error:
            if len(batches) == 1:
                _settle(batches[0], error)
                return
            for batch in batches:
                try:
                    self.store.write(batch[0])
                except StoreError as error:
                    _settle(batch, error)
                else:
                    _settle(batch, None)
            return
        self.flushes += 1
        for batch in batches:
            _settle(batch, None)

    def close(self) -> None:
        """Finish the writes queued, then stop the thread and close the store."""
        self._queue.put(None)
        self._thread.join(timeout=30)
        self.store.close()


def _settle(batch: _Batch, error: StoreError | None) -> None:
    _, done, loop = batch

    def settle() -> None:
        if done.done():
            return
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)

    with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits any more
        loop.call_soon_threadsafe(settle)
