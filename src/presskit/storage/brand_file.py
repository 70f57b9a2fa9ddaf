"""A brand on its own in a YAML file (the default brand a new kit starts from) → ``Brand``.

The file holds the keys of a project file's ``brand:`` mapping (docs/file-format.md) and is read
by the same walk (``RecordReader`` over ``schema.BRAND``) and checked by the same model rules,
so a mistake in it is reported as ``file:line:col: error: …`` like one in a kit. Paths in it
(a logo, a font file) are relative to the file. Only errors refuse it; unknown keys are kept in
``Brand.extra`` as in a kit.
"""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import MappingNode

from presskit.model.kit import Brand, Kit
from presskit.model.problems import Problem, Severity
from presskit.model.validation import validate
from presskit.storage.composer import compose
from presskit.storage.errors import ProjectFileError, describe_os_error, position_of
from presskit.storage.reader import RecordReader, UnreadableFile, read_yaml_file
from presskit.storage.schema import BRAND
from presskit.storage.source_map import SourceMap


def load_brand(path: Path) -> Brand:
    """Read the brand file at ``path``; raises ``ProjectFileError`` if it has any error."""
    path = Path(path)
    try:
        text = read_yaml_file(path)
    except FileNotFoundError as exc:
        problem = Problem(Severity.ERROR, f"cannot read the file: {describe_os_error(exc)}")
        raise ProjectFileError([problem], path, None) from None
    except UnreadableFile as exc:
        raise ProjectFileError([exc.problem], path, None) from None
    composed = compose(text)
    root = composed.root
    source_map = SourceMap.from_node(root)
    reader = RecordReader(path.absolute().parent)
    problems = list(composed.problems)
    brand: Brand | None = None
    if root is None and not problems:
        problems.append(Problem(Severity.ERROR, "the file is empty; a brand file holds "
                                "'organisation:', 'colors:' and the other brand keys"))
    elif root is not None and not isinstance(root, MappingNode):
        reader.error("expected a brand (key: value lines such as 'organisation: …')", root, ())
    elif root is not None:
        fields, extra = reader.record(root, (), BRAND, "brand")
        brand = Brand(**fields, extra=extra)
        # The model's rules for a brand (colours written as #rrggbb, safe website links),
        # with paths made relative to this file's top level, where the brand keys are.
        checked = validate(Kit(title="brand", brand=brand))
        problems += [
            Problem(p.severity, p.message, p.where[1:])
            for p in checked
            if p.where[:1] == ("brand",)
        ]
    problems = sorted(
        [*reader.problems, *problems],
        key=lambda p: (not p.is_error, position_of(p, source_map) or (0, 0)),
    )
    if brand is None or any(p.is_error for p in problems):
        raise ProjectFileError(problems, path, source_map)
    return brand
