"""The delimiter of a roster CSV when ``csv.Sniffer`` gives up: ragged files, where rows
have fewer or more cells than the header, are common in hand-made exports, and the sniffer
refuses them. Then the delimiter that splits the header (outside quotes) and most of the
rows as wide as the header wins."""

from __future__ import annotations

import csv

import pytest

from presskit.library.csv_import import detect_delimiter, sniff

RAGGED = {
    "semicolon, a row short and a row long": (
        "Name;Title;Email\nAnna Smirnova;Director;anna@example.org\nDuyeon Kim;Fellow\n"
        "Kristine Lee;Associate Fellow;kl@example.org;extra\n", ";"),
    "tab, commas in the titles": (
        "Name\tTitle\tEmail\nAnna Smirnova\tDirector, Russia and Eurasia\tanna@example.org\n"
        "Duyeon Kim\tFellow\nKristine Lee\tFellow, Asia; Energy\tkl@example.org\n", "\t"),
    "semicolon, mostly as wide as the header, commas in every row": (
        "Name;Title\nKim, Duyeon;Fellow, Asia\nLee, Kristine;Fellow, Asia\n"
        "Smirnova, Anna;Director, Eurasia;x\nJackson, Van;Fellow, Asia\n", ";"),
    "comma, semicolons in the titles": (
        "Name,Title,Email\nKim,Fellow; Asia\nSmirnova,Director; Eurasia,anna@example.org,x\n"
        "Lee,Fellow,kl@example.org\n", ","),
}


@pytest.mark.parametrize("text, delimiter", RAGGED.values(), ids=RAGGED.keys())
def test_a_ragged_file_the_sniffer_refuses_is_split_on_its_real_delimiter(
    text: str, delimiter: str
) -> None:
    with pytest.raises(csv.Error):  # the fallback, not the sniffer, decides here
        csv.Sniffer().sniff(text, delimiters=",;\t")
    assert detect_delimiter(text) == delimiter
    preview = sniff(text.encode())
    assert preview.delimiter == delimiter
    assert preview.headers == tuple(text.splitlines()[0].split(delimiter))


def test_a_single_column_file_is_read_as_one_column_per_line() -> None:
    text = "Name\nAnna Smirnova\nDuyeon Kim\n"
    with pytest.raises(csv.Error):
        csv.Sniffer().sniff(text, delimiters=",;\t")
    preview = sniff(text.encode())
    assert preview.headers == ("Name",)
    assert [row.cells for row in preview.first_rows] == [("Anna Smirnova",), ("Duyeon Kim",)]


def test_a_delimiter_only_inside_the_headers_quotes_does_not_split_the_header() -> None:
    # Every row but the header splits in two on ';' (each title has one), more evenly than
    # on ',' (the rows are ragged), but the header's only ';' is inside a quoted heading:
    # the commas outside quotes are the delimiter.
    text = ('Name,"Title; role",Email\nAnna Smirnova,Director; Eurasia,anna@example.org\n'
            "Duyeon Kim,Fellow; Asia\nKristine Lee,Fellow; Energy,kl@example.org,x\n")
    assert detect_delimiter(text) == ","
    preview = sniff(text.encode())
    assert preview.delimiter == ","
    assert preview.headers == ("Name", "Title; role", "Email")
    assert preview.rows[0].cells == ("Anna Smirnova", "Director; Eurasia", "anna@example.org")
