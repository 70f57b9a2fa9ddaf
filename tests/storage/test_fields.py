"""A date and time that looks right but does not exist (30 February, 25 o'clock) is refused
with the words a press officer needs to mend it, at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.storage import ProjectFileError, loads_kit

KIT = "presskit: 1\nkit:\n  title: Talks\n"


@pytest.mark.parametrize(("text", "expected"), [
    (KIT + "  embargo:\n    until: 2026-02-30 10:00\n    zone: UTC\n",
     "kit.presskit:5:12: error: kit.embargo.until: expected a date and time like "
     "2019-09-20 09:00, got '2026-02-30 10:00' (there is no such time)"),
    (KIT + "experts: [{id: kim, name: Kim}]\nquotes:\n- id: q\n  expert: kim\n  text: Yes.\n"
     "  request: {asked: 2026-01-01, deadline: 2026-01-05 25:00}\n",
     "kit.presskit:9:42: error: quotes[0].request.deadline: expected a date like 2019-09-20, "
     "or a date and time like 2019-09-20 09:00, got '2026-01-05 25:00' (there is no such "
     "time)"),
], ids=["embargo", "deadline"])
def test_a_date_and_time_that_does_not_exist_is_refused_saying_so(
    text: str, expected: str
) -> None:
    with pytest.raises(ProjectFileError) as caught:
        loads_kit(text, Path("kit.presskit"))
    assert str(caught.value) == expected
