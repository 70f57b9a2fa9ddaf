"""The "Roster" dock and its dialogs: the per-user roster of experts, its quote bank, the
spreadsheet import, and bringing experts into the kit or updating them from it.
"""
