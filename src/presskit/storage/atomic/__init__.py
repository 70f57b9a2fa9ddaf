"""The safe ways presskit writes a file: all of the new content or the old file untouched,
never through a link, never wider than its target.

Every file the program writes (projects, the roster, settings, PDFs, caches) goes through
``atomic_write``; a set of files that belong together (an e-mail's HTML and text) through
``replace_all``, which replaces all of them or none; a file that must not exist yet (a lock)
through ``create_new``; a set with a folder of its own (an e-mail's pictures) through
``replace_with_folder``. ``temps`` holds what they share: the checks of the target, the temp
files and the clean-up after a killed writer; ``output_set`` the replacing;
``set_record`` what carries a set's replacement through a kill; ``new_file`` the exclusive
creation.
"""

from __future__ import annotations

from presskit.storage.atomic.folders import output_folder, remove_if_empty, replace_with_folder
from presskit.storage.atomic.new_file import create_new
from presskit.storage.atomic.output_set import atomic_write, replace_all
from presskit.storage.atomic.temps import remove_stale_temps

__all__ = [
    "atomic_write", "create_new", "output_folder", "remove_if_empty", "remove_stale_temps",
    "replace_all", "replace_with_folder",
]
