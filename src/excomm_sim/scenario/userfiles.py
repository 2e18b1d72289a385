"""Reading a file a user named: regular files only, never blocking, bounded, reasons in words.

A scenario or a save may be anything a user (or a file they were sent) points at: a named
pipe that blocks a reader for ever, a device, a 3 GB file, a link that loops. Every read
of such a file goes through here: it is opened without blocking, refused unless it is a
regular file ("is not a regular file: it is a named pipe"), read at most one byte past the
caller's limit, and every way it can fail becomes ``UnreadableFile``, an ``OSError`` whose
``strerror`` says what the path is ("a symbolic link that loops", "a folder", ...).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

CHUNK_BYTES = 1024 * 1024
"""How much of a file is read at a time when hashing it."""

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a named pipe opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


class UnreadableFile(OSError):
    """A path that cannot be read as a file; ``strerror`` says why, in words."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        super().__init__(problem)
        self.filename = os.fspath(path)
        self.strerror = problem

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def kind_of(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    kinds = (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    for test, name in kinds:
        if test(mode):
            return f"is not a regular file: it is {name}"
    return "is not a regular file"


def reason(path: str | os.PathLike[str], error: OSError) -> str:
    """What an OSError from opening ``path`` means, in words a user can act on."""
    code = error.errno
    if code == errno.ELOOP:
        return "is a symbolic link that loops back on itself (or a chain of too many links)"
    if code == errno.ENOENT:
        if os.path.islink(path):
            return f"is a link to {os.readlink(path)!r}, which does not exist"
        return "no such file"
    if code == errno.ENOTDIR:
        return "no such file (a part of the path is a file, not a folder)"
    if code == errno.EISDIR:
        return "is a folder, not a file"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ENAMETOOLONG:
        return "the name is too long"
    if code == errno.ENXIO:
        return "is not a regular file (nothing can be read from it)"
    return error.strerror or str(error)


def file_problem(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` is not a regular file that could be read, or None if it is one."""
    try:
        info = os.stat(path)
    except OSError as error:
        return reason(path, error)
    except ValueError:  # a NUL in the name
        return "the name holds a NUL character"
    return kind_of(info.st_mode)


def read_limited(path: str | os.PathLike[str], limit: int) -> tuple[bytes, int]:
    """At most ``limit + 1`` bytes of a regular file, and its size; UnreadableFile if not one.

    The caller compares the size with its limit (and says so) before decoding anything.
    """
    fd = _open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            return b"", size
        data = handle.read(limit + 1)
    return data, max(size, len(data))


def sha256_of(path: str | os.PathLike[str], limit: int) -> str | None:
    """The hex sha256 of a regular file no larger than ``limit``, read in chunks; else None."""
    try:
        fd = _open_regular(path)
    except OSError:
        return None
    digest = hashlib.sha256()
    read = 0
    with os.fdopen(fd, "rb") as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            return None
        while chunk := handle.read(CHUNK_BYTES):
            read += len(chunk)
            if read > limit:
                return None
            digest.update(chunk)
    return digest.hexdigest()


def _open_regular(path: str | os.PathLike[str]) -> int:
    """A descriptor of ``path`` opened for reading, never blocking; only a regular file."""
    problem = file_problem(path)  # looked at first, so a device is never even opened
    if problem is not None:
        raise UnreadableFile(path, problem)
    try:
        fd = os.open(Path(path), _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableFile(path, reason(path, error)) from None
    try:
        problem = kind_of(os.fstat(fd).st_mode)  # what was opened, should it have changed
        if problem is not None:
            raise UnreadableFile(path, problem)
        if getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd
