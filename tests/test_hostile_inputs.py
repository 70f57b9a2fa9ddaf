"""Files and text made to do harm are refused with a message, or printed as the text they are.

The other hostile inputs have tests beside the code they attack: YAML tags that construct
objects and billion-laughs aliases in storage/test_errors.py, image decompression bombs in
render/images/test_images.py, hostile bundles in storage/bundle/test_refusals.py,
``javascript:`` and ``file:`` links in render/test_pdf.py and formats/test_email.py.
docs/security.md's table lists them all and names the test of each.
"""

from __future__ import annotations

import stat
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest
from support.format_reading import read_html
from support.fuzz_settings import watchdog
from support.pdf_reading import links, page_texts, squash
from support.render_fixtures import make_headshot, make_logo, seed_kit

from presskit.formats.bundle import write_bundle
from presskit.formats.mail import email_parts
from presskit.library.csv_import import sniff
from presskit.library.text_files import MAX_TEXT_BYTES
from presskit.model import Kit, LeadSection, PresskitError, QuotesSection, TextSection
from presskit.render import render_pdf
from presskit.storage import ProjectFileError, load_kit, loads_kit, save_kit
from presskit.storage.reader import MAX_YAML_BYTES

MB = 1024 * 1024


def huge_file(path: Path, start: bytes) -> Path:
    """``start`` followed by zeros to 200 MB, sparse: no 200 MB on the test machine's disk."""
    with path.open("wb") as stream:
        stream.write(start)
        stream.truncate(200 * MB)
    return path


def refusal_and_peak(read: Any, path: Path, error: type[Exception]) -> tuple[str, int]:
    """The message ``read(path)`` refuses with, and the most memory it held meanwhile."""
    tracemalloc.start()
    try:
        with pytest.raises(error) as caught:
            read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return str(caught.value), peak


def test_a_200_mb_project_file_is_refused_without_being_read_whole(tmp_path: Path) -> None:
    path = huge_file(tmp_path / "huge.presskit", b"presskit: 1\nkit:\n  title: Huge\n")
    message, peak = refusal_and_peak(load_kit, path, ProjectFileError)
    assert message == (f"{path}: error: the file is larger than 50 MB, far more than "
                                 "any presskit file; it was not read (is it really a kit?)")
    assert peak < MAX_YAML_BYTES + 20 * MB  # what the limit lets in, never the whole file


@pytest.mark.parametrize("source", ["huge", "/dev/zero"])
def test_a_spreadsheet_of_200_mb_or_endless_is_refused_without_being_read_whole(
        tmp_path: Path, source: str) -> None:
    path = Path(source)
    if source == "huge":
        path = huge_file(tmp_path / "roster.csv", b"name,title\nAna,Fellow\n")
    elif not path.exists():
        pytest.skip("no /dev/zero here")
    message, peak = refusal_and_peak(sniff, path, PresskitError)
    # A device is refused before a byte is read (issue 15), a huge file after 50 MB + 1.
    endless = "is not a regular file" if source == "/dev/zero" else "is larger than 50 MB"
    assert message.startswith(f"{path} {endless}")
    assert message.endswith("it was not read")
    assert peak < MAX_TEXT_BYTES + 20 * MB


def test_data_nested_a_hundred_thousand_deep_is_refused_at_its_place() -> None:
    depth = 100_000
    text = "presskit: 1\nkit:\n  title: Deep\nbrand:\n  deep: " + "[" * depth + "]" * depth
    with watchdog("deep nesting"), pytest.raises(ProjectFileError) as caught:
        loads_kit(text, Path("deep.presskit"))
    assert str(caught.value).startswith("deep.presskit:5:")
    assert "nested more than 64 levels deep" in str(caught.value)


def test_files_behind_a_symlink_or_outside_the_kit_folder_are_read_but_never_written(
        tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    logo = make_logo(outside / "logo.png")
    photo = make_headshot(outside / "photo.jpg", seed=1)
    folder = tmp_path / "kit"
    folder.mkdir()
    link = folder / "linked.jpg"
    link.symlink_to(photo)
    kit = seed_kit(logo=folder / ".." / "elsewhere" / "logo.png")
    kit.experts[0].photo = folder / ".." / "elsewhere" / "photo.jpg"
    kit.experts[1].photo = link
    next(s for s in kit.sections if isinstance(s, QuotesSection)).photos = True
    kit_path = folder / "kit.presskit"
    save_kit(kit, kit_path)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (logo, photo)}

    loaded = load_kit(kit_path)
    assert "../elsewhere/photo.jpg" in kit_path.read_text(encoding="utf-8")
    pdf = render_pdf(loaded.kit)
    assert pdf.warnings == []  # every picture was found and read
    email_parts(loaded.kit)
    save_kit(loaded.kit, kit_path)
    bundle = write_bundle(kit_path, tmp_path / "out.presskitz").path
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        modes = [info.external_attr >> 16 for info in archive.infolist()]
    assert all(".." not in name.split("/") and not name.startswith("/") for name in names)
    assert not any(stat.S_ISLNK(mode) for mode in modes)  # copies, not links

    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (logo, photo)} == before
    assert sorted(p.name for p in outside.iterdir()) == ["logo.png", "photo.jpg"]
    assert link.is_symlink() and link.resolve() == photo.resolve()


INJECTIONS = [
    "<font name=Courier-Bold size=40>big</font>",
    "<img src=/etc/passwd width=400 height=400/>",
    "&lt;b&gt;escaped once&lt;/b&gt;",
    "<para alignment=right>moved</para>",
    "<a href=javascript:alert(1)>click</a>",
    "<link href=file:///etc/passwd>open</link>",
    "<br/><strike>gone</strike>&nbsp;&#8224;",
]


def injected_kit() -> tuple[Kit, list[str]]:
    kit = seed_kit()
    kit.title = INJECTIONS[0]
    kit.experts[0].name = INJECTIONS[1]
    kit.experts[0].title = INJECTIONS[2]
    kit.quotes[0].text = INJECTIONS[3] + " " + INJECTIONS[4]
    kit.sections[0] = LeadSection(id="lead", text="\n\n".join(INJECTIONS))
    kit.sections.append(TextSection(id="t", heading=INJECTIONS[5], text=INJECTIONS[6]))
    return kit, INJECTIONS


def test_reportlab_markup_typed_into_a_kit_is_printed_literally_and_never_live() -> None:
    kit, typed = injected_kit()
    pdf = render_pdf(kit)
    printed = squash("\n".join(page_texts(pdf.data)))
    for text in typed:
        assert squash(text) in printed, text
    assert all(uri.startswith(("https:", "http:", "mailto:")) for _, uri in links(pdf.data))
    assert pdf.warnings == []  # the <img> was never an image to look for


def test_markup_typed_into_a_kit_is_text_in_the_email_too() -> None:
    kit, typed = injected_kit()
    page = read_html(email_parts(kit).html)
    for text in typed:
        assert squash(text) in squash(page.text), text
    assert not {tag for tag, _ in page.tags} & {"font", "para", "link", "strike", "a"} - {"a"}
    assert not [src for src in page.attribute("src") if "/etc/passwd" in src]
    assert not [h for h in page.attribute("href") if not h.startswith(("https:", "http:",
                                                                         "mailto:"))]
