"""The outline of the kit's sections and the editor of the selected one: a form per section
type, the quotes section's chosen quotes and the dialog that picks them.
"""
