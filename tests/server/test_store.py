"""The host's store: moves appended once each, batches committed together, read back whole."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from excomm_sim.server.store import (
    AppendMove,
    NewLesson,
    NewTable,
    PutSeat,
    SqliteStore,
    StoreError,
    TableStatus,
)
from excomm_sim.server.writer import Writer


def lesson(store: SqliteStore) -> None:
    store.write(
        [
            NewLesson("L1", "2026-01-01T00:00:00Z", "text", "", "key", "{}"),
            NewTable("L1", 1, "KMR-472", 7),
            NewTable("L1", 2, "ACD-234", 8),
        ]
    )


def test_a_lesson_reads_back_with_its_tables_seats_and_moves_in_order(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite3")
    lesson(store)
    store.write([PutSeat("L1", 1, "rusk", "Ann", "hash")])
    store.write([AppendMove("L1", 1, i, f'{{"n": {i}}}', "seat") for i in range(3)])
    store.write([TableStatus("L1", 1, "playing", True, 90.0, '{"rusk": "Ann"}', "")])
    store.close()
    row = SqliteStore(tmp_path / "s.sqlite3").latest_lesson()
    assert row is not None and row.lesson == "L1"
    table = row.tables[0]
    assert (table.status, table.paused, table.timer) == ("playing", True, 90.0)
    assert [move for move, _ in table.moves] == ['{"n": 0}', '{"n": 1}', '{"n": 2}']
    assert table.seats[0].player == "Ann"
    assert row.tables[1].moves == ()


def test_a_move_cannot_be_written_twice_at_one_place(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite3")
    lesson(store)
    store.write([AppendMove("L1", 1, 0, "{}", "seat")])
    with pytest.raises(StoreError, match="refused"):
        store.write([AppendMove("L1", 1, 0, "{}", "seat")])
    row = store.latest_lesson()
    assert row is not None and len(row.tables[0].moves) == 1


async def test_batches_queued_together_share_one_flush_and_a_bad_one_fails_alone(
    tmp_path: Path,
) -> None:
    store = SqliteStore(tmp_path / "s.sqlite3")
    lesson(store)
    writer = Writer(store)
    good = [writer.write([AppendMove("L1", 2, i, "{}", "seat")]) for i in range(20)]
    bad = writer.write([AppendMove("L1", 2, 0, "{}", "seat")])  # index 0 again
    results = await asyncio.gather(*good, bad, return_exceptions=True)
    assert all(result is None for result in results[:-1])
    assert isinstance(results[-1], StoreError)
    assert writer.flushes < 21
    writer.close()
    row = SqliteStore(tmp_path / "s.sqlite3").latest_lesson()
    assert row is not None and len(row.tables[1].moves) == 20


def test_a_store_from_another_schema_is_refused(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite3")
    store.db.execute("update meta set value='99' where key='schema'")
    store.close()
    with pytest.raises(StoreError, match="schema 99"):
        SqliteStore(tmp_path / "s.sqlite3")
