"""Every file a kit names, one record each: the brand's logo and font files, the headshots.

The bundle writer walks these to pack the files and point the kit at the packed copies; the
bundle reader walks them to check that an unpacked kit names nothing outside its folder. The
list is the ``Kind.PATH`` and ``Kind.FONT`` fields of ``schema`` that hold files, so a new
path field belongs here too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from presskit.model.kit import FONT_FACES, Kit, font_file
from presskit.model.problems import Where


@dataclass(frozen=True)
class KitAsset:
    """One file named by a kit, and how to point the kit elsewhere."""

    #: Where the value is in the project document, for ``file:line:col`` messages.
    where: Where
    #: What it is, for messages: ``logo``, ``body bold font``, ``photo of 'Duyeon Kim'``.
    what: str
    #: ``logo``, ``font`` or ``photo``.
    role: str
    #: The value as the kit holds it (a font may carry a collection index, ``House.ttc#1``).
    value: Path
    #: Sets the kit's value to a new path.
    assign: Callable[[Path], None]

    @property
    def file(self) -> Path:
        """The file itself, without a font collection's ``#n``."""
        return font_file(self.value)[0] if self.role == "font" else self.value

    @property
    def index(self) -> int:
        """The font's index in its collection (0 for any other file)."""
        return font_file(self.value)[1] if self.role == "font" else 0


def kit_assets(kit: Kit) -> Iterator[KitAsset]:
    """The files ``kit`` names, in document order (logo, fonts, then the experts' photos)."""
    brand = kit.brand
    if brand.logo is not None:
        yield KitAsset(("brand", "logo"), "logo", "logo", brand.logo,
                       functools.partial(setattr, brand, "logo"))
    fonts = brand.fonts
    for role in ("body", "heading"):
        for key in (role, *(f"{role}_{face}" for face in FONT_FACES)):
            value = getattr(fonts, key)
            if isinstance(value, Path):  # a str is a built-in family, not a file
                yield KitAsset(
                    ("brand", "fonts", key), f"{key.replace('_', ' ')} font", "font", value,
                    functools.partial(setattr, fonts, key),
                )
    for index, expert in enumerate(kit.experts):
        if expert.photo is not None:
            who = expert.name.strip() or expert.id
            yield KitAsset(
                ("experts", index, "photo"), f"photo of {who!r}", "photo", expert.photo,
                functools.partial(setattr, expert, "photo"),
            )


#: How the files a kit may name begin: pictures presskit reads, and TrueType/OpenType fonts.
_PICTURE_STARTS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00",
                   b"MM\x00*", b"BM")
_FONT_STARTS = (b"\x00\x01\x00\x00", b"true", b"ttcf", b"OTTO")


def not_its_kind(role: str, data: bytes) -> str | None:
    """Why ``data`` is not what a kit's ``role`` (logo, photo, font) can be, or ``None``.

    A stranger's kit may name any file (``logo: ~/.ssh/id_rsa``, a photo that is a link to
    one): what the user sends on — a bundle, a brand preset — must hold pictures and fonts,
    never that file. Links are followed (a logo may well be a link to the house logo); what
    counts is what the file holds."""
    if role == "font":
        return None if data.startswith(_FONT_STARTS) else "it is not a TrueType or OpenType font"
    if data.startswith(_PICTURE_STARTS) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return None
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if role == "logo" and (head.startswith(b"<svg") or (head.startswith(b"<?xml")
                                                       and b"<svg" in head)):
        return None
    return "it is not a picture (PNG, JPEG, GIF, WebP, TIFF, BMP" + (
        " or SVG)" if role == "logo" else ")")
