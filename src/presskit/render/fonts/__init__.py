"""Fonts: the brand's faces registered with ReportLab, the fallback faces for scripts they lack,
which characters each face covers, and the on-disk cache of parsed font files.
"""
