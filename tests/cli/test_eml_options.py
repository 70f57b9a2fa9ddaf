"""``presskit export --format eml`` with the draft's options: ``--attach-pdf`` puts the kit's
PDF into the message, ``--from`` names the sender of a kit without a media contact, and both
are refused, with a message, for the formats that are no message."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.examples import EXAMPLES, copy_folder
from support.format_reading import read_message
from support.pdf_reading import page_texts

from presskit.cli.main import main


@pytest.fixture
def kit_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "northbridge"
    copy_folder(EXAMPLES / "northbridge-briefing", folder)
    return folder / "northbridge-briefing.presskit"


def test_attach_pdf_puts_the_kits_pdf_into_the_draft(kit_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "advisory.eml"
    assert main(["export", str(kit_copy), "-f", "eml", "--attach-pdf", "-o", str(target)]) == 0
    message = read_message(target.read_bytes())
    [pdf] = [part for part in message.iter_attachments()
             if part.get_content_type() == "application/pdf"]
    assert pdf.get_filename() == "northbridge-briefing.pdf"
    pages = page_texts(pdf.get_content())
    assert "Record-Early Opening" in pages[0]
    assert all("EMBARGOED until 06:00 CEST (04:00 UTC), 14 July 2026" in p for p in pages)
    assert message["Subject"].startswith("DRAFT · EMBARGOED until 06:00 CEST")
    assert not kit_copy.with_suffix(".pdf").exists()  # attached, not written beside the kit


def test_without_attach_pdf_the_draft_has_no_attachment(kit_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "advisory.eml"
    assert main(["export", str(kit_copy), "-f", "eml", "-o", str(target)]) == 0
    assert list(read_message(target.read_bytes()).iter_attachments()) == []


def test_from_is_the_sender_of_a_kit_without_a_media_contact(kit_copy: Path,
                                                             tmp_path: Path) -> None:
    text = kit_copy.read_text(encoding="utf-8")
    kit_copy.write_text(text.replace("email: press@example.org", "email: ''"), encoding="utf-8")
    target = tmp_path / "advisory.eml"
    assert main(["export", str(kit_copy), "-f", "eml", "--from", "Ann Ng <ann@example.net>",
                 "-o", str(target)]) == 0
    [sender] = read_message(target.read_bytes())["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Ann Ng", "ann@example.net")


@pytest.mark.parametrize("option", [["--attach-pdf"], ["--from", "ann@example.net"]])
@pytest.mark.parametrize("format_name", ["email", "markdown", "pdf"])
def test_draft_options_are_refused_for_other_formats(
    kit_copy: Path, tmp_path: Path, option: list[str], format_name: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", str(kit_copy), "-f", format_name, *option,
                 "-o", str(tmp_path / "out")]) == 2
    assert f"{option[0]} is for --format eml" in capsys.readouterr().err
    assert list(tmp_path.glob("out*")) == []


def test_a_from_that_is_no_address_is_refused_before_anything_is_written(
    kit_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(kit_copy), "-f", "eml", "--from", "Ann Ng",
                 "-o", str(tmp_path / "out")]) == 2
    assert "--from 'Ann Ng' is not an e-mail address" in capsys.readouterr().err
    assert list(tmp_path.glob("out*")) == []
