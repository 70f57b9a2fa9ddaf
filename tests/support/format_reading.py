"""Reading the non-PDF formats back as their readers do: HTML with ``html.parser``, messages
with the ``email`` package, Markdown by undoing its backslash escapes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from html.parser import HTMLParser

_BLOCKS = {"p", "h1", "h2", "h3", "div", "td", "tr", "table", "br", "li"}


@dataclass
class HtmlPage(HTMLParser):
    """Every tag with its attributes, and the text a reader sees (``<title>`` left out)."""

    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    _in_title: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_title = self._in_title or tag == "title"
        if tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._in_title:
            self.pieces.append(data)

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def attribute(self, name: str) -> list[str]:
        return [attrs[name] for _tag, attrs in self.tags if name in attrs]


def read_html(html: str) -> HtmlPage:
    page = HtmlPage()
    page.feed(html)
    page.close()
    return page


def words(text: str) -> str:
    """All whitespace made single spaces, as a reader sees wrapped text."""
    return " ".join(text.split())


def read_message(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape_markdown(text: str) -> str:
    """What a CommonMark reader shows for backslash-escaped text."""
    return _MARKDOWN_ESCAPE.sub(r"\1", text)
