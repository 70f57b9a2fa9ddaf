"""The collector's pauses and freezes always end, and what they held back is collected after."""

from __future__ import annotations

import gc
import weakref

import pytest

from presskit import long_lived


class Node:
    """An object in a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


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


def test_a_frozen_render_gives_its_kit_back_to_the_collector_even_when_it_fails() -> None:
    kit = Node()
    gone = weakref.ref(kit)
    with pytest.raises(RuntimeError), long_lived.frozen():
        assert gc.get_freeze_count() > 0
        del kit
        gc.collect()
        assert gone() is not None  # frozen: the collector does not look at it
        raise RuntimeError("the render failed")
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None
