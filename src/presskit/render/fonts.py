"""The brand's typefaces as registered, embeddable ReportLab font families.

A brand names a built-in family ('DejaVu Sans', 'DejaVu Serif', shipped in ``resources/fonts``)
or a TrueType file. ReportLab's font registry is process-wide, so every font is registered under
a name derived from what it is: a fixed name for the shipped faces, and the file's stem plus a
hash of its bytes for a brand file, so two brands (or an edited file) never clash and
registering again is a cheap no-op. A file ReportLab cannot embed (missing, corrupt, an OpenType
file with PostScript outlines) yields a warning and DejaVu Sans instead. Standard PDF fonts
(Helvetica, Times) are never used: every font in the PDF is embedded.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib.resources import as_file
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from presskit import resources_path
from presskit.model import Fonts, Problem, Severity

_BUILTIN_FILES: dict[str, tuple[str, str, str, str]] = {
    # family: (regular, bold, italic, bold italic)
    "dejavu sans": (
        "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
    "dejavu serif": (
        "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
        "DejaVuSerif-BoldItalic.ttf",
    ),
}
FALLBACK_FAMILY = "DejaVu Sans"
_NOT_NAME = re.compile(r"[^A-Za-z0-9]+")


@dataclass(frozen=True)
class FontFamily:
    """Registered names of the four faces; ``name`` is what a ParagraphStyle uses."""

    regular: str
    bold: str
    italic: str
    bold_italic: str

    @property
    def name(self) -> str:
        return self.regular


@dataclass(frozen=True)
class BrandFonts:
    body: FontFamily
    heading: FontFamily


def _register(name: str, source: str | Path) -> None:
    # Registering an existing name again would re-parse the file for nothing.
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(source)))


def _register_family(faces: tuple[str, str, str, str]) -> FontFamily:
    family = FontFamily(*faces)
    # The family is named after its regular face, which is unique per file, so <b> and <i>
    # map to this brand's faces and never to another brand's.
    pdfmetrics.registerFontFamily(family.regular, normal=family.regular, bold=family.bold,
                                  italic=family.italic, boldItalic=family.bold_italic)
    return family


def builtin_family(family: str = FALLBACK_FAMILY) -> FontFamily:
    """One of the shipped families, registered (``KeyError`` for an unknown name)."""
    files = _BUILTIN_FILES[family.strip().lower()]
    names = tuple(f"PK-{Path(f).stem}" for f in files)
    folder = resources_path() / "fonts"
    for name, file in zip(names, files, strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            with as_file(folder / file) as path:
                _register(name, path)
    return _register_family(names)  # type: ignore[arg-type]


def file_family(path: Path) -> FontFamily:
    """A TrueType file used for all four faces; raises ``ValueError`` with a reason if unusable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValueError("file not found") from None
    except OSError as exc:
        raise ValueError(f"cannot be read ({exc.strerror or exc})") from None
    if data[:4] == b"OTTO":
        raise ValueError("OpenType with PostScript (CFF) outlines; use a TrueType (.ttf) font")
    digest = hashlib.sha1(data).hexdigest()[:12]
    stem = _NOT_NAME.sub("", path.stem)[:24] or "Font"
    name = f"PK-{stem}-{digest}"
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as exc:  # TTFError and whatever a corrupt file makes the parser raise
            raise ValueError(f"not a usable TrueType font ({exc})") from None
    return _register_family((name, name, name, name))


def resolve(fonts: Fonts) -> tuple[BrandFonts, list[Problem]]:
    """Register the brand's body and heading families; unusable ones fall back with a warning."""
    problems: list[Problem] = []
    chosen: dict[str, FontFamily] = {}
    for role in ("body", "heading"):
        value = getattr(fonts, role)
        where = ("brand", "fonts", role)
        try:
            if isinstance(value, Path):
                chosen[role] = file_family(value)
                continue
            chosen[role] = builtin_family(str(value))
            continue
        except KeyError:
            reason = (
                f"{role} font {str(value)!r} is not a built-in font "
                f"(use {' or '.join(repr(n) for n in ('DejaVu Sans', 'DejaVu Serif'))} "
                "or a .ttf file)"
            )
        except ValueError as exc:
            reason = f"{role} font file {value} cannot be used: {exc}"
        problems.append(
            Problem(Severity.WARNING, f"{reason}; {FALLBACK_FAMILY} is used instead", where)
        )
        chosen[role] = builtin_family(FALLBACK_FAMILY)
    return BrandFonts(body=chosen["body"], heading=chosen["heading"]), problems
