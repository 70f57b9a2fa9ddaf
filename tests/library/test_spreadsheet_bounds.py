"""A spreadsheet or advisory that is not a file is refused at once, naming it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.special_files import fifo, refused_without_blocking

from presskit.library.csv_import import sniff
from presskit.model import PresskitError


def test_a_pipe_given_as_a_spreadsheet_is_refused_at_once(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "experts.csv")
    with refused_without_blocking(pipe), pytest.raises(PresskitError) as caught:
        sniff(pipe)
    assert str(caught.value).startswith(f"{pipe} is not a regular file")



def test_a_spreadsheet_of_more_columns_than_a_roster_has_is_refused_naming_the_count() -> None:
    header = ",".join(f"c{i}" for i in range(201))
    with pytest.raises(PresskitError, match=r"staff.csv has 201 columns in its first row, "
                                            r"more than the 200 presskit imports"):
        sniff(header + "\n" + "x," * 200 + "x\n", "staff.csv")
    assert len(sniff(",".join(f"c{i}" for i in range(200)) + "\nName\n").headers) == 200
