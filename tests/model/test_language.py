"""The kit says which language it is written in (a BCP 47 tag): screen readers choose their
voice by it. It round-trips through the file, is left out while it is the default English,
and a name that is no language tag is a warning pointing at the line that holds it (the kit
still opens; the outputs say English until it is mended)."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.model import Kit
from presskit.model.text import language
from presskit.model.validation import validate
from presskit.storage import dumps_kit, format_problem, loads_kit

HEAD = "presskit: 1\nkit:\n  title: Headline\n"


@pytest.mark.parametrize("tag", ["de", "de-CH", "pt-BR", "zh-Hant", "sr-Latn-RS", "es-419"])
def test_a_language_tag_is_read_written_back_and_accepted(tag: str) -> None:
    loaded = loads_kit(f"{HEAD}  language: {tag}\n", Path("kit.presskit"))
    assert loaded.kit.language == tag
    assert f"  language: {tag}\n" in dumps_kit(loaded.kit, Path("kit.presskit"))
    assert not [p for p in validate(loaded.kit) if "language" in p.message]


def test_english_is_the_default_and_not_written() -> None:
    kit = loads_kit(HEAD, Path("kit.presskit")).kit
    assert kit.language == "en"
    assert "language" not in dumps_kit(kit, Path("kit.presskit"))


@pytest.mark.parametrize("name", ["English", "german", "en_US", "e", "fr-"])
def test_a_name_that_is_no_language_tag_is_a_warning_at_its_line(name: str) -> None:
    loaded = loads_kit(f"{HEAD}  language: {name}\n", Path("kit.presskit"))
    (problem,) = [p for p in loaded.problems if "language" in p.message]
    assert format_problem(problem, "kit.presskit", loaded.source_map) == (
        f"kit.presskit:4:13: warning: unknown language {name!r}: use a language tag like "
        "'en', 'fr', 'de-CH', 'pt-BR' or 'zh-Hant'; until then the outputs say English ('en')"
    )
    assert language(loaded.kit.language) == "en"


def test_an_empty_language_means_english() -> None:
    assert not [p for p in validate(Kit(title="T", language="")) if "language" in p.message]
