"""PyInstaller run-time hook, in place of PyInstaller's own for PySide6 (pyi_rth_pyside6).

That hook imports ``PySide6.QtCore`` at the start of every run, to write a ``qt.conf`` that
the PyPI wheels of PySide6 never need: so every ``presskit export``, every render child and
every spreadsheet reader loaded Qt and ICU first, 0.2 s of CPU and the exports' lead over
the source install lost. This one only tells Qt where its plugins are, and loads nothing;
Qt is loaded when the app imports it, as from source.
"""

import os
import sys

_base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
if sys.platform.startswith("win"):
    _qt = os.path.join(_base, "PySide6")
    # QtNetwork's OpenSSL and the other DLLs collected beside the executable.
    os.environ["PATH"] = os.pathsep.join([_base, os.environ.get("PATH", "")])
else:
    _qt = os.path.join(_base, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
