"""The source map a loaded kit carries for the GUI and the command line: where each value is,
and where the key of each mapping entry is, which can be on another line than its value."""

from __future__ import annotations

from pathlib import Path

from presskit.storage import SourceMap, loads_kit


def test_a_key_and_its_value_are_found_each_at_its_own_line_and_column() -> None:
    loaded = loads_kit("presskit: 1\nkit:\n  title:\n    Talks resume\n  series: Briefings\n",
                       Path("kit.presskit"))
    where = loaded.source_map
    assert (where.locate_key(("kit", "title")), where.locate(("kit", "title"))) == (
        (3, 3), (4, 5))
    assert (where.locate_key(("kit", "series")), where.locate(("kit", "series"))) == (
        (5, 3), (5, 11))
    assert where.locate_key(("kit",)) == (2, 1)
    assert where.locate_key(("kit", "date")) is None  # not in the file


def test_a_position_recorded_by_hand_keeps_its_first_key_and_value() -> None:
    where = SourceMap()
    where.add(("quotes", 0, "text"), (7, 9), key=(7, 3))
    where.add(("quotes", 0, "text"), (9, 9), key=(9, 3))  # a duplicate: the first one counts
    where.add(("quotes", 0), (6, 3))  # a list item has no key
    assert where.locate_key(("quotes", 0, "text")) == (7, 3)
    assert where.locate(("quotes", 0, "text")) == (7, 9)
    assert where.locate_key(("quotes", 0)) is None
    assert where.locate(("quotes", 0, "expert")) == (6, 3)  # the item that lacks it
