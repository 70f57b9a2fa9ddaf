"""A pasted advisory turned into a kit: the parser, the patterns it looks for, the text
clean-up and how it finds media contacts.
"""
