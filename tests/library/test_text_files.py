"""A pasted advisory read from a file: decoded whatever its encoding, and a workbook saved
under a text name refused with what to do instead."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from presskit.library import text_files
from presskit.library.text_files import read_file, read_text_file, read_text_stream
from presskit.model import PresskitError


def test_a_text_file_is_read_in_its_own_encoding(tmp_path: Path) -> None:
    path = tmp_path / "advisory.txt"
    path.write_bytes("Dear Kim,\nThe talks…\n".encode("utf-16"))
    assert read_text_file(path, "advisory") == ("Dear Kim,\nThe talks…\n", "utf-16")


def test_a_workbook_named_like_text_is_refused_saying_to_save_it_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "advisory.txt"
    path.write_bytes(b"PK\x03\x04" + bytes(40))
    with pytest.raises(PresskitError) as caught:
        read_text_file(path)
    assert str(caught.value).startswith(f"{path} is a workbook (.xlsx/.ods/.numbers), not text: "
                                        "save it as CSV first")


def test_a_file_past_the_limit_is_refused_saying_how_large_a_large_roster_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_files, "MAX_TEXT_BYTES", 1024)
    path = tmp_path / "experts.csv"
    path.write_bytes(b"Name\n" + b"x" * 1019)
    assert len(read_file(path, "spreadsheet")) == 1024  # as much as is read
    path.write_bytes(b"Name\n" + b"x" * 1020)
    with pytest.raises(PresskitError) as caught:
        read_file(path, "spreadsheet")
    assert str(caught.value) == (f"{path} is larger than 1 kB, far more than any spreadsheet "
                                 "presskit reads (a roster of 100,000 experts is about 20 MB); "
                                 "it was not read")


def test_standard_input_is_read_up_to_the_limit_and_refused_past_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_files, "MAX_TEXT_BYTES", 3 * 1024 * 1024)
    exactly = b"Heat Wave\n" + b"x" * (3 * 1024 * 1024 - 10)
    assert read_text_stream(io.BytesIO(exactly)) == (exactly.decode(), "utf-8")
    with pytest.raises(PresskitError) as caught:
        read_text_stream(io.BytesIO(exactly + b"x"), "advisory.txt")
    assert str(caught.value) == ("advisory.txt is larger than 3 MB, far more than any advisory; "
                                 "it was not read to the end")
