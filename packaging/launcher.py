"""The packaged app's entry point (PyInstaller freezes this file): the ``presskit`` command.

``presskit.cli.main.main`` calls ``multiprocessing.freeze_support()`` first when frozen, so
the same executable also serves as the spreadsheet reader's child process and the preview's
render process.
"""

import sys

from presskit.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
