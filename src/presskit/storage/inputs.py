"""Opening any file presskit reads (kits, rosters, fonts, pictures, presets), safely and bounded.

A path a kit names may be anything: a pipe (``mkfifo``) whose ``open`` waits for a writer for
ever, a device such as ``/dev/zero`` that never ends, a folder, or a file far larger than any
presskit reads. Every reader goes through here instead of ``open``: the file is opened
without blocking (``O_NONBLOCK``), checked with ``fstat`` on the very descriptor that will be
read (no race between checking and reading), refused unless it is a regular file, refused
when the size on disk is above the caller's limit, and read at most one byte past that limit,
in case it grows meanwhile. Each refusal is an ``InputError`` naming the path and the reason.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from presskit.storage.errors import StorageError, describe_os_error

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class InputError(StorageError):
    """A file that was not read; ``str()`` names it, ``reason`` says why for a sentence about it
    (``it is not a regular file …``), ``missing`` is true when there is no such file."""

    def __init__(self, path: Path | str, predicate: str, *, missing: bool = False) -> None:
        super().__init__(f"{path} {predicate}")
        self.path = Path(path)
        self.predicate = predicate
        self.missing = missing

    @property
    def reason(self) -> str:
        return f"it {self.predicate}"


def size_text(limit: int) -> str:
    """``52428800`` → ``50 MB``; small limits in kB."""
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MB"
    return f"{max(1, limit // 1024)} kB"


def _too_large(path: Path, limit: int, what: str) -> InputError:
    return InputError(path, f"is larger than {size_text(limit)}, far more than any {what}; "
                            "it was not read")


def _a(what: str) -> str:
    """``what`` with its article: "a roster", "an SVG logo" (an acronym is read letter by
    letter, so it takes "an" where its first letter's name starts with a vowel)."""
    first = what.split(" ", 1)[0]
    vowel = (first[:1] in "AEFHILMNORSX" if first.isupper() and len(first) > 1
             else first[:1].lower() in "aeiou")
    return f"{'an' if vowel else 'a'} {what}"


def open_input(path: Path | str, limit: int, *, what: str = "file",
               follow_links: bool = True) -> BinaryIO:
    """``path`` opened for reading once it is known to be a regular file of at most ``limit``
    bytes; ``what`` ("font file", "picture") words the message: "larger than 50 MB, far
    more than any {what}". Read it with ``read_bounded``.

    ``follow_links=False`` refuses a link (for files presskit keeps itself, where a link can
    only have been planted). Raises ``InputError``.
    """
    path = Path(path)
    flags = os.O_RDONLY | _NONBLOCK | _BINARY | (0 if follow_links else _NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(path, "does not exist", missing=True) from None
    except IsADirectoryError:
        raise InputError(path, f"is a folder, not {_a(what)}") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_links:
            raise InputError(path, "is a link, which presskit does not follow here") from None
        if exc.errno == errno.ENXIO:  # a socket, or a pipe on some systems
            raise InputError(path, _NOT_REGULAR) from None
        raise InputError(path, f"cannot be read ({describe_os_error(exc)})") from None
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise InputError(path, f"is a folder, not {_a(what)}")
        if not stat.S_ISREG(status.st_mode):
            raise InputError(path, _NOT_REGULAR)
        if status.st_size > limit:
            raise _too_large(path, limit, what)
        if _NONBLOCK:
            # Regular files ignore it, but the stream should behave like any other.
            os.set_blocking(fd, True)
        stream = os.fdopen(fd, "rb")
    except InputError:
        os.close(fd)
        raise
    except OSError as exc:
        os.close(fd)
        raise InputError(path, f"cannot be read ({describe_os_error(exc)})") from None
    return stream


_NOT_REGULAR = ("is not a regular file (it is a pipe, a device or a socket, which could "
                "block or never end); it was not read")


def read_bounded(stream: BinaryIO, path: Path | str, limit: int, *, what: str = "file"
                 ) -> bytes:
    """At most ``limit`` bytes of ``stream``; ``InputError`` if there are more (the file grew
    after it was opened)."""
    try:
        # Asked for ``limit + 1`` bytes, the buffered reader would allocate that much up front
        # whatever the file holds: ask for what the file has, then whatever it grew by.
        expected = min(os.fstat(stream.fileno()).st_size, limit)
        data = stream.read(expected + 1)
        if len(data) > expected:
            data += stream.read(limit + 1 - len(data))
    except OSError as exc:
        raise InputError(path, f"cannot be read ({describe_os_error(exc)})") from None
    if len(data) > limit:
        raise _too_large(Path(path), limit, what)
    return data


def read_input(path: Path | str, limit: int, *, what: str = "file",
               follow_links: bool = True) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; ``InputError``
    (naming the path) for anything else."""
    with open_input(path, limit, what=what, follow_links=follow_links) as stream:
        return read_bounded(stream, path, limit, what=what)
