"""``presskit export --format …`` as a press officer runs it: the files land beside the kit or
where -o says, with the format's extensions, and bad input is a message, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.examples import EXAMPLES, copy_folder
from support.format_reading import read_html, read_message

from presskit.cli.main import main


@pytest.fixture
def kit_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "northbridge"
    copy_folder(EXAMPLES / "northbridge-briefing", folder)
    return folder / "northbridge-briefing.presskit"


def test_email_writes_html_and_text_beside_the_kit(kit_copy: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(kit_copy), "--format", "email"]) == 0
    html, txt = kit_copy.with_suffix(".html"), kit_copy.with_suffix(".txt")
    assert capsys.readouterr().out.splitlines()[:2] == [str(html), str(txt)]
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Record-Early Opening" in txt.read_text(encoding="utf-8")
    # Opened in a browser or uploaded to an e-mail service, the body shows its logo and
    # headshots: files in the folder beside it, not cid: references to parts only a message
    # would have, nor data: URIs that Gmail and Outlook do not show.
    sources = [attrs["src"] for tag, attrs in read_html(html.read_text(encoding="utf-8")).tags
               if tag == "img"]
    assert len(sources) > 5
    assert all(src.startswith("northbridge-briefing_files/") and (html.parent / src).is_file()
               for src in sources)


@pytest.mark.parametrize(("output", "expected"), [
    ("out/advisory", ["out/advisory.eml"]),
    ("out/advisory.eml", ["out/advisory.eml"]),
    ("out/advisory.pdf", ["out/advisory.eml"]),
    ("out", ["out/northbridge-briefing.eml"]),
])
def test_eml_goes_where_o_says_with_its_extension(kit_copy: Path, tmp_path: Path, output: str,
                                                   expected: list[str]) -> None:
    (tmp_path / "out").mkdir()
    assert main(["export", str(kit_copy), "-f", "eml", "-o", str(tmp_path / output)]) == 0
    for name in expected:
        message = read_message((tmp_path / name).read_bytes())
        assert message["X-Unsent"] == "1"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        Path(name).name for name in expected)


def test_markdown_and_the_default_pdf(kit_copy: Path, tmp_path: Path) -> None:
    assert main(["export", str(kit_copy), "-f", "markdown", "-o", str(tmp_path / "page")]) == 0
    assert (tmp_path / "page.md").read_text(encoding="utf-8").count("\n# ") == 1
    assert main(["export", str(kit_copy), "-o", str(tmp_path / "kit.pdf")]) == 0
    assert (tmp_path / "kit.pdf").read_bytes().startswith(b"%PDF")


def test_bad_input_exits_2_with_a_located_message_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = tmp_path / "kit.presskit"
    kit.write_text("presskit: 1\nkit:\n  title: [unclosed\n", encoding="utf-8")
    assert main(["export", str(kit), "-f", "email"]) == 2
    err = capsys.readouterr().err
    assert f"{kit}:3:" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit.presskit"]


def test_strict_refuses_an_email_with_a_broken_photo(kit_copy: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (kit_copy.parent / "assets" / "expert-01.jpg").write_bytes(b"broken")
    assert main(["export", str(kit_copy), "-f", "email", "--strict"]) == 2
    err = capsys.readouterr().err
    assert f"{kit_copy}:" in err and "photo of" in err and "nothing written" in err
    assert not kit_copy.with_suffix(".html").exists()
    assert main(["export", str(kit_copy), "-f", "email"]) == 0  # without --strict: a warning


def test_an_unknown_format_is_a_usage_error(kit_copy: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(kit_copy), "-f", "docx"])
    assert exit_info.value.code == 2
