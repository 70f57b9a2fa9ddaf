"""Words marked as in another language (``[Bonjour]{lang=fr}``) reach every channel: the
e-mail marks them with ``<span lang>``, the Markdown and the plain text carry the words alone,
and nowhere do the brackets or the tag show."""

from __future__ import annotations

import re

from support.format_reading import words
from support.render_fixtures import seed_kit

from presskit.formats import email_parts, markdown
from presskit.model import Kit

TEXT = ("Asked in Paris, she said [Bonjour tout le monde, **mes amis**]{lang=fr} and left; "
        "in Geneva [Grüezi]{lang=“de-CH”}. Typo: [hola]{lang=spanish}.")


def spans_kit() -> Kit:
    kit = seed_kit()
    kit.sections[0].text = TEXT  # the lead
    return kit


def test_the_email_marks_each_span_with_its_language() -> None:
    html = email_parts(spans_kit()).html
    assert re.search(r'<span lang="fr">Bonjour tout le monde, </span>'
                     r'(<strong>)?<span lang="fr">(<strong>)?mes amis', html)
    assert '<span lang="de-CH">Grüezi</span>' in html
    # A tag that is none: the words, unmarked.
    assert "hola." in html and 'lang="spanish"' not in html
    assert "{lang=" not in html and "[Bonjour" not in html


def test_markdown_and_plain_text_carry_only_the_words() -> None:
    parts = email_parts(spans_kit())
    page = markdown(spans_kit())
    for out in (words(parts.text), words(page.replace("**", ""))):
        assert "she said Bonjour tout le monde, mes amis and left; in Geneva Grüezi." in out
        assert "{lang=" not in out and "[" not in out.split("she said")[1][:80]
