"""What the fuzz tests share: how many inputs they try, the watchdog each input runs under, and
the mutations that turn a good seed into a hostile one.

``PRESSKIT_FUZZ=full`` (what ``make fuzz`` sets) tries at least 20,000 inputs per target;
otherwise 40, so ``make test`` stays quick. Hypothesis keeps the failing inputs it
finds in ``.hypothesis/`` and tries them first next time, so a short run repeats what a full
run found until it is fixed.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sys
from collections.abc import Iterator
from types import FrameType

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FULL = os.environ.get("PRESSKIT_FUZZ", "") == "full"
#: Inputs per target.
EXAMPLES = 20_000 if FULL else 40

#: Hypothesis settings for every fuzz target. No deadline: a slow machine must not fail a
#: test; the watchdog below catches real hangs instead.
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
    # Shrinking a hang or a crash found in a full run can take a long time; the input as
    # found is printed either way.
    report_multiple_bugs=False,
)

#: Seconds one input may take before it counts as a hang (generous: these take milliseconds).
HANG_SECONDS = 20
#: How much one input may raise the test process's peak resident memory: far above what a
#: kit needs and far below what an unbounded expansion (billion laughs, a decompression bomb)
#: would take. Per input, because Hypothesis's own records of a 20,000-input run grow too.
MAX_GROWTH_BYTES = 512 * 1024 * 1024
# ru_maxrss is in kilobytes on Linux, in bytes on macOS.
_RSS_SCALE = 1 if sys.platform == "darwin" else 1024


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _RSS_SCALE


class Hang(AssertionError):
    """One input ran longer than ``HANG_SECONDS``."""


@contextlib.contextmanager
def watchdog(what: object) -> Iterator[None]:
    """Run the block under a timer that fails it, naming ``what``, if it hangs, and check
    afterwards that it has not raised the process's peak memory by ``MAX_GROWTH_BYTES``."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise Hang(f"no result after {HANG_SECONDS} s for the input {what!r}"[:2000])

    before = _peak()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    grown = _peak() - before
    assert grown < MAX_GROWTH_BYTES, f"{grown >> 20} MB more for the input {what!r}"[:2000]


# -- mutations ---------------------------------------------------------------------------------

#: Snippets that mean something to YAML, CSV, zip or the advisory parser.
SNIPPETS = [
    # YAML
    ":", ": ", "- ", "---\n", "...\n", "? ", "&a ", "*a", "<<: *a\n",
    "!!python/object/apply:os.system",
    "!!binary ", "!x ", "%YAML 1.1\n", "%TAG ! tag:x:\n", "{", "}", "[", "]", "'", '"', "|", ">",
    "|-\n", "#", "\t", "\n  ", "\n- ", "key: value\n", "\\", "\\x", "\\u", "~", "null", "0x1F",
    "1e400", "2019-02-30", "1:00:00", ".inf", "yes", "=", "@", "`",
    # CSV
    ",", ";", '""', '","', "\r\n", "\r", "\x00", '"\n"', "=cmd|' /C calc'!A0", "Name,Email\n",
    # zip
    "PK\x03\x04", "PK\x01\x02", "PK\x05\x06", "../", "/etc/passwd", "C:\\", "photos/",
    # text
    "\ufeff", "\u202e", "\u0301", "\U0001f600", "\x0c", "\x85", "\u2028", "\ud800",
    "###", "-30-", "Contact:", "Media Contact:", "@example.org", "http://", "javascript:",
    "<b>", "<font name=x>", "&amp;", "&#0;", "*", "**", "{email}", "{name}",
]


@st.composite
def mutated(draw: st.DrawFn, seeds: list[str], *, text: st.SearchStrategy[str] | None = None
            ) -> str:
    """One of ``seeds`` after a few random byte flips, snippet insertions, deletions,
    truncations or a splice with another seed; sometimes arbitrary text instead."""
    if draw(st.integers(0, 9)) == 0:
        return draw(text if text is not None else st.text(max_size=2000))
    value = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(value)))
        match draw(st.integers(0, 5)):
            case 0:  # one character changed
                if value:
                    at = min(at, len(value) - 1)
                    value = value[:at] + chr(draw(st.integers(0, 0x2FF))) + value[at + 1:]
            case 1:
                value = value[:at] + draw(st.sampled_from(SNIPPETS)) + value[at:]
            case 2:
                value = value[:at] + value[at + draw(st.integers(1, 200)):]
            case 3:
                value = value[:at]
            case 4:
                other = draw(st.sampled_from(seeds))
                value = value[:at] + other[draw(st.integers(0, len(other))):]
            case _:  # a line repeated: duplicate keys, a list item twice
                start = value.rfind("\n", 0, at) + 1
                end = value.find("\n", at)
                line = value[start:end + 1] if end >= 0 else value[start:] + "\n"
                value = value[:start] + line * draw(st.integers(1, 3)) + value[start:]
    return value


@st.composite
def mutated_bytes(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """One of ``seeds`` after a few byte flips, insertions, deletions, truncations or a
    splice; sometimes arbitrary bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=4000))
    value = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(value)))
        match draw(st.integers(0, 4)):
            case 0:
                if value:
                    at = min(at, len(value) - 1)
                    value = value[:at] + bytes([draw(st.integers(0, 255))]) + value[at + 1:]
            case 1:
                snippet = draw(st.sampled_from(SNIPPETS)).encode("utf-8", "surrogatepass")
                value = value[:at] + snippet + value[at:]
            case 2:
                value = value[:at] + value[at + draw(st.integers(1, 64)):]
            case 3:
                value = value[:at]
            case _:
                other = draw(st.sampled_from(seeds))
                value = value[:at] + other[draw(st.integers(0, len(other))):]
    return value
