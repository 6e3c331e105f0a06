"""Reading the pictures (maps, timelines, charts) of a page as a person would: each picture's
<svg> parsed as XML, its parts by class, its words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"
FIGURE = re.compile(r'<figure class="sphub-figure[^"]*" id="([^"]+)">.*?</figure>', re.S)


def svgs(html: str) -> list[ET.Element]:
    """Every picture's <svg> on a page, parsed as XML: a malformed one fails here."""
    return [
        ET.fromstring(m)
        for m in re.findall(r"<svg xmlns=.*?</svg>", html, re.S)
        if 'class="sphub-' in m
    ]


def page(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def by_class(svg: ET.Element, prefix: str) -> list[ET.Element]:
    return [e for e in svg.iter() if e.get("class", "").split(" ")[0].startswith(prefix)]


def texts(svg: ET.Element) -> list[str]:
    return ["".join(e.itertext()) for e in svg.iter(SVG + "text")]
