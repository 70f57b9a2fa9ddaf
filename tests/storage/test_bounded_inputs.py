"""A kit or roster that is not a file, or holds numbers and nesting no kit needs, is refused
with presskit's own message at its place: never a hang, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.special_files import fifo, refused_without_blocking

from presskit.library.roster_file import load_roster
from presskit.model import PresskitError
from presskit.storage import ProjectFileError, load_kit, loads_kit
from presskit.storage.inputs import InputError, read_input, size_text

KIT = "presskit: 1\nkit:\n  title: Numbers\n"
DIGITS = "1" * 5001


def refusal(text: str) -> str:
    with pytest.raises(ProjectFileError) as caught:
        loads_kit(text, Path("kit.presskit"))
    return str(caught.value)


def test_a_pipe_given_as_a_kit_is_refused_at_once(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "kit.presskit")
    with refused_without_blocking(pipe), pytest.raises(ProjectFileError) as caught:
        load_kit(pipe)
    assert str(caught.value).startswith(f"{pipe}: error: the file is not a regular file")


def test_a_pipe_given_as_a_roster_is_refused_at_once(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "roster.yaml")
    with refused_without_blocking(pipe), pytest.raises(PresskitError) as caught:
        load_roster(pipe)
    assert "is not a regular file" in str(caught.value)


def test_a_device_is_refused_without_reading_a_byte() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    with pytest.raises(InputError) as caught:
        read_input("/dev/zero", 1024)
    assert str(caught.value).startswith("/dev/zero is not a regular file")


def test_a_file_larger_than_its_limit_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(InputError) as caught:
        read_input(path, 1024, what="font file")
    assert str(caught.value) == (f"{path} is larger than 1 kB, far more than any font file; "
                                 "it was not read")


def test_a_format_version_of_5001_digits_is_refused_at_its_place() -> None:
    message = refusal(f"presskit: {DIGITS}\nkit:\n  title: X\n")
    assert message.startswith("kit.presskit:1:11: error: a number longer than 100 digits")


def test_a_quoted_format_version_of_5001_digits_or_a_superscript_is_refused_at_its_place(
) -> None:
    for version in (f'"{DIGITS}"', "²"):
        message = refusal(f"presskit: {version}\nkit:\n  title: X\n")
        assert message.startswith("kit.presskit:1:11: error: presskit: the format version "
                                  "must be a whole number"), message


@pytest.mark.parametrize("place", ["brand:\n  margins:\n    top: {n}\n", "surprise: {n}\n",
                                   "brand:\n  colors:\n    primary: -{n}.5\n"])
def test_a_number_of_5001_digits_anywhere_in_a_kit_is_refused_at_its_place(place: str) -> None:
    text = KIT + place.format(n=DIGITS)
    line = text.count("\n")
    message = refusal(text)
    assert f"kit.presskit:{line}:" in message
    assert "a number longer than 100 digits is not allowed" in message


def test_a_roster_with_a_number_of_5001_digits_is_refused_at_its_place(tmp_path: Path) -> None:
    roster = tmp_path / "roster.yaml"
    roster.write_text(f"presskit-roster: {DIGITS}\nexperts: []\n", encoding="utf-8")
    with pytest.raises(PresskitError) as caught:
        load_roster(roster)
    assert f"{roster}:1:18: error: a number longer than 100 digits" in str(caught.value)


def test_the_command_line_says_where_a_huge_number_is_and_exits_2(tmp_path: Path) -> None:
    kit = tmp_path / "kit.presskit"
    kit.write_text(f"presskit: {DIGITS}\nkit:\n  title: X\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "presskit", "validate", str(kit)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "internal error" not in result.stderr
    assert f"{kit}:1:11: error: a number longer than 100 digits" in result.stderr


def test_the_command_line_refuses_a_pipe_as_a_kit_with_exit_2(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "kit.presskit")
    for command in ("export", "validate", "bundle"):
        result = subprocess.run([sys.executable, "-m", "presskit", command, str(pipe)],
                                capture_output=True, text=True, timeout=30)
        assert result.returncode == 2, (command, result.stderr)
        assert f"{pipe}: error: the file is not a regular file" in result.stderr, command


@pytest.mark.parametrize("version", [f'"{DIGITS}"', "²"])
def test_a_roster_whose_quoted_version_is_5001_digits_or_a_superscript_is_refused(
        tmp_path: Path, version: str) -> None:
    roster = tmp_path / "roster.yaml"
    roster.write_text(f"presskit-roster: {version}\nexperts: []\n", encoding="utf-8")
    with pytest.raises(PresskitError) as caught:
        load_roster(roster)
    assert f"{roster}:1:18: error: presskit-roster: the roster format version must be a whole" \
           in str(caught.value)


@pytest.mark.parametrize(("what", "said"), [
    ("SVG logo", "an SVG logo"),  # an acronym, read letter by letter: "es-vee-gee"
    ("HTML page", "an HTML page"),
    ("PDF", "a PDF"),
    ("MS Word file", "an MS Word file"),
    ("URL list", "a URL list"),
    ("advisory", "an advisory"),
    ("roster", "a roster"),
    ("font file", "a font file"),
])
def test_a_folder_given_for_a_file_is_refused_with_the_right_article(
    tmp_path: Path, what: str, said: str
) -> None:
    with pytest.raises(InputError) as refused:
        read_input(tmp_path, 1000, what=what)
    assert refused.value.reason == f"it is a folder, not {said}"
    assert not refused.value.missing


@pytest.mark.parametrize(("limit", "said"), [
    (50 * 1024 * 1024, "50 MB"), (1024 * 1024, "1 MB"), (1024 * 1024 - 1, "1023 kB"),
    (2048, "2 kB"), (100, "1 kB"),
])
def test_a_limit_is_said_in_megabytes_or_kilobytes(limit: int, said: str) -> None:
    assert size_text(limit) == said


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roster.yaml"
    path.write_bytes(b"x" * 1000)
    assert read_input(path, 1000, what="roster") == b"x" * 1000
    path.write_bytes(b"x" * 1001)
    with pytest.raises(InputError) as refused:
        read_input(path, 1000, what="roster")
    assert refused.value.reason.startswith("it is larger than 1 kB, far more than any roster")
