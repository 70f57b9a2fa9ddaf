"""SVG logos stay vector drawings in the PDF; a broken SVG warns and the masthead prints
without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.pdf_reading import fonts, page_texts, reader
from support.render_fixtures import seed_kit

from presskit.render import RenderError, render_pdf
from presskit.render.images.prepare import ImageProblem, prepare_logo
from presskit.render.images.svg import VectorLogo

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">'
    '<rect x="0" y="0" width="60" height="60" fill="#1f3a5f"/>'
    '<circle cx="120" cy="30" r="25" fill="#c8102e"/></svg>'
)


def test_an_svg_logo_is_drawn_as_vectors_not_an_image(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(LOGO)
    prepared = prepare_logo(path, 300, 40)
    assert isinstance(prepared, VectorLogo) and prepared.aspect == pytest.approx(0.3)
    drawn: list[tuple[float, float]] = []
    original = VectorLogo.draw_on

    def spy(self: VectorLogo, canv: object, x: float, y: float, w: float, h: float) -> None:
        drawn.append((w, h))
        original(self, canv, x, y, w, h)

    monkeypatch.setattr(VectorLogo, "draw_on", spy)
    pdf = render_pdf(seed_kit(logo=path), strict=True, invariant=True)
    assert drawn and drawn[0][1] == pytest.approx(40)  # the masthead's logo height
    page = reader(pdf.data).pages[0]
    xobjects = page["/Resources"].get("/XObject") or {}
    assert not [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    content = page.get_contents().get_data()
    assert b".121569 .227451 .372549 rg" in content  # the square's navy, as a fill colour
    assert b"0 0 60 60 re f" in content  # the square, as a path
    assert b"120 55 c" in content  # the circle, as Bezier curves


@pytest.mark.parametrize(
    "text", ["<svg", "this is not an svg", "<svg xmlns='http://www.w3.org/2000/svg'/>", ""])
def test_a_broken_svg_logo_warns_and_the_masthead_prints_without_it(tmp_path: Path,
                                                                     text: str) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(text)
    with pytest.raises(ImageProblem):
        prepare_logo(path, 300, 40)
    kit = seed_kit(logo=path)
    pdf = render_pdf(kit)
    [warning] = pdf.warnings
    assert warning.where == ("brand", "logo")
    assert "logo.svg" in warning.message and "without it" in warning.message
    assert "CNAS Responds" in page_texts(pdf.data)[0]
    with pytest.raises(RenderError):
        render_pdf(kit, strict=True)


def test_a_missing_svg_logo_warns(tmp_path: Path) -> None:
    pdf = render_pdf(seed_kit(logo=tmp_path / "gone.svg"))
    [warning] = pdf.warnings
    assert "file not found" in warning.message


def test_lettering_in_an_svg_logo_is_set_in_an_embedded_font(tmp_path: Path) -> None:
    """svglib would print SVG text in Helvetica, which is never embedded."""
    path = tmp_path / "logo.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
        '<text x="4" y="40" font-family="Arial" font-size="30">NORTH</text>'
        '<text x="110" y="40" font-family="Arial" font-weight="bold" font-size="30">IA</text>'
        "</svg>"
    )
    pdf = render_pdf(seed_kit(logo=path), strict=True, invariant=True)
    used = fonts(pdf.data)
    assert used and all(used.values()), used
    assert not any("Helvetica" in name or "Arial" in name for name in used)
    assert "NORTH" in page_texts(pdf.data)[0]
