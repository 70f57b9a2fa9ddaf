"""The forms for the kit's parts (what the kit is, its brand, contacts, resources, experts and
their quotes, with the quote approval), and the input widgets and binding they share.
"""
