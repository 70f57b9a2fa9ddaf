"""The brand's typefaces as registered, embeddable ReportLab font families, and the fallbacks.

A brand names, for body and heading, a built-in family ('DejaVu Sans', 'DejaVu Serif', shipped
in ``resources/fonts`` with four faces each) or a TrueType file for the regular face, plus
optional files for its bold, italic and bold italic faces. Each family is registered with
``registerFontFamily`` so ``<b>`` and ``<i>`` pick its own faces.

ReportLab's font registry is process-wide, so every font is registered under a name derived
from what it is: a fixed name for the shipped families, and for a brand's family the file's
stem plus a hash of the file's path and bytes and of the bytes of all four of its faces. Two
brands (or an edited file) never clash, ``<b>`` in one brand's text never finds another
brand's bold, a file is the face it is given for (a copy of the regular file given as the
bold italic one is that copy, however its name is spelt), and registering again is a cheap
no-op. A file ReportLab cannot embed (missing, corrupt, OpenType with PostScript/CFF
outlines, a web font, a collection without the font asked for) yields a warning that names the
file and the reason, and a fallback: DejaVu Sans for a family, the family's regular face for
a bold or italic face. Standard PDF fonts (Helvetica, Times) are never used: every font in the
PDF is embedded.

The fallback fonts for characters a brand font lacks (see ``render.fallback``) live here too:
DejaVu Sans, and WenQuanYi Micro Hei for Chinese, Japanese and Korean, registered only the
first time a text needs it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from presskit import resources_path
from presskit.model import FONT_FACES, Fonts, Problem, Severity, font_file
from presskit.render.fonts.cache import MAX_FONT_BYTES, load_font
from presskit.render.fonts.sfnt import check_font_bytes
from presskit.storage.inputs import InputError, read_input

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
#: The bundled font for Chinese, Japanese and Korean (one face, used for all four).
CJK_FAMILY = "WenQuanYi Micro Hei"
_CJK_FILE = "WenQuanYiMicroHei.ttf"
_CJK_NAME = "PK-WenQuanYiMicroHei"
_NOT_NAME = re.compile(r"[^A-Za-z0-9]+")
_SHIPPED = "shipped:"  # the digest of a shipped face: its file name after this
_FACE_LABELS = {"bold": "bold", "italic": "italic", "bold_italic": "bold italic"}


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

    def face(self, bold: bool, italic: bool) -> str:
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular


@dataclass(frozen=True)
class BrandFonts:
    body: FontFamily
    heading: FontFamily


def _register_family(faces: tuple[str, str, str, str]) -> FontFamily:
    family = FontFamily(*faces)
    # The family is named after its regular face, which is unique to the family, so <b> and
    # <i> map to this brand's faces and never to another brand's.
    pdfmetrics.registerFontFamily(family.regular, normal=family.regular, bold=family.bold,
                                  italic=family.italic, boldItalic=family.bold_italic)
    # A file may serve several faces (no italic file: the regular one is the italic too).
    # ReportLab reads a face name as the last face it was mapped to, which would make regular
    # text "bold italic" and <b> a no-op; mapped again plainest last, each name is read as
    # the plainest face it serves.
    for bold, italic in ((1, 1), (0, 1), (1, 0), (0, 0)):
        addMapping(family.regular, bold, italic, family.face(bool(bold), bool(italic)))
    return family


def _register(name: str, source: Path) -> None:
    # Registering an existing name again would re-parse the file for nothing.
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(load_font(name, source, shipped=True))


def _shipped(file: str) -> Path:
    """A shipped font: resources are a real folder in a checkout and in an installed wheel
    (``tests/test_packaging.py``), so the file is read where it is."""
    return resources_path() / "fonts" / file


def builtin_family(family: str = FALLBACK_FAMILY) -> FontFamily:
    """One of the shipped families, registered (``KeyError`` for an unknown name)."""
    files = _BUILTIN_FILES[family.strip().lower()]
    names = tuple(f"PK-{Path(f).stem}" for f in files)
    for name, file in zip(names, files, strict=True):
        _register(name, _shipped(file))
    return _register_family(names)  # type: ignore[arg-type]


def cjk_family() -> FontFamily:
    """The bundled CJK font, registered on first use; its one face serves all four."""
    _register(_CJK_NAME, _shipped(_CJK_FILE))
    return _register_family((_CJK_NAME,) * 4)


# -- a brand's own files --------------------------------------------------------------------

@dataclass(frozen=True)
class _Face:
    """One usable font file: where it is, which font of a collection, and its bytes' hash."""

    path: Path
    index: int
    digest: str


def _check(value: Path) -> _Face:
    """``value`` (``House.ttf``, ``House.ttc#1``) as a face; ``ValueError`` says why not.

    A file that has not changed since it was last checked (same size and modification time)
    is not read again: the preview renders after every pause in typing, and a brand's four
    font files are a few megabytes to read and hash each time.
    """
    path, index = font_file(value)
    try:
        status = path.stat()
    except OSError:
        status = None  # reading it says why
    if status is None:
        return _checked(path, index)
    return _checked_unchanged(path, index, status.st_size, status.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _checked_unchanged(path: Path, index: int, _size: int, _mtime_ns: int) -> _Face:
    return _checked(path, index)


def _checked(path: Path, index: int) -> _Face:
    try:
        data = read_input(path, MAX_FONT_BYTES, what="font file")
    except InputError as exc:
        raise ValueError("file not found" if exc.missing else exc.reason) from None
    magic = data[:4]
    if magic == b"ttcf":
        count = struct.unpack(">I", data[8:12])[0] if len(data) >= 12 else 0
        if index >= count:
            raise ValueError(
                f"it is a font collection of {count} font{'s' if count != 1 else ''} and has "
                f"no font #{index}; name one as {path.name}#0"
                + (f" to {path.name}#{count - 1}" if count > 1 else "")
            )
        start = 12 + 4 * index
        offset = struct.unpack(">I", data[start:start + 4])[0] if len(data) >= start + 4 else 0
        magic = data[offset:offset + 4]
    elif index:
        raise ValueError(f"it is not a font collection (.ttc), so it has no font #{index}")
    if magic == b"OTTO":
        raise ValueError("OpenType with PostScript (CFF) outlines, which cannot be embedded; "
                         "use a TrueType (.ttf) version of the font")
    if magic in (b"wOFF", b"wOF2"):
        raise ValueError("a web font (WOFF); use the TrueType (.ttf) version of the font")
    try:
        check_font_bytes(data, index)  # before ReportLab: tables and character map bounded
    except ValueError as exc:
        raise ValueError(f"not a usable TrueType font ({exc})") from None
    digest = hashlib.sha1(data + index.to_bytes(2, "big")).hexdigest()
    return _Face(path, index, digest)


def _registered_face(face: _Face, family_key: str) -> str:
    """Register ``face`` under a name unique to it and to the family it belongs to."""
    # The stem only makes the name readable: which face this is comes from the hash, of the
    # path too, so that two files of the same bytes whose names differ only in punctuation (or
    # folder) are not taken for one face ("House_.ttf" as the bold italic of "House.ttf").
    stem = _NOT_NAME.sub("", face.path.stem)[:24] or "Font"
    key = hashlib.sha1((face.digest + family_key).encode() + os.fsencode(face.path))
    name = f"PK-{stem}-{key.hexdigest()[:12]}"
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            font = load_font(name, face.path, face.index,
                             shipped=face.digest.startswith(_SHIPPED))
        except Exception as exc:  # TTFError and whatever a corrupt file makes the parser raise
            raise ValueError(f"not a usable TrueType font ({exc})") from None
        # ReportLab hands out the first font registered with a given internal name for every
        # later one: an edited file, or another brand's font of the same name, would print
        # in the old glyphs. The name is made that of these very bytes.
        if not face.digest.startswith(_SHIPPED):
            font.face.name += b"-" + face.digest[:8].encode()
        pdfmetrics.registerFont(font)
    return name


def _builtin_faces(family: str) -> tuple[_Face, ...]:
    faces = []
    for file in _BUILTIN_FILES[family.strip().lower()]:
        path = _shipped(file)
        faces.append(_Face(path, 0, f"{_SHIPPED}{file}"))
    return tuple(faces)


def _family(fonts: Fonts, role: str, problems: list[Problem]) -> FontFamily:
    """The ``role`` family: its regular face, then any bold/italic files on top."""
    value = getattr(fonts, role)
    where = ("brand", "fonts", role)

    def fall_back(reason: str) -> FontFamily:
        problems.append(
            Problem(Severity.WARNING, f"{reason}; {FALLBACK_FAMILY} is used instead", where)
        )
        return builtin_family(FALLBACK_FAMILY)

    try:
        base = (_check(value),) * 4 if isinstance(value, Path) else _builtin_faces(str(value))
    except KeyError:
        return fall_back(
            f"{role} font {str(value)!r} is not a built-in font "
            f"(use {' or '.join(repr(n) for n in ('DejaVu Sans', 'DejaVu Serif'))} "
            "or a .ttf file)"
        )
    except ValueError as exc:
        return fall_back(f"{role} font file {value} cannot be used: {exc}")
    own = "regular face" if isinstance(value, Path) else "own {} face"
    faces = list(base)
    for n, face in enumerate(FONT_FACES, start=1):
        file = fonts.face(role, face)
        if file is None:
            continue
        try:
            faces[n] = _check(file)
        except ValueError as exc:
            problems.append(_face_problem(role, face, file, str(exc), own))
    if isinstance(value, str) and tuple(faces) == base:
        return builtin_family(value)
    family_key = hashlib.sha1("|".join(f.digest for f in faces).encode()).hexdigest()
    try:
        regular = _registered_face(faces[0], family_key)
    except ValueError as exc:
        return fall_back(f"{role} font file {value} cannot be used: {exc}")
    names = [regular]
    for n, face in enumerate(FONT_FACES, start=1):
        try:
            names.append(_registered_face(faces[n], family_key))
        except ValueError as exc:
            problems.append(_face_problem(role, face, fonts.face(role, face), str(exc), own))
            names.append(_registered_face(base[n], family_key))
    if isinstance(value, Path) and names[3] == regular:
        # A brand family without a bold italic file: its bold, else its italic, face.
        names[3] = names[1] if names[1] != regular else names[2]
    return _register_family(tuple(names))  # type: ignore[arg-type]


def _face_problem(role: str, face: str, file: Path | None, reason: str, own: str) -> Problem:
    label = _FACE_LABELS[face]
    return Problem(
        Severity.WARNING,
        f"{role} {label} font file {file} cannot be used: {reason}; the {role} font's "
        f"{own.format(label)} is used instead",
        ("brand", "fonts", f"{role}_{face}"),
    )


def resolve(fonts: Fonts) -> tuple[BrandFonts, list[Problem]]:
    """Register the brand's body and heading families; unusable ones fall back with a warning."""
    problems: list[Problem] = []
    body = _family(fonts, "body", problems)
    heading = _family(fonts, "heading", problems)
    return BrandFonts(body=body, heading=heading), problems
