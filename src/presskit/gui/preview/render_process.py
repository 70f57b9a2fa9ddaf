"""The renderer in a process of its own, so rendering never competes with the GUI for the GIL.

ReportLab is pure Python. Run in a worker thread it holds the GIL almost all the time, and the
GUI thread, which runs Python for every key press, paint of an item view or timer, waits up to
the interpreter's switch interval (5 ms) for it at each step, and for the whole of a full
garbage collection the render sets off (30 ms at 100 quotes): the window stuttered for up to
80 ms while the preview of a 100-quote kit rendered. So renders run in one long-lived child
process (``python -m presskit.gui.preview.render_process``), started once and reused, which keeps
ReportLab's imports and fonts warm between renders; the pool thread that waits for it waits in
``read()``, without the GIL.

The protocol, over the child's stdin and stdout: frames of an 8-byte big-endian length and a
pickle. A request is a pickled ``Kit`` (the parent pickles it on the GUI thread: that is the
snapshot); the reply is ``("ok", (pdf bytes, page count, warnings))`` — the fields of a
``RenderedPdf``, as plain values (``PdfReply``), so that the app can read it without importing
the renderer — or ``("error", exception)``. One request is in flight at a time. A child that
died is started again for the next request; if it cannot be started at all, renders run in the
calling thread. A frozen app (the packaged presskit, whose executable is the app itself, with
no Python to run ``-m``) starts its own executable with ``PRESSKIT_RENDER_CHILD=1`` in the
environment, which ``presskit.cli.main`` turns into ``main()`` here.

A render is stopped by killing the child (it is started again for the next one): when the
caller cancels it (Export PDF's Cancel, closing the window), or when it runs past
``limits.MAX_RENDER_SECONDS`` (a kit whose name is one word of a million letters kept
ReportLab busy for hours). The child exits as soon as its stdin reaches its end, also in the
middle of a render: that is how it learns that the app quit or died, on every platform.

This module imports no Qt, so the child starts in the time it takes to import ReportLab. Nor
does it import the renderer (``presskit.render``, and ReportLab with it) until it is needed
(``_engine``): the app starts the child first thing, before its own window is built, and the
preview reads the child's replies as ``PdfReply`` (``render(..., plain=True)``), so the app
never imports ReportLab for it (0.1 s of the first preview); an export, which returns a
``RenderedPdf``, imports the renderer's classes while the child renders.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import pickle
import queue
import subprocess
import sys
import sysconfig
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any, Literal, NamedTuple, overload

import presskit
from presskit import long_lived
from presskit.model import Kit, PresskitError, Problem
from presskit.model.limits import MAX_RENDER_SECONDS

if TYPE_CHECKING:
    from presskit.render import ImageCache, RenderedPdf, RenderError

_log = logging.getLogger(__name__)
_HEADER = 8
_MODULE = "presskit.gui.preview.render_process"
#: How often a render's watcher looks at its cancel flag and the clock.
_WATCH_S = 0.1
#: How much lower the child's CPU priority is than the app's (Unix ``nice``): where the two
#: compete for a core (a machine with one, or a busy one), the window is served first, so
#: typing and painting never wait for a render; on an idle core the child runs at full speed.
NICENESS = 10
#: In a render child's environment when it is to warm up before its first request.
WARM_UP_VARIABLE = "PRESSKIT_RENDER_WARM_UP"
#: In a render child's environment when the parent is a frozen app (read by ``cli.main``).
CHILD_VARIABLE = "PRESSKIT_RENDER_CHILD"


class PdfReply(NamedTuple):
    """A render's outcome as the child sends it: ``RenderedPdf``'s fields, in a class the app
    has without importing the renderer."""

    data: bytes
    page_count: int
    warnings: list[Problem]


def _engine() -> ModuleType:
    """``presskit.render``, imported on first use (it imports ReportLab: 0.1 s)."""
    import presskit.render

    return presskit.render


def render_pdf(kit: Kit, **options: Any) -> RenderedPdf:
    """``presskit.render.render_pdf``: a render in this process (no child could be started,
    or this is the child)."""
    rendered: RenderedPdf = _engine().render_pdf(kit, **options)
    return rendered


if TYPE_CHECKING:
    class RenderCancelled(RenderError):
        """The render was stopped because its caller cancelled it."""
else:
    def __getattr__(name: str) -> type:
        if name == "RenderCancelled":  # made on first use, with the renderer
            return _cancelled()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_cancelled_type: type | None = None


def _cancelled() -> type[RenderError]:
    """``RenderCancelled``: a ``RenderError``, so made once the renderer is imported."""
    global _cancelled_type
    if _cancelled_type is None:
        class RenderCancelled(_engine().RenderError):  # type: ignore[misc]
            """The render was stopped because its caller cancelled it."""

        RenderCancelled.__module__ = __name__
        _cancelled_type = RenderCancelled
    return _cancelled_type


def _render_error(message: str) -> RenderError:
    error: RenderError = _engine().RenderError(message)
    return error


def _write_frame(stream: IO[bytes], payload: bytes) -> None:
    stream.write(len(payload).to_bytes(_HEADER, "big"))
    stream.write(payload)
    stream.flush()


def _read_frame(stream: IO[bytes]) -> bytes:
    """The next frame's payload; ``EOFError`` if the other end closed (or died) first."""
    header = stream.read(_HEADER)
    if len(header) < _HEADER:
        raise EOFError
    size = int.from_bytes(header, "big")
    payload = stream.read(size)
    if len(payload) < size:
        raise EOFError
    return payload


class RenderProcess:
    """A child process that renders kits, one at a time; safe to call from any thread."""

    def __init__(self, command: list[str] | None = None) -> None:
        self.command = command or _child_command()
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None
        self._unavailable = False
        #: Set when a cancelled render waiting for the child stopped the one using it.
        self._interrupted = False
        #: For renders in this process, when no child can be started (made on first use).
        self._image_cache: ImageCache | None = None

    @property
    def pid(self) -> int | None:
        """The child's process id, or ``None`` while none is running."""
        child = self._child
        return child.pid if child is not None and child.poll() is None else None

    def start(self) -> None:
        """Start the child now (it imports ReportLab and renders a blank kit to warm up
        meanwhile) rather than at the first render.

        Never waits: if a render holds the lock, the child is running already.
        """
        if self._lock.acquire(blocking=False):
            try:
                self._running_child(warm_up=True)
            finally:
                self._lock.release()

    @overload
    def render(
        self, kit: Kit | bytes, *, cancelled: Callable[[], bool] | None = None,
        time_limit: float | None = None, plain: Literal[False] = False,
    ) -> RenderedPdf: ...

    @overload
    def render(
        self, kit: Kit | bytes, *, cancelled: Callable[[], bool] | None = None,
        time_limit: float | None = None, plain: Literal[True],
    ) -> PdfReply: ...

    def render(
        self, kit: Kit | bytes, *, cancelled: Callable[[], bool] | None = None,
        time_limit: float | None = None, plain: bool = False,
    ) -> RenderedPdf | PdfReply:
        """The kit's PDF, as ``render_pdf(kit)`` gives it; raises what the renderer raised.
        With ``plain`` its fields as a ``PdfReply`` (the renderer is then not imported here).

        ``kit`` is a ``Kit`` or a ``Kit`` already pickled (``KitDocument.snapshot_data()``).
        Once ``cancelled()`` is true the render is stopped (``RenderCancelled``), and so it is
        after ``time_limit`` seconds (``RenderError``; ``limits.MAX_RENDER_SECONDS`` unless
        given): the child is killed, and started again for the next render.
        """
        if time_limit is None:
            time_limit = MAX_RENDER_SECONDS
        payload = kit if isinstance(kit, bytes) else pickle.dumps(kit, pickle.HIGHEST_PROTOCOL)
        # Another render (the preview's, of the same kit as like as not) may hold the child:
        # a cancel while waiting for it stops that render too, or the export's Cancel would
        # leave the child busy for as long as the kit takes.
        while not self._lock.acquire(timeout=_WATCH_S):
            if cancelled is not None and cancelled():
                self._interrupted = True
                child = self._child
                if child is not None:
                    with contextlib.suppress(OSError):
                        child.kill()
                raise _cancelled()("the render was cancelled")
        with _held(self._lock):
            self._interrupted = False
            if cancelled is not None and cancelled():
                raise _cancelled()("the render was cancelled")
            child = self._running_child()
            if child is None:
                return self._render_here(payload, plain)
            watch: _Watch | None = None
            try:
                try:
                    self._send(child, payload)
                except OSError:
                    if self._interrupted:  # killed by a cancelled render waiting for it
                        self._discard()
                        raise _cancelled()("the render was cancelled") from None
                    # It died while idle (killed, out of memory): nothing was lost, start afresh.
                    self._discard()
                    child = self._running_child()
                    if child is None:
                        return self._render_here(payload, plain)
                    self._send(child, payload)
                if not plain:
                    # While the child renders: ``RenderedPdf``, which the renderer defines,
                    # is imported now rather than after the reply (0.1 s the first time).
                    _engine()
                assert child.stdout is not None
                def stop() -> bool:
                    return self._interrupted or (cancelled is not None and cancelled())

                with _Watch(child, stop, time_limit) as watch:
                    reply = _read_frame(child.stdout)
            except (EOFError, OSError):
                status = self._discard()
                if (watch is not None and watch.stopped == "cancelled") or self._interrupted:
                    raise _cancelled()("the render was cancelled") from None
                if watch is not None and watch.stopped == "late":
                    raise _render_error(
                        f"making the PDF took more than {time_limit:g} seconds, so it was "
                        "stopped; is some text in the kit extraordinarily long (a name or a "
                        "word of thousands of letters)?") from None
                raise _render_error(
                    f"the renderer stopped unexpectedly (exit status {status}); "
                    "it is started again for the next render"
                ) from None
        outcome, value = pickle.loads(reply)
        if outcome == "error":
            raise value
        fields = PdfReply(*value)
        if plain:
            return fields
        rendered: RenderedPdf = _engine().RenderedPdf(*fields)
        return rendered

    def _render_here(self, payload: bytes, plain: bool) -> RenderedPdf | PdfReply:
        if self._image_cache is None:
            self._image_cache = _engine().ImageCache()
        rendered = render_pdf(pickle.loads(payload), image_cache=self._image_cache)
        return PdfReply(*_fields(rendered)) if plain else rendered

    def close(self) -> None:
        """Stop the child: it exits when its stdin closes, or is killed if it is mid-render.

        Not under the lock, so closing never waits for a render; a thread waiting for one
        gets the "stopped" error, which nobody is waiting for by then.
        """
        child = self._child
        if child is None or child.poll() is not None:
            return
        try:
            if child.stdin is not None:
                child.stdin.close()
        except OSError:
            pass  # a pipe to a dying child may refuse its last flush
        try:
            child.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()

    def _send(self, child: subprocess.Popen[bytes], payload: bytes) -> None:
        assert child.stdin is not None
        _write_frame(child.stdin, payload)

    def _running_child(self, *, warm_up: bool = False) -> subprocess.Popen[bytes] | None:
        """The child, started if need be; with ``warm_up`` it renders a blank kit before the
        first request (not when it is started for a request, which would wait for that)."""
        if self._child is not None and self._child.poll() is None:
            return self._child
        if self._child is not None:
            self._discard()
        if self._unavailable:
            return None
        try:
            self._child = subprocess.Popen(
                self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                env={**_child_env(), WARM_UP_VARIABLE: "1" if warm_up else ""},
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError:
            _log.warning("the render process could not be started; rendering in this process",
                         exc_info=True)
            self._unavailable = True
            return None
        return self._child

    def _discard(self) -> int | None:
        """Close the child's pipes and reap it; its exit status."""
        child, self._child = self._child, None
        if child is None:
            return None
        for stream in (child.stdin, child.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass  # a pipe to a dead child may refuse its last flush
        try:
            return child.wait(timeout=2)
        except subprocess.TimeoutExpired:
            child.kill()
            return child.wait()


@contextlib.contextmanager
def _held(lock: threading.Lock) -> Iterator[None]:
    """Release ``lock``, acquired already, at the end of the block."""
    try:
        yield
    finally:
        lock.release()


class _Watch:
    """While a reply is awaited: kills the child once the render is cancelled or late, and
    says which (``stopped``)."""

    def __init__(self, child: subprocess.Popen[bytes], cancelled: Callable[[], bool] | None,
                 time_limit: float) -> None:
        self._child = child
        self._cancelled = cancelled
        self._deadline = time.monotonic() + time_limit
        self._done = threading.Event()
        self.stopped = ""
        self._thread = threading.Thread(target=self._watch, name="render watch", daemon=True)

    def __enter__(self) -> _Watch:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._done.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._done.wait(_WATCH_S):
            if self._cancelled is not None and self._cancelled():
                self.stopped = "cancelled"
            elif time.monotonic() > self._deadline:
                self.stopped = "late"
            else:
                continue
            with contextlib.suppress(OSError):  # gone already
                self._child.kill()
            return


def _child_command() -> list[str]:
    if getattr(sys, "frozen", False):
        # The packaged app's executable is the app itself: told so by CHILD_VARIABLE, it
        # serves renders instead of opening a window.
        return [sys.executable]
    return [sys.executable, "-m", _MODULE]


def _child_env() -> dict[str, str]:
    """The environment, with the folder this presskit was imported from first on the path, so
    the child runs the same code (a source checkout, a test run), unless that folder is
    site-packages, which must not shadow the standard library. A frozen app's child is told
    by ``CHILD_VARIABLE`` that it is one."""
    if getattr(sys, "frozen", False):
        return {**os.environ, CHILD_VARIABLE: "1"}
    source = str(Path(presskit.__file__).resolve().parent.parent)
    installed = {str(Path(sysconfig.get_paths()[key]).resolve()) for key in ("purelib", "platlib")}
    if source in installed:
        return dict(os.environ)
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([source, path] if path else [source])}


_shared: RenderProcess | None = None
_shared_lock = threading.Lock()


def shared_process() -> RenderProcess:
    """The process-wide renderer (created on first use, stopped when the program exits)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = RenderProcess()
            atexit.register(_shared.close)
        return _shared


# The child.


def _transportable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling, else a plain exception that names it."""
    try:
        pickle.loads(pickle.dumps(exc, pickle.HIGHEST_PROTOCOL))
    except Exception:  # noqa: BLE001 - any exception type may refuse to be pickled
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def serve(requests: IO[bytes], replies: IO[bytes],
          orphaned: Callable[[], None] | None = None, *, warm_up: bool = False) -> None:
    """Render every kit that arrives on ``requests`` until it closes; photos are prepared
    once for the life of the process, not again for every render.

    ``requests`` is read by a thread of its own, so its end is seen at once, even in the
    middle of a render: ``orphaned()`` is then called (the child exits: its app has quit or
    died, and nobody will read the PDF), and no further request is rendered. Without
    ``orphaned`` the requests before the end are rendered first.

    ``warm_up``: render a blank kit first, unless a request is waiting already. The first
    render of a process registers the fonts and builds the styles (half of the example's
    first render); the app starts this process before it builds its window, so the kit it
    opens is rendered warm.
    """
    image_cache = _engine().ImageCache()
    inbox: queue.Queue[bytes | None] = queue.Queue()
    rendering, ended = threading.Event(), threading.Event()

    def read() -> None:
        while True:
            try:
                inbox.put(_read_frame(requests))
            except (EOFError, OSError, ValueError):
                ended.set()  # set, then test: one side sees the other's flag
                inbox.put(None)
                if rendering.is_set() and orphaned is not None:
                    orphaned()
                return

    threading.Thread(target=read, name="requests", daemon=True).start()
    if warm_up and inbox.empty():
        rendering.set()  # the app quitting meanwhile ends it as it would a render
        if ended.is_set() and orphaned is not None:
            orphaned()
            return
        _warm_up(image_cache)
        rendering.clear()
    while True:
        payload = inbox.get()
        if payload is None:
            return
        rendering.set()
        if ended.is_set() and orphaned is not None:
            orphaned()  # the app went while this request waited (or the child started)
            return
        try:
            with long_lived.reading():
                kit = pickle.loads(payload)
            # Not frozen for the render as a one-off export's kit is: freezing and thawing
            # around every render made each one keep ~28 MB of cycles (5,000 quotes).
            reply: tuple[str, object] = (
                "ok", _fields(render_pdf(kit, image_cache=image_cache)))
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the app
            if not isinstance(exc, PresskitError):
                _log.exception("rendering failed")
            reply = ("error", _transportable(exc))
        finally:
            rendering.clear()
        try:
            _write_frame(replies, pickle.dumps(reply, pickle.HIGHEST_PROTOCOL))
        except OSError:
            return  # the app closed its end: nobody is waiting for this PDF


def _fields(rendered: RenderedPdf) -> tuple[bytes, int, list[Problem]]:
    return rendered.data, rendered.page_count, list(rendered.warnings)


def _warm_up(image_cache: ImageCache) -> None:
    from presskit.model import Brand
    from presskit.model.operations import new_kit

    try:
        render_pdf(new_kit(Brand()), image_cache=image_cache)
    except Exception:  # noqa: BLE001 - only a head start: the real render says what is wrong
        _log.warning("the render process could not warm up", exc_info=True)


def main() -> None:
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)
    # Replies get stdout's pipe to themselves; anything printed goes to stderr instead.
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    if sys.stderr is None:
        # A windowed executable (the packaged app on Windows) has no stderr to print to.
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for good
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    # Its stdin ends when the app closes it or dies (killed, crashed): exit then, even in the
    # middle of a render, which nobody would read (a render of hours outlived its app).
    warm_up = os.environ.pop(WARM_UP_VARIABLE, "") == "1"
    serve(sys.stdin.buffer, replies, orphaned=lambda: os._exit(0), warm_up=warm_up)


if __name__ == "__main__":
    main()
