"""Dialogs that stand on their own: the pre-flight check before export, preferences, a new kit
from pasted text, and the brand presets.
"""
