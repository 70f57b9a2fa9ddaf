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


def test_the_placeholder_for_a_lost_photo_is_hidden_from_screen_readers_and_follows_the_shape(
    kit_with_a_lost_photo: Kit,
) -> None:
    import copy
    import re

    from presskit.model import HeadshotShape

    for shape, radius in ((HeadshotShape.SQUARE, ""),
                          (HeadshotShape.CIRCLE, "border-radius:50%;")):
        kit = copy.deepcopy(kit_with_a_lost_photo)
        kit.brand.headshots = shape
        html = export(kit, "email").files[".html"].decode("utf-8")
        # The initials on a disc or square: decoration, since the name follows.
        placeholder = re.search(r'<table role="presentation"( aria-hidden="true")? width="48"'
                                r'[^>]*><tr><td [^>]*style="([^"]*)">ΕΠ</td>', html)
        assert placeholder is not None
        assert placeholder.group(1) == ' aria-hidden="true"'
        style = placeholder.group(2)
        assert f";{radius}font-size:16px;" in style
        assert ("border-radius" in style) == bool(radius)


def test_a_bios_section_naming_an_unknown_expert_warns_at_its_place() -> None:
    kit = load_kit(NORTHBRIDGE_KIT).kit
    index = next(i for i, s in enumerate(kit.sections) if s.id == "bios")
    kit.sections[index].experts = ["zoe-odegard", "nobody"]  # type: ignore[attr-defined]
    exported = export(kit, "markdown")
    assert [(w.where, w.message) for w in exported.warnings] == [
        (("sections", index, "experts", 1),
         "section 'bios' refers to expert 'nobody', which is not defined; it is left out"),
    ]
