"""Whatever a project file holds, opening it gives a kit or a ``ProjectFileError`` whose every
error says ``file:line:col``: no other exception, no hang, no memory blow-up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from support.examples import EXAMPLES
from support.fuzz_settings import FUZZ, mutated, watchdog

from presskit.storage import ProjectFileError, loads_kit

SEEDS = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*/*.presskit"))]
SEEDS.append("presskit: 1\nkit:\n  title: Small kit\n")
KIT_PATH = EXAMPLES / "cnas-responds" / "fuzzed.presskit"
#: The only errors that have no place in the file: there is no file content to point at.
UNPLACED = ("the file is empty",)


def assert_opens_or_is_refused_with_places(text: str, path: Path = KIT_PATH) -> None:
    with watchdog(text):
        try:
            loads_kit(text, path)
        except ProjectFileError as exc:
            lines = str(exc).splitlines()
            assert lines, f"refused without a message: {text!r}"
            for line in lines:
                placed = re.match(rf"{re.escape(str(path))}:\d+:\d+: error: \S", line)
                assert placed or any(u in line for u in UNPLACED), (line, text)


@FUZZ
@given(mutated(SEEDS))
@example("presskit: 1\nkit: {title: x}\nexperts: [{id: a, name: b, topics: [*x]}]\n")
def test_a_mutated_project_file_opens_or_is_refused_at_a_place(text: str) -> None:
    assert_opens_or_is_refused_with_places(text)


@FUZZ
@given(st.text(max_size=3000))
def test_arbitrary_text_as_a_project_file_opens_or_is_refused_at_a_place(text: str) -> None:
    assert_opens_or_is_refused_with_places(text)


# -- what the fuzzing found ------------------------------------------------------------------

def test_a_time_zone_that_is_a_folder_of_the_tz_database_is_an_error_at_its_place() -> None:
    text = ("presskit: 1\nkit:\n  title: T\n  date: 2026-07-14\n  embargo:\n"
            "    until: 2026-07-14 06:00\n    zone: Europe\n")
    try:
        loads_kit(text, KIT_PATH)
    except ProjectFileError as exc:
        assert f"{KIT_PATH}:7:11: error: unknown time zone 'Europe'" in str(exc)
    else:
        raise AssertionError("an embargo in the zone 'Europe' was accepted")


def test_a_lone_surrogate_in_the_text_is_refused_at_its_place() -> None:
    assert_opens_or_is_refused_with_places("\ud800presskit: 1\nkit:\n  title: x\n")
    with pytest.raises(ProjectFileError, match=r":1:1: error: .*U\+D800"):
        loads_kit("\ud800presskit: 1\nkit:\n  title: x\n", KIT_PATH)
