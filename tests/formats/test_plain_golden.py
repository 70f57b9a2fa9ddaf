"""The plain-text twin of each example, line for line as a text-only mail client shows it,
and the e-mail's HTML, byte for byte.

The files in ``plain_golden/`` were read by eye (the masthead, the headline's ``=`` underline,
the boxes between rules, each quote and its attribution, the bios' first paragraphs, the
footer): any change to the text, its wrapping at 72 columns or its layout shows here as a
diff. After a change made on purpose, write them again and read the diff before committing:

    PRESSKIT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/formats/test_plain_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT

from presskit.formats import email_parts
from presskit.formats.exports import export
from presskit.storage import load_kit

GOLDEN = Path(__file__).parent / "plain_golden"


def assert_golden(written: str, golden: Path, seen: str) -> None:
    """``written`` is the golden file's text (``PRESSKIT_UPDATE_GOLDEN=1`` rewrites it)."""
    if os.environ.get("PRESSKIT_UPDATE_GOLDEN"):
        golden.write_text(written, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), written.splitlines(),
                                          seen, "written now", lineterm=""))
    assert written == expected, diff


@pytest.mark.parametrize("kit", [CNAS_KIT, NORTHBRIDGE_KIT], ids=lambda p: p.stem)
def test_each_examples_plain_text_is_the_one_read_by_eye(kit: Path) -> None:
    text = email_parts(load_kit(kit).kit).text
    assert_golden(text, GOLDEN / f"{kit.stem}.txt", "read by eye")


@pytest.mark.parametrize("kit", [CNAS_KIT, NORTHBRIDGE_KIT], ids=lambda p: p.stem)
def test_each_examples_email_html_is_the_one_looked_at(kit: Path) -> None:
    """Looked at in Chromium at 640 px (scripts/email_screenshots.py draws the same HTML at
    phone and desktop widths): any change to a tag, a style or a word shows as a diff."""
    html = export(load_kit(kit).kit, "email").files[".html"].decode("utf-8")
    assert_golden(html, GOLDEN / f"{kit.stem}.html", "looked at")
