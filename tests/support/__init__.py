"""Helpers shared by the tests: example kits, PDF and format readers, GUI actions."""
