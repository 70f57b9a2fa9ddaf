"""Files that are not files: pipes and devices planted where presskit expects a kit, a picture
or a font, and a short alarm that turns a read blocking on one into a failure instead of a
test run that never ends (on code that opens them without ``O_NONBLOCK``)."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

#: Long enough for any refusal, short enough that a blocked test fails quickly.
BLOCKED_SECONDS = 5


class Blocked(AssertionError):
    """Reading a special file blocked instead of being refused."""


@contextlib.contextmanager
def refused_without_blocking(what: object) -> Iterator[None]:
    """Fail the block, naming ``what``, if it has not finished after ``BLOCKED_SECONDS``."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise Blocked(f"reading {what} blocked instead of being refused")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, BLOCKED_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def fifo(path: Path) -> Path:
    """A named pipe at ``path``: opening it for reading waits for a writer that never comes."""
    os.mkfifo(path)
    return path
