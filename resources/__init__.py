"""Data files shipped with presskit (fonts, default brand, icons); no code lives here."""
