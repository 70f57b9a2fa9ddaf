"""Keeping the garbage collector's full passes short while a large kit is open or exported.

CPython's cyclic collector now and then walks every object it tracks. With an institute's
kit open (2,000 experts, 5,000 quotes: about 90,000 objects with the window's) one such
pass took 40 ms on an idle two-core machine and up to 170 ms while the preview rendered,
on the GUI thread, whichever code happened to allocate. Everything alive once a kit is open
(the kit, the window, the modules) lives as long as the kit does, so it is moved to the
collector's permanent generation (``gc.freeze``) and later passes only look at what is new.

Reading a kit is the other long pass: composing a 6 MB file makes 140,000 nodes, and the
collector, seeing them all survive, walked the whole heap mid-read (250 ms, holding the
interpreter lock, so the window froze although the read runs in a worker). The nodes hold
no cycles, so the collector is paused while a file is read (``reading``, in ``load_kit``).

Frozen objects are still freed as soon as nothing refers to them; only reference *cycles*
among them wait. Before the next kit is read, ``thaw`` returns them to the collector and
collects once, off the GUI thread (that pass holds the interpreter lock for its 40 ms, the
only time it is felt), so a closed kit's cycles are gone by the time the next is frozen.

A one-off ``presskit export`` does the same in one go: the kit is read with the collector
paused and frozen once read, since it lives until the PDF is written. At 1,000 quotes the
collector's passes took 200 ms of a 2 s export (1 s of 10 s at 5,000 quotes), 70 ms (0.45 s)
after; peak memory is unchanged. Nothing here imports Qt: the app and the command line share it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


def freeze() -> None:
    """Everything alive now is long-lived: leave it out of later collections."""
    gc.freeze()


def freeze_unless_frozen() -> bool:
    """Freeze everything alive now, unless the process froze something already (the app,
    or a script that calls the command line); whether it froze."""
    if gc.get_freeze_count():
        return False
    gc.freeze()
    return True


def release() -> None:
    """Give the frozen objects back to the collector, without collecting now."""
    gc.unfreeze()


def thaw() -> None:
    """Give the frozen objects back to the collector and collect (the previous kit's cycles
    among them). Call it from a worker thread."""
    gc.unfreeze()
    gc.collect()


@contextlib.contextmanager
def reading() -> Iterator[None]:
    """No cyclic collection meanwhile (objects are still freed when unreferenced).

    The switch is the process's: of two reads in different threads, the first to end turns
    the collector back on while the other still reads, which only costs that one its pause.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()



#: Allocations between two young-generation passes while a one-off export builds its PDF
#: (CPython's default is 700). Building a 1,000-quote PDF allocates a few million objects,
#: most of them alive until the page is drawn, so at 700 the collector ran 265 passes over
#: them (0.12 to 0.15 s of a 4 s export on a busy machine); at this size 2 to 5 passes.
#: Memory: cycles wait a little longer to be freed, peak +2 MB at 1,000 quotes.
BUILDING_THRESHOLD = 50_000


@contextlib.contextmanager
def building(*, set_aside: bool = False) -> Iterator[None]:
    """Young-generation passes rarer meanwhile (a one-off export), then as before.

    ``set_aside``, for a caller that froze the kit itself and calls :func:`release` once the
    PDF is written: no pass at all meanwhile, and what the build leaves behind (ReportLab's
    document and canvas hold each other, and with them every object of the PDF) frozen too
    at its end. The first pass after a build otherwise walked it all to free it, 75 to
    150 ms at 1,000 quotes, just before the process ended and the memory went anyway; after
    ``release`` the collector frees it as it would have (peak memory +4 MB at 1,000 quotes).
    """
    if set_aside:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            gc.freeze()
            if was_enabled:
                gc.enable()
        return
    first, *older = gc.get_threshold()
    gc.set_threshold(max(first, BUILDING_THRESHOLD), *older)
    try:
        yield
    finally:
        gc.set_threshold(first, *older)
