"""The draft message as a mail client opens it: parsed with the email package, both bodies,
every image the HTML refers to, the headers of a complete message (From, Date, Message-ID,
the status in the Subject), the mark that makes it a draft and the PDF when attached."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from PIL import Image
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from support.format_reading import read_html, read_message
from support.pdf_reading import text

from presskit.formats import Attachment, draft_message, email_parts
from presskit.render import render_pdf
from presskit.storage import load_kit

EMBARGO = "EMBARGOED until 06:00 CEST (04:00 UTC), 14 July 2026"


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


def test_the_draft_has_every_header_a_client_expects_of_a_message() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    message = read_message(draft_message(kit))
    assert message["Subject"] == f"DRAFT · {EMBARGO} · {kit.series}: {kit.title}"
    assert message["X-Unsent"] == "1"  # Outlook and Thunderbird open it as a message to send
    assert message["X-Uniform-Type-Identifier"] == "com.apple.mail-draft"  # Apple Mail's mark
    assert message["MIME-Version"] == "1.0"
    [sender] = message["From"].addresses
    contact = kit.contacts[0]
    assert (sender.display_name, sender.addr_spec) == (contact.name, contact.email)
    sent = message["Date"].datetime
    assert sent.tzinfo is not None and before <= sent <= dt.datetime.now(dt.UTC)
    assert re.fullmatch(r"<[^<>@\s]+@example\.org>", message["Message-ID"])
    assert message["To"] is None  # the press officer addresses it
    assert message.get_content_type() == "multipart/alternative"  # nothing attached unasked


def test_each_draft_has_its_own_message_id() -> None:
    kit = load_kit(CNAS_KIT).kit
    first, second = (read_message(draft_message(kit))["Message-ID"] for _ in range(2))
    assert first != second


def test_a_kit_without_a_contact_is_from_the_users_own_address() -> None:
    kit = load_kit(CNAS_KIT).kit
    kit.contacts[0].email = ""  # no address to be from
    assert read_message(draft_message(kit))["From"] is None  # the client fills in its account
    message = read_message(draft_message(kit, from_address="Ann Ng <ann@example.net>"))
    [sender] = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Ann Ng", "ann@example.net")
    assert str(message["Message-ID"]).endswith("@example.net>")


def test_the_users_address_does_not_replace_the_kits_media_contact() -> None:
    kit = load_kit(CNAS_KIT).kit
    message = read_message(draft_message(kit, from_address="ann@example.net"))
    assert message["From"].addresses[0].addr_spec == kit.contacts[0].email


def test_the_pdf_is_attached_when_asked_beside_both_alternatives() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    pdf = render_pdf(kit).data
    message = read_message(draft_message(kit, pdf=Attachment("northbridge.pdf", pdf)))
    assert message.get_content_type() == "multipart/mixed"
    body, attached = message.iter_parts()
    assert body.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in body.iter_parts()] == ["text/plain",
                                                                 "multipart/related"]
    assert attached.get_content_type() == "application/pdf"
    assert attached.get_content_disposition() == "attachment"
    assert attached.get_filename() == "northbridge.pdf"
    data = attached.get_content()
    assert data == pdf
    assert kit.title in text(data) and "EMBARGOED until 06:00 CEST" in text(data)
    assert message.get_body(("html",)) is not None and message.get_body(("plain",)) is not None


def test_non_ascii_names_survive_the_round_trip() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    message = read_message(draft_message(kit))
    plain = message.get_body(("plain",))
    assert plain is not None
    assert "Ελένη Παπαδοπούλου" in plain.get_content()
    assert "Nguyễn Thị Minh" in plain.get_content()
