"""The ``presskit`` command line, one module per command group; ``main.main`` is the entry
point (``presskit`` in ``pyproject.toml``, ``python -m presskit``).
"""
