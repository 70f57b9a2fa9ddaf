"""SVG logos, kept as vector drawings so they print crisp at any size.

svglib turns the file into a ReportLab ``Drawing``; the masthead draws it with ``renderPDF``,
so the PDF holds path operators, not an image. A file that is not a usable SVG raises
:class:`~presskit.render.images.cache.ImageProblem` like a broken PNG, which the caller turns into
a warning and a masthead without the logo.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from presskit.render.fonts.registry import builtin_family
from presskit.render.images.cache import ImageProblem, PreparedImage

#: SVG files above this size are refused unread (a logo is a few kilobytes).
MAX_SVG_BYTES = 10 * 1024 * 1024
SVG_SUFFIXES = frozenset({".svg"})


@dataclass(frozen=True)
class VectorLogo(PreparedImage):
    """A logo drawn as vectors: ``width_px``/``height_px`` are its size in points."""

    drawing: Any = None

    def draw_on(self, canv: Any, x: float, y: float, width: float, height: float) -> None:
        """Draw the logo scaled into the box at ``(x, y)`` of ``width`` × ``height`` points."""
        from reportlab.graphics import renderPDF

        canv.saveState()
        canv.translate(x, y)
        canv.scale(width / self.drawing.width, height / self.drawing.height)
        # renderPDF first selects its default font (Helvetica) whatever the drawing holds,
        # which would list an unembedded font in the PDF; only the shipped faces the logo's
        # text was given (``_embed_text_fonts``) get through.
        set_font = canv.setFont
        canv.setFont = partial(_embedded_only, set_font)  # instance attribute, removed below
        try:
            renderPDF.draw(self.drawing, canv, 0, 0)
        finally:
            vars(canv).pop("setFont", None)
            canv.restoreState()


def _embedded_only(set_font: Any, name: str, *args: Any, **kwargs: Any) -> None:
    if str(name).startswith("PK-"):
        set_font(name, *args, **kwargs)


def is_svg(path: Path) -> bool:
    return Path(path).suffix.lower() in SVG_SUFFIXES


def prepare_svg_logo(path: Path) -> VectorLogo:
    """The SVG file ``path`` as a vector logo; raises ``ImageProblem`` if it is unusable."""
    from svglib.svglib import svg2rlg

    try:
        size = path.stat().st_size
        if size > MAX_SVG_BYTES:
            raise ImageProblem(f"the SVG file is too large ({size // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImageProblem("file not found") from None
    except IsADirectoryError:
        raise ImageProblem("it is a folder, not an image file") from None
    except OSError as exc:
        raise ImageProblem(f"cannot be read ({exc.strerror or exc})") from None
    # svglib logs what it cannot draw; the warning below is what the user sees.
    svglib_log = logging.getLogger("svglib.svglib")
    level = svglib_log.level
    svglib_log.setLevel(logging.CRITICAL)
    try:
        drawing = svg2rlg(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any parser failure is a broken file
        raise ImageProblem(f"not a readable SVG drawing ({type(exc).__name__})") from None
    finally:
        svglib_log.setLevel(level)
    if drawing is None or not drawing.contents:
        raise ImageProblem("not a readable SVG drawing (damaged, or not SVG)")
    width, height = float(drawing.width or 0), float(drawing.height or 0)
    if width <= 0 or height <= 0:
        raise ImageProblem("the SVG drawing has no size (set width and height or a viewBox)")
    _embed_text_fonts(drawing)
    return VectorLogo(b"", width, height, drawing=drawing)  # type: ignore[arg-type]


def _embed_text_fonts(node: Any) -> None:
    """Set text in the logo in the shipped DejaVu Sans faces.

    svglib maps SVG font families to ReportLab's standard fonts (Helvetica, Times…), which
    are never embedded: a logo with lettering would break "every font embedded" and may print
    differently elsewhere. Bold and italic keep their weight and slant.
    """
    from reportlab.graphics.shapes import Group, String

    if isinstance(node, String):
        family = builtin_family()
        name = str(getattr(node, "fontName", "")).lower()
        bold = "bold" in name
        italic = "italic" in name or "oblique" in name
        node.fontName = (family.bold_italic if bold and italic else family.bold if bold
                         else family.italic if italic else family.regular)
    elif isinstance(node, Group):
        for child in node.contents:
            _embed_text_fonts(child)
