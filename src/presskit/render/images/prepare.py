"""Headshots and logos, read safely with Pillow and shrunk to what the page needs.

An image is only decoded after its header has been checked: the file is read only if it is a
regular file of at most ``MAX_IMAGE_BYTES`` (a pipe is refused without blocking), and an
unreadable, unsupported or enormous file (a decompression bomb) raises :class:`ImageProblem`
with a reason the caller turns into a warning and a placeholder. JPEGs are decoded at reduced
scale (``draft``), EXIF orientation is applied, headshots are cropped square around the centre
and re-encoded as JPEG at about 300 dpi of their printed size, so a hundred 5 MB photos make a
PDF of a few MB. Logos keep their transparency (re-encoded as PNG when they have alpha).
Pillow's global settings are never changed. Prepared images are kept by ``render.image_cache``,
in memory and on disk.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from presskit.model import limits
from presskit.render.images.cache import (
    AS_IS_FACTOR,
    MAX_PIXELS,
    ImageProblem,
    Pixels,
    PreparedImage,
    pixels_for,
)
from presskit.storage.inputs import InputError, read_input

#: The largest picture file read (see ``model.limits``).
MAX_IMAGE_BYTES = limits.MAX_IMAGE_BYTES
SUPPORTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "GIF", "WEBP", "TIFF", "BMP"})
_ORIENTATION = 0x0112  # the EXIF tag; values 5 to 8 turn the image on its side
_SIDEWAYS = (5, 6, 7, 8)
#: Modes whose pixels can be averaged when an image is shrunk.
_AVERAGED_MODES = frozenset({"L", "LA", "RGB", "RGBA", "RGBX", "CMYK", "YCbCr", "I", "F"})
#: Modes whose transparency may be one colour (``info["transparency"]``) that Pillow turns
#: into alpha when converting to RGBA.
_KEYED_MODES = frozenset({"P", "L", "RGB"})
#: Modes whose colour is premultiplied by alpha (a TIFF's "associated alpha"), and the
#: plain modes they are read as: Pillow converts them to nothing else.
_PREMULTIPLIED = {"La": "LA", "RGBa": "RGBA"}


def read_picture(path: Path, limit: int = MAX_IMAGE_BYTES) -> bytes:
    """The bytes of the picture file ``path``, at most ``limit`` of them; ``ImageProblem``
    for a missing file, a folder, a pipe or device (refused without blocking), or more."""
    try:
        return read_input(path, limit, what="picture file")
    except InputError as exc:
        raise ImageProblem("file not found" if exc.missing else exc.reason) from None


def _open(path: Path) -> tuple[Image.Image, bytes]:
    """Open ``path`` lazily (header only) and check it before anything is decoded; the image
    and the file's bytes (read once, so what is decoded is what was checked)."""
    data = read_picture(path)
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise ImageProblem(
            f"the image is too large (more than {MAX_PIXELS // 1_000_000} megapixels)"
        ) from None
    except UnidentifiedImageError:
        raise ImageProblem("not a readable image (corrupt, or not PNG/JPEG)") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageProblem(f"not a readable image ({exc})") from None
    try:
        if image.format not in SUPPORTED_FORMATS:
            raise ImageProblem(f"{image.format} images are not supported; use PNG or JPEG")
        width, height = image.size
        if width < 1 or height < 1:
            raise ImageProblem("the image is empty")
        if width * height > MAX_PIXELS:
            raise ImageProblem(
                f"the image is too large ({width}×{height} pixels, more than "
                f"{MAX_PIXELS // 1_000_000} megapixels)"
            )
    except ImageProblem:
        image.close()
        raise
    return image, data


def _decode(image: Image.Image, needed: tuple[int, int]) -> Image.Image:
    """Decode (reduced where the format allows it), shrink, and apply EXIF orientation."""
    try:
        if image.format in ("JPEG", "MPO"):
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale while staying >= needed.
            image.draft("RGB", needed)
        image.load()
        image = _shrink(image, needed)
        if image.mode in _PREMULTIPLIED:
            image = image.convert(_PREMULTIPLIED[image.mode])
        return ImageOps.exif_transpose(image) or image
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageProblem(f"the image data is damaged ({exc})") from None


def _shrink(image: Image.Image, needed: tuple[int, int]) -> Image.Image:
    """``image`` reduced by a whole factor while staying at least ``needed`` (as displayed).

    PNG, TIFF and the like cannot be decoded at reduced scale like a JPEG; shrinking right
    after decoding keeps every later copy (orientation, mode conversion, alpha flattening)
    small, so a 50-megapixel image costs its decoded size once rather than four times over.
    """
    if image.getexif().get(_ORIENTATION, 1) in _SIDEWAYS:
        needed = (needed[1], needed[0])
    factor = min(image.width // max(needed[0], 1), image.height // max(needed[1], 1))
    if factor < 2:
        return image
    size = (image.width // factor, image.height // factor)
    if image.mode not in _AVERAGED_MODES or "transparency" in image.info:
        # Palette, 1-bit, 16-bit: pick pixels instead; and where one colour is transparent,
        # averaging it into its neighbours would leave a fringe of it around the picture.
        return image.resize(size, Image.Resampling.NEAREST)
    # Strip by strip: Pillow reduces an image with alpha through a full-size premultiplied
    # copy, which would double the memory this is here to save.
    shrunk = Image.new(image.mode, size)
    rows = factor * max(1, 256 // factor)  # about 256 source rows, a whole number of factors
    for top in range(0, size[1] * factor, rows):
        strip = image.crop((0, top, size[0] * factor, min(top + rows, size[1] * factor)))
        shrunk.paste(strip.reduce(factor), (0, top // factor))
    shrunk.info = dict(image.info)  # keeps the EXIF orientation for exif_transpose
    return shrunk


def _has_alpha(image: Image.Image) -> bool:
    """Whether ``image`` has transparent parts: an alpha channel, or a transparent colour
    (a PNG's ``tRNS``: one palette index, or one grey or RGB value, as optimisers write)."""
    return image.mode in ("RGBA", "LA", "PA") or (
        image.mode in _KEYED_MODES and "transparency" in image.info
    )


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on a white background, whatever the mode (CMYK, palette, 16-bit, alpha)."""
    if _has_alpha(image):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # Through "I": Pillow has no point operation for big-endian 16-bit ("I;16B").
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    return image.convert("RGB")


def _encode(image: Image.Image, fmt: str) -> PreparedImage:
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, "JPEG", quality=85, optimize=True)
    else:
        image.save(out, "PNG", compress_level=1)  # ReportLab decodes it again: speed, not size
    return PreparedImage(out.getvalue(), image.width, image.height)


def _as_is(image: Image.Image, data: bytes, needed: int) -> PreparedImage | None:
    """The file itself, if it already is the square, upright JPEG the page needs."""
    width, height = image.size
    if (image.format != "JPEG" or image.mode not in ("RGB", "L") or abs(width - height) > 1
            or max(width, height) > needed * AS_IS_FACTOR
            or image.getexif().get(_ORIENTATION, 1) != 1):
        return None
    try:
        # Decoding at an eighth of the size still reads all of the data: a damaged or cut-off
        # file is found here, not by the journalist's PDF viewer.
        image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
        image.load()
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageProblem(f"the image data is damaged ({exc})") from None
    if len(data) > width * height:  # a byte a pixel: bloated with metadata, re-encode it
        return None
    return PreparedImage(data, width, height)


def prepare_headshot(path: Path, size_pt: float) -> PreparedImage:
    """A square JPEG of ``path`` cropped around its centre, for a ``size_pt`` square."""
    needed = pixels_for(size_pt)
    image, data = _open(path)
    with image:
        as_is = _as_is(image, data, needed)
        if as_is is not None:
            return as_is
        decoded = _decode(image, (needed, needed))
        try:
            rgb = _flatten(decoded)
            side = min(needed, rgb.width, rgb.height)  # never upsample
            square = ImageOps.fit(rgb, (side, side), Image.Resampling.LANCZOS, centering=(0.5, 0.5))
        except (OSError, ValueError) as exc:
            raise ImageProblem(f"the image data is damaged ({exc})") from None
        return _encode(square, "JPEG")


def prepare_logo(path: Path, max_width_pt: float, max_height_pt: float) -> PreparedImage:
    """``path`` shrunk to fit the box, PNG when it has transparency, JPEG otherwise; an SVG
    file stays a vector drawing (``render.svg``)."""
    from presskit.render.images import svg  # it builds on this module

    if svg.is_svg(path):
        return svg.prepare_svg_logo(path)
    box = (pixels_for(max_width_pt), pixels_for(max_height_pt))
    image, _data = _open(path)
    with image:
        decoded = _decode(image, box)
        try:
            if _has_alpha(decoded):
                fitted = decoded.convert("RGBA")
                fitted.thumbnail(box, Image.Resampling.LANCZOS)
                png = _encode(fitted, "PNG")
                # What ReportLab would make of the PNG (colour without alpha, alpha as the
                # soft mask), kept so the PDF does not decode it again.
                pixels = Pixels("RGB", fitted.convert("RGB").tobytes(),
                                fitted.getchannel("A").tobytes())
                return PreparedImage(png.data, png.width_px, png.height_px, pixels)
            fitted = _flatten(decoded)
            fitted.thumbnail(box, Image.Resampling.LANCZOS)
        except (OSError, ValueError) as exc:
            raise ImageProblem(f"the image data is damaged ({exc})") from None
        return _encode(fitted, "JPEG")
