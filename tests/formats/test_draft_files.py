"""More of the e-mail at its edges: the draft file's headers as mail clients read them, the
space above a headline with no date line, the request letter's HTML and the errors a caller
gets for a wrong picture mode or a non-ASCII picture address."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from support.examples import NORTHBRIDGE_KIT
from support.format_reading import read_html, read_message
from support.render_fixtures import seed_kit

from presskit.formats import email_parts
from presskit.formats.exports import FORMATS, export
from presskit.formats.mail import hosted_base
from presskit.formats.requests import letter_html
from presskit.library.requests import Ask, letters
from presskit.storage import load_kit


def test_an_eml_export_is_one_eml_file_apple_mail_takes_for_a_draft() -> None:
    exported = export(seed_kit(), "eml", from_address="Press Desk <desk@think.example>")
    assert list(exported.files) == list(FORMATS["eml"]) == [".eml"]
    data = exported.files[".eml"]
    # Spelled as Apple Mail writes it into its own drafts.
    assert b"\r\nX-Uniform-Type-Identifier: com.apple.mail-draft\r\n" in data
    message = read_message(data)
    domain = str(message["From"]).rsplit("@", 1)[1].rstrip(">")
    # The message's id names the program that made it, at the sender's own domain.
    assert re.fullmatch(rf"<[\d.]+\.presskit@{re.escape(domain)}>", str(message["Message-ID"]))


def test_a_headline_without_a_date_line_sits_a_little_lower() -> None:
    kit = seed_kit()
    dated = email_parts(kit).html
    kit.date = None
    undated = email_parts(kit).html

    def space_above_title(html: str) -> str:
        row = html[:html.index('class="pk-head pk-title"')].rsplit("<tr>", 1)[1]
        found = re.search(r"padding:(\d+)px ", row)
        assert found is not None
        return found.group(1)

    assert (space_above_title(dated), space_above_title(undated)) == ("28", "30")


def test_the_request_letter_shows_its_words_and_nothing_else_in_its_own_style() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    ask = Ask(topic="the opening", asked=dt.date(2026, 7, 10), deadline=dt.date(2026, 7, 13),
              length=60)
    [made], _ = letters(kit, ask, ["zoe-odegard"])
    html = letter_html(made)
    shown = " ".join(read_html(html.split("</head>", 1)[1]).text.split())
    assert shown.startswith(" ".join(made.paragraphs[0].split()))
    body = read_html(html).attribute("style")
    assert body == ["font-family: Arial, Helvetica, sans-serif; font-size: 15px; "
                    "line-height: 1.5; color: #222222;"]


def test_asking_for_pictures_neither_inline_nor_as_files_names_the_choice() -> None:
    with pytest.raises(ValueError, match="inline_images must be 'cid' or 'files', not 'data'"):
        email_parts(seed_kit(), "data")  # type: ignore[arg-type]


def test_a_picture_address_outside_ascii_says_how_to_write_it() -> None:
    with pytest.raises(ValueError, match=r"%-encoded \(and a host name in its xn-- form\)"):
        hosted_base("https://bücher.example/press/")
