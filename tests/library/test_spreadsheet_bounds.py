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

