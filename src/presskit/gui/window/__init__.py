"""The main window and what hangs off it: its menus and toolbar, the questions it asks, and
the action groups (share, library, brand presets) that reach the window only through the
small protocol in ``host``.
"""
