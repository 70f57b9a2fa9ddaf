"""A quote's request in the project file: written under ``request:`` only when there is one,
read back exactly, and a bad value reported where it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from presskit.model import Expert, Kit, Quote, QuoteRequest
from presskit.storage import ProjectFileError, dumps_kit, loads_kit

PROJECT = Path("/projects/kit.presskit")


def kit_with(request: QuoteRequest | None) -> Kit:
    return Kit(title="Talks", experts=[Expert("kim", "Duyeon Kim")],
               quotes=[Quote("kim-1", "kim", "", request=request)])


def test_a_request_is_written_under_the_quote_and_read_back() -> None:
    request = QuoteRequest(dt.date(2026, 12, 3), dt.datetime(2026, 12, 5, 17, 0), "the talks", 80)
    text = dumps_kit(kit_with(request), PROJECT)
    assert ("  request:\n    asked: 2026-12-03\n    deadline: 2026-12-05 17:00\n"
            "    topic: the talks\n    length: 80\n") in text
    assert loads_kit(text, PROJECT).kit.quotes[0].request == request


def test_a_deadline_may_be_a_day_alone() -> None:
    request = QuoteRequest(dt.date(2026, 12, 3), dt.date(2026, 12, 5))
    text = dumps_kit(kit_with(request), PROJECT)
    assert "deadline: 2026-12-05\n" in text and "length" not in text
    assert loads_kit(text, PROJECT).kit.quotes[0].request == request


def test_a_quote_without_a_request_writes_no_request_key() -> None:
    assert "request" not in dumps_kit(kit_with(None), PROJECT)


@pytest.mark.parametrize(("value", "expected"), [
    ("deadline: next week", "expected a date like 2019-09-20, or a date and time like"),
    ("length: lots", "expected a whole number of words from 0 to 100000"),
    ("deadline: 2026-12-01", "comes before the day it was asked"),
])
def test_a_bad_request_value_is_reported_at_its_line(value: str, expected: str) -> None:
    text = dumps_kit(kit_with(QuoteRequest(dt.date(2026, 12, 3))), PROJECT)
    text = text.replace("    asked: 2026-12-03\n", f"    asked: 2026-12-03\n    {value}\n")
    with pytest.raises(ProjectFileError) as caught:
        loads_kit(text, PROJECT)
    line = text.splitlines().index(f"    {value}") + 1
    [error] = str(caught.value).splitlines()
    assert error.startswith(f"{PROJECT}:{line}:") and expected in error
