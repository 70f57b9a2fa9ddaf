"""The collector's pauses always end, and leave it as it was."""

from __future__ import annotations

import gc

from presskit import long_lived


def test_reading_pauses_the_collector_and_leaves_it_as_it_was() -> None:
    assert gc.isenabled()
    with long_lived.reading():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with long_lived.reading():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
