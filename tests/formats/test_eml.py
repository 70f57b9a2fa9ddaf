"""The draft message as a mail client opens it: parsed with the email package, both bodies,
every image the HTML refers to, a subject and the mark that makes it a draft."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from support.format_reading import read_html, read_message

from presskit.formats import draft_message, email_parts
from presskit.storage import load_kit


@pytest.mark.parametrize("path", [CNAS_KIT, NORTHBRIDGE_KIT], ids=lambda p: p.stem)
def test_the_draft_has_both_alternatives_and_every_image_it_refers_to(path: Path) -> None:
    kit = load_kit(path).kit
    message = read_message(draft_message(kit))
    assert message.get_content_type() == "multipart/alternative"
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and html is not None
    assert plain.get_content().replace("\r\n", "\n") == email_parts(kit).text
    html_text = html.get_content()
    related = [part for part in message.walk() if part.get_content_type() == "multipart/related"]
    assert len(related) == 1
    images = {str(part["Content-ID"]).strip("<>"): part for part in message.walk()
              if part.get_content_maintype() == "image"}
    referenced = set(re.findall(r'src="cid:([^"]+)"', html_text))
    assert referenced and referenced == set(images)
    for part in images.values():
        picture = Image.open(io.BytesIO(part.get_content()))
        assert max(picture.size) <= 520  # downsampled, not the files as they are
    assert kit.title in read_html(html_text).text


def test_subject_is_series_and_headline_and_the_message_opens_as_a_draft() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    message = read_message(draft_message(kit))
    assert message["Subject"] == f"{kit.series}: {kit.title}"
    assert message["X-Unsent"] == "1"
    assert message["From"] is None and message["To"] is None


def test_non_ascii_names_survive_the_round_trip() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    message = read_message(draft_message(kit))
    plain = message.get_body(("plain",))
    assert plain is not None
    assert "Ελένη Παπαδοπούλου" in plain.get_content()
    assert "Nguyễn Thị Minh" in plain.get_content()
