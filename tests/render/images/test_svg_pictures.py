"""An SVG logo drawn as a PNG picture for e-mail (``svg_raster``): text in the shipped DejaVu
faces whatever family it names and whatever fonts the machine has, nothing outside the file
drawn, filters left out without losing the shapes they were on, and every refusal one line
saying why. Read back as a mail client shows the picture: its pixels."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from presskit import resources_path
from presskit.render.images.cache import ImageProblem
from presskit.render.images.svg_raster import rasterise_svg, rasterise_svg_data

OPEN = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="100" height="100">')
RED, GREEN, BLUE = (255, 0, 0, 255), (0, 128, 0, 255), (0, 0, 255, 255)


def drawn(svg: str, width: int = 100, height: int = 100) -> Image.Image:
    prepared = rasterise_svg_data(svg.encode(), width, height)
    image = Image.open(io.BytesIO(prepared.data)).convert("RGBA")
    assert image.size == (prepared.width_px, prepared.height_px)
    return image


def lettering(family: str | None) -> bytes:
    """The pixels of "Ag" set in ``family`` (the SVG's default when ``None``)."""
    named = f' font-family="{family}"' if family else ""
    image = drawn(f'{OPEN}<text x="5" y="60" font-size="40"{named}>Ag</text></svg>')
    assert image.getbbox() is not None, f"no text drawn for {family}"
    return image.tobytes()


def png_of(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(("family", "face"), [
    (None, "DejaVu Sans"), ("sans-serif", "DejaVu Sans"), ("cursive", "DejaVu Sans"),
    ("fantasy", "DejaVu Sans"), ("monospace", "DejaVu Sans"), ("serif", "DejaVu Serif"),
])
def test_text_in_a_generic_family_is_set_in_a_shipped_face(family: str | None,
                                                          face: str) -> None:
    assert lettering(family) == lettering(face)


def test_text_in_a_font_only_this_machine_has_looks_as_it_does_everywhere() -> None:
    """A family the machine has installed is not used: the logo in the mail must not depend
    on the sender's fonts (it comes out as a family nobody has does)."""
    shipped = {p.name for p in (resources_path() / "fonts").iterdir()}
    for path in sorted(Path("/usr/share/fonts").rglob("*.ttf")):
        if path.name in shipped:
            continue
        try:
            family, _style = ImageFont.truetype(str(path), 12).getname()
        except OSError:
            continue
        if family and "dejavu" not in family.lower():
            break
    else:
        pytest.skip("no font other than DejaVu installed on this machine")
    assert lettering(family) == lettering("No Such Family Anywhere")


def test_a_picture_named_outside_the_file_is_not_drawn_an_embedded_one_and_uses_are(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "red.png"
    outside.write_bytes(png_of("red"))
    green = "data:image/png;base64," + base64.b64encode(png_of("green")).decode()
    image = drawn(
        f'{OPEN}<image x="0" y="0" width="50" height="50" href="{outside.as_uri()}"/>'
        f'<image x="50" y="0" width="50" height="50" xlink:href="{outside}"/>'
        f'<image x="0" y="50" width="50" height="50" href="{green}"/>'
        '<rect id="dot" x="55" y="55" width="10" height="10" fill="blue"/>'
        '<use href="#dot" x="25" y="25"/></svg>')
    colours = {colour for _count, colour in image.getcolors(10_000) or []}
    assert RED not in colours
    assert image.getpixel((25, 75)) == GREEN
    assert image.getpixel((60, 60)) == BLUE and image.getpixel((85, 85)) == BLUE


FILTER = '<filter id="{id}"><feFlood flood-color="red"/></filter>'


@pytest.mark.parametrize("svg", [
    FILTER.format(id="f") + '<rect width="100" height="100" fill="blue" filter="url(#f)"/>'
    + FILTER.format(id="g") + '<rect width="50" height="50" fill="blue" filter="url(#g)"/>',
    FILTER.format(id="f") + '<rect width="100" height="100" fill="blue" '
    'style="stroke:none; Filter : url(#f);opacity:1"/>',
    FILTER.format(id="x:y") + '<rect width="100" height="100" fill="blue" '
    'style="filter:url(#x:y)"/>',
], ids=["attributes", "style", "style naming an id with a colon"])
def test_a_filtered_shape_is_drawn_in_its_own_colour_without_the_filter(svg: str) -> None:
    image = drawn(f"{OPEN}{svg}</svg>")
    assert image.getcolors() == [(100 * 100, BLUE)]


@pytest.mark.parametrize("hidden", [
    '<style>rect { filter/**/: url(#f) }</style><rect width="100" height="100" fill="blue"/>',
    '<rect width="100" height="100" fill="blue" style="filter/* x */:url(#f)"/>',
], ids=["style sheet", "style attribute"])
def test_a_filter_hidden_behind_a_css_comment_is_left_out_and_the_shape_drawn(
        hidden: str) -> None:
    # A CSS comment between the property and its colon still names the filter for resvg.
    # The filter is gone, so no flood of red (or a turbulence of a million octaves), and so
    # is its use: a use of a filter that is not there would hide the shape.
    image = drawn(f"{OPEN}{FILTER.format(id='f')}{hidden}</svg>")
    assert image.getcolors() == [(100 * 100, BLUE)]


def test_a_logo_is_drawn_in_its_proportions_within_the_size_asked() -> None:
    square = f'{OPEN}<rect width="100" height="100" fill="blue"/></svg>'
    assert drawn(square, 40, 30).size == (30, 30)
    assert drawn(square, 0, -5).size == (1, 1)


def test_refusals_are_one_line_saying_why(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImageProblem, match=r"^file not found$"):
        rasterise_svg(tmp_path / "gone.svg", 100, 100)
    with pytest.raises(ImageProblem, match=r"^it is a folder, not an SVG logo$"):
        rasterise_svg(tmp_path, 100, 100)
    with pytest.raises(ImageProblem,
                       match=r"^the SVG drawing cannot be drawn as a picture \(\S.*\)$") as err:
        rasterise_svg_data(b'<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>',
                           100, 100)
    assert "\n" not in str(err.value)

    import resvg_py

    too_big = io.BytesIO()
    Image.new("RGB", (300, 200)).save(too_big, "PNG")
    monkeypatch.setattr(resvg_py, "svg_to_bytes", lambda **_ask: too_big.getvalue())
    with pytest.raises(ImageProblem, match=r"^the SVG drawing came out 300×200 pixels, larger "
                                           r"than the 100×100 asked for$"):
        rasterise_svg_data(f"{OPEN}</svg>".encode(), 100, 100)
