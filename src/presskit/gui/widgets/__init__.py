"""Small widgets and helpers any part of the app uses: themed icons, a numbered text box, and
``Prompts``, the main window's questions as standard message boxes and file dialogs.
"""
