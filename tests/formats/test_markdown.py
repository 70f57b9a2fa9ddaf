"""The Markdown page as a CMS reads it: one headline, section headings, quotes as blockquotes
with their attribution, and user text that shows as typed, never as Markdown syntax."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from support.format_reading import unescape_markdown
from support.render_fixtures import seed_kit

from presskit.formats import markdown
from presskit.formats.commonmark import escape
from presskit.storage import load_kit

#: Markdown syntax that must never appear unescaped in user text.
_UNESCAPED = re.compile(r"(?<!\\)[*_\[\]<>`|~#]")


@pytest.mark.parametrize("path", [CNAS_KIT, NORTHBRIDGE_KIT], ids=lambda p: p.stem)
def test_headline_section_headings_and_quotes_as_blockquotes(path: Path) -> None:
    kit = load_kit(path).kit
    page = markdown(kit)
    lines = page.splitlines()
    assert [line for line in lines if line.startswith("# ")] == [f"# {escape(kit.title)}"]
    quotes = [line for line in lines if line.startswith("> “")]
    attributions = [line for line in lines if line.startswith("> — **")]
    used = sum(len(s.quotes) for s in kit.visible_sections() if s.type == "quotes")
    assert len(quotes) == len(attributions) == used
    if path == NORTHBRIDGE_KIT:
        assert "## Security and diplomacy" in lines and "## About our experts" in lines
        assert "Notes for the press office" not in page
        assert "[press@example.org](mailto:press@example.org)" in page
    else:
        assert "## Need a cheat sheet?" in lines and "## Sharper" in lines
        assert "About CNAS" not in page
    levels = [len(line) - len(line.lstrip("#")) for line in lines if line.startswith("#")]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))  # none skipped


def test_markdown_punctuation_typed_by_the_user_is_escaped() -> None:
    kit = seed_kit()
    typed = "*not bold* _nor this_ [a](javascript:x) <b>&amp; `code` | ~x~ # tag"
    kit.title = typed
    kit.experts[0].name = "# Not a heading"
    kit.quotes[0].text = "1. not a list\n- nor this\n> nor a quote"
    page = markdown(kit)
    assert f"# {escape(typed)}" in page.splitlines()
    headline = page.splitlines()[[line.startswith("# ") for line in page.splitlines()].index(True)]
    assert not _UNESCAPED.search(headline[2:])
    assert unescape_markdown(headline[2:]) == typed
    assert "**\\# Not a heading**" in page
    assert "“1\\. not a list\\\n> \\- nor this\\\n> \\> nor a quote" in page
    assert "<b>" not in page and not re.search(r"(?<!\\)\]\(javascript:", page)


def test_emphasis_and_links_become_markdown() -> None:
    kit = seed_kit()
    kit.sections[0].text = "A **bold *and italic* claim** with {none} in it."
    page = markdown(kit)
    assert "A **bold *and italic* claim** with {none} in it." in page
    resource = kit.resources[0]
    assert f"[{escape(resource.title)}]({resource.url})" in page
