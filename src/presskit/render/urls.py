"""Long web addresses broken where a reader expects it: after a slash, before a dot or a "?".

ReportLab breaks lines at spaces only. A web address wider than what is left of its line moves
whole to the next line, and one wider than a line is cut letter by letter (ReportLab's own
address splitting stops after one "/" and lets the rest run past the margin, out of a box).
A paragraph with an address in it is a :class:`UrlParagraph`: once it knows its width it lays
out the text before each long address, and puts line breaks inside the address at boundaries
that fit — after ``/`` (never inside ``//``), before ``.`` ``-`` ``_`` ``?`` ``#`` ``&`` ``=``
``~`` ``%``, as the Chicago Manual of Style recommends. No hyphen is added and no character
changes, so what a reader copies out of the PDF is the address. A piece between two boundaries
that is longer than a whole line is left to ReportLab, which cuts it where it must.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from presskit.render.flowables import LaidOutParagraph
from presskit.render.fonts.fallback import Face, Glyphs
from presskit.render.text import escape, unescape

URL = re.compile(r"(?:https?://|mailto:|www\.)[^\s<>\"“”‘’]+", re.IGNORECASE)
#: What every match of ``URL`` contains besides ``://``: the ``o:`` of ``mailto:`` or the
#: ``w.`` of ``www.`` (no other character matches ``o`` or ``w`` ignoring case, unlike ``i``
#: and ``s``, which ``İ``, ``ı`` and ``ſ`` match). A character set first is searched for
#: with a tight scan; ``URL`` itself, three alternatives ignoring case, was tried at every
#: character: 80 µs a quote, a tenth of the story of a 1,000-quote kit.
_URL_HINT = re.compile(r"[oOwW][:.]")
#: Punctuation that ends a sentence after an address, not the address.
_TRAILING = ".,;:!?)]}’”'\""
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?\s*([A-Za-z]+)")
_BREAK_BEFORE = frozenset(".-_?#&=~%")
#: An address narrower than this share of a line just moves to the next line, like a word.
SHORT = 0.3


def has_url(text: str) -> bool:
    """Whether ``URL`` occurs in ``text`` (the same answer as ``URL.search``, sooner)."""
    if "://" not in text and _URL_HINT.search(text) is None:
        return False
    return URL.search(text) is not None


def break_points(url: str) -> list[int]:
    """Indexes ``i`` where a line may end just before ``url[i]``."""
    start = url.find("//") + 2 if "//" in url[:12] else url.find(":") + 1
    points = []
    for i in range(max(start, 1) + 1, len(url)):
        before, char = url[i - 1], url[i]
        if (before == "/" and char != "/") or (char in _BREAK_BEFORE
                                                and before not in _BREAK_BEFORE):
            points.append(i)
    return points


def pieces(url: str, room: float, line: float, measure: Callable[[str], float]) -> list[str]:
    """``url`` cut at boundaries: the first piece fits ``room`` (what is left of the line it
    starts on; if nothing fits, it starts a new line), every other piece fits ``line``."""
    points = break_points(url)
    if not points or measure(url) <= room:
        return [url]
    if measure(url[:points[0]]) > room:
        room = line  # not even the shortest head fits here: the address starts a new line
    found: list[str] = []
    start = 0
    while measure(url[start:]) > room:
        ahead = [p for p in points if p > start]
        if not ahead:
            break
        fitting = [p for p in ahead if measure(url[start:p]) <= room]
        end = fitting[-1] if fitting else ahead[0]  # too long for any line: ReportLab cuts it
        found.append(url[start:end])
        start, room = end, line
    found.append(url[start:])
    return found


class UrlParagraph(LaidOutParagraph):
    """A Paragraph whose long web addresses break at their boundaries (see the module)."""

    def __init__(self, text: str | None, style: ParagraphStyle | None = None,
                 bulletText: str | None = None, frags: Any = None,  # noqa: N803
                 caseSensitive: int = 1, encoding: str = "utf8", *,  # noqa: N803
                 glyphs: Glyphs | None = None, face: Face | None = None) -> None:
        # Paragraph.split makes the halves with frags and no markup: they are laid out as is.
        self._source = text if glyphs is not None and face is not None else None
        self._glyphs = glyphs
        self._face = face
        self._broken_for: float | None = None
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._source is not None and self._broken_for != availWidth:
            self._broken_for = availWidth
            self._setup(self._broken(availWidth), self.style, self.bulletText, None,
                        cleanBlockQuotedText)
        return super().wrap(availWidth, availHeight)

    def _broken(self, width: float) -> str:
        """The markup with ``<br/>`` at the chosen boundaries of each long address."""
        assert self._source is not None and self._glyphs is not None and self._face is not None
        style = self.style
        line = width - style.leftIndent - style.rightIndent
        out: list[str] = []
        open_tags: list[str] = []
        bold = italic = 0
        for token in _TAG.split(self._source):
            if token.startswith("<"):
                name = _TAG_NAME.match(token)
                tag = name.group(1).lower() if name else ""
                if token.startswith("</"):
                    if tag in open_tags:
                        del open_tags[len(open_tags) - 1 - open_tags[::-1].index(tag)]
                elif not token.endswith("/>") and tag:
                    open_tags.append(tag)
                bold += {"<b>": 1, "</b>": -1}.get(token, 0)
                italic += {"<i>": 1, "</i>": -1}.get(token, 0)
                out.append(token)
                continue
            text = unescape(token)
            position = 0
            for match in URL.finditer(text):
                url = match.group(0).rstrip(_TRAILING)
                face = self._face.styled(bold > 0, italic > 0)

                def measure(part: str, face: Face = face) -> float:
                    assert self._glyphs is not None
                    return self._glyphs.width(part, face, style.fontSize)

                if measure(url) <= SHORT * line:
                    continue
                before = escape(text[position:match.start()])
                closers = "".join(f"</{tag}>" for tag in reversed(open_tags))
                room = self._room("".join(out) + before + closers, width,
                                  before.endswith((" ", "\n")))
                parts = pieces(url, room, line, measure)
                if len(parts) > 1:
                    out.append(before + "<br/>".join(escape(part) for part in parts))
                    position = match.start() + len(url)
            out.append(escape(text[position:]))
        return "".join(out)

    def _room(self, prefix: str, width: float, spaced: bool) -> float:
        """What is left of the line the text after ``prefix`` would continue on."""
        style = self.style
        probe = Paragraph(prefix, style)
        probe.wrap(width, 1e9)
        lines = getattr(probe.blPara, "lines", [])
        if not lines or not prefix.strip():
            return float(width - style.leftIndent - style.rightIndent - style.firstLineIndent)
        last = lines[-1]
        extra = float(last[0] if probe.blPara.kind == 0 else last.extraSpace)
        if spaced:
            extra -= stringWidth(" ", style.fontName, style.fontSize)
        return extra
