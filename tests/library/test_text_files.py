"""A pasted advisory read from a file: decoded whatever its encoding, and a workbook saved
under a text name refused with what to do instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.library.text_files import read_text_file
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
