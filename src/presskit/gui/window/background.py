"""Running one piece of engine work off the GUI thread while the caller waits for it.

``run_in_background(work)`` runs ``work()`` in ``QThreadPool.globalInstance()`` and waits in a
local event loop, as export waits for its PDF (``rendering.render_in_background``), so a
command reads as straight-line code yet the window keeps painting. It is for the share
commands (an e-mail with its pictures, a bundle with its PDF, unpacking one), which take a
fraction of a second on the example but seconds on a kit with a hundred large headshots.
The work must only read what no one else changes meanwhile: a snapshot of the kit, or files.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, Signal

from presskit.model import PresskitError

T = TypeVar("T")
_log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread, so the worker's signal reaches the loop as a queued call."""

    #: the result, or the exception ``work`` raised
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which shows it
            if not isinstance(exc, PresskitError):
                _log.exception("background work failed")
            self._emit(self._relay.failed, exc)
        else:
            self._emit(self._relay.finished, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        # A relay whose caller is gone (the application quit) has no one to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def run_in_background(work: Callable[[], T]) -> T:
    """``work()``, run in the thread pool; raises what it raised."""
    relay = _Relay()
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    relay.finished.connect(lambda value: done("result", value))
    relay.failed.connect(lambda value: done("error", value))
    QThreadPool.globalInstance().start(_Job(work, relay))
    loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    result: T = outcome["result"]
    return result


def describe_error(exc: BaseException) -> str:
    """The text a user sees: the engine's own message, or the exception for a bug."""
    if isinstance(exc, PresskitError):
        return str(exc)
    return f"Unexpected error ({type(exc).__name__}): {exc}"
