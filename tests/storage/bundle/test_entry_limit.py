"""A file larger than a bundle entry may be is left out of the bundle with a warning that says
so, and the kit is bundled without it (the limit is lowered here: a real one is 256 MB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.formats import bundle
from presskit.formats.bundle import write_bundle
from presskit.storage.bundle.format import megabytes

SVG_LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
            b'<rect width="120" height="40" fill="#1a4d8f"/></svg>\n')


def test_a_logo_larger_than_an_entry_may_be_is_left_out_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    limit = len(SVG_LOGO) - 1
    monkeypatch.setattr(bundle, "MAX_ENTRY_BYTES", limit)
    (tmp_path / "house.svg").write_bytes(SVG_LOGO)
    kit = tmp_path / "kit.presskit"
    kit.write_text("presskit: 1\nkit:\n  title: House logo\nbrand:\n  organisation: Example\n"
                   "  logo: house.svg\n", encoding="utf-8")

    report = write_bundle(kit, tmp_path / "kit.presskitz")

    assert [m for m in report.messages() if "house.svg" in m] == [
        f"{kit}:6:9: warning: logo: {tmp_path / 'house.svg'} is not in the bundle: "
        f"it is larger than {megabytes(limit)}"]
    assert "assets/house.svg" not in {entry.name for entry in report.entries}
