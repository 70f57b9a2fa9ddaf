"""The open kit: the model on disk with its undo stack, the undo commands every edit is made
of, deletions with their references, autosave, and the Qt item models over the kit's lists.
"""
