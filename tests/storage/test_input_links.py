"""A file presskit keeps itself is read with ``follow_links=False``: a link planted in its
place is refused, saying it is a link, and never read through; a real file still reads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from presskit.storage.inputs import InputError, read_input


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX links")
def test_a_link_is_refused_as_a_link_where_links_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "id_rsa"
    secret.write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----\n")
    planted = tmp_path / "state.json"
    planted.symlink_to(secret)

    with pytest.raises(InputError) as caught:
        read_input(planted, 1024, follow_links=False)
    assert str(caught.value) == f"{planted} is a link, which presskit does not follow here"
    assert read_input(secret, 1024, follow_links=False) == secret.read_bytes()
    assert read_input(planted, 1024) == secret.read_bytes()  # followed where allowed
