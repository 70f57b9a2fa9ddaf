"""Rendering a kit to PDF off the GUI thread, for the preview and for export.

A ``RenderJob`` hands a snapshot of the kit (``KitDocument.snapshot_data()``, the kit pickled
on the GUI thread) to the render process (``render_process.shared_process()``) from a thread
of ``QThreadPool.globalInstance()``, which waits for the PDF without holding the GIL, and
reports back through a ``RenderRelay`` that lives on the GUI thread, so its signals arrive
there as queued calls. Each job carries an id chosen by the caller; the caller compares it
with its latest id to drop stale results. The process renders one kit at a time, in the
order the jobs reach it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, Signal

from presskit.gui.preview.render_process import shared_process
from presskit.model import Kit, PresskitError

if TYPE_CHECKING:  # imported with the first render's reply (``render_process._engine``)
    from presskit.render import RenderedPdf

_log = logging.getLogger(__name__)


class RenderRelay(QObject):
    """Carries a job's outcome from the worker thread to the GUI thread."""

    #: job id, RenderedPdf
    finished = Signal(int, object)
    #: job id, the exception the renderer raised
    failed = Signal(int, object)


class RenderJob(QRunnable):
    """Render one kit snapshot (a ``Kit`` no one else changes, or one pickled); emits exactly
    one of the relay's signals, with a ``RenderedPdf``, or with ``plain`` a ``PdfReply`` (its
    fields, read without importing the renderer: the preview's)."""

    def __init__(self, job_id: int, kit: Kit | bytes, relay: RenderRelay,
                 cancelled: Callable[[], bool] | None = None, *, plain: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.job_id = job_id
        self._kit = kit
        self._relay = relay
        self._cancelled = cancelled
        self._plain = plain

    def run(self) -> None:
        try:
            process = shared_process()
            # An export is cancelled by its Cancel, the preview by the closing window.
            result: object = (
                process.render(self._kit, cancelled=self._cancelled, plain=True) if self._plain
                else process.render(self._kit) if self._cancelled is None
                else process.render(self._kit, cancelled=self._cancelled))
        except Exception as exc:  # noqa: BLE001 - any failure is shown to the user, not raised
            if not isinstance(exc, PresskitError):
                _log.exception("rendering failed")
            self._emit(self._relay.failed, exc)
        else:
            self._emit(self._relay.finished, result)

    def _emit(self, signal: Any, value: object) -> None:
        # If the relay's owner (a closed window) is gone, nobody is waiting for this result.
        with contextlib.suppress(RuntimeError):
            signal.emit(self.job_id, value)


def describe_render_error(exc: BaseException) -> str:
    """The text a user sees: the engine's own message, or the exception for a bug."""
    if isinstance(exc, PresskitError):
        return str(exc)
    return f"Unexpected error while rendering ({type(exc).__name__}): {exc}"


def render_in_background(
    kit: Kit | bytes, cancelled: Callable[[], bool] | None = None
) -> RenderedPdf:
    """Render ``kit`` in the pool while the GUI keeps painting; raise what the renderer raised
    (``RenderCancelled`` once ``cancelled()`` is true: the render process is stopped).

    The caller waits in a local event loop, so export reads as straight-line code yet the
    window stays responsive (the caller disables what must not run meanwhile).
    """
    relay = RenderRelay()
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def done(_job_id: int, value: object, key: str) -> None:
        outcome[key] = value
        loop.quit()

    relay.finished.connect(lambda job_id, value: done(job_id, value, "result"))
    relay.failed.connect(lambda job_id, value: done(job_id, value, "error"))
    QThreadPool.globalInstance().start(RenderJob(0, kit, relay, cancelled))
    loop.exec()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    result: RenderedPdf = outcome["result"]  # type: ignore[assignment]
    return result
