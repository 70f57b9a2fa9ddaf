"""``presskit request``: drafts for the chosen experts in a folder, pending quotes recorded in
the kit (the rest of the file as it was), nothing changed on a dry run or a bad ask."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from support.examples import EXAMPLES, copy_folder
from support.format_reading import read_message

from presskit.cli.main import main
from presskit.model import ApprovalState
from presskit.storage import load_kit

DEADLINE = (dt.date.today() + dt.timedelta(days=3)).isoformat()


@pytest.fixture
def kit_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "northbridge"
    copy_folder(EXAMPLES / "northbridge-briefing", folder)
    return folder / "northbridge-briefing.presskit"


def request(kit: Path, folder: Path, *more: str) -> int:
    return main(["request", str(kit), "--experts", "zoe-odegard", "anna-smirnova",
                 "--topic", "fisheries", "--deadline", f"{DEADLINE}T17:00", "--length", "80",
                 "-o", str(folder), *more])


def test_request_writes_a_draft_per_expert_and_records_pending_quotes(
        kit_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = kit_copy.read_text(encoding="utf-8")
    folder = tmp_path / "requests"
    assert request(kit_copy, folder) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["request-anna-smirnova.eml",
                                                        "request-zoe-odegard.eml"]
    message = read_message((folder / "request-zoe-odegard.eml").read_bytes())
    assert message["To"].addresses[0].addr_spec == "zoe-odegard@example.org"
    assert message["Subject"].startswith("Request for comment: fisheries — by ")
    kit = load_kit(kit_copy).kit
    asked = [q for q in kit.quotes if q.request is not None]
    assert [q.expert for q in asked] == ["zoe-odegard", "anna-smirnova"]
    assert all(q.text == "" and q.approval.state is ApprovalState.PENDING for q in asked)
    request_ = asked[0].request
    assert request_ is not None
    assert request_.asked == dt.date.today() and request_.length == 80
    assert request_.deadline == dt.datetime.fromisoformat(f"{DEADLINE}T17:00")
    after = kit_copy.read_text(encoding="utf-8")
    # Everything the file said before is still there, byte for byte, before the new quotes.
    head, _, tail = before.partition("resources:")
    assert after.startswith(head) and after.endswith("resources:" + tail)
    assert "recorded 2 pending quotes" in capsys.readouterr().err


def test_dry_run_changes_nothing(kit_copy: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    before = kit_copy.read_bytes()
    assert request(kit_copy, tmp_path / "requests", "--dry-run") == 0
    assert kit_copy.read_bytes() == before
    assert not (tmp_path / "requests").exists()
    out = capsys.readouterr().out
    assert "would write" in out and "request-zoe-odegard.eml" in out
    assert "would record quote 'zoe-odegard-fisheries'" in out


@pytest.mark.parametrize(("change", "message"), [
    (["--deadline", "2020-01-01"], "is before today"),
    (["--deadline", "tomorrow"], "--deadline 'tomorrow' is not a date"),
    (["--experts", "nobody"], "the kit has no expert 'nobody'"),
])
def test_a_bad_ask_is_refused_and_nothing_is_written(
        kit_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        change: list[str], message: str) -> None:
    before = kit_copy.read_bytes()
    assert request(kit_copy, tmp_path / "requests", *change) == 2
    assert message in capsys.readouterr().err
    assert kit_copy.read_bytes() == before
    assert not (tmp_path / "requests").exists()


def test_a_folder_that_is_a_link_or_the_kits_own_folder_file_is_refused(
        kit_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = kit_copy.read_bytes()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "link"
    os.symlink(elsewhere, link)
    assert request(kit_copy, link) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert request(kit_copy, kit_copy) == 2
    assert list(elsewhere.iterdir()) == [] and kit_copy.read_bytes() == before


def test_a_hand_written_kit_is_recorded_and_the_user_told_its_layout_changed(
        kit_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = kit_copy.read_text(encoding="utf-8")
    kit_copy.write_text("# our advisory, edited by hand\n" + text, encoding="utf-8")
    assert request(kit_copy, tmp_path / "requests") == 0
    assert "rewritten in presskit's own layout" in capsys.readouterr().err
    assert len([q for q in load_kit(kit_copy).kit.quotes if q.request is not None]) == 2


def test_a_kit_presskit_saved_gets_no_such_note(
        kit_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert request(kit_copy, tmp_path / "requests") == 0
    assert "rewritten" not in capsys.readouterr().err
