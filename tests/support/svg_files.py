"""SVG files that attack whatever draws them."""

from __future__ import annotations


def use_fan_out(levels: int, copies: int) -> str:
    """A few kB of SVG that draws ``copies ** levels`` triangles through nested ``<use>``."""
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
             ' width="100" height="100"><defs><path id="g0" d="M0 0 L100 100 L0 100 Z"/>']
    for level in range(1, levels + 1):
        parts.append(f'<g id="g{level}">' + "".join(
            f'<use xlink:href="#g{level - 1}" transform="translate({j / 1000},0)"/>'
            for j in range(copies)) + "</g>")
    parts.append(f'</defs><use xlink:href="#g{levels}"/></svg>')
    return "".join(parts)
