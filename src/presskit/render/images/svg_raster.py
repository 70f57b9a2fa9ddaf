"""SVG logos drawn as PNG pictures, for the channels that cannot show SVG (mail clients).

The PDF keeps an SVG logo as vectors (``svg.py``); an e-mail needs pixels. resvg (the
``resvg-py`` wheel: Rust, no system library, wheels for Linux, Windows and macOS) draws them.
The file is held to the same limits as for the PDF first (``svg.check_svg``: its size,
elements, nesting, ``<use>`` repeats, embedded pictures), and resvg gets the tree that was
checked, written out again: without a DOCTYPE (so no entities), and without any reference to
another file or to an embedded picture the checks did not count (resvg would read any
picture an SVG names, ``/home/…`` included, into a logo that is then sent out). Text is set
in the shipped DejaVu faces only, as in the PDF, never in whatever fonts the machine has. The
picture is drawn straight at the size it is shown at, so its memory is bounded by that.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from presskit import resources_path
from presskit.render.images.cache import ImageProblem, PreparedImage
from presskit.render.images.svg import _EMBEDDED, _HREFS, MAX_SVG_BYTES, check_svg
from presskit.storage.inputs import InputError, read_input

#: Largest side of a drawn logo, in pixels, whatever a caller asks.
MAX_SIDE_PX = 4096


def rasterise_svg(path: Path, max_width_px: int, max_height_px: int) -> PreparedImage:
    """The SVG file ``path`` as a PNG fitting ``max_width_px`` × ``max_height_px`` (its
    proportions kept); ``ImageProblem`` (one line) if it is unusable."""
    try:
        data = read_input(path, MAX_SVG_BYTES, what="SVG logo")
    except InputError as exc:
        raise ImageProblem("file not found" if exc.missing else exc.reason) from None
    return rasterise_svg_data(data, max_width_px, max_height_px)


def rasterise_svg_data(data: bytes, max_width_px: int, max_height_px: int) -> PreparedImage:
    """See :func:`rasterise_svg`; ``data`` is the SVG file's content."""
    import resvg_py
    from lxml import etree
    from PIL import Image

    root = check_svg(data)
    _drop_outside_references(root)
    _drop_filters(root)
    text = etree.tostring(root, encoding="unicode")
    width = max(1, min(int(max_width_px), MAX_SIDE_PX))
    height = max(1, min(int(max_height_px), MAX_SIDE_PX))
    fonts = resources_path() / "fonts"
    try:
        png = bytes(resvg_py.svg_to_bytes(
            svg_string=text, width=width, height=height, skip_system_fonts=True,
            font_files=[str(fonts / name) for name in _FONT_FILES],
            font_family="DejaVu Sans", sans_serif_family="DejaVu Sans",
            serif_family="DejaVu Serif", cursive_family="DejaVu Sans",
            fantasy_family="DejaVu Sans", monospace_family="DejaVu Sans",
        ))
    except Exception as exc:  # noqa: BLE001 - whatever resvg makes of a bad drawing
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ImageProblem(f"the SVG drawing cannot be drawn as a picture ({reason})") from None
    try:
        with Image.open(io.BytesIO(png)) as image:
            drawn = image.size
    except Exception as exc:  # noqa: BLE001 - resvg returned no picture
        raise ImageProblem(f"the SVG drawing cannot be drawn as a picture "
                           f"({type(exc).__name__})") from None
    if drawn[0] > width or drawn[1] > height:  # resvg fits the box; never trust it blindly
        raise ImageProblem(f"the SVG drawing came out {drawn[0]}×{drawn[1]} pixels, larger "
                           f"than the {width}×{height} asked for")
    return PreparedImage(png, *drawn)


_FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
               "DejaVuSans-BoldOblique.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
               "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf")


def _drop_filters(root: Any) -> None:
    """Remove every ``<filter>`` and every use of one. A filter's cost has no bound a check
    can see (``<feTurbulence numOctaves="1000000">`` kept resvg busy for good on a 190-byte
    logo), and the PDF draws logos without their filters anyway (svglib has none), so the
    e-mail's logo now looks as the PDF's does."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag.rsplit("}", 1)[-1] == "filter":
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for namespace in _READ_NAMESPACES:
            element.attrib.pop(f"{namespace}filter", None)
            style = element.get(f"{namespace}style")
            if style is not None and "filter" in style:
                # Comments go first: ``filter/**/:url(#f)`` names the filter all the same.
                element.set(f"{namespace}style", ";".join(
                    part for part in _CSS_COMMENT.sub("", style).split(";")
                    if part.split(":", 1)[0].strip().lower() != "filter"))
        # resvg reads a ``<style>`` sheet in any namespace.
        if element.tag.rsplit("}", 1)[-1] == "style" and element.text \
                and "filter" in element.text:
            element.text = _CSS_FILTER.sub("", _CSS_COMMENT.sub("", element.text))


#: The namespaces of the attributes resvg reads (``svg:filter``, ``xlink:filter`` and
#: ``xml:style`` count as ``filter`` and ``style``; others it ignores).
_READ_NAMESPACES = ("", "{http://www.w3.org/2000/svg}", "{http://www.w3.org/1999/xlink}",
                    "{http://www.w3.org/XML/1998/namespace}")


_CSS_FILTER = re.compile(r"(?i)(?<![\w-])filter\s*:[^;}]*;?")
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)


def _drop_outside_references(root: Any) -> None:
    """Remove every ``href`` that is neither a part of this file (``#id``) nor a PNG or JPEG
    embedded as ``data:`` (the only pictures ``check_svg`` counts)."""
    for element in root.iter():
        if not hasattr(element, "attrib"):
            continue
        for name in _HREFS:
            href = element.get(name)
            if href is not None and not (href.startswith("#") or _EMBEDDED.match(href)):
                del element.attrib[name]
