"""A file written by an older presskit is brought up to date as it is read, the way
``schema.py`` says a new format version is added: a migration rewrites the composed nodes in
place, so every value keeps the line and column the user wrote it at."""

from __future__ import annotations

from pathlib import Path

import pytest
from yaml.nodes import MappingNode

from presskit.storage import ProjectFileError, loads_kit, reader, schema

#: A format version 1 kit as a hypothetical version 2 would find it: the title was ``headline``.
OLD_KIT = "presskit: 1\nkit:\n  headline: Talks resume\n  date: 2019-02-30\n"


def _headline_became_title(root: MappingNode) -> None:
    for key, value in root.value:
        if key.value == "kit":
            for kit_key, _kit_value in value.value:
                if kit_key.value == "headline":
                    kit_key.value = "title"


@pytest.fixture
def version_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "FORMAT_VERSION", 2)
    monkeypatch.setattr(reader, "FORMAT_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 1, _headline_became_title)


def test_an_older_file_is_migrated_as_it_is_read(version_2: None) -> None:
    loaded = loads_kit(OLD_KIT.replace("2019-02-30", "2019-09-20"), Path("kit.presskit"))
    assert loaded.kit.title == "Talks resume"
    assert "kit" not in loaded.kit.extra  # no "unknown key 'headline'"


def test_a_problem_in_a_migrated_file_points_where_the_user_wrote_it(version_2: None) -> None:
    with pytest.raises(ProjectFileError) as caught:
        loads_kit(OLD_KIT, Path("kit.presskit"))
    assert str(caught.value) == (
        "kit.presskit:4:9: error: kit.date: expected a date like 2019-09-20, got '2019-02-30' "
        "(there is no such day)")
