"""Whatever the user types in names, quotes and headings, every format is made and shows the
text as typed: escaped in HTML and Markdown, whole in plain text and in the message."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.format_reading import read_html, read_message, unescape_markdown, words
from support.render_fixtures import seed_kit

from presskit.formats import draft_message, email_parts, markdown
from presskit.model import Kit, TextSection
from presskit.model.text import one_line

text_strategy = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)
#: Text a reader can compare: printable, with the characters Markdown and HTML treat specially.
visible = st.text(alphabet=st.sampled_from("ab Zé–*_[]()<>&#!`|~\\-+=.1>\"'{}"),
                  min_size=1, max_size=40)


def _kit(title: str, name: str, heading: str, quote: str) -> Kit:
    kit = seed_kit()
    kit.brand.typography.smart_quotes = False  # compare with the text exactly as typed
    kit.title = title
    kit.series = name
    kit.experts[0].name = name
    kit.experts[0].title = heading
    kit.quotes[0].text = quote
    kit.sections.append(TextSection(id="free", heading=heading, text=quote))
    kit.sections[1].text = quote + " {email}"  # type: ignore[attr-defined]
    return kit


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text_strategy, name=text_strategy, heading=text_strategy, quote=text_strategy)
def test_arbitrary_text_never_raises(title: str, name: str, heading: str, quote: str) -> None:
    kit = _kit(title, name, heading, quote)
    parts = email_parts(kit)
    assert parts.html.startswith("<!DOCTYPE html>") and parts.text
    assert markdown(kit)
    assert read_message(draft_message(kit)).get_body(("html",)) is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=visible, name=visible, heading=visible)
def test_names_titles_and_headings_appear_as_typed(title: str, name: str, heading: str) -> None:
    kit = _kit(title, name, heading, "A plain quote.")
    expected = [one_line(title), one_line(name), one_line(heading)]
    parts = email_parts(kit)
    html_text = words(read_html(parts.html).text)
    plain = words(parts.text)
    page = unescape_markdown(markdown(kit))
    for value in expected:
        if not value:
            continue
        assert value in html_text
        assert value in plain
        assert value in page
    # The head's <style> is presskit's own (phones, Outlook); the user's text is in the body.
    page_tags = {tag for tag, _ in read_html(parts.html.split("</head>", 1)[1]).tags}
    assert not page_tags & {"script", "style", "b", "i"}
