"""The structure tree's elements with the words each one holds, read in this process (pikepdf
and the fonts' ToUnicode maps): what ``pdfinfo -struct-text`` shows, for tests that must not
start another program (``make mutate`` cuts those short)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import pikepdf

#: Operators that start a new line or move the text: a space between the words around them.
_MOVES = frozenset({"T*", "Td", "TD", "Tm", "'", '"'})
_SHOWS = frozenset({"Tj", "TJ", "'", '"'})
#: Operators that paint a path.
_PATHS = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})


@dataclass(frozen=True)
class Read:
    """One structure element: its role, its own ``/Lang`` ("" if none), its words."""

    role: str
    lang: str
    text: str


def _to_unicode(font: Any) -> tuple[dict[bytes, str], int]:
    """A font's codes → text, and the length of its codes in bytes."""
    mapping: dict[bytes, str] = {}
    width = 1
    stream = font.get("/ToUnicode")
    if stream is None:
        return mapping, width
    cmap = stream.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            width = len(code) // 2
            mapping[bytes.fromhex(code)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, text in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            width = len(first) // 2
            start = int(text, 16)
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                mapping[code.to_bytes(width, "big")] = chr(start + offset)
    return mapping, width


def _decode(data: bytes, font: tuple[dict[bytes, str], int]) -> str:
    mapping, width = font
    return "".join(mapping.get(data[i:i + width], "") for i in range(0, len(data), width))


def mcid_texts(pdf: pikepdf.Pdf, moves: bool = True) -> dict[tuple[int, int], str]:
    """``{(page from 1, MCID): its words}`` for every page; with ``moves``, a space wherever
    the text moves to a new line (how a reader that guesses word breaks reads), without, only
    the spaces drawn (how poppler's structure dump and assistive technology that takes the
    text as it comes read it)."""
    found: dict[tuple[int, int], str] = {}
    for number, page in enumerate(pdf.pages, 1):
        resources = page.obj.get("/Resources", {})
        fonts = {str(name): _to_unicode(font) for name, font in
                 (resources.get("/Font") or {}).items()}
        stack: list[int | None] = []
        font: tuple[dict[bytes, str], int] = ({}, 1)
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name == "BDC":
                props = operands[1]
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                stack.append(None if mcid is None else int(mcid))
            elif name == "BMC":
                stack.append(None)
            elif name == "EMC" and stack:
                stack.pop()
            elif name == "Tf":
                font = fonts.get(str(operands[0]), ({}, 1))
            current = next((m for m in reversed(stack) if m is not None), None)
            if current is None:
                continue
            key = (number, current)
            if moves and name in _MOVES:
                found[key] = found.get(key, "") + " "
            if name in _SHOWS:
                pieces = operands[-1] if name != "TJ" else operands[0]
                items = [pieces] if name != "TJ" else list(pieces)
                text = "".join(_decode(bytes(item), font) for item in items
                               if isinstance(item, pikepdf.String))
                found[key] = found.get(key, "") + text
    return found


def read_tree(data: bytes, moves: bool = True) -> list[Read]:
    """Every element of the structure tree in reading order, with the words of its own
    marked content (not its kids'), spaces squashed; ``moves`` as for :func:`mcid_texts`."""
    pdf = pikepdf.open(io.BytesIO(data))
    texts = mcid_texts(pdf, moves)
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages, 1)}
    found: list[Read] = []

    def visit(element: Any, page: Any) -> None:
        page = element.get("/Pg", page)
        kids = element.get("/K")
        kids = [] if kids is None else kids if isinstance(kids, pikepdf.Array) else [kids]
        words: list[str] = []
        below: list[Any] = []
        for kid in kids:
            if isinstance(kid, int):
                words.append(texts.get((pages[page.objgen], int(kid)), ""))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                words.append(texts.get((pages[kid.Pg.objgen], int(kid.MCID)), ""))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                below.append(kid)
        lang = element.get("/Lang")
        found.append(Read(str(element.get("/S"))[1:], "" if lang is None else str(lang),
                          " ".join(" ".join(words).split())))
        for kid in below:
            visit(kid, page)

    root = pdf.Root.StructTreeRoot
    kids = root.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        visit(kid, None)
    return found


def artifact_texts(data: bytes) -> list[tuple[int, str, str]]:
    """``(page from 1, type, what is drawn)`` of every artifact sequence (``/Artifact <</Type
    …>>``) in the order drawn: what a screen reader skips as page furniture or decoration.
    What is drawn: the words shown, each form (XObject) as ``[name]``, each filled or
    stroked path as ``~``."""
    pdf = pikepdf.open(io.BytesIO(data))
    found: list[tuple[int, str, str]] = []
    for number, page in enumerate(pdf.pages, 1):
        resources = page.obj.get("/Resources", {})
        fonts = {str(name): _to_unicode(font) for name, font in
                 (resources.get("/Font") or {}).items()}
        font: tuple[dict[bytes, str], int] = ({}, 1)
        open_at: list[int | None] = []  # per open sequence: its index in found, if an artifact
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name in ("BDC", "BMC"):
                props = operands[1] if name == "BDC" else None
                if str(operands[0]) == "/Artifact":
                    kind = props.get("/Type") if isinstance(props, pikepdf.Dictionary) else None
                    open_at.append(len(found))
                    found.append((number, "" if kind is None else str(kind)[1:], ""))
                else:
                    open_at.append(None)
            elif name == "EMC" and open_at:
                open_at.pop()
            elif name == "Tf":
                font = fonts.get(str(operands[0]), ({}, 1))
            else:
                at = next((i for i in reversed(open_at) if i is not None), None)
                if at is None:
                    continue
                if name in _SHOWS:
                    items = list(operands[0]) if name == "TJ" else [operands[-1]]
                    drawn = "".join(_decode(bytes(item), font) for item in items
                                    if isinstance(item, pikepdf.String))
                elif name == "Do":
                    drawn = f"[{str(operands[0]).rsplit('.', 1)[-1]}]"
                elif name in _PATHS:
                    drawn = "~"
                else:
                    continue
                page_number, kind, what = found[at]
                found[at] = (page_number, kind, what + drawn)
    return found
