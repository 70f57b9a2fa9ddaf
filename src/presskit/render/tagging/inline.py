"""Elements inside a line of text: a link's words in its ``Link`` element, a span in another
language in a ``Span`` with its ``/Lang``.

A paragraph that holds a link or such a span is drawn with its marked content inside its text
object (``BT /P <</MCID 0>> BDC … EMC /Link <</MCID 1>> BDC … EMC /P <</MCID 2>> BDC … EMC
ET``) rather than around it: marked content and text objects must nest (ISO 32000-1, 14.6), so
the element can only change in the middle of a line if the paragraph's own content is opened
and closed inside the text object too. :class:`InlineText` is that text object. ReportLab
reports where each link starts and ends on a line through the text object's ``_linkRecord``
hook; a language span is bracketed in the paragraph's markup by two zero-width ``<onDraw>``
callbacks (:func:`lang_marker`) that call :func:`on_lang` with the text object.

Each element's content is opened only when text is about to go out, so no marked content is
ever empty. A link that wraps stays one ``Link`` element, with content on both lines; each of
its annotations (ReportLab makes one per line) is tied to it through :meth:`Tagger.pending`.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.textobject import PDFTextObject

from presskit.render.tagging.tree import Node

#: The ``<onDraw>`` callback name of a language span's ends.
LANG_CALLBACK = "pkLang"


def lang_marker(tag: str) -> str:
    """ReportLab markup that starts a span in the language ``tag`` (a valid BCP 47 tag, so
    it needs no escaping); ``""`` ends it."""
    return f'<onDraw name="{LANG_CALLBACK}" label="{tag}"/>'


def has_inline_elements(paragraph: Any) -> bool:
    """Whether a laid-out paragraph (about to be drawn) holds a link or a language span."""
    layout = paragraph.__dict__.get("blPara")
    if layout is None:
        return False
    if layout.kind == 0:  # one run of one style: a link if that run is one
        return bool(getattr(layout, "link", None))
    for line in layout.lines:
        for frag in line.words:
            if getattr(frag, "link", None):
                return True
            callback = getattr(frag, "cbDefn", None)
            if callback is not None and getattr(callback, "name", "") == LANG_CALLBACK:
                return True
    return False


class InlineText(PDFTextObject):  # type: ignore[misc]  # ReportLab has no type stubs
    """The text object of a tagged paragraph whose element changes mid-line."""

    def __init__(self, canvas: Any, x: float, y: float, direction: Any, paragraph: Any,
                 node: Node) -> None:
        super().__init__(canvas, x, y, direction=direction)
        self._tagger = canvas.tagger
        #: The open elements: the paragraph's, then a span or link inside it.
        self._stack = [node]
        self._links: dict[Any, Node] = {}
        #: Whether the innermost element's marked content is open in ``_code``.
        self._opened = False
        #: Where the last piece of text began, and whether its content was opened for it.
        self._last = 0
        self._opened_for_last = False
        layout = paragraph.__dict__.get("blPara")
        if layout is not None and layout.kind == 0 and getattr(layout, "link", None):
            # One run of one style: the whole paragraph is the link (ReportLab then reports
            # no link ends, only makes an annotation per line).
            url = layout.link[0][1]
            link = node.add("Link")
            self._tagger.pending.append([url, link, True])
            self._stack.append(link)

    # -- the hooks ReportLab calls ------------------------------------------------------------

    def _textOut(self, text: str, TStar: int = 0) -> None:  # noqa: N802, N803
        self._last = len(self._code)
        if not text:  # only the move to the next line (after a mark that ends one): no content
            self._opened_for_last = False
            super()._textOut(text, TStar)
            return
        self._opened_for_last = not self._opened
        if not self._opened:
            self._open()
        super()._textOut(text, TStar)

    def _linkRecord(self, key: Any, what: str) -> None:  # noqa: N802
        if what == "start":
            # Called just after the link's first piece of text went out: move that text
            # into the link's own content.
            text = self._code[self._last:]
            del self._code[self._last:]
            if self._opened_for_last:
                self._tagger.unmark(self._stack[-1], self._canvas)
                text = text[1:]
                self._opened = False
            else:
                self._close()
            link = self._links.get(key)
            if link is None:
                link = self._links[key] = self._stack[-1].add("Link")
            self._tagger.pending.append([key[1], link, True])
            self._stack.append(link)
            self._open()
            self._code.extend(text)
        else:
            link = self._links.get(key)
            if link is not None and link in self._stack:
                self._leave(link)

    def lang(self, tag: str) -> None:
        """A language span starts (``tag``) or ends (``""``) here."""
        if tag:
            self._close()
            span = self._stack[-1].add("Span")
            span.lang = tag
            self._stack.append(span)
            return
        spans = [node for node in self._stack[1:] if node.role == "Span"]
        if spans:
            self._leave(spans[-1])  # and a link still open inside it (it ends with the span)

    def _leave(self, node: Node) -> None:
        """Close ``node``'s content, and that of any element opened inside it."""
        self._close()
        while self._stack[-1] is not node:
            self._closed(self._stack.pop())
        self._closed(self._stack.pop())

    def _closed(self, node: Node) -> None:
        for entry in self._tagger.pending:
            if entry[1] is node:
                entry[2] = False

    def getCode(self) -> str:  # noqa: N802
        self._close()
        for entry in self._tagger.pending:
            entry[2] = False
        code: str = super().getCode()
        return code

    # -- marked content -----------------------------------------------------------------------

    def _open(self) -> None:
        self._code.append(self._tagger.mark(self._stack[-1], self._canvas))
        self._opened = True

    def _close(self) -> None:
        if self._opened:
            self._code.append("EMC")
            self._opened = False


def on_lang(canvas: Any, _kind: str, label: str | None) -> None:
    """The ``<onDraw>`` callback of a language span's ends (a no-op in an untagged render)."""
    info = getattr(canvas, "_curr_tx_info", None)
    text = info.get("tx") if isinstance(info, dict) else None
    if isinstance(text, InlineText):
        text.lang(label or "")
