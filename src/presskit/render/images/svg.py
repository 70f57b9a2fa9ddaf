"""SVG logos, kept as vector drawings so they print crisp at any size.

svglib turns the file into a ReportLab ``Drawing``; the masthead draws it with ``renderPDF``,
so the PDF holds path operators, not an image. The file is held to ``model.limits`` before
svglib draws it: its size, its elements and nesting, and every picture it embeds as a
``data:`` address (pixels counted from the header, never decoded beyond the cap); a drawing
whose size is not a finite, positive number of points is refused too (it printed a blank
page). A file that is not a usable SVG raises
:class:`~presskit.render.images.cache.ImageProblem` like a broken PNG, which the caller turns into
a warning and a masthead without the logo.
"""

from __future__ import annotations

import base64
import io
import logging
import math
import re
import warnings
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from presskit.model import limits
from presskit.render.fonts.registry import builtin_family
from presskit.render.images.cache import ImageProblem, PreparedImage
from presskit.storage.inputs import InputError, read_input

#: SVG files above this size are refused unread (a logo is a few kilobytes).
MAX_SVG_BYTES = limits.MAX_SVG_BYTES
MAX_ELEMENTS = limits.MAX_SVG_ELEMENTS
MAX_DEPTH = limits.MAX_SVG_DEPTH
MAX_PICTURE_PIXELS = limits.MAX_SVG_IMAGE_PIXELS
MAX_SIDE_PT = limits.MAX_SVG_SIDE_PT
SVG_SUFFIXES = frozenset({".svg"})


@dataclass(frozen=True)
class VectorLogo(PreparedImage):
    """A logo drawn as vectors: ``width_px``/``height_px`` are its size in points."""

    drawing: Any = None

    def draw_on(self, canv: Any, x: float, y: float, width: float, height: float) -> None:
        """Draw the logo scaled into the box at ``(x, y)`` of ``width`` × ``height`` points."""
        _draw(self.drawing, canv, x, y, width, height)


def _draw(drawing: Any, canv: Any, x: float, y: float, width: float, height: float) -> None:
    from reportlab.graphics import renderPDF

    canv.saveState()
    canv.translate(x, y)
    canv.scale(width / drawing.width, height / drawing.height)
    # renderPDF first selects its default font (Helvetica) whatever the drawing holds,
    # which would list an unembedded font in the PDF; only the shipped faces the logo's
    # text was given (``_embed_text_fonts``) get through.
    set_font = canv.setFont
    canv.setFont = partial(_embedded_only, set_font)  # instance attribute, removed below
    try:
        renderPDF.draw(drawing, canv, 0, 0)
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
    from svglib.svglib import SvgRenderer, load_svg_file

    try:
        data = read_input(path, MAX_SVG_BYTES, what="SVG logo")
    except InputError as exc:
        raise ImageProblem("file not found" if exc.missing else exc.reason) from None
    # svglib logs what it cannot draw; the warning below is what the user sees.
    svglib_log = logging.getLogger("svglib.svglib")
    level = svglib_log.level
    svglib_log.setLevel(logging.CRITICAL)
    try:
        # Parsed once, the way svg2rlg parses (no entities, no network), so the tree checked
        # is the tree drawn. From bytes, svglib resolves no file the SVG names.
        root = load_svg_file(io.BytesIO(data))
        if root is None:
            raise ImageProblem("not a readable SVG drawing (damaged, or not SVG)")
        _check_tree(root)
        check_uses(root)
        drawing = SvgRenderer(io.BytesIO(data)).render(root)
    except ImageProblem:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure is a broken file
        raise ImageProblem(f"not a readable SVG drawing ({type(exc).__name__})") from None
    finally:
        svglib_log.setLevel(level)
    if drawing is None or not drawing.contents:
        raise ImageProblem("not a readable SVG drawing (damaged, or not SVG)")
    width, height = _side(drawing.width), _side(drawing.height)
    if not (math.isfinite(width) and math.isfinite(height)):
        raise ImageProblem(f"the SVG drawing's size is not a number ({drawing.width} × "
                           f"{drawing.height}); set width and height to lengths like 200")
    if width <= 0 or height <= 0:
        raise ImageProblem("the SVG drawing has no size (set width and height or a viewBox)")
    if max(width, height) > MAX_SIDE_PT:
        raise ImageProblem(f"the SVG drawing claims a size of {width:g} × {height:g} points, "
                           f"more than {MAX_SIDE_PT:g}; set width and height to its real size")
    _check_pictures(drawing)
    _embed_text_fonts(drawing)
    logo = VectorLogo(b"", width, height, drawing=drawing)  # type: ignore[arg-type]
    _try_drawing(logo)
    return logo


def _try_drawing(logo: VectorLogo) -> None:
    """Draw the logo once on a page of its own: a shape svglib accepts but ReportLab cannot
    write (a rectangle 1e400 wide is infinite) would otherwise stop the whole PDF, not just
    lose the logo (found by fuzzing)."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO(), pagesize=(logo.width_px, logo.height_px))
    try:
        _draw(logo.drawing, canvas, 0, 0, logo.width_px, logo.height_px)
        canvas.showPage()
    except Exception as exc:  # noqa: BLE001 - whatever ReportLab makes of a bad shape
        raise ImageProblem(f"the SVG drawing cannot be drawn ({type(exc).__name__}: "
                           f"{str(exc).splitlines()[0] if str(exc) else ''})") from None


def _side(value: Any) -> float:
    try:
        return float(value or 0)
    except (TypeError, ValueError, OverflowError):
        return math.nan


def _check_tree(root: Any) -> None:
    """Refuse, before svglib walks it, a tree with more elements or deeper nesting than any
    logo has, or a picture embedded as a ``data:`` address that is damaged or too large
    (svglib hands it to Pillow without Pillow's cap, and it is decoded whole when drawn)."""
    pixels = 0
    for elements, (depth, element) in enumerate(_walk(root), start=1):
        if elements > MAX_ELEMENTS:
            raise ImageProblem(f"the SVG drawing has more than {MAX_ELEMENTS:,} elements, far "
                               "more than any logo")
        if depth > MAX_DEPTH:
            raise ImageProblem(f"the SVG drawing is nested more than {MAX_DEPTH} levels deep")
        for name in _HREFS:
            href = element.get(name) if hasattr(element, "get") else None
            if href and _EMBEDDED.match(href):
                pixels += _check_embedded(href)
                if pixels > MAX_PICTURE_PIXELS:  # before decoding the next one
                    raise ImageProblem(
                        "the SVG drawing's embedded pictures come to more than "
                        f"{MAX_PICTURE_PIXELS // 1_000_000} megapixels")


def check_svg(data: bytes) -> Any:
    """The parsed tree of the SVG file ``data``, once it is within every limit above (size,
    elements, nesting, embedded pictures, and elements and nesting as ``<use>`` repeats
    them); ``ImageProblem`` otherwise. For whatever else draws the logo (the app's thumbnail):
    nothing of ``data`` is drawn or decoded beyond the caps first."""
    from svglib.svglib import load_svg_file

    if len(data) > MAX_SVG_BYTES:
        raise ImageProblem(f"the SVG file is larger than {MAX_SVG_BYTES // 1024 // 1024} MB")
    try:
        root = load_svg_file(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any parser failure is a broken file
        raise ImageProblem(f"not a readable SVG drawing ({type(exc).__name__})") from None
    if root is None:
        raise ImageProblem("not a readable SVG drawing (damaged, or not SVG)")
    _check_tree(root)
    check_uses(root)
    return root


def check_uses(root: Any) -> None:
    """Refuse a tree that ``<use>`` makes larger or deeper than the limits: each ``<use>``
    draws its target again, so 7 levels of 10 copies of a 4 kB file are 10 million shapes
    (QtSvg drew them for a minute; svglib for 14 s). Counted once per element, without
    recursion; a ``<use>`` that leads back to itself is refused too."""
    ids: dict[str, Any] = {}
    for element in root.iter():
        name = element.get("id") if hasattr(element, "get") else None
        if name and name not in ids:
            ids[name] = element
    # Keyed by the elements themselves, which keeps lxml's proxies alive (and so the same).
    size: dict[Any, tuple[int, int]] = {}  # element → (elements drawn, depth), capped
    pending: set[Any] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        element, children_done = stack.pop()
        key = element
        if key in size:
            continue
        parts = [*element, *_used(element, ids)]
        if not children_done:
            if key in pending:
                raise ImageProblem("the SVG drawing uses itself (<use> leads back to it)")
            pending.add(key)
            stack.append((element, True))
            stack.extend((part, False) for part in parts if part not in size)
            continue
        counts = [size[part] for part in parts]
        elements = min(1 + sum(c[0] for c in counts), MAX_ELEMENTS + 1)
        depth = min(1 + max((c[1] for c in counts), default=0), MAX_DEPTH + 1)
        if elements > MAX_ELEMENTS:
            raise ImageProblem(f"the SVG drawing repeats its shapes (<use>) to more than "
                               f"{MAX_ELEMENTS:,} elements, far more than any logo")
        if depth > MAX_DEPTH:
            raise ImageProblem(f"the SVG drawing's <use> references nest more than "
                               f"{MAX_DEPTH} levels deep")
        size[key] = (elements, depth)
        pending.discard(key)


def _used(element: Any, ids: dict[str, Any]) -> list[Any]:
    """The element a ``<use>`` draws again, if it names one of this file."""
    tag = getattr(element, "tag", "")
    if not isinstance(tag, str) or tag.rpartition("}")[2] != "use":
        return []
    for name in _HREFS:
        href = element.get(name)
        if href and href.startswith("#") and href[1:] in ids:
            return [ids[href[1:]]]
    return []


def _walk(root: Any) -> Any:
    """``(depth, element)`` for every element, without recursion (the nesting is unchecked)."""
    stack = [(1, root)]
    while stack:
        depth, element = stack.pop()
        yield depth, element
        if depth <= MAX_DEPTH:
            stack.extend((depth + 1, child) for child in element)


#: svglib's own test for an embedded picture, and the attributes it reads it from.
_EMBEDDED = re.compile(r"^data:image/(jpe?g|png);base64")
_HREFS = ("{http://www.w3.org/1999/xlink}href", "href")


def _check_embedded(href: str) -> int:
    """The pixels of the embedded picture ``href``, once it is known to decode within the
    cap; ``ImageProblem`` otherwise."""
    from PIL import Image

    match = _EMBEDDED.match(href)
    assert match is not None
    too_large = ImageProblem(f"the SVG drawing embeds a picture of more than "
                             f"{MAX_PICTURE_PIXELS // 1_000_000} megapixels")
    try:
        data = base64.decodebytes(href[match.end() + 1:].encode("ascii"))
        with warnings.catch_warnings():
            # Pillow's own bomb warning: the cap below is presskit's, and lower.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # the header only: nothing decoded yet
        with image:
            width, height = image.size
            if width * height > MAX_PICTURE_PIXELS:
                raise ImageProblem(
                    f"the SVG drawing embeds a picture of {width}×{height} pixels, more than "
                    f"{MAX_PICTURE_PIXELS // 1_000_000} megapixels")
            image.load()  # within the cap: a damaged one is found here, not while printing
            return int(width * height)
    except ImageProblem:
        raise
    except Image.DecompressionBombError:
        raise too_large from None
    except Exception as exc:  # noqa: BLE001 - Pillow's and base64's many ways to fail
        raise ImageProblem(f"the SVG drawing embeds a damaged picture ({type(exc).__name__})"
                           ) from None


def _check_pictures(drawing: Any) -> None:
    """The pictures the drawing will decode when printed, counted as svglib made them: a
    picture used again (``<use>``) is decoded again, so all of them share one cap."""
    from reportlab.graphics.shapes import Group, Image

    total, stack = 0, [drawing]
    while stack:
        node = stack.pop()
        if isinstance(node, Image):
            size = getattr(node.path, "size", None)
            if isinstance(size, tuple) and len(size) == 2:
                total += int(size[0]) * int(size[1])
        elif isinstance(node, Group):
            stack.extend(node.contents)
        if total > MAX_PICTURE_PIXELS:
            raise ImageProblem(
                "the SVG drawing's embedded pictures come to more than "
                f"{MAX_PICTURE_PIXELS // 1_000_000} megapixels")


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
