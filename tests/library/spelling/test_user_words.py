"""The user's dictionary: words added persist, and a stranger's file is read within bounds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from presskit.library.spelling import (
    Checker,
    UserDictionaryError,
    add_user_word,
    load_dictionary,
    read_user_words,
    user_dictionary_path,
)
from presskit.library.spelling.user_words import MAX_BYTES, MAX_WORDS


def test_an_added_word_is_in_the_file_and_accepted_when_read_back(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dictionary.txt"
    add_user_word(path, "Pyeongchang")
    add_user_word(path, "Wrzesniewski")
    add_user_word(path, "Pyeongchang")  # once only
    assert path.read_text(encoding="utf-8") == "Pyeongchang\nWrzesniewski\n"
    checker = Checker(load_dictionary("en"), "en", read_user_words(path))
    assert checker.misspelled("Wrzesniewski in Pyeongchang") == []


def test_the_dictionary_lives_in_the_per_user_data_folder(tmp_path: Path) -> None:
    # conftest points XDG_DATA_HOME at a temp folder
    assert user_dictionary_path().name == "dictionary.txt"
    assert user_dictionary_path().parent.name == "presskit"


def test_a_missing_file_is_an_empty_dictionary(tmp_path: Path) -> None:
    assert read_user_words(tmp_path / "none.txt") == []
    assert read_user_words(tmp_path) == []  # a folder where the file should be


def test_a_strangers_huge_or_broken_file_is_read_within_bounds(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    path.write_bytes(b"good\n\xff\xfe broken\n" + b"x" * 500 + b"\n# a comment\n"
                     + b"".join(b"w%d\n" % i for i in range(200_000)))
    words = read_user_words(path)
    assert words[0] == "good"
    assert "x" * 500 not in words and "# a comment" not in words
    assert all("\ufffd" not in w for w in words)
    assert len(words) == MAX_WORDS

    path.write_bytes(b"a" * (MAX_BYTES * 3))  # one endless line
    assert read_user_words(path) == []


def test_a_word_that_cannot_be_saved_says_where(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(UserDictionaryError, match="Could not add “Kim”"):
        add_user_word(blocker / "dictionary.txt", "Kim")
    with pytest.raises(UserDictionaryError):
        add_user_word(tmp_path / "d.txt", "   ")


def test_adding_a_word_keeps_every_line_the_user_wrote(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    mine = "# my notes\nKärjäläinen\n" + "x" * 150 + "\nlastword"  # no final newline
    path.write_text(mine, encoding="utf-8")
    add_user_word(path, "Tromsø")
    assert path.read_text(encoding="utf-8") == mine + "\nTromsø\n"


def test_a_full_dictionary_refuses_a_word_and_says_so_without_losing_any(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dictionary.txt"
    full = "".join(f"word{i}\n" for i in range(MAX_WORDS + 10))
    path.write_text(full, encoding="utf-8")
    with pytest.raises(UserDictionaryError, match="is full"):
        add_user_word(path, "Tromsø")
    assert path.read_text(encoding="utf-8") == full


def test_a_pipe_where_the_dictionary_should_be_is_no_dictionary(tmp_path: Path) -> None:
    fifo = tmp_path / "dictionary.txt"
    os.mkfifo(fifo)
    assert read_user_words(fifo) == []  # at once: nothing waits for a writer
    with pytest.raises(UserDictionaryError):
        add_user_word(fifo, "Kim")


def test_the_last_word_counts_without_a_line_break_after_it(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("alpha\nbeta", encoding="utf-8")
    assert read_user_words(path) == ["alpha", "beta"]


def test_a_dictionary_that_is_a_link_is_not_written_through_and_says_why(
        tmp_path: Path) -> None:
    # A stranger's "dictionary" linked to ~/.bashrc must not get a line appended to it.
    target = tmp_path / "bashrc"
    target.write_text("alias ls='ls -F'\n")
    link = tmp_path / "dictionary.txt"
    link.symlink_to(target)
    with pytest.raises(UserDictionaryError) as refused:
        add_user_word(link, "Kim")
    assert str(refused.value) == (f"Could not add “Kim” to your dictionary {link}: it is a "
                                  "link, which presskit does not write through")
    assert target.read_text() == "alias ls='ls -F'\n"
