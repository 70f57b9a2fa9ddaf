"""The main window and what hangs off it: its menus and toolbar, engine work off the GUI
thread, and the action groups (share, library, brand presets) that reach the window only through the
small protocol in ``host``.
"""
