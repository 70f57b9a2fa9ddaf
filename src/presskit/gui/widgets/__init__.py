"""Small widgets and helpers any part of the window uses: themed icons, a numbered text box.
"""
