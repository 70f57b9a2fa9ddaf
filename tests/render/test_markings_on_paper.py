"""The DRAFT watermark and the EMBARGOED band as an office printer and a photocopier see them.

Colours are read from the PDF's own fill operators (pikepdf), not from the renderer's
helpers: coverage is the toner a greyscale printer lays down (one minus Rec. 601 luma),
contrast is WCAG's.
"""

from __future__ import annotations

import datetime as dt
import functools
import io

import pikepdf
import pytest
from support.render_fixtures import seed_kit

from presskit.model import Embargo, Status
from presskit.render import render_pdf


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def _luminance(rgb: tuple[float, float, float]) -> float:
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _coverage(rgb: tuple[float, float, float]) -> float:
    return 1 - (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2])


def _contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _hex(value: str) -> tuple[float, float, float]:
    return tuple(int(value[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _form_fills(data: bytes, form: str) -> tuple[list[tuple[float, float, float]], bool]:
    """The fill colours (``rg``) set in the first page's form ``form``, and whether it sets
    any graphics state (``gs``: transparency) at all."""
    pdf = pikepdf.open(io.BytesIO(data))
    xobjects = pdf.pages[0].Resources.XObject
    stream = next(v for k, v in xobjects.items() if k.endswith(form))
    ops = pikepdf.parse_content_stream(stream)
    fills = [tuple(float(x) for x in operands) for operands, op in ops if str(op) == "rg"]
    return fills, any(str(op) == "gs" for _operands, op in ops)  # type: ignore[return-value]


@functools.cache
def _marked_kit(accent: str) -> bytes:
    kit = seed_kit()
    kit.status = Status.DRAFT
    kit.embargo = Embargo(until=dt.datetime(2026, 12, 2, 6, 0), zone="Europe/Brussels")
    kit.brand.colors.accent = accent
    return render_pdf(kit, invariant=True).data


# The default red, Northbridge's amber, and a pale butter yellow a brand might well choose.
@pytest.mark.parametrize("accent", ["#C8102E", "#E0A100", "#FFF3B0"])
def test_draft_watermark_prints_and_body_text_over_it_stays_legible(accent: str) -> None:
    data = _marked_kit(accent)
    fills, transparent = _form_fills(data, "pkWatermark")
    assert not transparent  # an opaque tint: nothing for a printer driver to flatten
    (tint,) = fills
    # Office lasers drop tints under ~5–8 % toner; 12–20 % survives a print and a copy.
    assert 0.12 <= _coverage(tint) <= 0.20
    assert 0.60 <= _luminance(tint) <= 0.80
    body = _hex(seed_kit().brand.colors.text)
    assert _contrast(body, tint) >= 7


@pytest.mark.parametrize("accent", ["#C8102E", "#E0A100", "#FFF3B0"])
def test_embargo_band_prints_and_its_words_read_on_it(accent: str) -> None:
    fills, _transparent = _form_fills(_marked_kit(accent), "pkEmbargo")
    band, words = fills[0], fills[1]
    assert _coverage(band) >= 0.30
    assert _contrast(words, band) >= 4.5
