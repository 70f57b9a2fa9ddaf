"""The bundle (``.presskitz``): its archive format and limits, the safe reader that unpacks
it, and the list of files a kit names that both walk.
"""
