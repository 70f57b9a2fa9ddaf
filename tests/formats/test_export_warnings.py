"""What an export says about a picture it could not use, whatever the format asked for: the
command line prints these warnings, so an e-mail sent with a placeholder photo is no
surprise."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.examples import NORTHBRIDGE_KIT

from presskit.formats.exports import export
from presskit.model import Kit
from presskit.storage import load_kit


@pytest.fixture(scope="module")
def kit_with_a_lost_photo() -> Kit:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    kit.experts[0].photo = Path("/nonexistent/eleni.jpg")
    return kit


@pytest.mark.parametrize("format_name", ["email", "eml"])
def test_an_email_export_warns_of_the_photo_it_replaced_with_a_placeholder(
    kit_with_a_lost_photo: Kit, format_name: str
) -> None:
    exported = export(kit_with_a_lost_photo, format_name)
    assert [(w.severity.value, w.where, w.message) for w in exported.warnings] == [
        ("warning", ("experts", 0, "photo"),
         "photo of 'Dr. Ελένη Παπαδοπούλου': /nonexistent/eleni.jpg cannot be used: file not "
         "found; a placeholder is shown"),
    ]
