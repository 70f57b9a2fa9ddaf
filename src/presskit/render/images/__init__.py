"""Pictures: headshots and logos checked and shrunk to what the page needs, SVG logos drawn as
vectors, and the on-disk cache of prepared pictures.
"""
