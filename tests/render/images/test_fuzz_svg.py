"""Whatever an SVG logo holds, preparing it gives a vector logo that draws, or an
``ImageProblem`` the caller turns into a warning naming the file: no other exception, no hang,
no memory blow-up (embedded pictures, element floods, absurd sizes)."""

from __future__ import annotations

import base64
import io
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from reportlab.pdfgen.canvas import Canvas
from support.fuzz_settings import FUZZ, SNIPPETS, mutated, watchdog

from presskit.render.images.cache import ImageProblem
from presskit.render.images.prepare import prepare_logo
from presskit.render.images.svg import VectorLogo

_WORK = Path(tempfile.mkdtemp(prefix="presskit-fuzz-svg-"))


def _png(size: tuple[int, int], mode: str = "RGBA") -> str:
    out = io.BytesIO()
    Image.new(mode, size, 128 if mode in ("L", "P") else (200, 30, 40, 255)[:len(mode)]
              ).save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _jpeg(size: tuple[int, int]) -> str:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 60, 120)).save(out, "JPEG")
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")


_HEAD = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
         'width="200" height="60" viewBox="0 0 200 60">')
SEEDS = [
    _HEAD + '<rect x="0" y="0" width="60" height="60" fill="#1f3a5f"/>'
    '<circle cx="120" cy="30" r="25" fill="#c8102e" stroke="#000" stroke-width="2"/></svg>',
    _HEAD + '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/>'
    '<stop offset="1" stop-color="#036"/></linearGradient></defs>'
    '<g transform="translate(10,5) scale(0.5) rotate(10)"><path d="M0 0 L50 0 Q60 30 0 50 Z"'
    ' fill="url(#g)"/></g><text x="70" y="40" font-family="Helvetica" font-weight="bold"'
    ' font-size="20">CNAS</text></svg>',
    _HEAD + f'<image x="0" y="0" width="60" height="60" xlink:href="{_png((8, 8))}"/>'
    f'<image id="p" x="70" y="0" width="60" height="60" href="{_jpeg((6, 4))}"/>'
    '<use href="#p" x="60"/></svg>',
    _HEAD + f'<image width="30" height="30" href="{_png((4, 4), "P")}"/>'
    '<polygon points="100,10 150,50 50,50" style="fill:lime;stroke:purple"/>'
    '<clipPath id="c"><rect width="20" height="20"/></clipPath>'
    '<ellipse cx="40" cy="40" rx="30" ry="10" clip-path="url(#c)"/></svg>',
]
#: What means something in an SVG: sizes, numbers at their edges, nesting, references.
SVG_SNIPPETS = [
    'width="nan"', 'height="inf"', 'width="-1"', 'width="0"', 'width="1e308"', 'width="1e-308"',
    'viewBox="0 0 0 0"', 'viewBox="nan nan nan nan"', 'transform="scale(1e300)"',
    'transform="matrix(nan,0,0,1,0,0)"', 'r="-5"', 'stroke-width="1e400"', 'font-size="0"',
    "<g>", "</g>", "<use href='#p'/>", "<use href='#g'/>", "<svg>", "</svg>", "<image ",
    'href="data:image/png;base64,iVBORw0KGgo="', 'xlink:href="file:///etc/passwd"',
    'href="../../secret.svg#x"', "<!ENTITY a 'aaaa'>", "&a;", "<![CDATA[", "]]>", "<!--", "-->",
    "<text>", "</text>", "<tspan>", "<style>rect{fill:red}</style>", 'style="fill:url(#zz)"',
    "d='M 0 0 C'", "points='1'", 'id="p"', 'opacity="2"', 'fill="#zzzzzz"', "\x00",
]


@st.composite
def svg_texts(draw: st.DrawFn) -> str:
    text = draw(mutated(SEEDS))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from([*SVG_SNIPPETS, *SNIPPETS])) + text[at:]
    return text


def assert_draws_or_is_refused(data: bytes) -> None:
    path = _WORK / "logo.svg"
    path.write_bytes(data)
    with watchdog(data[:300]):
        try:
            logo = prepare_logo(path, 300, 40)
        except ImageProblem as exc:
            assert str(exc), data
            return
        assert isinstance(logo, VectorLogo)
        assert 0 < logo.width_px < float("inf") and 0 < logo.height_px < float("inf")
        canvas = Canvas(io.BytesIO())
        logo.draw_on(canvas, 10, 10, 120, 40)
        canvas.save()


@FUZZ
@given(svg_texts())
def test_a_mutated_svg_logo_draws_or_is_refused(text: str) -> None:
    assert_draws_or_is_refused(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.integers(1, 3), st.integers(1, 3000), st.integers(1, 3000), st.integers(0, 200))
def test_generated_pictures_uses_and_nesting_draw_or_are_refused(
        pictures: int, width: int, height: int, depth: int) -> None:
    """Embedded pictures of any size, used any number of times, at any depth."""
    picture = _png((width, height), "L")
    body = "".join(f'<image id="p{n}" width="10" height="10" href="{picture}"/>'
                   for n in range(pictures))
    body += "".join(f'<use href="#p{n % pictures}"/>' for n in range(depth))
    text = _HEAD + "<g>" * depth + body + "</g>" * depth + "</svg>"
    assert_draws_or_is_refused(text.encode("utf-8"))
