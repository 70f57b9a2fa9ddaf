"""The preview pane and what feeds it: rendering off the GUI thread, in a process of its own,
and loading the PDF into QtPdf.
"""
