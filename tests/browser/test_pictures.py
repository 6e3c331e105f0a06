"""Screenshots of the pictures: one of each kind, at phone and desktop widths, alone with the
page's own style sheets, saved in tests/artifacts/ for a person to look at."""

from __future__ import annotations

import posixpath
import re

import pytest

from browser.browsing import ARTIFACTS
from tests.pictures import FIGURE, page


@pytest.mark.parametrize(
    "url, key",
    [
        ("members", "map-world"),
        ("regions/asia", "map-asia"),
        ("regions/asia", "timeline-asia-2012"),
        ("", "chart-events-region"),
    ],
)
@pytest.mark.parametrize("width", [390, 1000])
def test_screenshot(browser, built_site, url, key, width):
    html = page(built_site, url)
    figure = next(m.group(0) for m in FIGURE.finditer(html) if m.group(1) == key)
    # The figure alone, with the page's own style sheets, so the shot shows just the picture.
    base = (built_site / url / "index.html").as_uri()
    styles = "".join(
        f'<link rel="stylesheet" href="{posixpath.join(posixpath.dirname(base), h)}">'
        for h in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    )
    ARTIFACTS.mkdir(exist_ok=True)
    single = ARTIFACTS / f"{key}-{width}.html"
    single.write_text(
        f'<!doctype html><html><head><meta charset="utf-8">{styles}</head>'
        f'<body><article class="md-typeset" style="padding:8px">{figure}'
        "</article></body></html>",
        encoding="utf-8",
    )
    shot = ARTIFACTS / f"{key}-{width}.png"
    shot.unlink(missing_ok=True)
    tab = browser.new_page(viewport={"width": width, "height": 900})
    try:
        tab.goto(single.as_uri())
        tab.screenshot(path=shot)
    finally:
        tab.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000
