"""The e-mail as a phone draws it: Debian's headless chromium lays the HTML out 375 px wide
(scripts/email_screenshots.py, which also takes the screenshots) and the quote column,
the phone numbers and the page's width are measured, with the <style> block and without
it
(Gmail's apps drop it for non-Google accounts). Skipped where chromium is not installed."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from support.examples import NORTHBRIDGE_KIT, ROOT

from presskit.formats import email_parts
from presskit.storage import load_kit


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "email_screenshots", ROOT / "scripts" / "email_screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


screenshots = _script()
pytestmark = pytest.mark.skipif(screenshots.chromium() is None,
                                reason="chromium is not installed")


def test_on_a_375_px_phone_a_quote_keeps_260_px_and_phone_numbers_one_line(
    tmp_path: Path
) -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    kit.quotes[0].text += " See https://example.org/" + "averylongpath" * 8 + "."
    html = email_parts(kit).html
    styled, unstyled = tmp_path / "styled.html", tmp_path / "unstyled.html"
    styled.write_text(html, encoding="utf-8")
    unstyled.write_text(re.sub(r"<style>.*?</style>", "", html, flags=re.S), encoding="utf-8")
    browser = screenshots.chromium()
    pages = [(styled, 375), (unstyled, 375), (unstyled, 320)]
    phone, phone_unstyled, small = screenshots.measure(browser, pages, tmp_path)
    for found in (phone, phone_unstyled):
        assert found["screen"] == 375
        assert len(found["quotes"]) == 12 and min(found["quotes"]) >= 260
        assert found["phones"] == [1]  # "+47 22 00 00 00" on one line
        assert found["wide"] == []  # nothing wider than the phone
    # The smallest phones, with the wider padding of a client that drops <style>: nothing
    # is cut off, not even the long address in the first quote.
    assert small["screen"] == 320 and small["wide"] == [] and small["phones"] == [1]
