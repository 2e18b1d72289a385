"""Reading a file a user named: only regular files, never blocking, bounded, reasons in words."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from excomm_sim.scenario.userfiles import (
    UnreadableFile,
    file_problem,
    read_limited,
    sha256_of,
)

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def test_a_regular_file_is_read_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 10)
    assert read_limited(path, 100) == (b"x" * 10, 10)


def test_a_file_past_the_limit_is_not_read_at_all(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: 3 GB that take no space
    assert read_limited(path, 1024) == (b"", 3 * 1024**3)


@needs_fifo
def test_a_named_pipe_is_refused_at_once_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_limited(fifo, 100)
        except BaseException as error:
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the reader before failing, so the run can end
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a named pipe blocked")
    assert len(outcome) == 1 and isinstance(outcome[0], UnreadableFile)
    assert outcome[0].strerror == "is not a regular file: it is a named pipe (FIFO)"


def test_a_device_is_refused_without_being_opened() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(UnreadableFile, match="it is a character device"):
        read_limited("/dev/zero", 100)


def test_a_symbolic_link_loop_says_what_it_is(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    assert file_problem(tmp_path / "a.yaml") == (
        "is a symbolic link that loops back on itself (or a chain of too many links)"
    )
    with pytest.raises(UnreadableFile, match="loops back on itself"):
        read_limited(tmp_path / "a.yaml", 100)


def test_a_broken_link_names_where_it_points(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("gone.yaml")
    assert file_problem(tmp_path / "a.yaml") == "is a link to 'gone.yaml', which does not exist"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda path: None, "no such file"),
        (lambda path: path.mkdir(), "is a folder, not a file"),
        (lambda path: path.write_text("x"), None),
    ],
)
def test_file_problem_says_what_the_path_is(tmp_path: Path, make, problem) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "thing.yaml"
    make(path)
    assert file_problem(path) == problem


def test_a_file_is_hashed_in_chunks_and_only_under_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    data = os.urandom(3 * 1024 * 1024 + 7)
    path.write_bytes(data)
    assert sha256_of(path, len(data)) == hashlib.sha256(data).hexdigest()
    assert sha256_of(path, len(data) - 1) is None


@needs_fifo
def test_a_named_pipe_is_never_hashed(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert sha256_of(fifo, 100) is None
