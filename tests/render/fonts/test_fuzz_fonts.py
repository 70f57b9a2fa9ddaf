"""Whatever bytes a brand's font file holds, the brand's fonts resolve to usable families,
with a warning naming the file for any face that cannot be used: no other exception, no hang,
no memory blow-up (a character map can claim 2**32 characters), and a font that is accepted
embeds in a PDF."""

from __future__ import annotations

import io
import struct
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from support.font_files import SHIPPED, font_collection, small_font, with_cmap_group
from support.fuzz_settings import FUZZ, mutated_bytes, watchdog

from presskit.model import Fonts
from presskit.render.fonts import cache as font_cache
from presskit.render.fonts.registry import resolve

_WORK = Path(tempfile.mkdtemp(prefix="presskit-fuzz-fonts-"))
_TEXT = "Press kit: ÄÖÜ ß — “quotes” 2019 ffi"


def _seeds() -> list[bytes]:
    sans = small_font(SHIPPED / "DejaVuSans.ttf", _TEXT)
    bold = small_font(SHIPPED / "DejaVuSerif-Bold.ttf", _TEXT)
    (_WORK / "sans.ttf").write_bytes(sans)
    (_WORK / "bold.ttf").write_bytes(bold)
    grouped = with_cmap_group(_WORK / "sans.ttf", _WORK / "grouped.ttf", 0x20, 0x7E)
    collection = font_collection([_WORK / "sans.ttf", _WORK / "bold.ttf"], _WORK / "pair.ttc")
    return [sans, bold, grouped.read_bytes(), collection.read_bytes()]


SEEDS = _seeds()
#: Numbers that mean something in a font's tables: counts, offsets and lengths at their edges.
_EDGES = [0, 1, 0x7FFF, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0x7FFFFFFF, 0xFFFFFFFF]


@st.composite
def hostile_numbers(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A seed with a few 16- or 32-bit fields set to edge values: the table directory's
    offsets and lengths, the character map's counts and ranges."""
    value = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        wide = draw(st.booleans())
        at = draw(st.integers(0, max(0, len(value) - 4)))
        number = draw(st.sampled_from(_EDGES))
        if wide:
            struct.pack_into(">I", value, at, number)
        else:
            struct.pack_into(">H", value, at, number & 0xFFFF)
    return bytes(value)


@pytest.fixture(autouse=True)
def no_font_cache_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of fonts would each leave a parsed copy in the cache folder."""
    monkeypatch.setattr(font_cache, "_restore", lambda *args: None)
    monkeypatch.setattr(font_cache, "_store", lambda *args: None)


def _forget_fuzzed_fonts() -> None:
    """ReportLab's registry is process-wide: drop what these inputs registered."""
    for name in [n for n in pdfmetrics.getRegisteredFontNames() if n.startswith("PK-fuzzed")]:
        pdfmetrics._fonts.pop(name, None)


def assert_resolves_or_warns(data: bytes, name: str) -> None:
    path = _WORK / name
    path.write_bytes(data)
    with watchdog(data[:200]):
        families, problems = resolve(Fonts(body=path, heading="DejaVu Serif"))
        for problem in problems:
            assert problem.where[:2] == ("brand", "fonts"), problem
            assert str(path) in problem.message, problem
        # What was accepted must embed: ReportLab cuts the subset when the PDF is saved.
        canvas = Canvas(io.BytesIO())
        canvas.setFont(families.body.regular, 11)
        canvas.drawString(10, 10, _TEXT)
        canvas.save()
    _forget_fuzzed_fonts()


@FUZZ
@given(mutated_bytes(SEEDS))
def test_a_mutated_font_file_resolves_or_warns(data: bytes) -> None:
    assert_resolves_or_warns(data, "fuzzed.ttf")


@FUZZ
@given(hostile_numbers(SEEDS))
def test_a_font_with_hostile_counts_and_offsets_resolves_or_warns(data: bytes) -> None:
    assert_resolves_or_warns(data, "fuzzed.ttf")


@FUZZ
@given(st.sampled_from(SEEDS), st.integers(0, 3))
def test_a_font_collection_index_that_is_not_there_warns(data: bytes, index: int) -> None:
    assert_resolves_or_warns(data, f"fuzzed.ttc#{index}" if data[:4] == b"ttcf"
                             else "fuzzed.ttf")
