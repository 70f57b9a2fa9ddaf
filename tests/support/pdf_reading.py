"""Reading a PDF the way a journalist's viewer does: text, outline, links, metadata, fonts."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import Destination


def reader(pdf: bytes | Path) -> PdfReader:
    return PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)


def page_texts(pdf: bytes | Path) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def words_by_page(pdf: bytes | Path) -> list[str]:
    """Each page's text as poppler's ``pdftotext`` reads it, for tests that look only for
    words, whitespace ignored: several times faster than pypdf on kits of many pages (its
    spacing and line ends differ from pypdf's, which the other tests are written to)."""
    data = pdf if isinstance(pdf, bytes) else pdf.read_bytes()
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                          capture_output=True, check=True, timeout=120)
    pages = done.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and pages[-1] == "" else pages


def text(pdf: bytes | Path) -> str:
    return "\n".join(page_texts(pdf))


def squash(value: str) -> str:
    """Text with all whitespace removed, so line breaks chosen by the layout do not matter."""
    return re.sub(r"\s+", "", value)


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Every needle occurs in ``haystack`` after the previous one (whitespace ignored)."""
    flat = squash(haystack)
    position = 0
    for needle in needles:
        found = flat.find(squash(needle), position)
        assert found >= 0, f"not found after position {position}: {needle!r}"
        position = found + len(squash(needle))


def outline(pdf: bytes | Path) -> list[tuple[int, str, int]]:
    """``(depth, title, page index)`` of every bookmark, in order."""
    pdf_reader = reader(pdf)
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            elif isinstance(item, Destination):
                found.append((depth, str(item.title), pdf_reader.get_destination_page_number(item)))

    walk(pdf_reader.outline, 0)
    return found


def outline_titles(pdf: bytes | Path) -> list[tuple[int, str]]:
    """(depth, title) for every bookmark, in order."""
    return [(depth, title) for depth, title, _page in outline(pdf)]


def links(pdf: bytes | Path) -> list[tuple[int, str]]:
    """``(page index, URI)`` of every link annotation."""
    found = []
    for index, page in enumerate(reader(pdf).pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if annotation.get("/Subtype") == "/Link" and action is not None:
                action = action.get_object()
                if "/URI" in action:
                    found.append((index, str(action["/URI"])))
    return found


def link_uris(pdf: bytes | Path) -> list[str]:
    return [uri for _page, uri in links(pdf)]


def fonts(pdf: bytes | Path) -> dict[str, bool]:
    """Every font used by a page or form: base font name → is it embedded?"""
    found: dict[str, bool] = {}

    def visit(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in reader(pdf).pages:
        visit(page.get("/Resources"))
    return found
