"""Bringing a project file written by an older presskit up to the current format version.

Format versions (the top-level ``presskit:`` key):

====  ========  ==================================================================
  1    0.1      first version (docs/file-format.md)
====  ========  ==================================================================

How to add version N+1: bump ``FORMAT_VERSION``, describe the change above and in
docs/file-format.md, add ``MIGRATIONS[N] = _from_N``, a function that rewrites the composed
node tree of a version-N document *in place* into version N+1 (rename keys, move values,
fill in new required fields), and keep a ``tests/fixtures/formats/vN.presskit`` written by the
old version. Migrations work on YAML nodes rather than on loaded objects so that every value
keeps its line and column: a problem in a migrated file is still reported where the user
wrote it. Files are migrated only in memory; saving writes the current version.
"""

from __future__ import annotations

from collections.abc import Callable

from yaml.nodes import MappingNode

#: The version this presskit writes, and the newest it can read.
FORMAT_VERSION = 1

#: The oldest version that ever existed; anything below it is not a presskit file.
FIRST_VERSION = 1

#: ``MIGRATIONS[n]`` turns the root mapping of a version-``n`` document into version ``n + 1``.
#: Empty while there is only one version.
MIGRATIONS: dict[int, Callable[[MappingNode], None]] = {}


def migrate(root: MappingNode, version: int) -> None:
    """Upgrade ``root`` (a version-``version`` document) to ``FORMAT_VERSION``, in place."""
    if not FIRST_VERSION <= version <= FORMAT_VERSION:
        raise ValueError(f"no migration path from format version {version}")
    for step in range(version, FORMAT_VERSION):
        MIGRATIONS[step](root)
