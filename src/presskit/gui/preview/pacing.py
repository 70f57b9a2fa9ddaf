"""How long the preview waits after a change before it renders: half as long as a render of
the open kit takes, measured.

A render that has started cannot be stopped cheaply (only by killing the render process,
whose restart costs more than a small kit's render), so a key pressed while it runs waits for
it before its own render can start: the newest state is on screen at most about two render
times after the last key, whatever the wait, and as a rule the wait plus one render. The wait
decides how soon that is, and how often a render is started that further typing makes stale
(each one takes the render process from the next). A fixed half-second wait made the example
kit, which renders in well under 0.1 s, show a change only 0.55 s after the last key; a fixed
0.1 s wait would make a kit that takes a second to render start one at nearly every pause
between two keys.

So the wait is half the median of the last few renders' times (stale ones too: they took as
long), within ``MIN_DELAY_MS`` (a quick typist's keys come 80–150 ms apart: no render between
two of them) and ``MAX_DELAY_MS`` (a kit that takes seconds is shown a second plus a render
after the user pauses). A new kit starts afresh: its first render, which is started at once,
is its measure until a second is known, and then no longer counts: it prepared the kit's
photos and, in a new render process, the fonts, which later renders find done. A fixed wait
can still be asked for (the tests do).
"""

from __future__ import annotations

import statistics
from collections import deque

#: The shortest wait after a change: a quick typist's next key comes sooner.
MIN_DELAY_MS = 100
#: The longest: a slow kit's preview follows a pause within about a second plus a render.
MAX_DELAY_MS = 1000
#: The wait before anything is known about the kit's renders (its first is started at once).
UNMEASURED_DELAY_MS = 300
#: How many of the latest renders the estimate is the median of.
REMEMBERED = 3
#: The wait, as a share of a render's time.
WAIT_PER_RENDER = 0.5


class RenderPacer:
    """The debounce of the preview: fixed (``fixed_ms``) or from the renders it is told of."""

    def __init__(self, fixed_ms: int | None = None) -> None:
        self._fixed_ms = fixed_ms
        self._seconds: deque[float] = deque(maxlen=REMEMBERED)
        #: The kit's first render (a cold one), while no other is known.
        self._first: float | None = None

    @property
    def adaptive(self) -> bool:
        return self._fixed_ms is None

    def forget(self) -> None:
        """Another kit is open: what its predecessor's renders took says nothing about it."""
        self._seconds.clear()
        self._first = None

    def rendered(self, seconds: float) -> None:
        """A render took ``seconds``, from its start to its PDF back on the GUI thread."""
        if seconds < 0:
            return
        if self._first is None and not self._seconds:
            self._first = seconds
        else:
            self._seconds.append(seconds)

    def delay_ms(self) -> int:
        """How long to wait after the last change before rendering."""
        if self._fixed_ms is not None:
            return self._fixed_ms
        if self._seconds:
            seconds = statistics.median(self._seconds)
        elif self._first is not None:
            seconds = self._first
        else:
            return UNMEASURED_DELAY_MS
        estimate = round(seconds * WAIT_PER_RENDER * 1000)
        return min(max(estimate, MIN_DELAY_MS), MAX_DELAY_MS)
